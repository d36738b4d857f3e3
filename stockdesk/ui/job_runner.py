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
from stockdesk.ui.widgets import MessageBar

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


class BusyGate:
    """A panel's view of the claims: whether a job that is not the panel's own holds its accounts,
    said on the panel's message bar (and taken back once it ends)."""

    def __init__(self, message: MessageBar, resources: tuple[str, ...] | None = None) -> None:
        self.message = message
        self.resources = resources  # None: any account
        self.blocked = False

    def update(self, held: dict, running_here: bool) -> bool:
        """Take in what is held now; True when the panel just became free."""
        holder = None if running_here else next(
            (h for r, h in held.items() if self.resources is None or r in self.resources), None)
        was_blocked, self.blocked = self.blocked, holder is not None
        if holder is not None:
            self.message.show_message(claims.BusyError(holder).render(), "info")
        elif was_blocked:
            self.message.clear_message()
        return was_blocked and not self.blocked
