"""Bounded, self-adjusting concurrency shared by every request of one API client.

Three controls, all shared by the requests that pass through one limiter:
- a concurrency limit that halves (never below 1) on a throttle signal and grows back by one after
  ``grow_after`` consecutive successes (slow AIMD, as TCP does);
- a "not before" moment: when a server says "wait X seconds", no request starts before then, so one
  429 pauses every worker, not only the one that received it;
- pacing at a learned rate: once the server has throttled us, request starts are spaced evenly at
  the rate it was seen to accept (successes over the last seconds), probed gently upward with each
  success and cut a little at each refusal, so the client settles just under the real limit.

What servers say about their budget is read differently by each (a token bucket's size or a window's
count in X-RateLimit-Limit, Reset in seconds, whole seconds or as an epoch time, Retry-After or
nothing), so it is a hint, never the rule: a stated rate only seeds the pacing, and after a refusal
the first retry comes after two paced turns even when the server asked for a longer wait, and each
further refused retry waits twice as long, up to the server's wait (a fixed window that has really
run out).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from contextlib import asynccontextmanager
from typing import AsyncIterator, Awaitable, Callable

from stockdesk.net.signals import RateBudget

HORIZON_S = 3.0          # the accepted rate is measured over this many recent seconds ...
MIN_SPAN_S = 1.0         # ... and never over less (a burst the server allowed is not its rate)
PROBE_GROWTH = 1.001     # per success: about +2 % every 20 requests
CUT = 0.95               # per refusal
MIN_RATE = 0.05          # requests/s: pacing never stops altogether


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
        self.rate: float | None = None  # requests/s the server accepts, learned; None: not paced yet
        self._next_start = 0.0
        self._successes = 0
        self._last_cut = -math.inf
        self._accepted: deque[float] = deque()  # success moments within HORIZON_S
        self._first_start: float | None = None
        self._since_throttle = 0  # successes since the last refusal
        self._refused_in_row = 0  # refusals since the last success, after the first
        self._waiters: deque[asyncio.Future] = deque()

    @property
    def spacing(self) -> float:
        """Seconds between request starts (0: not paced)."""
        return 1.0 / self.rate if self.rate else 0.0

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
                if self.rate:
                    start = max(start, self._next_start)
                    self._next_start = start + self.spacing
            if start <= now:
                if self._first_start is None:
                    self._first_start = now
                return now
            await self.sleep(start - now)

    # --- signals from responses ----------------------------------------------------------------

    def on_success(self) -> None:
        now = self.clock()
        self._accepted.append(now)
        while self._accepted and self._accepted[0] < now - HORIZON_S:
            self._accepted.popleft()
        self._since_throttle += 1
        if self.rate:
            self.rate *= PROBE_GROWTH
        self._successes += 1
        if self._successes >= self.grow_after and self.limit < self.maximum:
            self.limit += 1
            self._successes = 0
            self._wake()

    def on_throttle(self, started: float, wait: float) -> None:
        """The server refused a request that started at ``started`` and asked to wait ``wait`` s."""
        now = self.clock()
        if started <= self._last_cut:  # on the wire before the last refusal: the same overload
            return
        repeated = self._since_throttle == 0 and self._last_cut > -math.inf
        self._refused_in_row = self._refused_in_row + 1 if repeated else 0
        self._last_cut, self._since_throttle, self._successes = now, 0, 0
        self.limit = max(1, self.limit // 2)
        if not repeated:  # a refused retry is the same overload: the rate was set at its first refusal
            measured = self._accepted_rate(now)
            if self.rate is None or measured < self.rate * 0.5:  # first refusal, or far too fast
                self.rate = max(MIN_RATE, measured)
            else:
                self.rate = max(MIN_RATE, self.rate * CUT)
        # The retry after a refusal goes two turns later, then twice as late at each further refusal,
        # never later than the server asked: a coarse hint ("Reset: 1", a whole-second Retry-After)
        # would otherwise cost up to a second each time.
        self.pause_until(now + min(wait, 2 * self.spacing * 2 ** self._refused_in_row))

    def _accepted_rate(self, now: float) -> float:
        recent = sum(1 for t in self._accepted if t >= now - HORIZON_S)
        span = now - (self._first_start if self._first_start is not None else now)
        return recent / max(MIN_SPAN_S, min(HORIZON_S, span))

    def pause_until(self, moment: float) -> None:
        self.not_before = max(self.not_before, moment)

    def observe(self, budget: RateBudget) -> None:
        """A rate the server states outright (a limit per stated interval) seeds the pacing; "what is
        left" is not used: its meaning differs from server to server."""
        if self.rate is None and budget.limit and budget.interval:
            self.rate = budget.limit / budget.interval
