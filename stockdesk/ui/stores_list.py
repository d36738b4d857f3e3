"""The Evotor stores with a tick each and how far back their history goes (wizard and Settings)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from stockdesk.context import AppContext
from stockdesk.jobs.connect import list_stores, select_stores
from stockdesk.ui import formatting as fmt


class StoresList(QTreeWidget):
    selection_changed = Signal(int)  # how many stores are ticked

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setHeaderLabels([self.tr("Store"), self.tr("Address"), self.tr("History goes back to")])
        self.setRootIsDecorated(False)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(self.tr("Stores"))
        self.itemChanged.connect(self._item_changed)

    def reload(self) -> None:
        self.blockSignals(True)
        self.clear()
        for store in list_stores(self.ctx):
            since = fmt.date_ms(store.created_ms) if store.created_ms else self.tr("unknown")
            item = QTreeWidgetItem([store.name, store.address or "", since])
            item.setData(0, Qt.ItemDataRole.UserRole, store.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if store.selected else Qt.CheckState.Unchecked)
            self.addTopLevelItem(item)
        self.blockSignals(False)
        if self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))
        self.selection_changed.emit(len(self.selected_ids()))

    def selected_ids(self) -> list[str]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in items
                if item.checkState(0) == Qt.CheckState.Checked]

    def set_checked(self, store_id: str, checked: bool) -> None:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == store_id:
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            ids = self.selected_ids()
            select_stores(self.ctx, ids)
            self.selection_changed.emit(len(ids))
