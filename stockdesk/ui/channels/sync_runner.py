"""Sync now and the optional schedule: jobs.sync.sync, never two at once, while the app runs."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from stockdesk.context import AppContext
from stockdesk.jobs.sync import sync
from stockdesk.ui.job_runner import JobRunner
from stockdesk.ui.widgets import error_text

SCHEDULE_SETTING = "sync.every_minutes"  # empty or 0: no schedule
MINUTE_MS = 60_000
SCHEDULE_WAIT_S = 600.0  # a scheduled sync waits this long for a job holding an account


def scheduled_minutes(ctx: AppContext) -> int:
    text = ctx.setting(SCHEDULE_SETTING) or ""
    return int(text) if text.isdigit() else 0


class SyncRunner(QObject):
    started = Signal()
    finished = Signal(object)   # SyncResult
    failed = Signal(str)        # why it did not run or failed as a whole, as a sentence
    progressed = Signal(object)  # jobs.progress.Progress

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.jobs = JobRunner(self)
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self._start(SCHEDULE_WAIT_S, "schedule"))
        self.set_schedule(scheduled_minutes(ctx), save=False)

    def is_running(self) -> bool:
        return self.jobs.is_running()

    def run(self) -> bool:
        """Sync now, unless a sync is under way; refused at once, with the reason, while another job
        holds an account (a scheduled sync waits for it instead)."""
        return self._start(0.0, None)

    def _start(self, wait: float, kind: str | None) -> bool:
        # Each step's UserError is in the result; failed() is for the sync as a whole (e.g. busy).
        started = self.jobs.start(sync(self.ctx, progress=self.progressed.emit, wait=wait, kind=kind),
                                  done=self.finished.emit, failed=lambda exc: self.failed.emit(error_text(exc)),
                                  stopped=lambda: None)
        if started:
            self.started.emit()
        return started

    def cancel(self) -> None:
        self.jobs.cancel()

    def set_schedule(self, minutes: int, *, save: bool = True) -> None:
        if save:
            self.ctx.set_setting(SCHEDULE_SETTING, str(minutes) if minutes > 0 else None)
        if minutes > 0:
            self.timer.start(minutes * MINUTE_MS)
        else:
            self.timer.stop()
