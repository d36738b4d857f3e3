"""Per-store overview: counts, last reconstruction and push, and a coloured state."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.jobs.overview import StoreOverview, store_overview
from stockdesk.ui import formatting as fmt
from stockdesk.ui import style
from stockdesk.ui.widgets import heading


def state_of(o: StoreOverview) -> tuple[str, str]:
    """(kind, key) of a store's state: what the owner should do next, if anything."""
    if not o.last_reconstruction:
        return "error", "not_rebuilt"
    if o.needs_review:
        return "warning", "review"
    if not o.last_push:
        return "info", "not_sent"
    return "ok", "sent"


class StoreCard(QFrame):
    def __init__(self, o: StoreOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        kind, key = state_of(o)
        texts = {
            "not_rebuilt": self.tr("Not rebuilt yet: run the reconstruction."),
            "review": self.tr("%n product(s) need your decision.", "", o.needs_review),
            "not_sent": self.tr("Rebuilt, not sent to Evotor yet."),
            "sent": self.tr("Rebuilt and sent to Evotor."),
        }
        self.state = QLabel(texts[key], self)
        self.state.setWordWrap(True)
        self.state.setStyleSheet(style.label_style(kind) + "font-weight: bold;")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(heading(o.name, self))
        form.addRow(self.state)
        never = self.tr("never")
        for label, value in (
            (self.tr("Products:"), str(o.products)),
            (self.tr("From documents:"), str(o.resolved)),
            (self.tr("Need your decision:"), str(o.needs_review)),
            (self.tr("Sent to Evotor:"), str(o.pushed)),
            (self.tr("Last reconstruction:"), fmt.iso_datetime(o.last_reconstruction) or never),
            (self.tr("Last push:"), fmt.iso_datetime(o.last_push) or never),
        ):
            form.addRow(label, QLabel(value, self))


class OverviewTab(QWidget):
    rebuild_requested = Signal()
    review_requested = Signal()
    push_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cards = QWidget(self)
        self.cards_layout = QGridLayout(self.cards)
        area = QScrollArea(self)
        area.setWidget(self.cards)
        area.setWidgetResizable(True)
        buttons = QHBoxLayout()
        # mnemonics differ from the tabs' (Overview, Products, Review, Send to Evotor, Activity)
        for text, signal in ((self.tr("Re-run re&construction"), self.rebuild_requested),
                             (self.tr("&Go to review"), self.review_requested),
                             (self.tr("Se&nd to Evotor"), self.push_requested)):
            button = QPushButton(text, self)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(area, 1)

    def reload(self) -> None:
        while self.cards_layout.count():
            item = self.cards_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        overview = store_overview(self.ctx)
        if not overview:
            self.cards_layout.addWidget(QLabel(self.tr("No store is selected. Choose stores in Settings → "
                                                       "Accounts and stores."), self.cards), 0, 0)
        for n, o in enumerate(overview):
            self.cards_layout.addWidget(StoreCard(o, self.cards), n // 2, n % 2)
        self.cards_layout.setRowStretch(self.cards_layout.rowCount(), 1)
        self.cards_layout.setColumnStretch(0, 1)
        self.cards_layout.setColumnStretch(1, 1)
