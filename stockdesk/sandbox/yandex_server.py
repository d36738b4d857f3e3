"""A strict Yandex Market Partner API sandbox on 127.0.0.1 (aiohttp), for tests and the demo.

It checks what the real API documents (channels-api.md §2) and refuses the rest:
- ``Api-Key`` header; ``Content-Type: application/json``; bodies at most 512 KB;
- ``PUT /v2/campaigns/{id}/offers/stocks`` ``{"skus":[{"sku","items":[{"count","updatedAt"}]}]}``:
  1..2000 unique SKUs, exactly one item, integer count 0..2e9, updatedAt ISO 8601 with an offset,
  not in the future and not older than a day; the removed fields ``warehouseId`` and ``type``, and any
  other unknown field, are errors. Only for cabinets with warehouse groups (423 otherwise);
- ``POST /v3/businesses/{id}/offers/stocks/update`` ``{"skuItems":[{"sku","partnerWarehouseId","count",
  "updatedAt"}]}``: unique (sku, warehouse) pairs, known warehouses; only without groups (423 otherwise);
- ``POST /v3/businesses/{id}/warehouses``, ``GET /v2/campaigns/{id}``, ``POST /v2/campaigns/{id}/offers/stocks``
  (the offers with their stocks, paged by page_token, limit silently capped at 100), hidden offers;
- 420 "Enhance Your Calm" with ``X-RateLimit-Resource-*`` headers when more than ``max_parallel``
  requests are in flight or the SKUs-per-window budget is spent.
A request with any error changes nothing (400 lists every error, one per SKU where it is about one).
``pushes`` records accepted stock updates; ``fail_next``/``throttle_next`` inject faults.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any, Iterable

from aiohttp import web

from stockdesk.sandbox.http import ApiFailure, Fault, FaultQueue, LimitedServer

MAX_BODY = 512 * 1024
MAX_SKUS = 2000
MAX_COUNT = 2_000_000_000
MAX_HIDDEN = 500
GET_STOCKS_MAX_LIMIT = 100
DEFAULT_API_KEY = "ACMA:sandbox-yandex-key:0000"


def _error_body(errors: list[tuple[str, str]]) -> dict:
    return {"status": "ERROR", "errors": [{"code": c, "message": m} for c, m in errors]}


def _http_date(moment: float) -> str:
    return format_datetime(datetime.fromtimestamp(moment, timezone.utc), usegmt=True)


class YandexSandbox(LimitedServer):
    def __init__(self, *, api_key: str = DEFAULT_API_KEY, business_id: int = 1001, campaign_id: int = 2001,
                 skus: Iterable[str] = (), has_groups: bool = False, warehouses: dict | None = None,
                 max_parallel: int = 2, skus_per_window: int = 100_000, window: float = 60.0,
                 latency: float = 0.0):
        super().__init__(max_parallel, latency)
        self.api_key = api_key
        self.business_id = business_id
        self.campaign_id = campaign_id
        self.catalog: list[str] = list(skus)
        self.has_groups = has_groups
        self.warehouses = warehouses or self._default_warehouses()
        self.skus_per_window = skus_per_window
        self.window = window
        self.stocks: dict[str, dict[int, dict]] = {}   # sku -> warehouse id -> {"count", "updatedAt"}
        self.pushes: list[dict] = []                    # accepted stock updates: method, path, body
        self.rejected: list[dict] = []                  # requests answered 4xx: path, status, errors
        self.requests: list[tuple[str, str]] = []
        self.hidden: set[str] = set()
        self.hide_log: list[tuple[str, list[str]]] = []  # ("hide" | "unhide", offer ids)
        self.faults = FaultQueue()
        self._window_start = 0.0
        self._window_used = 0

    def _default_warehouses(self) -> dict:
        main = {"id": 501, "name": "Склад магазина", "campaignId": self.campaign_id, "express": False}
        if self.has_groups:
            other = {"id": 502, "name": "Второй склад", "campaignId": self.campaign_id + 1, "express": False}
            return {"warehouses": [], "warehouseGroups": [{"name": "Единые остатки", "mainWarehouse": main,
                                                           "warehouses": [main, other]}]}
        return {"warehouses": [main], "warehouseGroups": []}

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application(middlewares=[self._middleware], client_max_size=4 * MAX_BODY)
        c = "/v2/campaigns/{campaignId}"
        b = "/v3/businesses/{businessId}"
        app.router.add_get(c, self._campaign)
        app.router.add_post(c + "/offers/stocks", self._get_stocks)
        app.router.add_put(c + "/offers/stocks", self._update_stocks_v2)
        app.router.add_post(b + "/offers/stocks/update", self._update_stocks_v3)
        app.router.add_post(b + "/warehouses", self._warehouses)
        app.router.add_get(c + "/hidden-offers", self._list_hidden)
        app.router.add_post(c + "/hidden-offers", self._hide)
        app.router.add_post(c + "/hidden-offers/delete", self._unhide)
        self.url = await self._serve(app)
        return self.url

    # --- test hooks ----------------------------------------------------------------------------

    def fail_next(self, status: int, *, times: int = 1, body: Any = None, headers: dict | None = None,
                  path: str = "") -> None:
        self.faults.add(Fault(status, body, path, dict(headers or {})), times)

    def throttle_next(self, *, times: int = 1, seconds: float = 1.0, path: str = "") -> None:
        """420 for the next requests, with X-RateLimit-Resource-Until ``seconds`` from then."""
        self.faults.add(Fault(420, path=path, wait=seconds), times)

    def count(self, sku: str, warehouse_id: int | None = None) -> int | None:
        per_warehouse = self.stocks.get(sku, {})
        if warehouse_id is None:
            warehouse_id = self._campaign_warehouses()[0]
        entry = per_warehouse.get(warehouse_id)
        return None if entry is None else entry["count"]

    def pushed_skus(self) -> list[str]:
        """Every SKU in every accepted stock update, in order (duplicates show resends)."""
        out = []
        for push in self.pushes:
            body = push["body"]
            out.extend(s["sku"] for s in body.get("skus") or body.get("skuItems") or [])
        return out

    # --- plumbing ------------------------------------------------------------------------------

    def _limit_headers(self) -> dict[str, str]:
        now = time.time()
        if now - self._window_start >= self.window:
            self._window_start, self._window_used = now, 0
        return {"X-RateLimit-Resource-Limit": str(self.skus_per_window),
                "X-RateLimit-Resource-Remaining": str(max(0, self.skus_per_window - self._window_used)),
                "X-RateLimit-Resource-Until": _http_date(self._window_start + self.window)}

    def _spend(self, units: int) -> None:
        headers = self._limit_headers()
        if self._window_used + units > self.skus_per_window:
            raise ApiFailure(420, [("LIMIT_EXCEEDED", f"Hit rate limit of {self.skus_per_window} items "
                                                      f"for resource 'stocks'")], headers)
        self._window_used += units

    @web.middleware
    async def _middleware(self, request: web.Request, handler) -> web.StreamResponse:
        self.requests.append((request.method, request.path))
        try:
            async with self._admitted(lambda: ApiFailure(
                    420, [("LIMIT_EXCEEDED", f"Hit rate limit of {self.max_parallel} parallel requests")],
                    {"X-RateLimit-Resource-Until": _http_date(time.time() + 1)})):
                fault = self._take_fault(request.path)
                if fault is not None:
                    return fault
                if request.headers.get("Api-Key") != self.api_key:
                    raise ApiFailure(401, [("UNAUTHORIZED", "Api-Key is missing or invalid")])
                if request.method in ("POST", "PUT"):
                    if request.content_length is not None and request.content_length > MAX_BODY:
                        raise ApiFailure(400, [("BAD_REQUEST", "Content size must not exceed 512 KB")])
                    if request.content_type != "application/json":
                        raise ApiFailure(415, [("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json")])
                response = await handler(request)
                response.headers.update(self._limit_headers())
                return response
        except ApiFailure as exc:
            if exc.status < 500:
                self.rejected.append({"path": request.path, "status": exc.status, "errors": exc.errors})
            headers = {**self._limit_headers(), **exc.headers}
            return web.json_response(_error_body(exc.errors), status=exc.status, headers=headers)

    def _take_fault(self, path: str) -> web.Response | None:
        fault = self.faults.take(path)
        if fault is None:
            return None
        if fault.wait is not None:
            headers = {**self._limit_headers(), "X-RateLimit-Resource-Until": _http_date(time.time() + fault.wait)}
            return web.json_response(_error_body([("LIMIT_EXCEEDED", "Hit rate limit for resource")]),
                                     status=420, reason="Enhance Your Calm", headers=headers)
        if isinstance(fault.body, bytes):
            return web.Response(status=fault.status, body=fault.body, headers=fault.headers)
        body = fault.body if fault.body is not None else _error_body([("INTERNAL_ERROR", "Injected fault")])
        return web.json_response(body, status=fault.status, headers=fault.headers)

    async def _json(self, request: web.Request) -> Any:
        raw = await request.read()
        if len(raw) > MAX_BODY:
            raise ApiFailure(400, [("BAD_REQUEST", "Content size must not exceed 512 KB")])
        if not raw:
            return {}
        try:
            return json.loads(raw)
        except ValueError:
            raise ApiFailure(400, [("BAD_REQUEST", "Request body is not valid JSON")]) from None

    def _check_campaign(self, request: web.Request) -> None:
        if request.match_info["campaignId"] != str(self.campaign_id):
            raise ApiFailure(404, [("NOT_FOUND", f"Campaign {request.match_info['campaignId']} not found")])

    def _check_business(self, request: web.Request) -> None:
        if request.match_info["businessId"] != str(self.business_id):
            raise ApiFailure(404, [("NOT_FOUND", f"Business {request.match_info['businessId']} not found")])

    def _campaign_warehouses(self) -> list[int]:
        """The warehouses a stock value for this campaign lands on (a whole group shares one)."""
        for group in self.warehouses.get("warehouseGroups") or []:
            ids = [w["id"] for w in group["warehouses"]]
            if any(w.get("campaignId") == self.campaign_id for w in group["warehouses"]):
                return ids
        return [w["id"] for w in self.warehouses.get("warehouses") or [] if w.get("campaignId") == self.campaign_id] or [0]

    def _all_warehouses(self) -> set[int]:
        ids = {w["id"] for w in self.warehouses.get("warehouses") or []}
        for group in self.warehouses.get("warehouseGroups") or []:
            ids.update(w["id"] for w in group["warehouses"])
        return ids

    # --- validation ----------------------------------------------------------------------------

    @staticmethod
    def _unknown_fields(obj: dict, allowed: set[str], where: str, errors: list[tuple[str, str]]) -> None:
        for key in obj:
            if key not in allowed:
                errors.append(("BAD_REQUEST", f"Unknown field '{key}' in {where}"))

    @staticmethod
    def _size(name: str, value: Any, low: int, high: int, errors: list[tuple[str, str]]) -> bool:
        if not isinstance(value, list) or not low <= len(value) <= high:
            errors.append(("BAD_REQUEST", f"'{name}' size must be between '{low}' and '{high}'"))
            return False
        return True

    def _check_sku(self, raw: Any, errors: list[tuple[str, str]]) -> str | None:
        if not isinstance(raw, str) or not 1 <= len(raw.strip()) <= 255:
            errors.append(("BAD_REQUEST", f"'sku' must be a string of 1 to 255 characters: {raw!r}"))
            return None
        sku = raw.strip()
        if sku not in self.catalog:
            errors.append(("OFFER_NOT_FOUND", f"Offer '{sku}' not found in the catalog"))
        return sku

    @staticmethod
    def _check_count(sku: str, count: Any, errors: list[tuple[str, str]]) -> None:
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_COUNT:
            errors.append(("BAD_REQUEST", f"Count for '{sku}' must be an integer from 0 to {MAX_COUNT}"))

    @staticmethod
    def _check_updated_at(sku: str, value: Any, errors: list[tuple[str, str]]) -> None:
        if value is None:
            return
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            errors.append(("BAD_REQUEST", f"updatedAt for '{sku}' must be ISO 8601 with a time zone offset"))
            return
        now = datetime.now(timezone.utc)
        if moment > now:
            errors.append(("BAD_REQUEST", f"Stock for '{sku}' should not be in the future"))
        elif moment < now - timedelta(days=1):
            errors.append(("BAD_REQUEST", f"Stock for '{sku}' should not be older than a day"))

    def _store(self, sku: str, warehouses: list[int], count: int, updated_at: str | None) -> None:
        stamp = updated_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
        for w in warehouses:
            old = self.stocks.setdefault(sku, {}).get(w)
            if old is None or old["updatedAt"] <= stamp:  # an older value never overwrites a newer one
                self.stocks[sku][w] = {"count": count, "updatedAt": stamp}

    # --- handlers ------------------------------------------------------------------------------

    async def _campaign(self, request: web.Request) -> web.Response:
        self._check_campaign(request)
        return web.json_response({"campaign": {"id": self.campaign_id, "domain": "sandbox-shop",
                                               "business": {"id": self.business_id, "name": "Sandbox"},
                                               "placementType": "FBS"}})

    async def _warehouses(self, request: web.Request) -> web.Response:
        self._check_business(request)
        await self._json(request)
        return web.json_response({"status": "OK", "result": self.warehouses})

    async def _update_stocks_v2(self, request: web.Request) -> web.Response:
        self._check_campaign(request)
        if not self.has_groups:
            raise ApiFailure(423, [("LOCKED", "This method is for cabinets with warehouse groups: use "
                                              "POST v3/businesses/{businessId}/offers/stocks/update")])
        body = await self._json(request)
        errors: list[tuple[str, str]] = []
        if not isinstance(body, dict):
            raise ApiFailure(400, [("BAD_REQUEST", "Request body must be a JSON object")])
        self._unknown_fields(body, {"skus"}, "request", errors)
        skus = body.get("skus")
        accepted: list[tuple[str, int, str | None]] = []
        if self._size("skus", skus, 1, MAX_SKUS, errors):
            seen: set[str] = set()
            for entry in skus:
                if not isinstance(entry, dict):
                    errors.append(("BAD_REQUEST", "Each element of 'skus' must be an object"))
                    continue
                self._unknown_fields(entry, {"sku", "items"}, "skus[]", errors)
                sku = self._check_sku(entry.get("sku"), errors)
                if sku is None:
                    continue
                if sku in seen:
                    errors.append(("DUPLICATE_OFFER", f"Duplicate shop-sku '{sku}' for warehouse 'count'"))
                seen.add(sku)
                items = entry.get("items")
                if not self._size("items", items, 1, 1, errors) or not isinstance(items[0], dict):
                    continue
                item = items[0]
                self._unknown_fields(item, {"count", "updatedAt"}, f"items of '{sku}'", errors)
                self._check_count(sku, item.get("count"), errors)
                self._check_updated_at(sku, item.get("updatedAt"), errors)
                accepted.append((sku, item.get("count"), item.get("updatedAt")))
        if errors:
            raise ApiFailure(400, errors)
        self._spend(len(accepted))
        warehouses = self._campaign_warehouses()
        for sku, count, updated_at in accepted:
            self._store(sku, warehouses, count, updated_at)
        self.pushes.append({"method": "PUT", "path": request.path, "body": body})
        return web.json_response({"status": "OK"})

    async def _update_stocks_v3(self, request: web.Request) -> web.Response:
        self._check_business(request)
        if self.has_groups:
            raise ApiFailure(423, [("LOCKED", "This method is only for cabinets without warehouse groups: use "
                                              "PUT v2/campaigns/{campaignId}/offers/stocks")])
        body = await self._json(request)
        errors: list[tuple[str, str]] = []
        if not isinstance(body, dict):
            raise ApiFailure(400, [("BAD_REQUEST", "Request body must be a JSON object")])
        self._unknown_fields(body, {"skuItems"}, "request", errors)
        items = body.get("skuItems")
        accepted: list[tuple[str, int, int, str | None]] = []
        known = self._all_warehouses()
        if self._size("skuItems", items, 1, MAX_SKUS, errors):
            seen: set[tuple[str, int]] = set()
            for item in items:
                if not isinstance(item, dict):
                    errors.append(("BAD_REQUEST", "Each element of 'skuItems' must be an object"))
                    continue
                self._unknown_fields(item, {"sku", "partnerWarehouseId", "count", "updatedAt"}, "skuItems[]", errors)
                sku = self._check_sku(item.get("sku"), errors)
                if sku is None:
                    continue
                warehouse = item.get("partnerWarehouseId")
                if isinstance(warehouse, bool) or not isinstance(warehouse, int) or warehouse < 1:
                    errors.append(("BAD_REQUEST", f"partnerWarehouseId for '{sku}' must be an integer >= 1"))
                    continue
                if warehouse not in known:
                    errors.append(("WAREHOUSE_NOT_FOUND", f"Warehouse '{warehouse}' not found for '{sku}'"))
                if (sku, warehouse) in seen:
                    errors.append(("DUPLICATE_OFFER", f"Duplicate shop-sku '{sku}' for warehouse '{warehouse}'"))
                seen.add((sku, warehouse))
                self._check_count(sku, item.get("count"), errors)
                self._check_updated_at(sku, item.get("updatedAt"), errors)
                accepted.append((sku, warehouse, item.get("count"), item.get("updatedAt")))
        if errors:
            raise ApiFailure(400, errors)
        self._spend(len(accepted))
        for sku, warehouse, count, updated_at in accepted:
            self._store(sku, [warehouse], count, updated_at)
        self.pushes.append({"method": "POST", "path": request.path, "body": body})
        return web.json_response({"status": "OK"})

    async def _get_stocks(self, request: web.Request) -> web.Response:
        self._check_campaign(request)
        body = await self._json(request)
        try:
            limit = min(int(request.query.get("limit", "50")), GET_STOCKS_MAX_LIMIT)
            offset = int(request.query.get("page_token", "0") or 0)
        except ValueError:
            raise ApiFailure(400, [("BAD_REQUEST", "Bad limit or page_token")]) from None
        wanted = body.get("offerIds") if isinstance(body, dict) else None
        skus = [s for s in self.catalog if wanted is None or s in wanted]
        page = skus[offset:offset + max(limit, 1)]
        warehouse = self._campaign_warehouses()[0]
        offers = []
        for sku in page:
            entry = self.stocks.get(sku, {}).get(warehouse)
            offers.append({"offerId": sku, "stocks": [{"type": "FIT", "count": entry["count"]}] if entry else [],
                           **({"updatedAt": entry["updatedAt"]} if entry else {})})
        paging = {"nextPageToken": str(offset + len(page))} if offset + len(page) < len(skus) else {}
        return web.json_response({"status": "OK", "result": {"paging": paging, "warehouses": [
            {"warehouseId": warehouse, "offers": offers}]}})

    def _offer_ids(self, body: Any) -> list[str]:
        offers = body.get("hiddenOffers") if isinstance(body, dict) else None
        errors: list[tuple[str, str]] = []
        if not self._size("hiddenOffers", offers, 1, MAX_HIDDEN, errors):
            raise ApiFailure(400, errors)
        ids = [o.get("offerId") if isinstance(o, dict) else None for o in offers]
        if any(not isinstance(i, str) or not i for i in ids) or len(set(ids)) != len(ids):
            raise ApiFailure(400, [("BAD_REQUEST", "offerId values must be unique non-empty strings")])
        return ids

    async def _hide(self, request: web.Request) -> web.Response:
        self._check_campaign(request)
        ids = self._offer_ids(await self._json(request))
        self.hidden.update(ids)
        self.hide_log.append(("hide", ids))
        return web.json_response({"status": "OK"})

    async def _unhide(self, request: web.Request) -> web.Response:
        self._check_campaign(request)
        ids = self._offer_ids(await self._json(request))
        self.hidden.difference_update(ids)
        self.hide_log.append(("unhide", ids))
        return web.json_response({"status": "OK"})

    async def _list_hidden(self, request: web.Request) -> web.Response:
        self._check_campaign(request)
        return web.json_response({"status": "OK", "result": {
            "hiddenOffers": [{"offerId": i} for i in sorted(self.hidden)], "paging": {}}})
