"""Yandex Market: the on/off switch, a preview of what a push sends, Push, and the offer mapping."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.errors import UserError
from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.jobs import claims, yandex
from stockdesk.jobs.yandex import PushLine, PushPreview
from stockdesk.ui import formatting as fmt
from stockdesk.ui import style
from stockdesk.ui.channels.jobs_panel import JobPage
from stockdesk.ui.channels.mapping import MappingView
from stockdesk.ui.table_model import NUMBER_ALIGNMENT, SORT_ROLE, RowTableModel, SortProxy
from stockdesk.ui.widgets import NAME_SAMPLE, setup_table
from stockdesk.yandex.config import YandexConfig


class YCol(IntEnum):
    SKU = 0
    PRODUCT = 1
    BALANCE = 2
    COUNT = 3
    PREVIOUS = 4
    NOTE = 5


class PreviewModel(RowTableModel[PushLine]):
    CONTEXT = "PreviewModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("PreviewModel", "SKU"),
        QT_TRANSLATE_NOOP("PreviewModel", "Evotor product"),
        QT_TRANSLATE_NOOP("PreviewModel", "Stock"),
        QT_TRANSLATE_NOOP("PreviewModel", "Will send"),
        QT_TRANSLATE_NOOP("PreviewModel", "Sent last"),
        QT_TRANSLATE_NOOP("PreviewModel", "Note"),
    )

    def note(self, line: PushLine) -> str:
        notes = []
        if line.clamped:
            notes.append(self.tr("below zero: sent as 0") if line.balance < 0 else self.tr("too large: sent as the maximum"))
        if line.stale:
            notes.append(self.tr("older than a day: sent as of 23 hours ago"))
        return "; ".join(notes)

    def cell(self, row: PushLine, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if column == YCol.SKU:
                return row.sku
            if column == YCol.PRODUCT:
                return row.name.casefold() if sort else row.name
            if column == YCol.BALANCE:
                return row.balance if sort else fmt.qty(row.balance)
            if column == YCol.COUNT:
                return row.count if sort else str(row.count)
            if column == YCol.PREVIOUS:
                return row.previous if sort else ("—" if row.previous is None else str(row.previous))
            if column == YCol.NOTE:
                return self.note(row)
        if role == Qt.ItemDataRole.ForegroundRole and column in (YCol.COUNT, YCol.NOTE) and (row.clamped or row.stale):
            return style.WARNING
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (YCol.BALANCE, YCol.COUNT, YCol.PREVIOUS):
            return NUMBER_ALIGNMENT
        return None


class YandexPage(JobPage):
    resources = (claims.YANDEX,)
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.preview: PushPreview | None = None
        self.enabled = QCheckBox(self.tr("Send stock to Yandex Market (on sync and with Push)"), self)
        self.enabled.toggled.connect(self._switch)
        self.setup = QLabel(self)
        self.setup.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.model = PreviewModel(self)
        proxy = SortProxy(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("What will be sent"))
        self.columns = setup_table(self.table, {YCol.SKU: 1.0, YCol.PRODUCT: 2.4, YCol.BALANCE: 0.6, YCol.COUNT: 0.7,
                                                YCol.PREVIOUS: 0.7, YCol.NOTE: 2.0}, YCol.SKU,
                                   {YCol.PRODUCT: [NAME_SAMPLE]})
        self.push_button = QPushButton(self.tr("P&ush to Yandex Market"), self)
        self.push_button.clicked.connect(self.push)
        self.refresh_button = QPushButton(self.tr("Read the offers a&gain"), self)
        self.refresh_button.setToolTip(self.tr("Fetch the campaign's offers and match them to the Evotor products"))
        self.refresh_button.clicked.connect(self.refresh_offers)
        self.job_buttons = [self.push_button, self.refresh_button]
        self.mapping = MappingView(ctx, "yandex", self)
        self.mapping.changed.connect(self.reload)

        preview = QWidget(self)
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.counts)
        preview_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.push_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        preview_layout.addLayout(buttons)
        preview_layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(preview)
        split.addWidget(self.mapping)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addWidget(self.setup)
        layout.addWidget(split, 1)

    def reload(self) -> None:
        cfg = YandexConfig.load(self.ctx)
        connected = bool(self.ctx.db["accounts"].count_where("id = ?", ["yandex"]))
        self.enabled.blockSignals(True)
        self.enabled.setChecked(cfg.enabled)
        self.enabled.blockSignals(False)
        self.enabled.setEnabled(connected)
        self.mapping.reload(cfg.store_id)
        if not connected:
            self.setup.setText(self.tr("Not connected: connect Yandex Market in Settings → Accounts and stores."))
            self._show_preview(None)
            return
        mode = self.tr("warehouse groups (one stock for the group)") if cfg.mode == "campaign" \
            else self.tr("no warehouse groups (warehouse %1)").replace("%1", str(cfg.warehouse_id or "?"))
        self.setup.setText(self.tr("Campaign %1, %2.").replace("%1", str(cfg.campaign_id)).replace("%2", mode))
        try:
            self._show_preview(yandex.preview_push(self.ctx))
        except UserError as exc:
            self._show_preview(None)
            self.message.show_message(exc.render(), "warning")

    def _show_preview(self, preview: PushPreview | None) -> None:
        self.preview = preview
        self.model.set_rows(preview.lines if preview else [])
        self.columns.fit()
        self.push_button.setEnabled(bool(preview and preview.lines and self.enabled.isChecked()) and self.may_start())
        if preview is None:
            self.counts.clear()
            return
        parts = [self.tr("%n stock value(s) will be sent", "", len(preview.lines))]
        if preview.clamped:
            parts.append(self.tr("%n below zero, sent as 0", "", len(preview.clamped)))
        if preview.stale:
            parts.append(self.tr("%n older than a day", "", len(preview.stale)))
        if preview.no_value:
            parts.append(self.tr("%n with unknown stock: not sent", "", len(preview.no_value)))
        if preview.ambiguous or preview.unmatched:
            parts.append(self.tr("%n not matched: not sent", "", preview.ambiguous + preview.unmatched))
        self.counts.setText(" · ".join(parts))

    def _switch(self, on: bool) -> None:
        yandex.set_enabled(self.ctx, on)
        self.reload()
        self.changed.emit()

    def push(self) -> None:
        self.begin(self._push(), self.tr("Sending to Yandex Market…"))

    async def _push(self) -> None:
        result = await yandex.push_yandex(self.ctx)
        text = self.tr("%n stock value(s) sent to Yandex Market.", "", result.ok)
        if result.failed:
            details = "; ".join(f"{sku}: {error}" for sku, _, error in result.failed[:5])
            self.message.show_message(text + " " + self.tr("%n failed:", "", len(result.failed)) + " " + details,
                                      "warning")
        else:
            self.message.show_message(text, "ok")
        self.reload()

    def refresh_offers(self) -> None:
        self.begin(self._refresh(), self.tr("Reading the offers from Yandex Market…"))

    async def _refresh(self) -> None:
        summary = await yandex.refresh_offers(self.ctx)
        self.message.show_message(self.tr("Offers read: %1 matched, %2 need a choice.")
                                  .replace("%1", str(summary.auto + summary.manual))
                                  .replace("%2", str(summary.ambiguous + summary.unmatched)), "ok")
        self.reload()
