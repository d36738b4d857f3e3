"""What StockDesk did, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QVBoxLayout, QWidget

from stockdesk.context import AppContext
from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.jobs.overview import activity
from stockdesk.ui import formatting as fmt
from stockdesk.ui import style
from stockdesk.ui.table_model import SORT_ROLE, RowTableModel
from stockdesk.ui.widgets import setup_table

KINDS = {
    "connect": QT_TRANSLATE_NOOP("ActivityModel", "Account"),
    "reconstruct": QT_TRANSLATE_NOOP("ActivityModel", "Reconstruction"),
    "review": QT_TRANSLATE_NOOP("ActivityModel", "Review"),
    "push": QT_TRANSLATE_NOOP("ActivityModel", "Push"),
    "sync": QT_TRANSLATE_NOOP("ActivityModel", "Sales channels"),
    "error": QT_TRANSLATE_NOOP("ActivityModel", "Error"),
}


class ActivityModel(RowTableModel[dict]):
    CONTEXT = "ActivityModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ActivityModel", "When"),
        QT_TRANSLATE_NOOP("ActivityModel", "What"),
        QT_TRANSLATE_NOOP("ActivityModel", "Details"),
    )

    def cell(self, row: dict, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == 0:
                return row["at"] if role == SORT_ROLE else fmt.iso_datetime(row["at"])
            if column == 1:
                return self.label(KINDS, row["kind"])
            if column == 2:
                return row["message"]
        if role == Qt.ItemDataRole.ForegroundRole and row["kind"] == "error":
            return style.ERROR
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row["message"]
        return None


class ActivityTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ActivityModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Activity"))
        setup_table(self.table, {0: 1.0, 1: 1.0, 2: 6.0})
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def reload(self) -> None:
        self.model.set_rows(activity(self.ctx))
