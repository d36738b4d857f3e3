"""Sales channels and sources besides Evotor (MoySklad, Yandex Market, IMSHOP).

For now a list of what each one is for, connected later from Settings; the channels' jobs fill in
the connect buttons when they land.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.ui.widgets import paragraph

ACCOUNTS = (
    ("moysklad", QT_TRANSLATE_NOOP("AccountsPanel", "MoySklad"),
     QT_TRANSLATE_NOOP("AccountsPanel", "Use MoySklad's stock as a source, if you keep it there.")),
    ("yandex", QT_TRANSLATE_NOOP("AccountsPanel", "Yandex Market"),
     QT_TRANSLATE_NOOP("AccountsPanel", "Keep the stock of your offers on Yandex Market in step.")),
    ("imshop", "IMSHOP",
     QT_TRANSLATE_NOOP("AccountsPanel", "Tell your IMSHOP online shop what is in stock.")),
)


class AccountsPanel(QWidget):
    def __init__(self, note: str, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(paragraph(note, self))
        for _, name, purpose in ACCOUNTS:
            box = QGroupBox(QCoreApplication.translate("AccountsPanel", name), self)
            inner = QVBoxLayout(box)
            inner.addWidget(paragraph(QCoreApplication.translate("AccountsPanel", purpose), box))
            label = QLabel(status, box)
            label.setWordWrap(True)
            inner.addWidget(label)
            layout.addWidget(box)
        layout.addStretch(1)
