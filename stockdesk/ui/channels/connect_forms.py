"""Connecting MoySklad, Yandex Market and IMSHOP: each form checks live and says exactly what failed.

Used by the wizard's optional page 3 and by Settings → Accounts and stores (through AccountsPanel).
"""

from __future__ import annotations

from typing import Any, Coroutine

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.errors import UserError
from stockdesk.imshop.config import KEY_NAME as IMSHOP_KEY
from stockdesk.imshop.config import Warehouse
from stockdesk.jobs import imshop, moysklad, yandex
from stockdesk.ui.channels.state import channel_name
from stockdesk.ui.job_runner import JobRunner
from stockdesk.ui.widgets import MessageBar, checked, paragraph
from stockdesk.yandex.config import YandexConfig


def secret_field(parent: QWidget, placeholder: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


def evotor_stores(ctx: AppContext) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in ctx.db.execute("SELECT id, name FROM stores ORDER BY name")]


class ChannelForm(QGroupBox):
    """A channel's box: fields, a Check button, a message, and "keep it for this run only"."""
    connected = Signal(object)

    def __init__(self, ctx: AppContext, channel: str, purpose: str, parent: QWidget | None = None) -> None:
        # purpose: subclasses set the text after this (their own tr context)
        super().__init__(channel_name(channel), parent)
        self.ctx = ctx
        self.channel = channel
        self.runner = JobRunner(self)
        self.runner.running_changed.connect(lambda running: self.check_button.setEnabled(not running))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.check_button = QPushButton(self.tr("Check and connect"), self)
        self.check_button.clicked.connect(lambda: self.check())
        self.session_button = QPushButton(self.tr("Keep it for this run only"), self)
        self.session_button.clicked.connect(lambda: self.check(session_only=True))
        self.session_button.hide()
        self.message = MessageBar(self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(paragraph(purpose, self))
        self.layout_.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.session_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.message)
        self.show_current()

    def is_connected(self) -> bool:
        return bool(self.ctx.db["accounts"].count_where("id = ?", [self.channel]))

    def show_current(self) -> None:
        if self.is_connected():
            self.message.show_message(self.tr("Connected. Fill in the fields only to change the connection."), "ok")

    def is_busy(self) -> bool:
        return self.runner.is_running()

    def cancel(self) -> None:
        self.runner.cancel()

    def check(self, session_only: bool = False) -> None:
        if self.is_busy():
            return
        coro = self.connect_job(session_only or self.ctx.demo)
        if coro is None:
            return
        self.message.show_message(self.tr("Checking…"), "info")
        self.session_button.hide()
        self.runner.start(checked(coro, self.message, self.session_button), done=self._checked,
                          failed=self.message.show_error, stopped=lambda: None)

    def _checked(self, text: str | None) -> None:
        if text is not None:  # None: checked() said why on the message bar
            self.message.show_message(text, "ok")
            self.connected.emit(self.channel)

    def connect_job(self, session_only: bool) -> Coroutine[Any, Any, str] | None:
        """The job to run with the fields' values, or None after saying what is missing."""
        raise NotImplementedError

    def refuse(self, text: str, field: QWidget) -> None:
        self.message.show_message(text, "error")
        field.setFocus()

    def storage_text(self, storage: str) -> str:
        if storage == "session":
            return self.tr("The key is kept for this run only.")
        if storage == "env":
            return self.tr("The key comes from an environment variable and is not stored.")
        return self.tr("The key is saved in this computer's password keychain.")


class MoySkladForm(ChannelForm):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "moysklad", "", parent)
        self.layout_.itemAt(0).widget().setText(self.tr(
            "Compare MoySklad's stock with the rebuilt one, or use it as the stock for the other channels. "
            "Create a token in MoySklad under Settings → Users → your user → Access tokens."))
        self.token = secret_field(self, self.tr("Paste the MoySklad token"))
        self.token.setAccessibleName(self.tr("MoySklad token"))
        self.use_login = QCheckBox(self.tr("I have no token: sign in with my login and password"), self)
        self.login = QLineEdit(self)
        self.login.setPlaceholderText("admin@shop")
        self.password = secret_field(self, "")
        self.revoke = QCheckBox(self.tr("I understand that this revokes my other MoySklad tokens: programs "
                                        "connected with them stop working"), self)
        self.revoke.setStyleSheet("QCheckBox { color: #8a1c1c; }")
        self.form.addRow(self.tr("Token:"), self.token)
        self.form.addRow(self.use_login)
        self.form.addRow(self.tr("Login:"), self.login)
        self.form.addRow(self.tr("Password:"), self.password)
        self.form.addRow(self.revoke)
        self.use_login.toggled.connect(self._login_mode)
        self._login_mode(False)

    def _login_mode(self, on: bool) -> None:
        self.token.setEnabled(not on)
        for widget in (self.login, self.password, self.revoke):
            widget.setVisible(on)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(on)

    def connect_job(self, session_only: bool) -> Coroutine[Any, Any, str] | None:
        if self.use_login.isChecked():
            if not self.login.text().strip() or not self.password.text():
                self.refuse(self.tr("Type the login and the password."), self.login)
                return None
            if not self.revoke.isChecked():
                self.refuse(self.tr("Tick the box to confirm that your other MoySklad tokens will stop working, "
                                    "or paste an existing token instead."), self.revoke)
                return None
            return self._connect(None, self.login.text().strip(), self.password.text(), session_only)
        token = self.token.text().strip() or None
        if token is None and not self.ctx.secrets.get("moysklad"):
            self.refuse(self.tr("Paste the token first."), self.token)
            return None
        return self._connect(token, None, None, session_only)

    async def _connect(self, token: str | None, login: str | None, password: str | None, session_only: bool) -> str:
        result = await moysklad.connect_moysklad(self.ctx, token, login=login, password=password,
                                                 confirm_revoke=self.revoke.isChecked(), session_only=session_only)
        self.token.clear()
        self.password.clear()
        names = ", ".join(s.name for s in result.stores)
        return (self.tr("Connected: %n store(s) in MoySklad", "", len(result.stores)) + (f" ({names}). " if names else ". ")
                + self.storage_text(result.token_storage))


MODE_CHOICES = (
    (None, "Find out automatically"),
    ("campaign", "My cabinet has warehouse groups"),
    ("business", "No warehouse groups"),
)


class YandexForm(ChannelForm):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "yandex", "", parent)
        self.layout_.itemAt(0).widget().setText(self.tr(
            "Send the stock of your offers to Yandex Market (FBS, Express or DBS). Create an Api-Key in the "
            "seller cabinet under Settings → API and modules; the campaign id is shown there too."))
        cfg = YandexConfig.load(ctx)
        self.key = secret_field(self, self.tr("Paste the Api-Key"))
        self.key.setAccessibleName(self.tr("Yandex Market Api-Key"))
        self.campaign = QLineEdit(str(cfg.campaign_id or ""), self)
        self.campaign.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.campaign.setPlaceholderText(self.tr("e.g. 21598764"))
        self.business = QLineEdit(str(cfg.business_id or ""), self)
        self.business.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.business.setPlaceholderText(self.tr("optional: found from the campaign"))
        self.warehouse = QLineEdit(str(cfg.warehouse_id or ""), self)
        self.warehouse.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.warehouse.setPlaceholderText(self.tr("optional: only when asked, without warehouse groups"))
        self.store = QComboBox(self)
        for store_id, name in evotor_stores(ctx):
            self.store.addItem(name, store_id)
        self.store.setCurrentIndex(max(0, self.store.findData(cfg.store_id)))
        self.mode = QComboBox(self)
        for value, text in MODE_CHOICES:
            self.mode.addItem(self.tr(text), value)
        self.mode.setCurrentIndex(max(0, self.mode.findData(cfg.mode)) if cfg.mode else 0)
        self.form.addRow(self.tr("Api-Key:"), self.key)
        self.form.addRow(self.tr("Campaign id:"), self.campaign)
        self.form.addRow(self.tr("Business id:"), self.business)
        self.form.addRow(self.tr("Evotor store:"), self.store)
        self.form.addRow(self.tr("Warehouses:"), self.mode)
        self.form.addRow(self.tr("Warehouse id:"), self.warehouse)
        self.form.addRow(paragraph(self.tr(
            "<small>With <b>warehouse groups</b> the warehouses of a group share one stock, and StockDesk sends "
            "it once for the campaign. <b>Without groups</b> StockDesk sends the stock for your one warehouse "
            "of this campaign. StockDesk can find out which applies; choose only if you know better.</small>"),
            self))

    def connect_job(self, session_only: bool) -> Coroutine[Any, Any, str] | None:
        key = self.key.text().strip() or None
        if key is None and not self.ctx.secrets.get("yandex"):
            self.refuse(self.tr("Paste the Api-Key first."), self.key)
            return None
        if not self.campaign.text().strip():
            self.refuse(self.tr("Type the campaign id."), self.campaign)
            return None
        if self.store.count() == 0:
            self.refuse(self.tr("Connect Evotor first: the stock sent comes from an Evotor store."), self.store)
            return None
        return self._connect(key, session_only)

    async def _connect(self, key: str | None, session_only: bool) -> str:
        business, warehouse = self.business.text().strip(), self.warehouse.text().strip()
        result = await yandex.connect_yandex(
            self.ctx, key, campaign_id=int(self.campaign.text()), business_id=int(business) if business else None,
            store_id=self.store.currentData(), mode=self.mode.currentData(),
            warehouse_id=int(warehouse) if warehouse else None, session_only=session_only)
        self.key.clear()
        summary = result.matching
        text = self.tr("Connected: %n offer(s).", "", result.offers)
        if summary is not None:
            text += " " + self.tr("%1 matched to Evotor products, %2 need your choice (Sales channels tab).") \
                .replace("%1", str(summary.auto + summary.manual)).replace("%2", str(summary.ambiguous + summary.unmatched))
        if result.warehouse_choices:
            text += " " + self.tr("Several warehouses fit: %1. Type the id of this campaign's warehouse in the "
                                  "Warehouse id field and check again.").replace(
                "%1", ", ".join(f"{w.get('name')} ({w.get('id')})" for w in result.warehouse_choices))
        text += " " + self.tr("Sending is off until you switch it on.") + " " + self.storage_text(result.token_storage)
        return text


class ImshopForm(ChannelForm):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "imshop", "", parent)
        self.layout_.itemAt(0).widget().setText(self.tr(
            "Tell your IMSHOP app what each store has. The key comes from your IMSHOP manager; add a warehouse "
            "for every store the app shows."))
        self.check_button.setText(self.tr("Save the key"))
        self.key = secret_field(self, self.tr("Paste the IMSHOP key"))
        self.key.setAccessibleName(self.tr("IMSHOP key"))
        self.form.addRow(self.tr("Key:"), self.key)
        self.warehouses = QListWidget(self)
        self.warehouses.setMaximumHeight(90)
        self.store = QComboBox(self)
        for store_id, name in evotor_stores(ctx):
            self.store.addItem(name, store_id)
        self.wh_id = QLineEdit(self)
        self.wh_id.setPlaceholderText(self.tr("warehouseId, e.g. 1"))
        self.wh_name = QLineEdit(self)
        self.wh_city = QLineEdit(self)
        self.wh_address = QLineEdit(self)
        self.lat = QDoubleSpinBox(self)
        self.lon = QDoubleSpinBox(self)
        for spin, limit in ((self.lat, 90), (self.lon, 180)):
            spin.setRange(-limit, limit)
            spin.setDecimals(6)
            spin.setSpecialValueText("—")
            spin.setMinimum(-limit - 1)  # the special value: no coordinates
            spin.setValue(spin.minimum())
        self.online = QCheckBox(self.tr("Online warehouse (delivers to other cities)"), self)
        add = QPushButton(self.tr("Add the warehouse"), self)
        add.clicked.connect(self.add_warehouse)
        remove = QPushButton(self.tr("Remove the selected"), self)
        remove.clicked.connect(self.remove_warehouse)
        coordinates = QHBoxLayout()
        coordinates.addWidget(self.lat)
        coordinates.addWidget(self.lon)
        self.form.addRow(self.tr("Warehouses:"), self.warehouses)
        self.form.addRow(self.tr("Store:"), self.store)
        self.form.addRow(self.tr("Warehouse id:"), self.wh_id)
        self.form.addRow(self.tr("Name:"), self.wh_name)
        self.form.addRow(self.tr("City:"), self.wh_city)
        self.form.addRow(self.tr("Address:"), self.wh_address)
        self.form.addRow(self.tr("Latitude, longitude:"), coordinates)
        self.form.addRow(self.online)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.form.addRow(row)
        self.show_warehouses()

    def is_connected(self) -> bool:
        return bool(self.ctx.secrets.get(IMSHOP_KEY))

    def show_warehouses(self) -> None:
        self.warehouses.clear()
        for w in imshop.list_warehouses(self.ctx.db):
            item = QListWidgetItem(f"{w.warehouse_id}: {w.name}, {w.city}" + (f", {w.address}" if w.address else ""))
            item.setData(Qt.ItemDataRole.UserRole, w.warehouse_id)
            self.warehouses.addItem(item)

    def connect_job(self, session_only: bool) -> Coroutine[Any, Any, str] | None:
        if not self.key.text().strip():
            self.refuse(self.tr("Paste the key first."), self.key)
            return None
        return self._save(self.key.text(), session_only)

    async def _save(self, key: str, session_only: bool) -> str:
        storage = imshop.save_key(self.ctx.secrets, key, session_only=session_only)
        self.key.clear()
        return self.tr("Saved. Start the webhook on the Sales channels tab.") + " " + self.storage_text(storage)

    def add_warehouse(self) -> None:
        lat = None if self.lat.value() == self.lat.minimum() else self.lat.value()
        lon = None if self.lon.value() == self.lon.minimum() else self.lon.value()
        warehouse = Warehouse(self.wh_id.text(), self.store.currentData() or "", self.wh_name.text(),
                              self.wh_city.text(), self.wh_address.text(), lat, lon, self.online.isChecked())
        try:
            imshop.save_warehouse(self.ctx.db, warehouse, replace_existing=True)
        except UserError as exc:
            self.message.show_message(exc.render(), "error")
            return
        for field in (self.wh_id, self.wh_name, self.wh_address):
            field.clear()
        self.message.show_message(self.tr("Warehouse saved."), "ok")
        self.show_warehouses()
        self.connected.emit(self.channel)

    def remove_warehouse(self) -> None:
        item = self.warehouses.currentItem()
        if item is not None:
            imshop.remove_warehouse(self.ctx.db, item.data(Qt.ItemDataRole.UserRole))
            self.show_warehouses()
            self.connected.emit(self.channel)
