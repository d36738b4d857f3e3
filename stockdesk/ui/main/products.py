"""Every product of the selected stores, with its number and where that number comes from."""

from __future__ import annotations

from enum import IntEnum
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from stockdesk.context import AppContext
from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.jobs.connect import list_stores
from stockdesk.jobs.overview import ProductRow, product_rows
from stockdesk.ui import formatting as fmt
from stockdesk.ui import style
from stockdesk.ui.filter_row import FilterRow
from stockdesk.ui.table_model import NUMBER_ALIGNMENT, ROW_ROLE, SORT_ROLE, RowTableModel, StoreSearchFilter
from stockdesk.ui.widgets import NAME_SAMPLE, setup_table


class PCol(IntEnum):
    STORE = 0
    NAME = 1
    CLOUD = 2
    VALUE = 3
    UNIT = 4
    STATUS = 5
    PROVENANCE = 6
    CODE = 7
    BARCODE = 8


STATUS_COLOURS = {"resolved": style.OK, "review": style.WARNING, "manual": style.INFO, "service": style.MUTED}


def provenance(row: ProductRow) -> str:
    return fmt.provenance(row.status, row.doc_type, row.doc_number, row.doc_close_ms, row.s0, row.q, row.value)


def differs(row: ProductRow) -> bool:
    return row.value is not None and row.value != row.cloud_value


class ProductsModel(RowTableModel[ProductRow]):
    CONTEXT = "ProductsModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ProductsModel", "Store"),
        QT_TRANSLATE_NOOP("ProductsModel", "Product"),
        QT_TRANSLATE_NOOP("ProductsModel", "In the cloud"),
        QT_TRANSLATE_NOOP("ProductsModel", "StockDesk"),
        QT_TRANSLATE_NOOP("ProductsModel", "Unit"),
        QT_TRANSLATE_NOOP("ProductsModel", "Status"),
        QT_TRANSLATE_NOOP("ProductsModel", "Where the number comes from"),
        QT_TRANSLATE_NOOP("ProductsModel", "Article / code"),
        QT_TRANSLATE_NOOP("ProductsModel", "Barcode"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.store_names: dict[str, str] = {}
        self._haystack: list[str] = []

    def _reindex(self) -> None:
        self._haystack = [" ".join([r.name, r.article or "", r.code or "", *r.barcodes]).casefold()
                          for r in self.rows]

    def matches(self, row: int, needle: str) -> bool:
        return needle in self._haystack[row]

    def cell(self, row: ProductRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._plain(row, column, role == SORT_ROLE)
        if role == Qt.ItemDataRole.ForegroundRole and column == PCol.STATUS:
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == PCol.VALUE and row.value is not None and row.value < 0:
            return style.WARNING
        if role == Qt.ItemDataRole.FontRole and column == PCol.VALUE and differs(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PCol.VALUE and differs(row):
                return self.tr("Differs from the cloud: the next push sets it.")
            if column in (PCol.PROVENANCE, PCol.NAME):
                return self._plain(row, column, False)
            if column == PCol.BARCODE and len(row.barcodes) > 1:
                return "\n".join(row.barcodes)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PCol.CLOUD, PCol.VALUE):
            return NUMBER_ALIGNMENT
        return None

    def _plain(self, row: ProductRow, column: int, for_sort: bool) -> Any:
        if column == PCol.STORE:
            return self.store_names.get(row.store_id, row.store_id)
        if column == PCol.NAME:
            return row.name.casefold() if for_sort else row.name
        if column == PCol.CODE:
            return " / ".join(x for x in (row.article, row.code) if x)
        if column == PCol.BARCODE:
            return row.barcodes[0] if row.barcodes else ""
        if column == PCol.UNIT:
            return row.measure_name or ""
        if column == PCol.CLOUD:
            return row.cloud_value if for_sort else fmt.qty(row.cloud_value)
        if column == PCol.VALUE:
            return row.value if for_sort else fmt.qty(row.value)
        if column == PCol.STATUS:
            return fmt.status(row.status)
        if column == PCol.PROVENANCE:
            return (row.doc_close_ms or 0) if for_sort else provenance(row)
        return None


FILTERS = (
    ("all", QT_TRANSLATE_NOOP("ProductsTab", "All products")),
    ("resolved", QT_TRANSLATE_NOOP("ProductsTab", "From documents")),
    ("review", QT_TRANSLATE_NOOP("ProductsTab", "Needs your decision")),
    ("manual", QT_TRANSLATE_NOOP("ProductsTab", "Entered by you")),
    ("differs", QT_TRANSLATE_NOOP("ProductsTab", "Differs from the cloud")),
    ("service", QT_TRANSLATE_NOOP("ProductsTab", "Services")),
)


class ProductsFilter(StoreSearchFilter):
    MODEL = ProductsModel

    def keeps(self, row: ProductRow, key: str) -> bool:
        if key == "differs":
            return differs(row)
        return key == "all" or row.status == key


class ProductsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ProductsModel(self)
        self.proxy = ProductsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filters = FilterRow(self, self.proxy, FILTERS, "ProductsTab",
                                 placeholder=self.tr("Search by name, article, code or barcode"),
                                 filter_name=self.tr("Show"), store_name=self.tr("Store"))
        self.search, self.filter_box, self.store_box = self.filters.search, self.filters.filter_box, self.filters.store_box
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Products"))
        self.columns = setup_table(self.table, {PCol.STORE: 0.9, PCol.NAME: 2.3, PCol.CLOUD: 0.6, PCol.VALUE: 0.6,
                                                PCol.UNIT: 0.4, PCol.STATUS: 1.0, PCol.PROVENANCE: 5.0,
                                                PCol.CODE: 0.7, PCol.BARCODE: 0.8}, PCol.NAME,
                                   {PCol.STATUS: [fmt.status(s) for s in STATUS_COLOURS], PCol.NAME: [NAME_SAMPLE]})
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        # the selected product's provenance in full: the column is often too narrow for it
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters.layout)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.counts)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if row is None:
            self.detail.clear()
            return
        text = f"<b>{escape(row.name)}</b>: {escape(provenance(row))}"
        if differs(row):
            text += " " + escape(self.tr("(the cloud has %1; the next push sets %2)")
                                 .replace("%1", fmt.qty(row.cloud_value) or "—").replace("%2", fmt.qty(row.value)))
        self.detail.setText(text)

    def reload(self) -> None:
        stores = [s for s in list_stores(self.ctx) if s.selected]
        self.model.store_names = {s.id: s.name for s in stores}
        rows: list[ProductRow] = []
        for store in stores:
            rows.extend(product_rows(self.ctx, store.id))
        self.model.set_rows(rows)
        self.detail.clear()
        self.filters.set_stores(self.tr("All stores"), [(s.name, s.id) for s in stores])
        self.table.setColumnHidden(PCol.STORE, len(stores) < 2)
        self.columns.fit()
        goods = [r for r in rows if r.status != "service"]
        self.counts.setText(" · ".join([
            self.tr("%n product(s)", "", len(goods)),
            self.tr("%n from documents", "", sum(1 for r in goods if r.status == "resolved")),
            self.tr("%n entered by you", "", sum(1 for r in goods if r.status == "manual")),
            self.tr("%n need your decision", "", sum(1 for r in goods if r.status == "review")),
            self.tr("%n differ from the cloud", "", sum(1 for r in goods if differs(r))),
        ]))
