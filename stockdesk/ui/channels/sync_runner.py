"""Sync now and the optional schedule: jobs.sync.sync, never two at once, while the app runs."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, QTimer, Signal

from stockdesk.context import AppContext
from stockdesk.jobs.sync import SyncResult, sync
from stockdesk.ui.tasks import spawn
from stockdesk.ui.widgets import error_text

SCHEDULE_SETTING = "sync.every_minutes"  # empty or 0: no schedule
MINUTE_MS = 60_000


def scheduled_minutes(ctx: AppContext) -> int:
    text = ctx.setting(SCHEDULE_SETTING) or ""
    return int(text) if text.isdigit() else 0


class SyncRunner(QObject):
    started = Signal()
    finished = Signal(object)   # SyncResult
    failed = Signal(str)        # an unexpected failure, as a sentence
    progressed = Signal(object)  # jobs.progress.Progress

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: asyncio.Task | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run)
        self.set_schedule(scheduled_minutes(ctx), save=False)

    def is_running(self) -> bool:
        return self.task is not None and not self.task.done()

    def run(self) -> bool:
        """Start a sync unless one is under way (a scheduled tick then simply waits for the next)."""
        if self.is_running():
            return False
        self.started.emit()
        self.task = spawn(self._run())
        return True

    def cancel(self) -> None:
        if self.is_running():
            assert self.task is not None
            self.task.cancel()

    def set_schedule(self, minutes: int, *, save: bool = True) -> None:
        if save:
            self.ctx.set_setting(SCHEDULE_SETTING, str(minutes) if minutes > 0 else None)
        if minutes > 0:
            self.timer.start(minutes * MINUTE_MS)
        else:
            self.timer.stop()

    async def _run(self) -> None:
        try:
            result: SyncResult = await sync(self.ctx, progress=self.progressed.emit)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # each step's UserError is in the result; this is anything else
            self.failed.emit(error_text(exc))
            return
        self.finished.emit(result)
