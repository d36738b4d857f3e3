from __future__ import annotations

import asyncio
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from stockdesk.net import (NetStats, RetriesExhausted, RetryPolicy, first_of, header_http_date,
                           header_millis, header_seconds, ratelimit_budget, retry_after,
                           send_json_with_retries, send_with_retries, status_classifier)

OK = httpx.Response(200, json={"ok": True})


def get():
    return lambda: httpx.Request("GET", "https://api.test/items")
POLICY = RetryPolicy()


async def run(transport, vt, *, json_body=False, policy=POLICY, **kw):
    stats = NetStats()
    async with httpx.AsyncClient(transport=transport) as client:
        send = send_json_with_retries if json_body else send_with_retries
        result = await send(client, get(), policy=policy, limiter=kw.pop("limiter", None) or vt.limiter(),
                            stats=stats, **kw)
    return result, stats


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
async def test_retries_throttle_and_server_errors(status, vt, script):
    transport, seen = script(httpx.Response(status), OK)
    response, stats = await run(transport, vt)
    assert response.status_code == 200
    assert len(seen) == 2
    assert stats.retries == 1 and stats.requests == 2
    assert stats.throttled == (1 if status == 429 else 0)


@pytest.mark.asyncio
@pytest.mark.parametrize("fault", [
    httpx.ConnectError("refused"), httpx.ReadError("reset by peer"),
    httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
    httpx.ReadTimeout("slow"), httpx.WriteError("broken pipe"), httpx.PoolTimeout("pool"),
])
async def test_retries_transport_faults(fault, vt, script):
    transport, seen = script(fault, fault, OK)
    response, stats = await run(transport, vt)
    assert response.status_code == 200
    assert len(seen) == 3 and stats.retries == 2
    assert len(vt.sleeps) == 2 and all(0 <= s <= POLICY.max_delay for s in vt.sleeps)


@pytest.mark.asyncio
async def test_truncated_json_is_retried_when_json_expected(vt, script):
    cut = httpx.Response(200, content=b'{"items": [{"id": "a"}, {"i')
    transport, seen = script(cut, OK)
    reply, stats = await run(transport, vt, json_body=True)
    assert reply.data == {"ok": True}
    assert len(seen) == 2 and stats.retries == 1


@pytest.mark.asyncio
async def test_body_is_not_parsed_when_json_not_expected(vt, script):
    transport, seen = script(httpx.Response(200, content=b"not json"))
    response, _ = await run(transport, vt)
    assert response.content == b"not json" and len(seen) == 1


@pytest.mark.asyncio
async def test_error_bodies_are_returned_unparsed(vt, script):
    transport, _ = script(httpx.Response(400, content=b"<html>bad"))
    reply, _ = await run(transport, vt, json_body=True)
    assert reply.response.status_code == 400 and reply.data is None


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 406, 409, 422])
async def test_other_client_errors_are_not_retried(status, vt, script):
    transport, seen = script(httpx.Response(status), OK)
    response, stats = await run(transport, vt)
    assert response.status_code == status
    assert len(seen) == 1 and stats.retries == 0


@pytest.mark.asyncio
async def test_retry_after_seconds_is_honoured_and_pauses_everyone(vt, script):
    transport, _ = script(httpx.Response(429, headers={"Retry-After": "7"}), OK)
    limiter = vt.limiter()
    await run(transport, vt, limiter=limiter)
    assert vt.sleeps == [7.0]
    assert limiter.not_before == 7.0  # a shared pause, not one worker's


@pytest.mark.asyncio
async def test_retry_after_http_date_is_honoured(vt, script):
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=20), usegmt=True)
    transport, _ = script(httpx.Response(503, headers={"Retry-After": when}), OK)
    await run(transport, vt)
    assert len(vt.sleeps) == 1 and 17 <= vt.sleeps[0] <= 20


@pytest.mark.asyncio
@pytest.mark.parametrize("headers, extractor, expected", [
    ({"X-RateLimit-Reset": "3"}, first_of(retry_after, header_seconds("X-RateLimit-Reset")), 3.0),
    ({"X-Lognex-Retry-After": "1500"}, header_millis("X-Lognex-Retry-After"), 1.5),
])
async def test_caller_wait_extractors(headers, extractor, expected, vt, script):
    transport, _ = script(httpx.Response(429, headers=headers), OK)
    await run(transport, vt, wait_from=extractor)
    assert vt.sleeps == [expected]


@pytest.mark.asyncio
async def test_caller_declared_throttle_status_with_date_header(vt, script):
    """Yandex answers 420 and says until when in X-RateLimit-Resource-Until."""
    until = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=10), usegmt=True)
    transport, seen = script(httpx.Response(420, headers={"X-RateLimit-Resource-Until": until}), OK)
    response, stats = await run(transport, vt, classify=status_classifier(throttle=(420, 429)),
                                wait_from=header_http_date("X-RateLimit-Resource-Until"))
    assert response.status_code == 200 and stats.throttled == 1
    assert 7 <= vt.sleeps[0] <= 10


@pytest.mark.asyncio
async def test_gives_up_after_max_attempts(vt, script):
    transport, seen = script(httpx.Response(502))
    with pytest.raises(RetriesExhausted) as info:
        await run(transport, vt)
    assert info.value.kind == "server" and info.value.attempts == POLICY.max_attempts
    assert info.value.response.status_code == 502
    assert len(seen) == POLICY.max_attempts


@pytest.mark.asyncio
async def test_gives_up_on_network_with_cause(vt, script):
    transport, _ = script(httpx.ConnectError("refused"))
    with pytest.raises(RetriesExhausted) as info:
        await run(transport, vt, policy=RetryPolicy(max_attempts=3))
    assert info.value.kind == "network" and isinstance(info.value.cause, httpx.ConnectError)


@pytest.mark.asyncio
async def test_a_wait_beyond_the_budget_fails_at_once(vt, script):
    transport, seen = script(httpx.Response(429, headers={"Retry-After": "3600"}), OK)
    with pytest.raises(RetriesExhausted) as info:
        await run(transport, vt, policy=RetryPolicy(budget=60))
    assert info.value.kind == "throttled" and len(seen) == 1 and vt.sleeps == []


@pytest.mark.asyncio
async def test_throttles_have_their_own_allowance(vt, script):
    steps = [httpx.Response(429, headers={"Retry-After": "0.01"})] * 10 + [OK]
    transport, seen = script(*steps)
    response, stats = await run(transport, vt, policy=RetryPolicy(max_attempts=2))
    assert response.status_code == 200 and stats.throttled == 10
    transport, _ = script(httpx.Response(429, headers={"Retry-After": "0.01"}))
    with pytest.raises(RetriesExhausted) as info:
        await run(transport, vt, policy=RetryPolicy(max_throttled=3))
    assert info.value.kind == "throttled" and info.value.attempts == 4


@pytest.mark.asyncio
async def test_not_idempotent_repeats_only_what_never_reached_the_server(vt, script):
    transport, seen = script(httpx.ConnectError("refused"), OK)
    response, _ = await run(transport, vt, idempotent=False)
    assert response.status_code == 200 and len(seen) == 2
    for fault in (httpx.ReadError("reset"), httpx.Response(500)):
        transport, seen = script(fault, OK)
        with pytest.raises(RetriesExhausted):
            await run(transport, vt, idempotent=False)
        assert len(seen) == 1


@pytest.mark.asyncio
async def test_budget_headers_reach_the_limiter(vt, script):
    headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2", "X-RateLimit-Limit": "50",
               "X-RateLimit-Interval": "10"}
    transport, _ = script(httpx.Response(200, headers=headers))
    limiter = vt.limiter()
    await run(transport, vt, limiter=limiter, budget_from=ratelimit_budget(interval="X-RateLimit-Interval"))
    assert limiter.rate == pytest.approx(5.0, rel=0.01)  # a stated rate seeds the pacing ...
    assert limiter.not_before == 0.0  # ... "none left" does not pause: a token bucket says so at its rate


@pytest.mark.asyncio
async def test_cancellation_is_not_retried_and_frees_the_slot(vt, script):
    started = asyncio.Event()

    async def hang(request: httpx.Request) -> httpx.Response:
        started.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    limiter = vt.limiter(initial=1)
    stats = NetStats()
    async with httpx.AsyncClient(transport=httpx.MockTransport(hang)) as client:
        task = asyncio.create_task(send_with_retries(client, get(), policy=POLICY, limiter=limiter, stats=stats))
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert stats.requests == 1 and stats.retries == 0
    assert limiter.in_flight == 0


@pytest.mark.asyncio
async def test_cancellation_during_backoff(vt, script):
    transport, seen = script(httpx.Response(503))
    sleeping = asyncio.Event()

    async def slow_sleep(seconds: float) -> None:
        sleeping.set()
        await asyncio.sleep(3600)

    limiter = vt.limiter()
    limiter.sleep = slow_sleep
    async with httpx.AsyncClient(transport=transport) as client:
        task = asyncio.create_task(send_with_retries(client, get(), policy=POLICY, limiter=limiter))
        await sleeping.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert len(seen) == 1 and limiter.in_flight == 0


@pytest.mark.asyncio
async def test_concurrency_never_exceeds_the_limit(vt, script):
    active = peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.001)
        active -= 1
        return httpx.Response(200)

    limiter = vt.limiter(initial=3)
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        await asyncio.gather(*(send_with_retries(client, get(), policy=POLICY, limiter=limiter)
                               for _ in range(30)))
    assert peak == 3 and limiter.in_flight == 0


@pytest.mark.asyncio
async def test_the_budget_counts_from_the_first_try_not_from_the_queue(vt, script):
    limiter = vt.limiter(initial=1)
    transport, seen = script(httpx.Response(429, headers={"Retry-After": "1"}), OK)

    done = asyncio.Event()

    async def long_request_ahead() -> None:
        async with limiter.slot():
            await done.wait()

    ahead = asyncio.create_task(long_request_ahead())
    await asyncio.sleep(0)
    queued = asyncio.create_task(run(transport, vt, limiter=limiter))
    await asyncio.sleep(0)
    vt.now += POLICY.budget + 10  # the one slot stays busy for longer than a whole budget
    done.set()
    await ahead
    response, _ = await queued
    assert response.status_code == 200 and len(seen) == 2
