"""The Yandex Market Partner API calls StockDesk needs: warehouses, offers, stock updates, hidden offers.

Facts: shared/reference/channels-api.md §2. Api-Key header auth. Throttling is 420 "Enhance Your
Calm" with X-RateLimit-Resource-Until (an RFC 822 date) saying when to try again; at most 2 requests
are in flight per client, the documented parallel limit.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from stockdesk.net import ApiClient, ApiService, RetryPolicy, first_of, header_http_date, retry_after, status_classifier
from stockdesk.yandex.errors import ERRORS, error_for_response
from stockdesk.yandex.payload import StockEntry, v2_body, v3_body

DEFAULT_URL = "https://api.partner.market.yandex.ru"
MAX_PARALLEL = 2
OFFERS_PAGE = 100   # getStocks: larger limits are silently cut to 100
HIDDEN_BATCH = 500


class YandexClient(ApiClient):
    service = ApiService("Yandex Market", ERRORS, error_for_response, classify=status_classifier(throttle=(420, 429)),
                         wait_from=first_of(header_http_date("X-RateLimit-Resource-Until"), retry_after))

    def __init__(self, api_key: str, base_url: str = DEFAULT_URL, *, timeout: float = 60.0,
                 transport: httpx.AsyncBaseTransport | None = None, policy: RetryPolicy | None = None):
        api_key = (api_key or "").strip()
        if not api_key or any(c.isspace() or not c.isprintable() for c in api_key):
            raise ERRORS.rejected()
        super().__init__(base_url, {"Api-Key": api_key, "Accept": "application/json"}, parallel=MAX_PARALLEL,
                         timeout=timeout, transport=transport, policy=policy)

    # --- API -----------------------------------------------------------------------------------

    async def campaign(self, campaign_id: int) -> dict:
        """GET /v2/campaigns/{id}: {"id", "domain", "business": {"id", "name"}, "placementType"}."""
        data = await self._json("GET", f"/v2/campaigns/{campaign_id}")
        campaign = data.get("campaign") if isinstance(data, dict) else None
        if not isinstance(campaign, dict):
            raise ERRORS.invalid_response()
        return campaign

    async def warehouses(self, business_id: int) -> dict:
        """POST /v3/businesses/{id}/warehouses: {"warehouses": [...], "warehouseGroups": [...]}."""
        data = await self._json("POST", f"/v3/businesses/{business_id}/warehouses", body={})
        result = data.get("result") if isinstance(data, dict) else None
        if not isinstance(result, dict):
            raise ERRORS.invalid_response()
        return {"warehouses": result.get("warehouses") or [], "warehouseGroups": result.get("warehouseGroups") or []}

    async def offer_skus(self, campaign_id: int) -> list[str]:
        """Every offer of the campaign (POST /v2/campaigns/{id}/offers/stocks, all pages)."""
        skus: list[str] = []
        token: str | None = None
        seen: set[str] = set()
        while True:
            params: dict[str, Any] = {"limit": OFFERS_PAGE}
            if token:
                params["page_token"] = token
            data = await self._json("POST", f"/v2/campaigns/{campaign_id}/offers/stocks", body={}, params=params)
            result = data.get("result") if isinstance(data, dict) else None
            if not isinstance(result, dict):
                raise ERRORS.invalid_response()
            for warehouse in result.get("warehouses") or []:
                for offer in warehouse.get("offers") or []:
                    sku = offer.get("offerId") if isinstance(offer, dict) else None
                    if isinstance(sku, str) and sku not in skus:
                        skus.append(sku)
            token = (result.get("paging") or {}).get("nextPageToken")
            if not token:
                return skus
            if token in seen:  # sent round in a circle
                raise ERRORS.invalid_response()
            seen.add(token)

    async def update_stocks_campaign(self, campaign_id: int, entries: list[StockEntry]) -> None:
        """PUT /v2/campaigns/{id}/offers/stocks (cabinets with warehouse groups)."""
        await self._json("PUT", f"/v2/campaigns/{campaign_id}/offers/stocks", body=v2_body(entries))

    async def update_stocks_business(self, business_id: int, warehouse_id: int, entries: list[StockEntry]) -> None:
        """POST /v3/businesses/{id}/offers/stocks/update (cabinets without warehouse groups)."""
        await self._json("POST", f"/v3/businesses/{business_id}/offers/stocks/update",
                         body=v3_body(entries, warehouse_id))

    async def hide(self, campaign_id: int, skus: list[str]) -> None:
        await self._hidden(f"/v2/campaigns/{campaign_id}/hidden-offers", skus)

    async def unhide(self, campaign_id: int, skus: list[str]) -> None:
        await self._hidden(f"/v2/campaigns/{campaign_id}/hidden-offers/delete", skus)

    # --- plumbing ------------------------------------------------------------------------------

    async def _hidden(self, path: str, skus: list[str]) -> None:
        unique = list(dict.fromkeys(skus))
        for start in range(0, len(unique), HIDDEN_BATCH):
            await self._json("POST", path, body={"hiddenOffers": [{"offerId": s} for s in unique[start:start + HIDDEN_BATCH]]})

    async def _json(self, method: str, path: str, *, body: Any = None, params: dict | None = None) -> Any:
        content = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json"} if content is not None else None
        # Stock updates are absolute values: repeating one after a lost answer lands the same.
        return await self._send(method, path, content=content, headers=headers, params=params)
