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


def accept(vt, limiter, n: int, every: float) -> None:
    for _ in range(n):
        vt.now += every
        limiter.on_success()


@pytest.mark.asyncio
async def test_paces_at_the_rate_the_server_accepted(vt):
    limiter = vt.limiter()
    async with limiter.slot():
        pass
    assert limiter.spacing == 0  # no pacing until the server has pushed back
    accept(vt, limiter, 30, 0.1)  # 10 requests/s accepted ...
    limiter.on_throttle(started=vt.now, wait=5.0)  # ... then a refusal asking for 5 s
    assert limiter.rate == pytest.approx(10.0)
    assert limiter.not_before == pytest.approx(vt.now + 0.2)  # the hint may be coarse: retry two turns later
    starts = []
    for _ in range(4):
        async with limiter.slot() as started:
            starts.append(started)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert gaps == pytest.approx([0.1] * 3)


@pytest.mark.asyncio
async def test_refused_retries_back_off_to_the_asked_wait_and_successes_probe_upward(vt):
    limiter = vt.limiter()
    async with limiter.slot():
        pass
    accept(vt, limiter, 30, 0.1)
    limiter.on_throttle(started=vt.now, wait=5.0)
    vt.now += 0.2
    for n in range(1, 6):  # the retry was refused too: twice as late each time, never later than asked
        limiter.on_throttle(started=vt.now, wait=5.0)
        assert limiter.not_before == pytest.approx(vt.now + min(5.0, 0.2 * 2 ** n))
        vt.now = limiter.not_before
    assert limiter.rate == pytest.approx(10.0)  # the same overload: not cut again
    accept(vt, limiter, 20, 0.1)
    assert limiter.rate == pytest.approx(10.0 * 1.001 ** 20)
    limiter.on_throttle(started=vt.now, wait=1.0)  # a new refusal after successes: a small cut
    assert limiter.rate == pytest.approx(10.0 * 1.001 ** 20 * 0.95)


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


def test_a_stated_rate_seeds_pacing_and_none_left_does_not_pause(vt):
    limiter = vt.limiter()
    limiter.observe(RateBudget(remaining=0, reset_after=0.5))
    assert limiter.not_before == 0 and limiter.rate is None
    limiter.observe(RateBudget(limit=50, interval=1.0, remaining=3, reset_after=0.2))
    assert limiter.rate == 50
