"""Running a job from a panel: one at a time, a running signal, cancel, and its outcome routed to the
panel (cf. Anki's QueryOp); and what other jobs hold, so a panel disables what is busy.

Claims are the jobs layer's (jobs.claims): a panel never decides what may run together, it only
shows it. The watcher reads the claims table, so it sees jobs of this window, of the command line
and of a schedule alike.
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable, Coroutine

from PySide6.QtCore import QObject, QTimer, Signal

from stockdesk.context import AppContext
from stockdesk.jobs import claims
from stockdesk.ui.tasks import spawn

BUSY_POLL_MS = 1500


class JobRunner(QObject):
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task: asyncio.Task | None = None
        self._active = False

    def is_running(self) -> bool:
        return self._active

    def start(self, job: Coroutine[Any, Any, Any], *, done: Callable[[Any], None] | None = None,
              failed: Callable[[Exception], None], stopped: Callable[[], None]) -> bool:
        """Run ``job`` unless one is running. When it ends, ``running_changed(False)`` first, then its
        result to ``done``, an error to ``failed`` (show it with widgets.error_text: the owner reads a
        sentence, the log keeps the traceback), a cancel to ``stopped``."""
        if self._active:
            job.close()
            return False
        self._active = True
        self.task = spawn(self._guard(job, done, failed, stopped))
        self.running_changed.emit(True)
        return True

    def cancel(self) -> None:
        if self._active and self.task is not None:
            self.task.cancel()

    async def _guard(self, job: Coroutine[Any, Any, Any], done: Callable[[Any], None] | None,
                     failed: Callable[[Exception], None], stopped: Callable[[], None]) -> None:
        try:
            result = await job
        except asyncio.CancelledError:
            self._ended()
            stopped()
            raise
        except Exception as exc:
            self._ended()
            failed(exc)
        else:
            self._ended()
            if done is not None:
                done(result)

    def _ended(self) -> None:
        self._active = False
        self.running_changed.emit(False)


class BusyWatcher(QObject):
    """The claims held now, by any StockDesk process; ``changed`` carries {resource: Holder}."""
    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.held: dict[str, claims.store.Holder] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(BUSY_POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        try:
            held = {h.resource: h for h in claims.busy(self.ctx)}
        except Exception:  # a locked or damaged database: the jobs themselves will say so
            return
        if {r: h.token for r, h in held.items()} != {r: h.token for r, h in self.held.items()}:
            self.held = held
            self.changed.emit(held)


def busy_text(holder: claims.store.Holder) -> str:
    """The sentence a refused job would show, shown before the owner tries."""
    return claims.BusyError(holder).render()


def holder_in_the_way(held: dict, resources: tuple[str, ...], running_here: bool) -> claims.store.Holder | None:
    """The job that stops a panel from starting: one holding its accounts, unless it is the panel's own."""
    if running_here:
        return None
    return next((held[r] for r in resources if r in held), None)
