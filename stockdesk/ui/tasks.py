"""Running the jobs' coroutines from widgets on the one qasync event loop.

We hold our own strong references to tasks (qasync 0.28's asyncSlot does not, and its return value
changes between releases). Expected failures (UserError) are handled by the caller's coroutine;
anything else goes to sys.excepthook: the app's hook logs it and shows a readable message, and in
tests pytest-qt reports it as a failure.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any, Coroutine

_running: set[asyncio.Task] = set()


def spawn(coro: Coroutine[Any, Any, Any]) -> asyncio.Task:
    task = asyncio.ensure_future(coro)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task) -> None:
    _running.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def running_tasks() -> list[asyncio.Task]:
    return [task for task in _running if not task.done()]


async def cancel_all() -> None:
    """Cancel what is still running (window closing) and wait until it has stopped."""
    tasks = running_tasks()
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)
