"""MoySklad: import its stock, compare it side by side with the Evotor reconstruction, and accept
chosen differences into the review; the mapping of its goods to Evotor products."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.jobs import claims, moysklad
from stockdesk.jobs.moysklad import Difference
from stockdesk.ui import formatting as fmt
from stockdesk.ui import style
from stockdesk.ui.channels.jobs_panel import JobPage
from stockdesk.ui.channels.mapping import MappingView
from stockdesk.ui.table_model import NUMBER_ALIGNMENT, ROW_ROLE, SORT_ROLE, RowTableModel, SortProxy
from stockdesk.ui.widgets import NAME_SAMPLE, setup_table


class DCol(IntEnum):
    PRODUCT = 0
    EVOTOR = 1
    SOURCE = 2
    MOYSKLAD = 3
    DIFFERENCE = 4


SOURCES = {
    "documents": QT_TRANSLATE_NOOP("CompareModel", "documents"),
    "manual": QT_TRANSLATE_NOOP("CompareModel", "your value"),
    "cloud": QT_TRANSLATE_NOOP("CompareModel", "Evotor cloud"),
    "unresolved": QT_TRANSLATE_NOOP("CompareModel", "not settled yet"),
    "skip": QT_TRANSLATE_NOOP("CompareModel", "skipped"),
}


class CompareModel(RowTableModel[Difference]):
    CONTEXT = "CompareModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("CompareModel", "Product"),
        QT_TRANSLATE_NOOP("CompareModel", "StockDesk"),
        QT_TRANSLATE_NOOP("CompareModel", "From"),
        QT_TRANSLATE_NOOP("CompareModel", "MoySklad"),
        QT_TRANSLATE_NOOP("CompareModel", "Difference"),
    )

    def cell(self, row: Difference, column: int, role: int) -> Any:
        diff = None if row.evotor_value is None else row.moysklad_value - row.evotor_value
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if column == DCol.PRODUCT:
                return row.name.casefold() if sort else row.name
            if column == DCol.EVOTOR:
                return row.evotor_value if sort else (fmt.qty(row.evotor_value) if row.evotor_value is not None else "—")
            if column == DCol.SOURCE:
                return self.label(SOURCES, row.evotor_source)
            if column == DCol.MOYSKLAD:
                return row.moysklad_value if sort else fmt.qty(row.moysklad_value)
            if column == DCol.DIFFERENCE:
                if diff is None:
                    return None if sort else ""
                return diff if sort else ("+" if diff > 0 else "") + fmt.qty(diff)
        if role == Qt.ItemDataRole.ForegroundRole and column == DCol.DIFFERENCE and diff:
            return style.WARNING
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DCol.EVOTOR, DCol.MOYSKLAD, DCol.DIFFERENCE):
            return NUMBER_ALIGNMENT
        return None


class MoySkladPage(JobPage):
    resources = (claims.MOYSKLAD,)
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.import_button = QPushButton(self.tr("&Import from MoySklad"), self)
        self.import_button.clicked.connect(self.import_stock)
        self.accept_button = QPushButton(self.tr("Accept the selected into the &review"), self)
        self.accept_button.setToolTip(self.tr("Take MoySklad's figure as your value for the selected products; "
                                              "it is sent to Evotor with the next push"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.job_buttons = [self.import_button]
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = CompareModel(self)
        proxy = SortProxy(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("StockDesk and MoySklad side by side"))
        self.columns = setup_table(self.table, {DCol.PRODUCT: 3.0, DCol.EVOTOR: 0.8, DCol.SOURCE: 1.0,
                                                DCol.MOYSKLAD: 0.8, DCol.DIFFERENCE: 0.8}, DCol.PRODUCT,
                                   {DCol.PRODUCT: [NAME_SAMPLE]})
        self.store_box = QComboBox(self)
        self.store_box.setAccessibleName(self.tr("Evotor store"))
        self.store_box.currentIndexChanged.connect(lambda _: self.mapping.reload(self.store_box.currentData()))
        self.mapping = MappingView(ctx, "moysklad", self)
        self.mapping.changed.connect(self._show_comparison)

        compare = QWidget(self)
        compare_layout = QVBoxLayout(compare)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.accept_button)
        buttons.addStretch(1)
        compare_layout.addLayout(buttons)
        compare_layout.addWidget(self.summary)
        compare_layout.addWidget(self.table, 1)
        compare_layout.addWidget(self.message)
        mapping = QWidget(self)
        mapping_layout = QVBoxLayout(mapping)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(self.store_box, 0, Qt.AlignmentFlag.AlignLeft)
        mapping_layout.addWidget(self.mapping, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(compare)
        split.addWidget(mapping)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)

    def connected(self) -> bool:
        return bool(self.ctx.db["accounts"].count_where("id = ?", ["moysklad"]))

    def reload(self) -> None:
        connected = self.connected()
        self.import_button.setEnabled(connected and self.may_start())
        names = {r[0]: r[1] for r in self.ctx.db.execute("SELECT id, name FROM stores")}
        stores = sorted({s.store_id for s in moysklad.list_stores(self.ctx) if s.store_id in names})
        current = self.store_box.currentData()
        self.store_box.blockSignals(True)
        self.store_box.clear()
        for store_id in stores:
            self.store_box.addItem(names[store_id], store_id)
        self.store_box.setCurrentIndex(max(0, self.store_box.findData(current)))
        self.store_box.blockSignals(False)
        self.store_box.setVisible(len(stores) > 1)
        self.mapping.reload(self.store_box.currentData())
        if not connected:
            self.summary.setText(self.tr("Not connected: connect MoySklad in Settings → Accounts and stores."))
            self.model.set_rows([])
            return
        self._show_comparison()

    def _show_comparison(self) -> None:
        comparison = moysklad.compare(self.ctx)
        self.model.set_rows(comparison.differences)
        self.columns.fit()
        self.summary.setText(" · ".join([
            self.tr("%n product(s) differ", "", len(comparison.differences)),
            self.tr("%n agree", "", comparison.same),
            self.tr("%n without a MoySklad figure", "", comparison.unknown)]))
        self.accept_button.setEnabled(bool(comparison.differences))

    def import_stock(self) -> None:
        self.begin(self._import(), self.tr("Importing from MoySklad…"))

    async def _import(self) -> None:
        result = await moysklad.import_moysklad(self.ctx)
        self.message.show_message(self.tr("Imported: %n stock row(s).", "", result.rows), "ok")
        self.reload()

    def accept_selected(self) -> None:
        rows = [self.table.model().index(i.row(), 0).data(ROW_ROLE) for i in self.table.selectionModel().selectedRows()]
        if not rows:
            self.message.show_message(self.tr("Select the products to accept first."), "info")
            return
        result = moysklad.accept(self.ctx, {(d.store_id, d.product_id) for d in rows})
        text = self.tr("%n value(s) taken into the review.", "", result.accepted)
        if result.failed:
            text += " " + "; ".join(f"{d.name}: {error}" for d, error in result.failed[:3])
        self.message.show_message(text, "warning" if result.failed else "ok")
        self._show_comparison()
        self.changed.emit()
