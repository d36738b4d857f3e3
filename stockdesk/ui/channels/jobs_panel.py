"""A channel page's shared behaviour: run one job at a time, show its outcome in a message bar, and
keep its buttons off while another job holds the page's account."""

from __future__ import annotations

from typing import Any, Coroutine

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from stockdesk.context import AppContext
from stockdesk.ui.job_runner import BusyGate, JobRunner
from stockdesk.ui.widgets import MessageBar


class JobPage(QWidget):
    running_changed = Signal(bool)
    changed = Signal()  # the channel's state changed: cards and tables reload
    resources: tuple[str, ...] = ()  # the accounts this page's jobs claim (jobs.claims)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = JobRunner(self)
        self.runner.running_changed.connect(self._running)
        self.message = MessageBar(self)
        self.gate = BusyGate(self.message, self.resources)
        self.job_buttons: list[QPushButton] = []

    def is_running(self) -> bool:
        return self.runner.is_running()

    def cancel(self) -> None:
        self.runner.cancel()

    def begin(self, coro: Coroutine[Any, Any, None], text: str) -> None:
        if self.runner.start(coro, failed=self.message.show_error,
                             stopped=lambda: self.message.show_message(self.tr("Stopped."), "warning")):
            self.message.show_message(text, "info")

    def set_busy(self, held: dict) -> None:
        """Another job holds this page's account (BusyWatcher): say so and keep the buttons off."""
        if self.gate.update(held, self.is_running()):
            self.changed.emit()  # free again: the page sets its buttons as it reloads
        elif self.gate.blocked:
            self._disable()

    def may_start(self) -> bool:
        return not self.is_running() and not self.gate.blocked

    def _running(self, running: bool) -> None:
        if running:
            self._disable()
        else:
            for button in self.job_buttons:
                button.setEnabled(not self.gate.blocked)
        self.running_changed.emit(running)
        if not running:
            self.changed.emit()

    def _disable(self) -> None:
        for button in self.job_buttons:
            button.setEnabled(False)
