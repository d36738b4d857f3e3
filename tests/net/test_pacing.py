"""The limiter finds the rate a server accepts, however the server counts and announces it.

Each server below is the sandbox's own rate counter and headers (stockdesk.sandbox.rate_limits) on
virtual time, so a run of 500 requests at 50/s takes no real time and gives the same figures every
run. (window-epoch differs from window-seconds only in how Reset is written, which needs the real
clock; the benchmark covers it: benchmarks/evotor_push.py.)
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from stockdesk.evotor.client import EvotorClient
from stockdesk.net import NetStats, RetryPolicy, send_with_retries
from stockdesk.sandbox import rate_limits

RPS, REQUESTS, WORKERS = 50.0, 500, 4


async def push_through(vt, style: str) -> tuple[float, NetStats]:
    count = rate_limits.counter(style, RPS, clock=vt.clock)

    def server(request: httpx.Request) -> httpx.Response:
        allowed, wait = count.take()
        headers = rate_limits.headers(style, RPS, count, wait, not allowed, send_retry_after=False)
        return httpx.Response(200 if allowed else 429, headers=headers)

    limiter, stats, service = vt.limiter(WORKERS), NetStats(), EvotorClient.service
    work = iter(range(REQUESTS))
    async with httpx.AsyncClient(transport=httpx.MockTransport(server), base_url="http://cloud") as client:
        async def worker() -> None:
            for _ in work:
                response = await send_with_retries(
                    client, lambda: client.build_request("PATCH", "/p"), policy=RetryPolicy(), limiter=limiter,
                    wait_from=service.wait_from, budget_from=service.budget_from, stats=stats)
                assert response.status_code == 200
                await asyncio.sleep(0)

        async def ticking() -> None:  # requests take no time; a virtual millisecond per round keeps time moving
            while True:
                await vt.sleep(0.001)

        clock = asyncio.create_task(ticking())
        await asyncio.gather(*(worker() for _ in range(WORKERS)))
        clock.cancel()
    return vt.now, stats


@pytest.mark.asyncio
@pytest.mark.parametrize("style", ["bucket", "window-seconds", "retry-after", "none", "sandbox"])
async def test_the_limiter_settles_near_the_accepted_rate(vt, style):
    elapsed, stats = await push_through(vt, style)
    floor = (REQUESTS - RPS) / RPS  # a full bucket or first window lets RPS through at once
    assert stats.requests - stats.throttled == REQUESTS
    assert stats.throttled / stats.requests < 0.05, stats
    assert elapsed <= 1.15 * floor, (elapsed, floor, stats)
