"""Running the stock reconstruction with a progress bar per phase, counts and time, Cancel and Resume.

Shared by the wizard's page 5 and the main window's "Re-run reconstruction". Progress reports are
kept as they arrive and drawn by a timer (5 times a second), so a burst of pages never floods the
window. Cancel cancels the asyncio task; the job keeps every page it saved, so Resume (or the next
start of the app) continues from there.
"""

from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout,
                               QWidget)

from stockdesk.context import AppContext
from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.jobs import claims
from stockdesk.jobs.connect import list_stores
from stockdesk.jobs.progress import Progress
from stockdesk.jobs.reconstruct import ReconstructSummary, StoreSummary, reconstruct, unfinished_scan
from stockdesk.ui import formatting as fmt
from stockdesk.ui.job_runner import BusyGate, JobRunner
from stockdesk.ui.widgets import MessageBar, error_text

PHASES = (
    ("products", QT_TRANSLATE_NOOP("ReconstructPanel", "Product list")),
    ("documents", QT_TRANSLATE_NOOP("ReconstructPanel", "Documents, month by month")),
    ("computing", QT_TRANSLATE_NOOP("ReconstructPanel", "Computing balances")),
)
# Share of one store's work per phase (start, width): documents dominate.
WEIGHTS = {"stores": (0.0, 0.05), "products": (0.0, 0.1), "documents": (0.1, 0.8), "computing": (0.9, 0.1)}
PHASE_INDEX = {"stores": 0, "products": 0, "documents": 1, "computing": 2}


def store_fraction(p: Progress) -> float:
    """How far one store's reconstruction is (0..1), from a progress report."""
    start, width = WEIGHTS.get(p.phase, (0.0, 0.0))
    inner = p.done / p.total if p.total else 0.0
    if p.phase == "documents":
        resolved, left = p.counts.get("resolved", 0), p.counts.get("left", 0)
        if resolved + left:  # reading stops early once every product is settled
            inner = max(inner, resolved / (resolved + left))
    return start + width * min(inner, 1.0)


class ReconstructPanel(QWidget):
    running_changed = Signal(bool)
    finished = Signal(object)  # ReconstructSummary

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = JobRunner(self)
        self.runner.running_changed.connect(self._set_running)
        self.summary: ReconstructSummary | None = None
        self._latest: Progress | None = None
        self._started = 0.0
        self._stores: list[str] = []
        self._names: dict[str, str] = {}

        self.store_label = QLabel(self)
        self.store_label.setWordWrap(True)
        grid = QGridLayout()
        self.bars: list[QProgressBar] = []
        self.details: list[QLabel] = []
        for row, (_, title) in enumerate(PHASES):
            name = QLabel(QCoreApplication.translate("ReconstructPanel", title), self)
            bar = QProgressBar(self)
            bar.setRange(0, 1)
            bar.setValue(0)
            bar.setAccessibleName(name.text())
            detail = QLabel(self)
            detail.setWordWrap(True)
            grid.addWidget(name, row * 2, 0)
            grid.addWidget(bar, row * 2, 1)
            grid.addWidget(detail, row * 2 + 1, 1)
            self.bars.append(bar)
            self.details.append(detail)
        grid.setColumnStretch(1, 1)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.times = QLabel(self)
        self.times.setWordWrap(True)
        self.start_button = QPushButton(self.tr("&Start"), self)
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.message = MessageBar(self)
        self.gate = BusyGate(self.message, (claims.EVOTOR,))
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.store_label)
        layout.addLayout(grid)
        layout.addWidget(self.counts)
        layout.addWidget(self.times)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._draw)

    # --- state ---------------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.runner.is_running()

    def set_busy(self, held: dict) -> None:
        """Another job holds the Evotor account (BusyWatcher): say so, and wait for it to end."""
        self.gate.update(held, self.is_running())
        self.start_button.setEnabled(not self.is_running() and not self.gate.blocked)

    def prepare(self) -> None:
        """Show what will happen before starting: fresh, or resuming an interrupted run."""
        if self.is_running():
            return
        if unfinished_scan(self.ctx):
            self.start_button.setText(self.tr("&Resume"))
            self.message.show_message(self.tr("The last reconstruction was interrupted. It continues where it "
                                              "stopped: nothing already read is downloaded again."), "info")
        else:
            self.start_button.setText(self.tr("&Start"))

    def start(self, store_ids: list[str] | None = None) -> None:
        if self.is_running():
            return
        stores = [s for s in list_stores(self.ctx) if (s.id in store_ids if store_ids else s.selected)]
        self._stores = [s.id for s in stores]
        self._names = {s.id: s.name for s in stores}
        self.summary = None
        self.summary_label.clear()
        self.message.clear_message()
        self._latest = None
        self._started = time.monotonic()
        for bar in self.bars:
            bar.setRange(0, 1)
            bar.setValue(0)
        if self.runner.start(reconstruct(self.ctx, store_ids, progress=self._on_progress), done=self._done,
                             failed=lambda exc: self._stopped(error_text(exc), "error"),
                             stopped=lambda: self._stopped(self.tr("Stopped. Everything read so far is kept: Resume "
                                                                   "continues from here."), "warning")):
            self._timer.start()
            self._draw()

    def cancel(self) -> None:
        self.runner.cancel()

    def _done(self, summary: ReconstructSummary) -> None:
        self.summary = summary
        self._timer.stop()
        self.start_button.setText(self.tr("Run &again"))
        for bar in self.bars:
            bar.setRange(0, 1)
            bar.setValue(1)
        for label in (self.store_label, self.counts, *self.details):
            label.clear()  # the summary below says it all, per store
        self._draw_times(done=True)
        self.summary_label.setText(self.summary_html(self.summary))
        self.finished.emit(self.summary)

    def _stopped(self, text: str, kind: str) -> None:
        self._timer.stop()
        self._draw()
        self.start_button.setText(self.tr("&Resume"))
        self.message.show_message(text, kind)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running and not self.gate.blocked)
        self.cancel_button.setEnabled(running)
        self.running_changed.emit(running)

    def _on_progress(self, progress: Progress) -> None:
        self._latest = progress  # drawn by the timer

    # --- drawing -------------------------------------------------------------------------------

    def _draw(self) -> None:
        p = self._latest
        if p is not None:
            self._draw_progress(p)
        self._draw_times(done=False)

    def _draw_progress(self, p: Progress) -> None:
        if p.store_id in self._stores and len(self._stores) > 1:
            self.store_label.setText(self.tr("Store %1 of %2: %3").replace("%1", str(self._stores.index(p.store_id) + 1))
                                     .replace("%2", str(len(self._stores))).replace("%3", self._names[p.store_id]))
        elif p.store_id in self._names:
            self.store_label.setText(self.tr("Store: %1").replace("%1", self._names[p.store_id]))
        current = PHASE_INDEX.get(p.phase, 0)
        for i, bar in enumerate(self.bars):
            if i < current:
                bar.setRange(0, 1)
                bar.setValue(1)
            elif i > current:
                bar.setRange(0, 1)
                bar.setValue(0)
            elif p.total is None:
                bar.setRange(0, 0)  # busy: the size is not known yet
            else:
                bar.setRange(0, max(p.total, 1))
                bar.setValue(min(p.done, max(p.total, 1)))
        if p.phase == "documents" and p.total:
            detail = self.tr("%n of %1 months read", "", p.done).replace("%1", str(p.total))
            if p.window_ms:
                detail += " · " + self.tr("now: %1").replace("%1", fmt.month_ms(p.window_ms[0]))
            self.details[1].setText(detail)
        if p.phase == "computing" and p.total:
            self.details[2].setText(self.tr("%n of %1 products", "", p.done).replace("%1", str(p.total)))
        if p.counts:
            parts = []
            if "documents_read" in p.counts:
                parts.append(self.tr("%n document(s) read", "", p.counts["documents_read"]))
            if "resolved" in p.counts:
                parts.append(self.tr("%n product(s) settled", "", p.counts["resolved"]))
            if "left" in p.counts:
                parts.append(self.tr("%n still open", "", p.counts["left"]))
            self.counts.setText(" · ".join(parts))

    def _draw_times(self, done: bool) -> None:
        if not self._started:
            return
        elapsed = time.monotonic() - self._started
        text = self.tr("Elapsed: %1").replace("%1", fmt.duration(elapsed))
        if not done and self.is_running():
            remaining = self.remaining_seconds(elapsed)
            text += " · " + (self.tr("Remaining: about %1").replace("%1", fmt.duration(remaining))
                             if remaining is not None else self.tr("Remaining: estimating…"))
        self.times.setText(text)

    def remaining_seconds(self, elapsed: float) -> float | None:
        p = self._latest
        if p is None or not self._stores or elapsed < 2:
            return None
        index = self._stores.index(p.store_id) if p.store_id in self._stores else 0
        overall = (index + store_fraction(p)) / len(self._stores)
        if overall < 0.02:
            return None
        return elapsed * (1 - overall) / overall

    def summary_html(self, summary: ReconstructSummary) -> str:
        return "".join(f"<p>{self._store_html(s)}</p>" for s in summary.stores)

    def _store_html(self, s: StoreSummary) -> str:
        lines = [f"<b>{escape(s.name)}</b>",
                 self.tr("%n product(s) in the store.", "", s.products),
                 self.tr("%n got their number from the documents.", "", s.resolved)]
        if s.unresolved:
            lines.append(self.tr("%n could not be settled by the documents (see Review).", "", s.unresolved))
        history = self.tr("Read %n document(s)", "", s.documents_read)
        if s.history_from_ms:
            history += ", " + self.tr("back to %1").replace("%1", fmt.date_ms(s.history_from_ms))
        if s.stop_reason:
            history += " (" + fmt.stop_reason(s.stop_reason) + ")"
        lines.append(history + ".")
        if s.mismatched_products:
            lines.append(self.tr("%n product(s) have documents that disagree with each other.", "",
                                 s.mismatched_products))
        if s.unknown_types:
            kinds = ", ".join(f"{escape(t)} ({n})" for t, n in sorted(s.unknown_types.items()))
            lines.append(self.tr("Document types StockDesk does not know, ignored: %1").replace("%1", kinds))
        return "<br>".join(lines)
