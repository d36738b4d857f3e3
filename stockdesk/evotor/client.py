"""The Evotor cloud REST API v2: stores, products, documents, stock updates.

Facts: shared/reference/evotor-api.md §1-2 (headers, paging), §4 (products), §5 (documents),
§7 (PATCH), §9 (errors, X-RateLimit-* headers). One AdaptiveLimiter bounds every request of a client,
so concurrent document windows share the cloud's rate limit instead of fighting over it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, AsyncIterator, Awaitable, Callable, Sequence
from urllib.parse import quote

import httpx

from stockdesk.core.quantity import MAX_ABS_MILLI, format_qty, to_json
from stockdesk.errors import QT_TRANSLATE_NOOP
from stockdesk.evotor.paging import envelope
from stockdesk.evotor.errors import ERRORS, EvotorError, error_for_response
from stockdesk.net import (ApiClient, ApiService, RetryPolicy, first_of, header_seconds, ratelimit_budget,
                           retry_after)
from stockdesk.net.retry import decode_json

DEFAULT_URL = "https://api.evotor.ru"
MEDIA_TYPE = "application/vnd.evotor.v2+json"
SERVICE = "SERVICE"  # product type without stock

_TOKEN = re.compile(r"[\x21-\x7e]+")  # printable ASCII: anything else cannot be an Evotor token


@dataclass
class DocumentPage:
    items: Any              # the page's documents, or what a custom decoder made of them
    next_cursor: str | None
    cursor: str | None  # the cursor this page was fetched with (None for a window's first page)


# A page decoder takes the raw body and returns (items, next_cursor); ValueError for a cut or odd
# body (the request is then retried). It lets a caller parse big pages where it wants (another process).
PageDecoder = Callable[[bytes], Awaitable[tuple[Any, str | None]]]


class EvotorClient(ApiClient):
    service = ApiService("Evotor", ERRORS, error_for_response,
                         wait_from=first_of(retry_after, header_seconds("X-RateLimit-Reset")),
                         budget_from=ratelimit_budget())

    def __init__(self, token: str, base_url: str = DEFAULT_URL, *, max_concurrency: int = 4,
                 timeout: float = 30.0, transport: httpx.AsyncBaseTransport | None = None,
                 policy: RetryPolicy | None = None):
        token = (token or "").strip()
        if not _TOKEN.fullmatch(token):
            raise ERRORS.rejected()
        super().__init__(base_url, {"Authorization": f"Bearer {token}", "Accept": MEDIA_TYPE},
                         parallel=max_concurrency, timeout=timeout, transport=transport, policy=policy)

    # --- API ---------------------------------------------------------------------------------------

    async def stores(self) -> list[dict]:
        return await self._all_pages("/stores", {})

    async def products(self, store_id: str, *, since_ms: int | None = None) -> list[dict]:
        """Products and modifications of a store (every page).

        Raises EvotorError('no_stock_rights') when a stocked product comes without ``quantity``:
        Evotor leaves the field out when the app has no stock rights, and "absent" is not zero.
        """
        params = {} if since_ms is None else {"since": since_ms}
        products = await self._all_pages(f"/stores/{_segment(store_id)}/products", params)
        if any("quantity" not in p and p.get("type") != SERVICE for p in products):
            raise EvotorError(QT_TRANSLATE_NOOP(
                "Errors", "Evotor did not send stock quantities because StockDesk has no rights to stock. "
                          "In the Evotor cabinet reinstall StockDesk and allow access to stock, then try again."),
                code="no_stock_rights")
        return products

    def document_pages(self, store_id: str, *, since_ms: int, until_ms: int,
                       types: Sequence[str] | None = None, cursor: str | None = None,
                       decode: PageDecoder | None = None) -> AsyncIterator[DocumentPage]:
        """The pages of one time window [since_ms, until_ms).

        Passing ``cursor`` (a saved page's next_cursor) resumes a window where it left off.
        """
        params: dict[str, Any] = {"since": since_ms, "until": until_ms}
        if types:
            params["type"] = ",".join(types)
        return self._pages(f"/stores/{_segment(store_id)}/documents", params, cursor, decode)

    async def patch_quantity(self, store_id: str, product_id: str, quantity_milli: int) -> dict:
        """Set a product's stock in the cloud (an absolute value, so repeating it is harmless)."""
        if abs(quantity_milli) > MAX_ABS_MILLI:
            raise EvotorError(QT_TRANSLATE_NOOP(
                "Errors", "The quantity {quantity} cannot be sent to Evotor: it allows at most 7 digits "
                          "before the decimal point."),
                code="quantity_too_large", quantity=format_qty(quantity_milli))
        body = json.dumps({"quantity": to_json(quantity_milli)}).encode()
        data = await self._send("PATCH", f"/stores/{_segment(store_id)}/products/{_segment(product_id)}",
                                content=body, headers={"Content-Type": MEDIA_TYPE})
        return data if isinstance(data, dict) else {}

    # --- plumbing ----------------------------------------------------------------------------------

    async def _all_pages(self, path: str, params: dict[str, Any]) -> list[dict]:
        return [item async for page in self._pages(path, params) for item in page.items]

    async def _pages(self, path: str, params: dict[str, Any], cursor: str | None = None,
                     decode: PageDecoder | None = None) -> AsyncIterator[DocumentPage]:
        """Follows next_cursor; ``params`` go with the first request only, later ones send the cursor alone."""
        used: set[str] = set()
        while True:
            if cursor is not None:
                used.add(cursor)
                params = {"cursor": cursor}
            items, next_cursor = await self._send("GET", path, params=params, decode=decode or _decode_page)
            if next_cursor in used:  # the cloud sent us round in a circle: stop rather than loop forever
                raise ERRORS.invalid_response()
            yield DocumentPage(items, next_cursor, cursor)
            if next_cursor is None:
                return
            cursor = next_cursor


async def _decode_page(body: bytes) -> tuple[list[dict], str | None]:
    return envelope(await decode_json(body))


def _segment(value: str) -> str:
    """An id as one URL path segment."""
    return quote(value, safe="")
