"""The Evotor token form: where to find the token, a live check, and where the token is kept.

Used by the wizard's page 2 and by Settings → Accounts.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton,
                               QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.jobs.connect import ConnectResult, connect_evotor, evotor_connected
from stockdesk.secrets import env_var
from stockdesk.ui import formatting as fmt
from stockdesk.ui.job_runner import JobRunner
from stockdesk.ui.widgets import MessageBar, checked, paragraph


class ConnectForm(QWidget):
    connected = Signal(object)  # ConnectResult
    busy_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = JobRunner(self)
        self.runner.running_changed.connect(self._running)
        self.result: ConnectResult | None = None

        self.help_toggle = QToolButton(self)
        self.help_toggle.setText(self.tr("Where do I find my token?"))
        self.help_toggle.setCheckable(True)
        self.help_toggle.setChecked(True)
        self.help_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.help_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.help = paragraph(self.tr(
            "<ol>"
            "<li>Open your Evotor personal cabinet (lk.evotor.ru) and sign in.</li>"
            "<li>Go to <b>My apps</b> and open <b>StockDesk</b> (install it from the Evotor app store "
            "first if it is not there).</li>"
            "<li>Open the app's <b>Settings</b> tab and copy the token shown there.</li>"
            "<li>Paste it below and press <b>Check</b>.</li>"
            "</ol>"
            "The token lets StockDesk read your stores, products and documents and change stock "
            "balances. It never leaves this computer except to talk to Evotor."), self)
        self.help_toggle.toggled.connect(self._toggle_help)

        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Paste the token here"))
        self.token.setAccessibleName(self.tr("Evotor token"))
        self.token.returnPressed.connect(lambda: self.check())
        token_label = QLabel(self.tr("&Token:"), self)
        token_label.setBuddy(self.token)
        self.show_token = QCheckBox(self.tr("S&how"), self)
        self.show_token.toggled.connect(lambda on: self.token.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.clicked.connect(lambda: self.check())
        self.session_button = QPushButton(self.tr("&Keep it for this run only"), self)
        self.session_button.clicked.connect(lambda: self.check(session_only=True))
        self.session_button.hide()

        self.message = MessageBar(self)
        self.stores = QLabel(self)
        self.stores.setWordWrap(True)
        self.stores.setTextFormat(Qt.TextFormat.RichText)

        row = QHBoxLayout()
        row.addWidget(token_label)
        row.addWidget(self.token, 1)
        row.addWidget(self.show_token)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.help_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.help)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.session_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.stores)
        layout.addStretch(1)

    def _toggle_help(self, shown: bool) -> None:
        self.help.setVisible(shown)
        self.help_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def show_current(self) -> None:
        """Say whether an account is already connected (and with which kind of token)."""
        source = self.ctx.secrets.source("evotor")
        if source == "env":
            self.message.show_message(self.tr("A token is set in the %1 environment variable: press Check to "
                                              "use it.").replace("%1", env_var("evotor")), "info")
        elif evotor_connected(self.ctx):
            self.message.show_message(self.tr("Evotor is connected. Paste a new token only if you want to "
                                              "replace it."), "ok")

    def is_busy(self) -> bool:
        return self.runner.is_running()

    def cancel(self) -> None:
        self.runner.cancel()

    def _running(self, running: bool) -> None:
        self.check_button.setEnabled(not running)
        self.busy_changed.emit(running)

    def check(self, session_only: bool = False) -> None:
        if self.is_busy():
            return
        token = self.token.text().strip() or None
        if token is None and not self.ctx.secrets.get("evotor"):
            self.message.show_message(self.tr("Paste the token first."), "error")
            self.token.setFocus()
            return
        self.message.show_message(self.tr("Checking with Evotor…"), "info")
        self.session_button.hide()
        # the demo's token belongs to the throw-away sandbox: never into the real keychain
        job = connect_evotor(self.ctx, token, session_only=session_only or self.ctx.demo)
        self.runner.start(checked(job, self.message, self.session_button), done=self._checked,
                          failed=self.message.show_error, stopped=lambda: None)

    def _checked(self, result: ConnectResult | None) -> None:
        if result is None:  # checked() said why on the message bar
            return
        self.result = result
        self.token.clear()
        self.message.show_message(self._storage_text(result.token_storage), "ok")
        self.stores.setText(self._stores_html(result))
        self.connected.emit(result)

    def _storage_text(self, storage: str) -> str:
        if self.ctx.demo:
            return self.tr("Connected to the demo shop.")
        if storage == "keychain":
            return self.tr("Connected. The token is saved in this computer's password keychain.")
        if storage == "env":
            return self.tr("Connected with the token from the %1 environment variable (it is not stored)."
                           ).replace("%1", env_var("evotor"))
        return self.tr("Connected. The token is kept for this run only: StockDesk will ask for it again "
                       "next time.")

    def _stores_html(self, result: ConnectResult) -> str:
        items = []
        for store in result.stores:
            text = escape(store.name)
            if store.address:
                text += " — " + escape(store.address)
            if store.created_ms:
                text += " (" + self.tr("since %1").replace("%1", fmt.date_ms(store.created_ms)) + ")"
            items.append(f"<li>{text}</li>")
        return self.tr("%n store(s) found:", "", len(result.stores)) + f"<ul>{''.join(items)}</ul>"
