"""Settings: accounts and stores, language, where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from stockdesk import i18n
from stockdesk.context import AppContext
from stockdesk.jobs.connect import evotor_connected
from stockdesk.ui.accounts_panel import AccountsPanel
from stockdesk.ui.connect_form import ConnectForm
from stockdesk.ui.logging_setup import LOG_NAME
from stockdesk.ui.stores_list import StoresList
from stockdesk.ui.widgets import paragraph

LANGUAGE_SETTING = "language"


class SettingsDialog(QDialog):
    changed = Signal()  # accounts or stores changed: the main window reloads

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        tabs = QTabWidget(self)
        tabs.addTab(self._scrollable(self._accounts_tab()), self.tr("&Accounts and stores"))
        tabs.addTab(self._language_tab(), self.tr("&Language"))
        tabs.addTab(self._data_tab(), self.tr("&Data"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def _scrollable(self, widget: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        return area

    # --- accounts ------------------------------------------------------------------------------

    def _accounts_tab(self) -> QWidget:
        tab = QWidget(self)
        evotor = QGroupBox(self.tr("Evotor"), tab)
        self.evotor_status = QLabel(evotor)
        self.evotor_status.setWordWrap(True)
        self.connect_form = ConnectForm(self.ctx, evotor)
        self.connect_form.help_toggle.setChecked(False)
        self.connect_form.connected.connect(self._connected)
        self.forget_button = QPushButton(self.tr("&Forget the token"), evotor)
        self.forget_button.setToolTip(self.tr("Remove the Evotor token from this computer; StockDesk asks "
                                              "for it again next time."))
        self.forget_button.clicked.connect(self._forget)
        inner = QVBoxLayout(evotor)
        inner.addWidget(self.evotor_status)
        inner.addWidget(self.connect_form)
        inner.addWidget(self.forget_button, 0, Qt.AlignmentFlag.AlignLeft)

        stores = QGroupBox(self.tr("Stores"), tab)
        self.stores = StoresList(self.ctx, stores)
        self.stores.setMinimumHeight(120)
        self.stores.selection_changed.connect(lambda _: self.changed.emit())
        stores_layout = QVBoxLayout(stores)
        stores_layout.addWidget(self.stores)
        stores_layout.addWidget(paragraph(self.tr("After ticking a new store, run the reconstruction again."),
                                          stores))

        others = QGroupBox(self.tr("Sales channels"), tab)
        others_layout = QVBoxLayout(others)
        self.channels = AccountsPanel(self.ctx, self.tr("Optional: connect the places that should know your "
                                                        "stock. The Sales channels tab shows how they are doing."),
                                      others)
        self.channels.changed.connect(self.changed)
        others_layout.addWidget(self.channels)

        layout = QVBoxLayout(tab)
        layout.addWidget(evotor)
        layout.addWidget(stores)
        layout.addWidget(others)
        layout.addStretch(1)
        self._show_evotor_status()
        self.stores.reload()
        return tab

    def _show_evotor_status(self) -> None:
        source = self.ctx.secrets.source("evotor")
        if not evotor_connected(self.ctx):
            text = self.tr("Not connected.")
        elif source == "keychain":
            text = self.tr("Connected. The token is in this computer's password keychain.")
        elif source == "session":
            text = self.tr("Connected. The token is kept for this run only.")
        else:
            text = self.tr("Connected with the token from an environment variable.")
        self.evotor_status.setText(text)
        self.forget_button.setEnabled(source in ("keychain", "session"))

    def _connected(self, _result) -> None:
        self._show_evotor_status()
        self.stores.reload()
        self.changed.emit()

    def _forget(self) -> None:
        self.ctx.secrets.delete("evotor")
        self._show_evotor_status()
        self.connect_form.message.show_message(self.tr("The token is removed from this computer."), "ok")
        self.changed.emit()

    # --- language ------------------------------------------------------------------------------

    def _language_tab(self) -> QWidget:
        tab = QWidget(self)
        self.language = QComboBox(tab)
        self.language.addItem(self.tr("The system's language"), None)
        self.language.addItem("English", "en")
        self.language.addItem("Русский", "ru")
        self.language.setCurrentIndex(max(0, self.language.findData(self.ctx.setting(LANGUAGE_SETTING))))
        self.language.currentIndexChanged.connect(self._language_changed)
        label = QLabel(self.tr("&Language:"), tab)
        label.setBuddy(self.language)
        self.language_note = paragraph(self.tr("StockDesk switches to the chosen language the next time it "
                                               "starts."), tab)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.language, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.language_note)
        layout.addStretch(1)
        return tab

    def _language_changed(self) -> None:
        choice = self.language.currentData()
        self.ctx.set_setting(LANGUAGE_SETTING, choice)
        if (choice or i18n.system_language()) != i18n.language():
            self.language_note.setText(self.tr("Saved. Restart StockDesk to switch the language."))

    # --- data ----------------------------------------------------------------------------------

    def _data_tab(self) -> QWidget:
        tab = QWidget(self)
        folder = str(self.ctx.data_dir)
        path = QLabel(folder, tab)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        open_button = QPushButton(self.tr("&Open the folder"), tab)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
        layout = QVBoxLayout(tab)
        layout.addWidget(paragraph(self.tr("StockDesk keeps its database (stockdesk.db) and its log file (%1) "
                                           "in this folder. Tokens are never stored there.").replace("%1", LOG_NAME),
                                   tab))
        layout.addWidget(path)
        layout.addWidget(open_button, 0, Qt.AlignmentFlag.AlignLeft)
        if self.ctx.demo:
            layout.addWidget(paragraph(self.tr("Demo: this folder is deleted when StockDesk closes."), tab))
        layout.addWidget(paragraph(self.tr("To keep the data somewhere else, start StockDesk with "
                                           "<code>--data-dir FOLDER</code> or set the STOCKDESK_DATA_DIR "
                                           "environment variable."), tab))
        layout.addStretch(1)
        return tab
