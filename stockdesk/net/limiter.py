"""Bounded, self-adjusting concurrency shared by every request of one API client.

Three controls, all shared by the requests that pass through one limiter:
- a concurrency limit that halves (never below 1) on a throttle signal and grows back by one after
  ``grow_after`` consecutive successes (slow AIMD, as TCP does);
- a "not before" moment: when a server says "wait X seconds", no request starts before then, so one
  429 pauses every worker, not only the one that received it;
- pacing: once the server has throttled us, request starts are spaced evenly according to the budget
  it announces (X-RateLimit-* headers), so the client settles near the allowed rate instead of
  bursting into 429s and sleeping.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from contextlib import asynccontextmanager
from typing import AsyncIterator, Awaitable, Callable

from stockdesk.net.signals import RateBudget


class AdaptiveLimiter:
    def __init__(self, initial: int = 4, maximum: int | None = None, *, grow_after: int = 20,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        if initial < 1:
            raise ValueError("initial concurrency must be at least 1")
        self.maximum = max(maximum or initial, 1)
        self.limit = min(initial, self.maximum)
        self.grow_after = grow_after
        self.clock = clock        # monotonic seconds; injectable so tests run on virtual time
        self.sleep = sleep
        self.in_flight = 0
        self.not_before = 0.0     # clock() value before which no request starts
        self.pacing = False       # switched on by the first throttle signal
        self.spacing = 0.0        # seconds between request starts while pacing
        self._next_start = 0.0
        self._successes = 0
        self._last_cut = -math.inf
        self._waiters: deque[asyncio.Future] = deque()

    # --- the slot a request holds while it is on the wire ------------------------------------

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[float]:
        """Hold one of ``limit`` slots; yields the moment the request may start (clock seconds)."""
        await self._take_slot()
        try:
            yield await self._wait_turn()
        finally:
            self.in_flight -= 1
            self._wake()

    async def _take_slot(self) -> None:
        while self.in_flight >= self.limit:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                if waiter.done() and not waiter.cancelled():
                    self._wake()  # we were woken but leave: pass the free slot on
                raise
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        self.in_flight += 1

    def _wake(self) -> None:
        free = self.limit - self.in_flight
        while free > 0 and self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                free -= 1

    async def _wait_turn(self) -> float:
        start: float | None = None
        while True:
            now = self.clock()
            if start is None or start < self.not_before:  # (re)book a start time
                start = max(now, self.not_before)
                if self.pacing:
                    start = max(start, self._next_start)
                    self._next_start = start + self.spacing
            if start <= now:
                return now
            await self.sleep(start - now)

    # --- signals from responses ----------------------------------------------------------------

    def on_success(self) -> None:
        self._successes += 1
        if self._successes >= self.grow_after and self.limit < self.maximum:
            self.limit += 1
            self._successes = 0
            self._wake()

    def on_throttle(self, started: float, wait: float) -> None:
        """The server refused a request that started at ``started``; nothing starts for ``wait`` s."""
        now = self.clock()
        self.pause_until(now + wait)
        self.pacing = True
        self._successes = 0
        # Requests already on the wire when we cut belong to the same overload: cut once for them.
        if started > self._last_cut:
            self.limit = max(1, self.limit // 2)
            self._last_cut = now

    def pause_until(self, moment: float) -> None:
        self.not_before = max(self.not_before, moment)

    def observe(self, budget: RateBudget) -> None:
        """Use the budget a server announced with a response (called while its slot is held)."""
        now = self.clock()
        others = max(0, self.in_flight - 1)  # requests on the wire that the budget may not count yet
        left = None if budget.remaining is None else budget.remaining - others
        if left is not None and left <= 0 and budget.reset_after is not None:
            self.pause_until(now + budget.reset_after)
            self._successes = 0  # the rate, not concurrency, is the bottleneck: more workers would not help
            return
        if not self.pacing:
            return
        if budget.limit and budget.interval:
            self.spacing = budget.interval / budget.limit
        elif left and budget.reset_after is not None:
            self.spacing = budget.reset_after / left
