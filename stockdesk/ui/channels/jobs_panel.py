"""A channel page's shared behaviour: run one job at a time, show its outcome in a message bar."""

from __future__ import annotations

import asyncio
from typing import Any, Coroutine

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from stockdesk.context import AppContext
from stockdesk.ui.tasks import spawn
from stockdesk.ui.widgets import MessageBar, reported


class JobPage(QWidget):
    running_changed = Signal(bool)
    changed = Signal()  # the channel's state changed: cards and tables reload

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: asyncio.Task | None = None
        self.message = MessageBar(self)
        self.job_buttons: list[QPushButton] = []

    def is_running(self) -> bool:
        return self.task is not None and not self.task.done()

    def cancel(self) -> None:
        if self.is_running():
            assert self.task is not None
            self.task.cancel()

    def begin(self, coro: Coroutine[Any, Any, None], text: str) -> None:
        if self.is_running():
            coro.close()
            return
        self.message.show_message(text, "info")
        for button in self.job_buttons:
            button.setEnabled(False)
        self.task = spawn(self._guard(coro))
        self.running_changed.emit(True)

    async def _guard(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            await reported(coro, self.message, self.tr("Stopped."))
        finally:
            for button in self.job_buttons:
                button.setEnabled(True)
            self.running_changed.emit(False)
            self.changed.emit()
