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

from stockdesk.moysklad.errors import ERRORS, error_for_response
from stockdesk.net import ApiClient, ApiService, RetryPolicy, first_of, header_millis, ratelimit_budget, retry_after

DEFAULT_URL = "https://api.moysklad.ru/api/remap/1.2"
MAX_PARALLEL = 3
PAGE = 1000
STOCK_TYPES = ("stock", "freeStock", "quantity")
# The assortment endpoint without stock fields; the old one is to be removed in 2027.
NEW_ASSORTMENT = {"X-Lognex-Remap-Beta-Feature": "assortmentWithoutStock"}

_TOKEN = re.compile(r"[\x21-\x7e]+")


class _MoySkladApi(ApiClient):
    """Requests as MoySklad wants them, with any Authorization."""
    service = ApiService("MoySklad", ERRORS, error_for_response,
                         wait_from=first_of(header_millis("X-Lognex-Retry-After"), retry_after),
                         budget_from=ratelimit_budget("X-RateLimit-Remaining", "X-Lognex-Reset", "X-RateLimit-Limit",
                                                      reset_unit=0.001, interval="X-Lognex-Retry-TimeInterval",
                                                      interval_unit=0.001))

    def __init__(self, base_url: str, authorization: str, *, parallel: int, timeout: float,
                 transport: httpx.AsyncBaseTransport | None, policy: RetryPolicy | None = None):
        # A slow answer is not a lost one: MoySklad may take minutes on big accounts, so do not give up early.
        super().__init__(base_url, {"Accept-Encoding": "gzip", "Accept": "application/json;charset=utf-8",
                                    "Authorization": authorization},
                         parallel=parallel, timeout=httpx.Timeout(timeout, connect=30.0), transport=transport,
                         policy=policy)


async def issue_token(login: str, password: str, base_url: str = DEFAULT_URL, *,
                      transport: httpx.AsyncBaseTransport | None = None) -> str:
    """POST /security/token. This REVOKES every token the user was given before (other integrations
    using one stop working): callers must have the owner's explicit consent. Never retried."""
    basic = base64.b64encode(f"{login}:{password}".encode()).decode()
    async with _MoySkladApi(base_url, f"Basic {basic}", parallel=1, timeout=60.0, transport=transport) as api:
        data = await api._send("POST", "/security/token", idempotent=False)
    token = data.get("access_token") if isinstance(data, dict) else None
    if not isinstance(token, str) or not token:
        raise ERRORS.invalid_response()
    return token


class MoySkladClient(_MoySkladApi):
    def __init__(self, token: str, base_url: str = DEFAULT_URL, *, timeout: float = 300.0,
                 transport: httpx.AsyncBaseTransport | None = None, policy: RetryPolicy | None = None):
        token = (token or "").strip()
        if not _TOKEN.fullmatch(token):
            raise ERRORS.rejected()
        super().__init__(base_url, f"Bearer {token}", parallel=MAX_PARALLEL, timeout=timeout, transport=transport,
                         policy=policy)

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
            raise ERRORS.invalid_response()
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
                raise ERRORS.invalid_response()
            rows.extend(r for r in page if isinstance(r, dict))
            if not meta.get("nextHref") or not page:
                return rows

    async def _json(self, path: str, params: dict, headers: dict[str, str]) -> Any:
        return await self._send("GET", path, params=params, headers=headers)
