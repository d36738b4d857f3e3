"""The MoySklad JSON API 1.2 calls StockDesk needs: assortment, stores, the brief stock report, tokens.

Facts: shared/reference/channels-api.md §1. Every request says ``Accept-Encoding: gzip`` (MoySklad
answers 415 otherwise) and carries a Bearer token. At most 3 requests are in flight; a 429 waits
X-Lognex-Retry-After milliseconds, and any 429 - including error 1073, "too many parallel
requests", which names no wait - halves the parallelism for a while (AdaptiveLimiter).
Other 4xx answers are never retried (MoySklad locks out accounts that repeat failing requests).
"""

from __future__ import annotations

import base64
import re
from typing import Any

import httpx

from stockdesk.errors import UserError
from stockdesk.moysklad.errors import (INVALID_RESPONSE, MoySkladError, error_for_exhausted, error_for_response,
                                       token_rejected)
from stockdesk.net import (AdaptiveLimiter, NetStats, RequestFactory, RetriesExhausted, RetryPolicy, first_of,
                           header_millis, ratelimit_budget, require_secure_url, retry_after, send_json_with_retries)

DEFAULT_URL = "https://api.moysklad.ru/api/remap/1.2"
MAX_PARALLEL = 3
PAGE = 1000
STOCK_TYPES = ("stock", "freeStock", "quantity")
# The assortment endpoint without stock fields; the old one is to be removed in 2027.
NEW_ASSORTMENT = {"X-Lognex-Remap-Beta-Feature": "assortmentWithoutStock"}

_wait_from = first_of(header_millis("X-Lognex-Retry-After"), retry_after)
_budget_from = ratelimit_budget("X-RateLimit-Remaining", "X-Lognex-Reset", "X-RateLimit-Limit", reset_unit=0.001,
                                interval="X-Lognex-Retry-TimeInterval", interval_unit=0.001)
_TOKEN = re.compile(r"[\x21-\x7e]+")


def _http(base_url: str, headers: dict[str, str], transport: httpx.AsyncBaseTransport | None,
          timeout: float) -> httpx.AsyncClient:
    try:
        require_secure_url(base_url, "MoySklad")
    except UserError as exc:
        raise MoySkladError(exc.text, code=exc.code, **exc.params) from None
    # A slow answer is not a lost one: MoySklad may take minutes on big accounts, so do not give up early.
    return httpx.AsyncClient(base_url=base_url.rstrip("/"), transport=transport,
                             timeout=httpx.Timeout(timeout, connect=30.0),
                             headers={"Accept-Encoding": "gzip", "Accept": "application/json;charset=utf-8", **headers},
                             limits=httpx.Limits(max_connections=MAX_PARALLEL, max_keepalive_connections=MAX_PARALLEL))


async def _send(http: httpx.AsyncClient, request: RequestFactory, *, policy: RetryPolicy,
                limiter: AdaptiveLimiter, stats: NetStats, idempotent: bool = True) -> Any:
    try:
        reply = await send_json_with_retries(http, request, policy=policy, limiter=limiter, wait_from=_wait_from,
                                             budget_from=_budget_from, stats=stats, idempotent=idempotent)
    except RetriesExhausted as exc:
        raise error_for_exhausted(exc) from exc
    except httpx.HTTPError as exc:
        raise error_for_exhausted(RetriesExhausted("network", 1, cause=exc)) from exc
    if not reply.response.is_success:
        raise error_for_response(reply.response)
    return reply.data


async def issue_token(login: str, password: str, base_url: str = DEFAULT_URL, *,
                      transport: httpx.AsyncBaseTransport | None = None) -> str:
    """POST /security/token. This REVOKES every token the user was given before (other integrations
    using one stop working): callers must have the owner's explicit consent. Never retried."""
    basic = base64.b64encode(f"{login}:{password}".encode()).decode()
    async with _http(base_url, {"Authorization": f"Basic {basic}"}, transport, 60.0) as http:
        data = await _send(http, lambda: http.build_request("POST", "/security/token"), policy=RetryPolicy(),
                           limiter=AdaptiveLimiter(1), stats=NetStats(), idempotent=False)
    token = data.get("access_token") if isinstance(data, dict) else None
    if not isinstance(token, str) or not token:
        raise MoySkladError(INVALID_RESPONSE, code="invalid_response", retryable=True)
    return token


class MoySkladClient:
    def __init__(self, token: str, base_url: str = DEFAULT_URL, *, timeout: float = 300.0,
                 transport: httpx.AsyncBaseTransport | None = None, policy: RetryPolicy | None = None):
        token = (token or "").strip()
        if not _TOKEN.fullmatch(token):
            raise token_rejected()
        self._http = _http(base_url, {"Authorization": f"Bearer {token}"}, transport, timeout)
        self._policy = policy or RetryPolicy()
        self._limiter = AdaptiveLimiter(MAX_PARALLEL, MAX_PARALLEL)
        self._stats = NetStats()

    async def __aenter__(self) -> "MoySkladClient":
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def stats(self) -> dict[str, int]:
        return self._stats.as_dict()

    @property
    def parallel_limit(self) -> int:
        """Requests allowed in flight now (lowered by 429s, grows back after successes)."""
        return self._limiter.limit

    # --- API -----------------------------------------------------------------------------------

    async def assortment(self) -> list[dict]:
        """Every non-archived product, variant, bundle and service (GET /entity/assortment, all pages)."""
        return await self._all_rows("/entity/assortment", NEW_ASSORTMENT)

    async def stores(self) -> list[dict]:
        return await self._all_rows("/entity/store", {})

    async def stock_by_store(self, stock_type: str, *, changed_since: str | None = None) -> list[dict]:
        """The brief report GET /report/stock/bystore/current: rows {"assortmentId", "storeId", <stock_type>}.

        Without ``changed_since`` zero lines are asked for too, so a missing row means "MoySklad has no
        figure for it" (never moved, not yet recalculated), not zero. ``changed_since`` is
        "YYYY-MM-DD HH:MM:SS" Moscow time, at most 24 h back; the values are absolute, not deltas.
        """
        if stock_type not in STOCK_TYPES:
            raise ValueError(f"unknown stock type {stock_type!r}")
        params = {"stockType": stock_type}
        params.update({"changedSince": changed_since} if changed_since else {"include": "zeroLines"})
        data = await self._json("/report/stock/bystore/current", params, {})
        if not isinstance(data, list) or not all(isinstance(r, dict) and isinstance(r.get("assortmentId"), str)
                                                 for r in data):
            raise MoySkladError(INVALID_RESPONSE, code="invalid_response", retryable=True)
        return data

    # --- plumbing ------------------------------------------------------------------------------

    async def _all_rows(self, path: str, headers: dict[str, str]) -> list[dict]:
        """Pages by limit/offset while meta.nextHref says there is more (the href itself is not
        followed: a token is only ever sent to the configured address)."""
        rows: list[dict] = []
        while True:
            data = await self._json(path, {"limit": PAGE, "offset": len(rows)}, headers)
            page = data.get("rows") if isinstance(data, dict) else None
            meta = data.get("meta") if isinstance(data, dict) else None
            if not isinstance(page, list) or not isinstance(meta, dict):
                raise MoySkladError(INVALID_RESPONSE, code="invalid_response", retryable=True)
            rows.extend(r for r in page if isinstance(r, dict))
            if not meta.get("nextHref") or not page:
                return rows

    async def _json(self, path: str, params: dict, headers: dict[str, str]) -> Any:
        return await _send(self._http, lambda: self._http.build_request("GET", path, params=params, headers=headers),
                           policy=self._policy, limiter=self._limiter, stats=self._stats)
