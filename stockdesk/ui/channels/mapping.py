"""The mapping table of one channel and one Evotor store: which product each channel item is.

Rows come from jobs.matching.mapping_rows; choosing a product (or "none of my products") in the
Evotor product column saves it at once with set_mapping; "Let StockDesk decide" is clear_mapping.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QCompleter, QHBoxLayout, QLabel, QPushButton,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.errors import UserError
from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.jobs import matching
from stockdesk.jobs.matching import MappingRow
from stockdesk.ui import style
from stockdesk.ui.table_model import ROW_ROLE, SORT_ROLE, RowTableModel, SortProxy
from stockdesk.ui.widgets import NAME_SAMPLE, MessageBar, setup_table

translate = QCoreApplication.translate
NONE = ""  # the editor's value for "none of my products"


class MCol(IntEnum):
    TARGET = 0
    ITEM = 1
    PRODUCT = 2
    STATUS = 3


STATUSES = {
    "auto": QT_TRANSLATE_NOOP("MappingModel", "Matched automatically"),
    "ambiguous": QT_TRANSLATE_NOOP("MappingModel", "Several products fit"),
    "unmatched": QT_TRANSLATE_NOOP("MappingModel", "No product found"),
    "manual": QT_TRANSLATE_NOOP("MappingModel", "Chosen by you"),
}
STATUS_COLOURS = {"auto": style.OK, "ambiguous": style.WARNING, "unmatched": style.WARNING, "manual": style.INFO}
NEEDS_CHOICE = ("ambiguous", "unmatched")


def status_text(status: str) -> str:
    source = STATUSES.get(status)
    return translate("MappingModel", source) if source else status


class MappingModel(RowTableModel[MappingRow]):
    CONTEXT = "MappingModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("MappingModel", "Item"),
        QT_TRANSLATE_NOOP("MappingModel", "Name in the channel"),
        QT_TRANSLATE_NOOP("MappingModel", "Evotor product"),
        QT_TRANSLATE_NOOP("MappingModel", "Status"),
    )
    choice_failed = Signal(str)
    choice_saved = Signal()

    def __init__(self, ctx: AppContext, channel: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.channel = channel
        self.store_id: str | None = None

    def reload(self, store_id: str | None) -> None:
        self.store_id = store_id
        self.set_rows(matching.mapping_rows(self.ctx, self.channel, store_id) if store_id else [])

    def cell(self, row: MappingRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == MCol.TARGET:
                return row.target
            if column == MCol.ITEM:
                return row.item_name or ""
            if column == MCol.PRODUCT:
                if row.product_id:
                    return row.product_name or row.product_id
                if row.status == "manual":
                    return self.tr("none of my products")
                if row.status == "ambiguous" and role == Qt.ItemDataRole.DisplayRole:
                    return self.tr("%n candidate(s): choose one", "", len(row.candidates))
                return ""
            if column == MCol.STATUS:
                return status_text(row.status)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == MCol.STATUS:
                return STATUS_COLOURS.get(row.status)
            if column == MCol.PRODUCT and not row.product_id:
                return style.MUTED
        if role == Qt.ItemDataRole.EditRole and column == MCol.PRODUCT:
            return row.product_id or NONE
        if role == Qt.ItemDataRole.ToolTipRole and column == MCol.PRODUCT:
            return self.tr("Double-click to choose the Evotor product")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == MCol.PRODUCT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != MCol.PRODUCT or self.store_id is None:
            return False
        row = self.rows[index.row()]
        product_id = value or None
        if row.status == "manual" and row.product_id == product_id:
            return False
        try:
            matching.set_mapping(self.ctx, self.channel, self.store_id, row.target, product_id)
        except UserError as exc:
            self.choice_failed.emit(exc.render())
            return False
        # another row may have become ambiguous: reload once the editor has closed
        QTimer.singleShot(0, lambda: self.reload(self.store_id))
        self.choice_saved.emit()
        return True


class ProductDelegate(QStyledItemDelegate):
    """A searchable list of the store's products, the matcher's candidates first."""

    def __init__(self, model: MappingModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        row: MappingRow = index.data(ROW_ROLE)
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.addItem(translate("MappingModel", "— none of my products —"), NONE)
        products = product_names(self.model.ctx, self.model.store_id or "")
        for pid in row.candidates:
            combo.addItem(translate("MappingModel", "%1 (fits)").replace("%1", products.get(pid, pid)), pid)
        for pid, name in products.items():
            if pid not in row.candidates:
                combo.addItem(name, pid)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox) and editor.findText(editor.currentText()) >= 0:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def product_names(ctx: AppContext, store_id: str) -> dict[str, str]:
    """The store's goods (services have no stock), by name."""
    return {r[0]: r[1] for r in ctx.db.execute(
        "SELECT id, name FROM products WHERE store_id = ? AND is_service = 0 ORDER BY name", [store_id])}


class MappingFilter(SortProxy):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._only_choices = False

    def set_only_choices(self, on: bool) -> None:
        self.set_filter_state("_only_choices", on)

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 - Qt API
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not self._only_choices or not isinstance(model, MappingModel):
            return True
        return model.rows[source_row].status in NEEDS_CHOICE


class MappingView(QWidget):
    changed = Signal()  # a choice was saved: previews and counts are stale

    def __init__(self, ctx: AppContext, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = MappingModel(ctx, channel, self)
        self.proxy = MappingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(MCol.PRODUCT, ProductDelegate(self.model, self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setAccessibleName(self.tr("Product mapping"))
        self.columns = setup_table(self.table, {MCol.TARGET: 1.0, MCol.ITEM: 2.0, MCol.PRODUCT: 2.5, MCol.STATUS: 1.2},
                                   MCol.STATUS, {MCol.STATUS: [status_text(s) for s in STATUSES],
                                                 MCol.PRODUCT: [NAME_SAMPLE]})
        self.only_choices = QPushButton(self.tr("Show only those that need a &choice"), self)
        self.only_choices.setCheckable(True)
        self.only_choices.toggled.connect(self.proxy.set_only_choices)
        self.undo = QPushButton(self.tr("Let StockDesk &decide"), self)
        self.undo.setToolTip(self.tr("Forget your choice for the selected item; automatic matching decides again"))
        self.undo.clicked.connect(self._undo)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.message = MessageBar(self)
        self.model.choice_failed.connect(lambda text: self.message.show_message(text, "error"))
        self.model.choice_saved.connect(self._saved)
        self.model.modelReset.connect(self._count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.only_choices)
        buttons.addWidget(self.undo)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Only items matched to one Evotor product are sent. Double-click the "
                                        "Evotor product to choose it yourself."), self))
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def reload(self, store_id: str | None) -> None:
        self.model.reload(store_id)
        self.columns.fit()

    def _count(self) -> None:
        rows = self.model.rows
        count = {s: sum(1 for r in rows if r.status == s) for s in STATUSES}
        self.counts.setText(" · ".join([
            self.tr("%n matched automatically", "", count["auto"]),
            self.tr("%n chosen by you", "", count["manual"]),
            self.tr("%n with several candidates", "", count["ambiguous"]),
            self.tr("%n without a product", "", count["unmatched"])]))

    def _saved(self) -> None:
        self.message.show_message(self.tr("Saved."), "ok")
        self.changed.emit()

    def _undo(self) -> None:
        index = self.table.currentIndex()
        row: MappingRow | None = index.data(ROW_ROLE) if index.isValid() else None
        if row is None or self.model.store_id is None:
            self.message.show_message(self.tr("Select an item first."), "info")
            return
        matching.clear_mapping(self.ctx, row.channel, self.model.store_id, row.target)
        self.reload(self.model.store_id)
        self._saved()
