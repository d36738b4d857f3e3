"""Sending one HTTP request with retries: throttles, server errors, broken connections, cut bodies.

Retried: throttling statuses (429, or whatever the caller declares, e.g. Yandex 420), 500/502/503/504,
connection errors and resets, timeouts, and 2xx bodies that are not valid JSON when JSON is expected
(a truncated body). Other statuses are returned to the caller to interpret. When retries run out a
RetriesExhausted says why; the API client turns it into an owner-facing error.
Cancellation is never retried: asyncio.CancelledError passes straight through.
"""

from __future__ import annotations

import enum
import orjson
from dataclasses import asdict, dataclass
from typing import Any, Awaitable, Callable

import httpx

from stockdesk.net.limiter import AdaptiveLimiter
from stockdesk.net.policy import RetryPolicy
from stockdesk.net.signals import BudgetExtractor, WaitExtractor, retry_after


class Verdict(enum.Enum):
    DONE = "done"            # hand the response to the caller (success or a final error)
    RETRY = "retry"          # a transient server fault
    THROTTLED = "throttled"  # the server asks us to slow down


Classifier = Callable[[httpx.Response], Verdict]
RequestFactory = Callable[[], httpx.Request]
# Turns a 2xx body into data; raises ValueError for a body that is cut or garbled (then retried).
Decoder = Callable[[bytes], Awaitable[Any]]


async def decode_json(body: bytes) -> Any:
    return orjson.loads(body) if body else None


def status_classifier(throttle: tuple[int, ...] = (429,),
                      retry: tuple[int, ...] = (500, 502, 503, 504)) -> Classifier:
    def classify(response: httpx.Response) -> Verdict:
        if response.status_code in throttle:
            return Verdict.THROTTLED
        if response.status_code in retry:
            return Verdict.RETRY
        return Verdict.DONE
    return classify


classify_status = status_classifier()

# Faults after which the request may or may not have reached the server.
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError,
                     httpx.ProxyError, httpx.DecodingError)
# Faults that prove the request never reached the server: safe to repeat even when not idempotent.
_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass
class NetStats:
    """Counters for benchmarks and diagnostics."""
    requests: int = 0   # attempts put on the wire
    retries: int = 0    # attempts repeated after a fault or a throttle
    throttled: int = 0  # throttling responses received
    bytes: int = 0      # response body bytes received (after decompression)

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


class RetriesExhausted(Exception):
    """No usable answer within the policy. ``kind``: throttled, server, network, timeout, invalid_response."""

    def __init__(self, kind: str, attempts: int, response: httpx.Response | None = None,
                 cause: BaseException | None = None):
        status = f" (HTTP {response.status_code})" if response is not None else ""
        super().__init__(f"{kind} after {attempts} attempt(s){status}")
        self.kind = kind
        self.attempts = attempts
        self.response = response
        self.cause = cause


@dataclass
class Reply:
    response: httpx.Response
    data: Any  # the parsed JSON body of a 2xx response; None for 204 and non-2xx statuses


async def send_with_retries(client: httpx.AsyncClient, request_factory: RequestFactory, *,
                            policy: RetryPolicy, limiter: AdaptiveLimiter,
                            classify: Classifier = classify_status, wait_from: WaitExtractor = retry_after,
                            budget_from: BudgetExtractor | None = None, stats: NetStats | None = None,
                            idempotent: bool = True) -> httpx.Response:
    """The first response classified DONE. ``request_factory`` builds a fresh request per attempt."""
    reply = await _exchange(client, request_factory, policy, limiter, classify, wait_from, budget_from,
                            stats or NetStats(), idempotent, decode=None)
    return reply.response


async def send_json_with_retries(client: httpx.AsyncClient, request_factory: RequestFactory, *,
                                 policy: RetryPolicy, limiter: AdaptiveLimiter,
                                 classify: Classifier = classify_status, wait_from: WaitExtractor = retry_after,
                                 budget_from: BudgetExtractor | None = None, stats: NetStats | None = None,
                                 idempotent: bool = True, decode: Decoder = decode_json) -> Reply:
    """Like send_with_retries, but a 2xx body must decode (JSON by default); one that does not is retried."""
    return await _exchange(client, request_factory, policy, limiter, classify, wait_from, budget_from,
                           stats or NetStats(), idempotent, decode=decode)


async def _exchange(client: httpx.AsyncClient, request_factory: RequestFactory, policy: RetryPolicy,
                    limiter: AdaptiveLimiter, classify: Classifier, wait_from: WaitExtractor,
                    budget_from: BudgetExtractor | None, stats: NetStats, idempotent: bool,
                    decode: Decoder | None) -> Reply:
    deadline = None  # the budget counts from the first try, not from a wait in the limiter's queue
    attempts = faults = throttles = 0
    while True:
        response: httpx.Response | None = None
        cause: BaseException | None = None
        async with limiter.slot() as started:
            if deadline is None:
                deadline = started + policy.budget
            attempts += 1
            stats.requests += 1
            try:
                response = await client.send(request_factory())
            except _RETRYABLE_ERRORS as exc:
                kind = "timeout" if isinstance(exc, httpx.TimeoutException) else "network"
                cause = exc
                repeatable = idempotent or isinstance(exc, _NOT_SENT_ERRORS)
            else:
                stats.bytes += len(response.content)
                budget = budget_from(response) if budget_from else None
                if budget is not None:
                    limiter.observe(budget)
                verdict = classify(response)
                if verdict is Verdict.THROTTLED:
                    stats.throttled += 1
                    throttles += 1
                    wait = wait_from(response) or policy.backoff(throttles - 1)  # "wait 0" would spin
                    if throttles > policy.max_throttled or limiter.clock() + wait > deadline:
                        raise RetriesExhausted("throttled", attempts, response)
                    limiter.on_throttle(started, wait)
                    stats.retries += 1
                    continue  # leaves the slot; the next one opens when the pause is over
                if verdict is Verdict.DONE:
                    data, cause = (await _decode(decode, response)) if decode and response.is_success else (None, None)
                    if cause is None:
                        limiter.on_success()
                        return Reply(response, data)
                    kind = "invalid_response"
                else:
                    kind = "server"
                repeatable = idempotent
        # A fault: back off alone (outside the slot) so the other requests keep going.
        faults += 1
        if not repeatable or faults >= policy.max_attempts:
            raise RetriesExhausted(kind, attempts, response, cause)
        delay = wait_from(response) if response is not None else None
        if delay is None:
            delay = policy.backoff(faults - 1)
        if limiter.clock() + delay > deadline:
            raise RetriesExhausted(kind, attempts, response, cause)
        stats.retries += 1
        await limiter.sleep(delay)


async def _decode(decode: Decoder, response: httpx.Response) -> tuple[Any, BaseException | None]:
    if response.status_code == 204:  # No Content: nothing to parse, nothing missing
        return None, None
    try:
        return await decode(response.content), None
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError: a cut or garbled body
        return None, exc
