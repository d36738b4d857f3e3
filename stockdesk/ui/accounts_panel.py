"""Sales channels and sources besides Evotor: MoySklad, Yandex Market and IMSHOP, each connected with
a live check. Shared by the wizard's optional page 3 and Settings → Accounts and stores."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from stockdesk.context import AppContext
from stockdesk.ui.channels.connect_forms import ImshopForm, MoySkladForm, YandexForm
from stockdesk.ui.widgets import paragraph


class AccountsPanel(QWidget):
    changed = Signal()  # a channel was connected or its setup changed

    def __init__(self, ctx: AppContext, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.moysklad = MoySkladForm(ctx, self)
        self.yandex = YandexForm(ctx, self)
        self.imshop = ImshopForm(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(paragraph(note, self))
        for form in self.forms():
            form.connected.connect(lambda _: self.changed.emit())
            layout.addWidget(form)
        layout.addStretch(1)

    def forms(self):
        return (self.yandex, self.moysklad, self.imshop)

    def is_busy(self) -> bool:
        return any(form.is_busy() for form in self.forms())

    def stop(self) -> None:
        for form in self.forms():
            form.cancel()
