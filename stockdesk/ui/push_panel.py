"""Sending balances to Evotor: a preview of every change, Confirm, progress, per-item results, Retry.

Shared by the wizard's page 7 and the main window's Push tab. Nothing is sent before the owner
presses the Send button, and only the listed products change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.jobs.connect import list_stores
from stockdesk.jobs.progress import Progress
from stockdesk.jobs import claims
from stockdesk.jobs.push import PushItem, PushPlan, PushResult, plan_push, push, retry_failed
from stockdesk.ui import formatting as fmt
from stockdesk.ui import style
from stockdesk.ui.table_model import NUMBER_ALIGNMENT, SORT_ROLE, RowTableModel, SortProxy
from stockdesk.ui.job_runner import BusyGate, JobRunner
from stockdesk.ui.widgets import NAME_SAMPLE, MessageBar, setup_table

translate = QCoreApplication.translate


@dataclass
class PushRow:
    item: PushItem
    store: str
    ok: bool | None = None     # None: not sent (yet)
    error: str = ""
    skipped: bool = False      # not sent: by send time the cloud held it, or the owner withdrew it


class PushCol(IntEnum):
    STORE = 0
    NAME = 1
    OLD = 2
    NEW = 3
    SOURCE = 4
    RESULT = 5


SOURCES = {
    "documents": QT_TRANSLATE_NOOP("PushModel", "documents"),
    "manual": QT_TRANSLATE_NOOP("PushModel", "your value"),
}


class PushModel(RowTableModel[PushRow]):
    CONTEXT = "PushModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("PushModel", "Store"),
        QT_TRANSLATE_NOOP("PushModel", "Product"),
        QT_TRANSLATE_NOOP("PushModel", "In the cloud now"),
        QT_TRANSLATE_NOOP("PushModel", "New value"),
        QT_TRANSLATE_NOOP("PushModel", "From"),
        QT_TRANSLATE_NOOP("PushModel", "Result"),
    )

    def cell(self, row: PushRow, column: int, role: int) -> Any:
        item = row.item
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if column == PushCol.STORE:
                return row.store
            if column == PushCol.NAME:
                return item.name.casefold() if sort else item.name
            if column == PushCol.OLD:
                return item.old_value if sort else (fmt.qty(item.old_value) if item.old_value is not None else "—")
            if column == PushCol.NEW:
                return item.new_value if sort else fmt.qty(item.new_value)
            if column == PushCol.SOURCE:
                return self.label(SOURCES, item.source)
            if column == PushCol.RESULT:
                if row.skipped:
                    return 3 if sort else self.tr("Not sent: no longer needed")
                if row.ok is None:
                    return "" if not sort else 0
                if sort:
                    return 1 if row.ok else 2
                return self.tr("Sent") if row.ok else self.tr("Failed: %1").replace("%1", row.error)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == PushCol.RESULT and row.ok is not None:
                return style.OK if row.ok else style.ERROR
            if column == PushCol.NEW and item.new_value < 0:
                return style.WARNING
        if role == Qt.ItemDataRole.ToolTipRole and column == PushCol.RESULT and row.error:
            return row.error
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PushCol.OLD, PushCol.NEW):
            return NUMBER_ALIGNMENT
        return None

    def record(self, result: PushResult, keys: set[tuple[str, str]] | None = None) -> None:
        """Mark rows sent or failed. ``keys``: the rows this run tried (default: all)."""
        failed = {(i.store_id, i.product_id): message for i, message in result.failed}
        skipped = set(result.skipped)
        for n, row in enumerate(self.rows):
            key = (row.item.store_id, row.item.product_id)
            if keys is not None and key not in keys:
                continue
            row.skipped = key in skipped
            row.ok = None if row.skipped else key not in failed
            row.error = failed.get(key, "")
            self.refresh_row(n)


class PushPanel(QWidget):
    running_changed = Signal(bool)
    planned = Signal(object)   # PushPlan
    finished = Signal(object)  # PushResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = JobRunner(self)
        self.runner.running_changed.connect(self._running)
        self.runner.running_changed.connect(self.running_changed)
        self.plan: PushPlan | None = None
        self.result: PushResult | None = None
        self._latest: Progress | None = None

        self.intro = QLabel(self.tr("StockDesk sends only the stock balances listed below. Prices, names, "
                                    "other products and your documents are not touched."), self)
        self.intro.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.model = PushModel(self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns = setup_table(self.table, {PushCol.STORE: 1.3, PushCol.NAME: 3.0, PushCol.OLD: 0.9,
                                                PushCol.NEW: 0.9, PushCol.SOURCE: 0.9, PushCol.RESULT: 1.6},
                                   PushCol.NAME,
                                   {PushCol.SOURCE: [translate("PushModel", t) for t in SOURCES.values()],
                                    PushCol.NAME: [NAME_SAMPLE]})
        self.table.setAccessibleName(self.tr("Changes to send"))
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.send_button = QPushButton(self.tr("&Send to Evotor"), self)
        self.send_button.clicked.connect(self.send)
        self.send_button.setEnabled(False)
        self.check_button = QPushButton(self.tr("Check &again"), self)
        self.check_button.setToolTip(self.tr("Read the current values from Evotor and list the changes again"))
        self.check_button.clicked.connect(self.prepare)
        self.retry_button = QPushButton(self.tr("&Retry the failed ones"), self)
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.hide()
        self.message = MessageBar(self)
        self.gate = BusyGate(self.message, (claims.EVOTOR,))

        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._draw_progress)

    def is_running(self) -> bool:
        return self.runner.is_running()

    def cancel(self) -> None:
        """Stop sending; the push log keeps what was sent, and the next push finishes the rest."""
        self.runner.cancel()

    def set_busy(self, held: dict) -> None:
        """Another job holds the Evotor account (BusyWatcher): say so, and send nothing until it ends."""
        self.gate.update(held, self.is_running())
        if not self.is_running():
            self._set_buttons()

    # --- steps ---------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Read the cloud's current values and list what a push would change."""
        if not self.is_running():
            self._begin(self._plan(), self.tr("Reading the current values from Evotor…"))

    def send(self) -> None:
        if self.plan is not None and (self.plan.items or self.plan.interrupted):
            self._begin(self._push(retry=False), self.tr("Sending…"))

    def retry(self) -> None:
        self._begin(self._push(retry=True), self.tr("Sending the failed ones again…"))

    def _begin(self, coro, text: str) -> None:
        if self.runner.start(coro, failed=self.message.show_error,
                             stopped=lambda: self.message.show_message(self.tr("Stopped."), "warning")):
            self.message.show_message(text, "info")

    def _running(self, running: bool) -> None:
        if running:
            self.progress.setRange(0, 0)
            self.progress.show()
            self._latest = None
            self._timer.start()
        else:
            self._timer.stop()
            self.progress.hide()
        self._set_buttons()

    def _set_buttons(self) -> None:
        free = not self.is_running() and not self.gate.blocked
        self.check_button.setEnabled(free)
        self.send_button.setEnabled(free and self.result is None and bool(
            self.plan and (self.plan.items or self.plan.interrupted)))
        self.retry_button.setEnabled(free)

    async def _plan(self) -> None:
        self.plan, self.result = None, None
        self.retry_button.hide()
        plan = await plan_push(self.ctx)
        names = {s.id: s.name for s in list_stores(self.ctx)}
        self.plan = plan
        self.model.set_rows([PushRow(item, names.get(item.store_id, item.store_id)) for item in plan.items])
        self.table.setColumnHidden(PushCol.STORE, len(names) < 2)
        self.columns.fit()
        self._show_plan_counts(plan)
        if plan.interrupted:
            self.send_button.setText(self.tr("&Finish the interrupted push (%n)", "", len(plan.items)))
            self.message.show_message(self.tr(
                "The push started %1 was interrupted after %2 of %3. The list shows what finishing it sends now, "
                "at today's values.").replace("%1", fmt.iso_datetime(plan.interrupted.started_at))
                .replace("%2", fmt.locale().toString(plan.interrupted.sent))
                .replace("%3", fmt.locale().toString(plan.interrupted.planned)),
                "warning")
        elif plan.items:
            self.send_button.setText(self.tr("&Send %n change(s) to Evotor", "", len(plan.items)))
            self.message.clear_message()
        else:
            self.message.show_message(self.tr("Nothing to send: the Evotor cloud already holds these values."), "ok")
        self.planned.emit(plan)

    def _show_plan_counts(self, plan: PushPlan) -> None:
        parts = [self.tr("%n balance(s) will change", "", len(plan.items)),
                 self.tr("%n already right in the cloud", "", plan.unchanged)]
        if plan.unresolved:
            parts.append(self.tr("%n not decided yet: left as they are", "", plan.unresolved))
        self.counts.setText(" · ".join(parts))

    async def _push(self, retry: bool) -> None:
        if retry:
            keys = {(i.store_id, i.product_id) for i, _ in (self.result.failed if self.result else [])}
            result = await retry_failed(self.ctx, progress=self._on_progress)
            self.model.record(result, keys or None)
        else:
            result = await push(self.ctx, self.plan, progress=self._on_progress)
            self.model.record(result)
        self.result = result
        failed = sum(1 for row in self.model.rows if row.ok is False)
        sent = sum(1 for row in self.model.rows if row.ok)
        self.retry_button.setVisible(failed > 0)
        text = self.tr("%n balance(s) sent to Evotor.", "", sent)
        if result.skipped:
            text += " " + self.tr("%n no longer needed: not sent.", "", len(result.skipped))
        if result.ok_total > result.ok:
            text += " " + self.tr("With the interrupted push: %n sent in all.", "", result.ok_total)
        if failed:
            text += " " + self.tr("%n could not be sent: see the Result column, then retry.", "", failed)
            self.message.show_message(text, "warning")
        else:
            self.message.show_message(text, "ok")
        self.finished.emit(result)

    def _on_progress(self, progress: Progress) -> None:
        self._latest = progress

    def _draw_progress(self) -> None:
        p = self._latest
        if p is not None and p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(p.done)
            self.progress.setFormat(self.tr("%v of %m"))
