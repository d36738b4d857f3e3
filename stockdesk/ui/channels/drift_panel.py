"""Cloud balances the last sync found changed with no document and wrote back, with «the cloud is right»."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.jobs import claims, keep_in_step
from stockdesk.ui import formatting
from stockdesk.ui.channels.jobs_panel import JobPage
from stockdesk.ui.style import WARNING


class DriftPanel(JobPage):
    resources = (claims.EVOTOR,)
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.drift: list[dict] = []
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Product"), self.tr("The cloud had"), self.tr("StockDesk knew"), self.tr("Written back"),
            self.tr("Note")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.accept_button = QPushButton(self.tr("The cloud is &right"), self)
        self.accept_button.setToolTip(self.tr("Make the cloud's value this product's value and send it back to Evotor"))
        self.accept_button.setEnabled(False)
        self.accept_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.accept_button.clicked.connect(self._accept)
        self.job_buttons = [self.accept_button]
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.hide()

    def show_drift(self, drift: list[dict]) -> None:
        self.drift = drift
        self.setVisible(bool(drift))
        self.title.setText(self.tr(
            "%n balance(s) in the Evotor cloud changed with no document since StockDesk last saw them. StockDesk "
            "wrote its values back. If the cloud was right, choose the product and press «The cloud is right».",
            "", len(drift)))
        self.table.setRowCount(len(drift))
        for row, d in enumerate(drift):
            note = self.tr("Changes again after each write: another app or person writes to this account") \
                if d["repeated"] else ("" if d["restored"] else self.tr("Could not be written back"))
            cells = [d["name"], formatting.qty(d["cloud"]),
                     f"{formatting.qty(d['known'])} ({formatting.iso_datetime(d['known_at'])})",
                     formatting.qty(d["value"]) if d["restored"] else "—", note]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if d["repeated"] or not d["restored"]:
                    item.setForeground(WARNING)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        # As tall as its rows, up to five; more scroll.
        rows = sum(self.table.rowHeight(r) for r in range(min(len(drift), 5)))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth() + 2)
        self._selection_changed()

    def _selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.drift[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.accept_button.setEnabled(self._selected() is not None and self.may_start())

    def _accept(self) -> None:
        d = self._selected()
        if d is None:
            return
        answer = QMessageBox.question(
            self, self.tr("The cloud is right"),
            self.tr("Make %1 the stock of «%2» and send it to the Evotor cloud (and from there to the sales channels)?")
            .replace("%1", formatting.qty(d["cloud"])).replace("%2", d["name"]))
        if answer == QMessageBox.StandardButton.Yes:
            self.begin(self._send(d), self.tr("Sending to Evotor…"))

    async def _send(self, d: dict) -> None:
        result = await keep_in_step.accept_cloud(self.ctx, d["store_id"], d["product_id"])
        if result.failed:
            self.message.show_message(result.failed[0][1], "error")
            return
        self.drift = [x for x in self.drift if x is not d]
        self.show_drift(self.drift)
        self.message.show_message(self.tr("Done: «%1» is %2 in StockDesk and in the cloud.")
                                  .replace("%1", d["name"]).replace("%2", formatting.qty(d["cloud"])), "ok")
