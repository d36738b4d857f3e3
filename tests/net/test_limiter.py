from __future__ import annotations

import asyncio

import pytest

from stockdesk.net import RateBudget


@pytest.mark.asyncio
async def test_halves_once_per_overload_and_regrows_slowly(vt):
    limiter = vt.limiter(initial=8, grow_after=5)
    limiter.on_throttle(started=0.0, wait=0.0)
    assert limiter.limit == 4
    limiter.on_throttle(started=0.0, wait=0.0)  # was on the wire before the cut: same overload
    assert limiter.limit == 4
    vt.now = 1.0
    limiter.on_throttle(started=1.0, wait=0.0)
    assert limiter.limit == 2
    for _ in range(2):
        vt.now += 1
        limiter.on_throttle(started=vt.now, wait=0.0)
    assert limiter.limit == 1  # never below one
    for _ in range(4):
        limiter.on_success()
    assert limiter.limit == 1
    limiter.on_success()
    assert limiter.limit == 2
    for _ in range(100):
        limiter.on_success()
    assert limiter.limit == 8  # back to the maximum, not beyond


@pytest.mark.asyncio
async def test_a_throttle_resets_the_growth_count(vt):
    limiter = vt.limiter(initial=2, grow_after=3)
    limiter.on_throttle(started=0.0, wait=0.0)
    limiter.on_success()
    limiter.on_success()
    vt.now = 1
    limiter.on_throttle(started=1.0, wait=0.0)
    limiter.on_success()
    limiter.on_success()
    assert limiter.limit == 1


@pytest.mark.asyncio
async def test_a_pause_holds_every_new_start(vt):
    limiter = vt.limiter()
    limiter.on_throttle(started=0.0, wait=5.0)
    starts = []
    for _ in range(3):
        async with limiter.slot() as started:
            starts.append(started)
    assert all(s >= 5.0 for s in starts)


@pytest.mark.asyncio
async def test_paces_evenly_after_a_throttle(vt):
    limiter = vt.limiter()
    limiter.observe(RateBudget(remaining=10, reset_after=1.0))
    assert limiter.spacing == 0  # no pacing until the server has pushed back
    limiter.on_throttle(started=0.0, wait=0.0)
    limiter.observe(RateBudget(remaining=10, reset_after=1.0))
    assert limiter.spacing == pytest.approx(0.1)
    limiter.observe(RateBudget(limit=50, interval=1.0, remaining=3, reset_after=0.2))
    assert limiter.spacing == pytest.approx(0.02)  # a stated rate wins over "what is left"
    starts = []
    for _ in range(4):
        async with limiter.slot() as started:
            starts.append(started)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert gaps == pytest.approx([0.02] * 3)


@pytest.mark.asyncio
async def test_concurrent_waiters_get_slots_as_they_free(vt):
    limiter = vt.limiter(initial=2)
    order = []

    async def worker(n: int) -> None:
        async with limiter.slot():
            order.append(n)
            await asyncio.sleep(0)

    await asyncio.gather(*(worker(n) for n in range(6)))
    assert sorted(order) == list(range(6)) and limiter.in_flight == 0


@pytest.mark.asyncio
async def test_cancelled_waiter_passes_its_wakeup_on(vt):
    limiter = vt.limiter(initial=1)
    release = asyncio.Event()

    async def holder() -> None:
        async with limiter.slot():
            await release.wait()

    async def waiter() -> None:
        async with limiter.slot():
            pass

    h = asyncio.create_task(holder())
    await asyncio.sleep(0)
    w1, w2 = asyncio.create_task(waiter()), asyncio.create_task(waiter())
    await asyncio.sleep(0)
    release.set()
    await h  # frees the slot and wakes w1 ...
    w1.cancel()  # ... which leaves before it runs
    await asyncio.wait_for(w2, 1)  # w2 must still get in
    assert limiter.in_flight == 0


@pytest.mark.asyncio
async def test_a_spent_budget_pauses_and_stops_growth(vt):
    limiter = vt.limiter(initial=4, grow_after=2)
    limiter.on_throttle(started=0.0, wait=0.0)
    limiter.on_success()
    limiter.observe(RateBudget(remaining=0, reset_after=0.5))
    limiter.on_success()
    assert limiter.limit == 2  # the rate is the bottleneck: no extra worker
    assert limiter.not_before == 0.5
    limiter.on_success()
    assert limiter.limit == 3
