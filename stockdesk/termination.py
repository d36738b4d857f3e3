"""SIGTERM (a shutdown, `kill`, a service manager) stops StockDesk the way Ctrl-C or closing the window
does: the running job is cancelled, what it saved stays, the next run continues from there."""

from __future__ import annotations

import asyncio
import signal
from typing import Callable, Coroutine, TypeVar

T = TypeVar("T")


def on_terminate(callback: Callable[[], object]) -> None:
    """Call ``callback`` on the running loop when SIGTERM arrives."""
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, callback)
    except (NotImplementedError, RuntimeError):  # Windows' loops have no signal handlers; not the main thread
        pass


def run_stoppable(coro: Coroutine[object, object, T]) -> T:
    """asyncio.run(coro); SIGTERM cancels it as Ctrl-C does, and both end in KeyboardInterrupt."""
    terminated = False

    async def main() -> T:
        task = asyncio.current_task()
        assert task is not None

        def terminate() -> None:
            nonlocal terminated
            terminated = True
            task.cancel()

        on_terminate(terminate)
        return await coro

    try:
        return asyncio.run(main())
    except asyncio.CancelledError:
        if terminated:
            raise KeyboardInterrupt from None
        raise
