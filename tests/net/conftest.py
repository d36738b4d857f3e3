"""Virtual time and scripted transports for the net layer tests (as fixtures: vt, script)."""

from __future__ import annotations

import asyncio
from typing import Callable

import httpx
import pytest

from stockdesk.net import AdaptiveLimiter


class VirtualTime:
    """A clock that only moves when someone sleeps: waits are recorded, never spent."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)

    def limiter(self, initial: int = 4, maximum: int | None = None, **kw) -> AdaptiveLimiter:
        return AdaptiveLimiter(initial, maximum, clock=self.clock, sleep=self.sleep, **kw)


Step = Callable[[httpx.Request], httpx.Response] | httpx.Response | Exception


def scripted(*steps: Step) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    """A transport answering with each step in turn (the last one repeats); records requests."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        step = steps[min(len(seen), len(steps)) - 1]
        if isinstance(step, Exception):
            raise step
        if callable(step):
            return step(request)
        return httpx.Response(step.status_code, headers=step.headers, content=step.content)  # fresh each time

    return httpx.MockTransport(handler), seen


@pytest.fixture
def vt() -> VirtualTime:
    return VirtualTime()


@pytest.fixture
def script():
    return scripted
