"""What the sandbox servers share: serving an aiohttp app on a local port, error answers, and
faults queued by tests for the next matching requests."""

from __future__ import annotations

import asyncio
from collections import deque
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable, Self

from aiohttp import web


class LocalServer:
    """An aiohttp application served on a local port until stop(); ``async with`` starts and stops it."""

    url = ""
    _runner: web.AppRunner | None = None

    async def start(self) -> str:
        raise NotImplementedError  # each server builds its application, then _serve()s it

    async def _serve(self, app: web.Application, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve ``app`` (port 0: a free one); returns http://host:port with the port bound."""
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        return f"http://{host}:{self._runner.addresses[0][1]}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


class LimitedServer(LocalServer):
    """A LocalServer for an API that refuses more than ``max_parallel`` requests at once. Each request
    takes ``latency`` more seconds, so tests can make requests overlap."""

    def __init__(self, max_parallel: int, latency: float) -> None:
        self.max_parallel = max_parallel
        self.latency = latency
        self.in_flight = 0
        self.max_in_flight_seen = 0

    @asynccontextmanager
    async def _admitted(self, refusal: Callable[[], ApiFailure]) -> AsyncIterator[None]:
        """Holds a place in flight; raises ``refusal()`` when too many requests are."""
        self.in_flight += 1
        self.max_in_flight_seen = max(self.max_in_flight_seen, self.in_flight)
        try:
            if self.latency:
                await asyncio.sleep(self.latency)
            if self.in_flight > self.max_parallel:
                raise refusal()
            yield
        finally:
            self.in_flight -= 1


class ApiFailure(Exception):
    """An error answer: ``status``, the API's error pairs (each server writes them its way), extra headers."""

    def __init__(self, status: int, errors: list[tuple[Any, Any]], headers: dict[str, str] | None = None):
        super().__init__(errors)
        self.status, self.errors, self.headers = status, errors, headers or {}


@dataclass
class Fault:
    """An answer a test injects instead of the real one."""
    status: int
    body: Any = None            # dict -> JSON as the API writes it; bytes as is; None -> the API's standard error
    path: str = ""              # only requests whose path contains this
    headers: dict[str, str] = field(default_factory=dict)
    wait: float | None = None   # a throttle that tells the client to come back after this many seconds


class FaultQueue:
    """Faults for the next requests, in the order they were added."""

    def __init__(self) -> None:
        self._waiting: deque[Fault] = deque()

    def add(self, fault: Fault, times: int = 1) -> None:
        self._waiting.extend(fault for _ in range(times))

    def take(self, path: str) -> Fault | None:
        """The first fault meant for ``path``, removed from the queue; None when there is none."""
        for i, fault in enumerate(self._waiting):
            if fault.path in path:
                del self._waiting[i]
                return fault
        return None
