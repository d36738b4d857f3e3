"""What the Evotor, Yandex Market and MoySklad clients share: one checked address, one connection
pool and one AdaptiveLimiter for every request of a client, retries, counters, and answers that are
not a success turned into the system's own errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Self

import httpx

from stockdesk.errors import UserError
from stockdesk.net.api_errors import ApiError, ErrorTexts
from stockdesk.net.limiter import AdaptiveLimiter
from stockdesk.net.policy import RetryPolicy
from stockdesk.net.retry import (Classifier, Decoder, NetStats, RetriesExhausted, classify_status, decode_json,
                                 send_json_with_retries)
from stockdesk.net.signals import BudgetExtractor, WaitExtractor, retry_after
from stockdesk.net.urls import require_secure_url


@dataclass(frozen=True)
class ApiService:
    """How one system is spoken to and how its failures are told."""
    name: str                                                # names the system in address errors
    errors: ErrorTexts
    error_for_response: Callable[[httpx.Response], ApiError]  # for a final non-2xx answer
    classify: Classifier = classify_status
    wait_from: WaitExtractor = retry_after
    budget_from: BudgetExtractor | None = None


class ApiClient:
    """Base of the API clients; a subclass sets ``service`` and checks its token before __init__."""

    service: ApiService

    def __init__(self, base_url: str, headers: dict[str, str], *, parallel: int, timeout: float | httpx.Timeout,
                 transport: httpx.AsyncBaseTransport | None = None, policy: RetryPolicy | None = None):
        try:
            require_secure_url(base_url, self.service.name)
        except UserError as exc:
            raise self.service.errors.error(exc.text, code=exc.code, **exc.params) from None
        self.parallel = parallel  # requests on the wire at most: callers size their fan-out by it
        self._policy = policy or RetryPolicy()
        self._limiter = AdaptiveLimiter(parallel, parallel)
        self._stats = NetStats()
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"), transport=transport, timeout=timeout, headers=headers,
            limits=httpx.Limits(max_connections=parallel, max_keepalive_connections=parallel))

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def stats(self) -> dict[str, int]:
        """requests, retries, throttled, bytes — for benchmarks and diagnostics."""
        return self._stats.as_dict()

    async def _send(self, method: str, path: str, *, idempotent: bool = True, decode: Decoder = decode_json,
                    **request: Any) -> Any:
        """The decoded body of a 2xx answer (None for 204), else the system's error. ``request`` goes to
        httpx's build_request (params, headers, content); a fresh request is built for every attempt."""
        def build() -> httpx.Request:
            return self._http.build_request(method, path, **request)
        service = self.service
        try:
            reply = await send_json_with_retries(
                self._http, build, policy=self._policy, limiter=self._limiter, classify=service.classify,
                wait_from=service.wait_from, budget_from=service.budget_from, stats=self._stats,
                idempotent=idempotent, decode=decode)
        except RetriesExhausted as exc:
            raise service.errors.for_exhausted(exc) from exc
        except httpx.HTTPError as exc:  # not worth retrying (e.g. a malformed address)
            raise service.errors.for_exhausted(RetriesExhausted("network", 1, cause=exc)) from exc
        if not reply.response.is_success:
            raise service.error_for_response(reply.response)
        return reply.data
