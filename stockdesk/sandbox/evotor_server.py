"""A strict local stand-in for the Evotor cloud REST API V2 (api.evotor.ru) on 127.0.0.1.

It serves a generated ``Shop`` and rejects what the real API rejects (see the reference,
shared/reference/evotor-api.md §1-7, 9): Bearer auth, the vnd.evotor.v2+json media types, cursor
paging whose cursors need URL-encoding, filters only on the first page of a series, PATCH limited to
quantity/price/cost_price with at most 3 decimals and 7 integer digits. Where the real behaviour is
UNCONFIRMED it is a constructor option (``filter_by``, ``send_retry_after``, ``cloud_follows_documents``). Documents come back
within a page in a shuffled order, so clients must sort them themselves.

Faults (5xx, 429, connection resets, truncated bodies, latency) are injected on demand for tests.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import random
import socket
import struct
import time
from array import array
from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from heapq import merge
from typing import Any

from aiohttp import web

from stockdesk.sandbox import rate_limits
from stockdesk.sandbox.evotor_shop import (
    DOCUMENT_TYPES, LEGACY_TYPES, Shop, StoreData, iso_ms, parse_iso_ms, qty_json,
)
from stockdesk.sandbox.http import LocalServer

V2_MEDIA_TYPE = "application/vnd.evotor.v2+json"
RESPONSE_CONTENT_TYPE = V2_MEDIA_TYPE + "; charset=utf-8"
ROLES = ("no_stock_rights", "not_installed", "forbidden", "revoked")
FAULT_KINDS = ("500", "503", "reset", "truncate", "429", "400")
PATCH_FIELDS = ("quantity", "price", "cost_price")
FILTER_TYPES = DOCUMENT_TYPES + LEGACY_TYPES  # values the `type` filter accepts
QTY_DECIMALS, QTY_INTEGER_DIGITS = 3, 7
MONEY_DECIMALS, MONEY_INTEGER_DIGITS = 2, 9
# The token's role, stored on the request (typed keys exist from aiohttp 3.12 on).
ROLE_KEY: Any = web.RequestKey("role", object) if hasattr(web, "RequestKey") else "role"


@dataclass
class Faults:
    """Injected failures: probabilities 0..1 drawn from a seeded RNG, plus a queue for exact tests.

    ``fail_next('500', 2)`` makes the next two requests that pass auth, media type and rate limit
    fail with 500. Kinds: '500', '503', 'reset' (connection dropped mid-body), 'truncate' (200 with
    a cut JSON body and a matching Content-Length), '429'.
    """
    error_5xx: float = 0
    reset: float = 0
    truncate: float = 0
    latency_ms: tuple[int, int] = (0, 0)
    seed: int = 1
    _rng: random.Random = field(init=False, repr=False)
    _queue: deque[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._queue = deque()

    def fail_next(self, kind: str, n: int = 1) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {FAULT_KINDS}")
        self._queue.extend([kind] * n)

    def clear(self) -> None:
        self._queue.clear()

    def draw(self) -> str | None:
        if self._queue:
            return self._queue.popleft()
        r = self._rng.random()
        if r < self.error_5xx:
            return self._rng.choice(("500", "503"))
        if r < self.error_5xx + self.reset:
            return "reset"
        if r < self.error_5xx + self.reset + self.truncate:
            return "truncate"
        return None

    def latency_s(self) -> float:
        lo, hi = self.latency_ms
        return self._rng.uniform(lo, hi) / 1000 if hi > 0 else 0.0


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, violations: list[dict] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.violations, self.headers = violations, headers or {}

    def response(self) -> web.Response:
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.violations is not None:
            body["violations"] = self.violations
        return _json_response(json.dumps(body, ensure_ascii=False).encode(), self.status, self.headers)


def _bad_request(message: str, subject: str, reason: str = "invalid") -> ApiError:
    return ApiError(400, "validation_failed", message, [{"reason": reason, "subject": subject}])


def _json_response(body: bytes, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(body=body, status=status, headers={"Content-Type": RESPONSE_CONTENT_TYPE, **(headers or {})})


class _Cursors:
    """Opaque, stateless, tamper-evident cursors. Standard base64 that always contains '+', '/' and
    '=' — a client that does not URL-encode them sends a garbled cursor and gets 400."""

    PREFIX = b"\xfb\xff\xbf"  # encodes to "+/+/"
    LAYOUT = struct.Struct(">BHqqq")  # kind, store index, position, end or since, type mask
    KIND_DOCUMENTS, KIND_PRODUCTS, KIND_GROUPS, KIND_STORES = 1, 2, 3, 4

    def __init__(self, shop: Shop) -> None:
        # Keyed by the shop's identity: a server restarted on the same shop accepts cursors a client saved.
        identity = [shop.token] + [f"{s.id}:{len(s.documents)}:{s.documents.close_ms[-1] if len(s.documents) else 0}"
                                   for s in shop.stores]
        self.key = hashlib.sha256("|".join(identity).encode()).digest()

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self.key, payload, hashlib.sha256).digest()[:8]

    def encode(self, kind: int, store: int, pos: int, a: int = 0, b: int = 0) -> str:
        payload = self.LAYOUT.pack(kind, store, pos, a, b)
        return base64.b64encode(self.PREFIX + payload + self._mac(payload)).decode()

    def decode(self, text: str, kind: int, store: int) -> tuple[int, int, int]:
        try:
            raw = base64.b64decode(text.encode("ascii"), validate=True)
        except (ValueError, UnicodeEncodeError):
            raw = b""
        n = len(self.PREFIX)
        payload, mac = raw[n:n + self.LAYOUT.size], raw[n + self.LAYOUT.size:]
        if (len(raw) != n + self.LAYOUT.size + 8 or not raw.startswith(self.PREFIX)
                or not hmac.compare_digest(mac, self._mac(payload))):
            raise _bad_request("Invalid cursor", "cursor")
        got_kind, got_store, pos, a, b = self.LAYOUT.unpack(payload)
        if (got_kind, got_store) != (kind, store):
            raise _bad_request("Cursor belongs to another request series", "cursor")
        return pos, a, b


class _DocumentIndex:
    """One store's documents sorted by the filter timestamp, with per-type position lists."""

    def __init__(self, store: StoreData, filter_by: str) -> None:
        docs = store.documents
        ts = docs.created_ms if filter_by == "created_at" else docs.close_ms
        order = sorted(range(len(docs)), key=ts.__getitem__)
        self.raw = docs.raw
        self.order = array("l", order)
        self.keys = array("q", (ts[i] for i in order))
        self.by_type: dict[str, array] = {}
        for pos, i in enumerate(order):
            self.by_type.setdefault(docs.types[i], array("l")).append(pos)
        self._by_id: dict[str, int] | None = None

    def find(self, doc_id: str) -> bytes | None:
        if self._by_id is None:
            self._by_id = {}
            for i, raw in enumerate(self.raw):
                start = raw.index(b'"id":"') + 6
                self._by_id[raw[start:raw.index(b'"', start)].decode()] = i
        i = self._by_id.get(doc_id)
        return None if i is None else self.raw[i]

    def page(self, lo: int, hi: int, types: list[str] | None, size: int) -> tuple[list[int], bool]:
        """Sorted positions of the next page in [lo, hi) and whether more follow."""
        if types is None:
            end = min(hi, lo + size)
            return list(range(lo, end)), end < hi
        parts, available = [], 0
        for t in types:
            arr = self.by_type.get(t)
            if arr is None:
                continue
            a, b = bisect_left(arr, lo), bisect_left(arr, hi)
            available += b - a
            parts.append(arr[a:min(b, a + size)])
        positions = list(merge(*parts))[:size]
        return positions, available > len(positions)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class EvotorSandbox(LocalServer):
    def __init__(self, shop: Shop, *, page_size: int = 1000, rate_limit_rps: float | None = None,
                 filter_by: str = "created_at", send_retry_after: bool = False, rate_limit_style: str = "sandbox",
                 faults: Faults | None = None, extra_tokens: dict[str, str] | None = None,
                 clock_ms: Callable[[], int] | None = None, cloud_follows_documents: bool = False) -> None:
        if filter_by not in ("created_at", "close_date"):
            raise ValueError("filter_by must be 'created_at' or 'close_date'")
        for token, role in (extra_tokens or {}).items():
            if role not in ROLES:
                raise ValueError(f"unknown role {role!r} for an extra token; one of {ROLES}")
        self.shop = shop
        self.page_size = page_size
        self.rate_limit_rps = rate_limit_rps
        self.filter_by = filter_by
        self.send_retry_after = send_retry_after
        rate_limits.counter(rate_limit_style, 1)  # refuses an unknown style now, not at the first request
        self.rate_limit_style = rate_limit_style  # how its limit and headers read (see sandbox.rate_limits)
        # UNCONFIRMED whether the cloud's `quantity` moves when a terminal's document arrives, or only
        # when someone PATCHes it: sell() does one or the other.
        self.cloud_follows_documents = cloud_follows_documents
        self.faults = faults or Faults()
        self.tokens: dict[str, str | None] = {shop.token: None, **(extra_tokens or {})}
        self.clock_ms = clock_ms or (lambda: int(time.time() * 1000))
        self.patches: list[tuple[str, str, Decimal]] = []
        self.request_count = 0
        self.status_counts: Counter[int] = Counter()
        self.fault_counts: Counter[str] = Counter()
        self._cursors = _Cursors(shop)
        self._counters: dict[str, rate_limits.Bucket | rate_limits.Window] = {}
        self._store_pos = {s.id: i for i, s in enumerate(shop.stores)}
        self._indexes: dict[int, _DocumentIndex] = {}
        # The cloud's mutable product cards (the Shop keeps the initial state).
        self._products = [[dict(p) for p in s.products] for s in shop.stores]
        self._product_pos = [{p["id"]: i for i, p in enumerate(ps)} for ps in self._products]
        self._updated_ms = [array("q", (parse_iso_ms(p["updated_at"]) for p in ps)) for ps in self._products]
        self.app = web.Application(middlewares=[self._middleware])
        self.app.router.add_get("/stores", self._get_stores)
        self.app.router.add_get("/stores/{store_id}", self._get_store)
        self.app.router.add_get("/stores/{store_id}/products", self._get_products)
        self.app.router.add_get("/stores/{store_id}/products/{product_id}", self._get_product)
        self.app.router.add_patch("/stores/{store_id}/products/{product_id}", self._patch_product)
        self.app.router.add_get("/stores/{store_id}/product-groups", self._get_groups)
        self.app.router.add_get("/stores/{store_id}/documents", self._get_documents)
        self.app.router.add_get("/stores/{store_id}/documents/{document_id}", self._get_document)

    # -- lifecycle --

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        for i, store in enumerate(self.shop.stores):
            self._indexes[i] = _DocumentIndex(store, self.filter_by)
        self.url = await self._serve(self.app, host, port)
        return self.url

    # -- inspection for tests --

    def cloud_quantity(self, store_id: str, product_id: str) -> Decimal | None:
        """The product's current cloud `quantity` (None for services and unknown products)."""
        store = self._store_pos.get(store_id)
        pos = None if store is None else self._product_pos[store].get(product_id)
        if pos is None or "quantity" not in self._products[store][pos]:
            return None
        return Decimal(str(self._products[store][pos]["quantity"]))

    def product(self, store_id: str, product_id: str) -> dict | None:
        store = self._store_pos.get(store_id)
        pos = None if store is None else self._product_pos[store].get(product_id)
        return None if pos is None else dict(self._products[store][pos])

    # -- the shop going on, for tests --

    def sell(self, store_id: str, product_id: str, quantity: Decimal, *, device: int = 0) -> dict:
        """A sale on a terminal now: a SELL document from the terminal's stock (the cloud's value, which
        terminals load), the true stock one sale lower; the cloud's value follows if it does."""
        store = self._store_pos[store_id]
        data = self.shop.stores[store]
        card = self._products[store][self._product_pos[store][product_id]]
        s0 = Decimal(str(card.get("quantity", 0)))
        now = self.clock_ms()
        milli = int(quantity * 1000)
        price = card.get("price") or 0
        doc_id = f"sale-{len(data.documents):08d}-0000-4000-8000-000000000000"
        doc = {"type": "SELL", "id": doc_id, "extras": {}, "number": len(data.documents) + 1,
               "close_date": iso_ms(now), "created_at": iso_ms(now), "time_zone_offset": 10800000,
               "device_id": data.device_ids[device % len(data.device_ids)] if data.device_ids else "device-0",
               "store_id": store_id, "user_id": data.user_id, "version": "V2",
               "body": {"positions": [{"id": doc_id, "product_id": product_id, "product_name": card.get("name"),
                                       "product_type": card.get("type"), "measure_name": card.get("measure_name"),
                                       "quantity": qty_json(milli), "initial_quantity": qty_json(int(s0 * 1000)),
                                       "price": price, "sum": price, "settlement_method": {"type": "CHECKOUT_FULL"},
                                       "sub_positions": []}],
                        "payments": [{"id": doc_id, "type": "CASH", "sum": price}], "sum": price, "result_sum": price}}
        data.documents.append(doc, now, now)
        self._indexes[store] = _DocumentIndex(data, self.filter_by)
        data.truth[product_id] -= quantity
        if self.cloud_follows_documents:
            self._set_quantity(store, product_id, s0 - quantity, now)
        return doc

    def edit_cloud(self, store_id: str, product_id: str, quantity: Decimal) -> None:
        """A change of the cloud's balance with no document: another app, an edit in the cabinet."""
        self._set_quantity(self._store_pos[store_id], product_id, quantity, self.clock_ms())

    def _set_quantity(self, store: int, product_id: str, quantity: Decimal, now: int) -> None:
        pos = self._product_pos[store][product_id]
        self._products[store][pos]["quantity"] = qty_json(int(quantity * 1000))
        self._touch(store, pos, now)

    def _touch(self, store: int, pos: int, now: int) -> None:
        self._products[store][pos]["updated_at"] = iso_ms(now)
        self._updated_ms[store][pos] = now

    # -- the request pipeline --

    @web.middleware
    async def _middleware(self, request: web.Request,
                          handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        self.request_count += 1
        delay = self.faults.latency_s()
        if delay:
            await asyncio.sleep(delay)
        fault = None
        try:
            role = self._authorize(request)
            request[ROLE_KEY] = role
            self._check_accept(request)
            rate_headers = self._rate_limit(request)
            fault = self.faults.draw()
            if fault in ("500", "503", "429", "400"):
                self.fault_counts[fault] += 1
                raise self._fault_error(fault)
            try:
                response = await handler(request)
            except web.HTTPException as exc:  # router's 404 / 405
                response = ApiError(exc.status, "not_found" if exc.status == 404 else "method_not_allowed",
                                    exc.reason).response()
            except ApiError as err:
                response = err.response()
            response.headers.update(rate_headers)
        except ApiError as err:
            response = err.response()
        if fault in ("reset", "truncate") and isinstance(response, web.Response) and response.body:
            self.fault_counts[fault] += 1
            body = bytes(response.body)  # type: ignore[arg-type]
            if fault == "truncate":
                response = web.Response(body=body[: max(1, len(body) // 2)], status=response.status,
                                        headers={"Content-Type": RESPONSE_CONTENT_TYPE})
            else:
                return await self._reset(request, response, body)
        self.status_counts[response.status] += 1
        return response

    async def _reset(self, request: web.Request, response: web.Response, body: bytes) -> web.StreamResponse:
        """Send the headers and part of the body, then drop the connection (TCP RST)."""
        stream = web.StreamResponse(status=response.status, headers={"Content-Type": RESPONSE_CONTENT_TYPE})
        stream.content_length = len(body)
        await stream.prepare(request)
        await stream.write(body[: len(body) // 2])
        transport = request.transport
        if transport is not None:
            sock = transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            transport.abort()
        self.status_counts[0] += 1  # 0: no complete response
        return stream

    def _authorize(self, request: web.Request) -> str | None:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "unauthorized", "Authorization: Bearer <token> required")
        token = token.strip()
        if token not in self.tokens:
            raise ApiError(401, "unauthorized", "Invalid token")
        role = self.tokens[token]
        if role == "revoked":
            raise ApiError(401, "unauthorized", "Token revoked")
        if role == "not_installed":
            raise ApiError(402, "payment_required", "The application is not installed on the store's devices")
        if role == "forbidden":
            raise ApiError(403, "forbidden", "The application has no permission for this action")
        return role

    def _check_accept(self, request: web.Request) -> None:
        accepted = [part.split(";")[0].strip().lower() for part in request.headers.get("Accept", "").split(",")]
        if V2_MEDIA_TYPE not in accepted:
            raise ApiError(406, "not_acceptable", f"Accept: {V2_MEDIA_TYPE} required")

    def _rate_limit(self, request: web.Request) -> dict[str, str]:
        if self.rate_limit_rps is None:
            return {}
        token = request.headers["Authorization"].partition(" ")[2].strip()
        count = self._counters.get(token)
        if count is None:
            count = self._counters[token] = rate_limits.counter(self.rate_limit_style, self.rate_limit_rps)
        allowed, wait = count.take()
        headers = rate_limits.headers(self.rate_limit_style, self.rate_limit_rps, count, wait, not allowed,
                                      self.send_retry_after)
        if not allowed:
            raise ApiError(429, "too_many_requests", "Too many requests", headers=headers)
        return headers

    def _fault_error(self, kind: str) -> ApiError:
        if kind == "429":
            rps = self.rate_limit_rps or 10
            headers = {"X-RateLimit-Limit": rate_limits.seconds(rps), "X-RateLimit-Remaining": "0",
                       "X-RateLimit-Reset": rate_limits.seconds(1 / rps)}
            if self.send_retry_after:
                headers["Retry-After"] = "1"
            return ApiError(429, "too_many_requests", "Too many requests", headers=headers)
        if kind == "400":  # a request the cloud refuses for good: tests per-item failures
            return ApiError(400, "validation_failed", "Validation failed",
                            [{"reason": "injected fault", "subject": "quantity"}])
        if kind == "503":
            return ApiError(503, "service_unavailable", "Service temporarily unavailable")
        return ApiError(500, "internal_error", "Internal server error")

    # -- helpers --

    def _store(self, request: web.Request) -> int:
        pos = self._store_pos.get(request.match_info["store_id"])
        if pos is None:
            raise ApiError(404, "not_found", "Store not found")
        return pos

    @staticmethod
    def _single(request: web.Request, name: str) -> str | None:
        values = request.query.getall(name, [])
        if len(values) > 1:
            raise _bad_request(f"Parameter {name} given more than once", name)
        return values[0] if values else None

    def _epoch_ms(self, request: web.Request, name: str) -> int | None:
        value = self._single(request, name)
        if value is None:
            return None
        if not value.isdigit() or len(value) > 15:
            raise _bad_request(f"Parameter {name} must be a time in epoch milliseconds", name)
        return int(value)

    def _page_body(self, items: list[bytes], next_cursor: str | None) -> bytes:
        paging = b'{"next_cursor":"' + next_cursor.encode() + b'"}' if next_cursor else b"{}"
        return b'{"items":[' + b",".join(items) + b'],"paging":' + paging + b"}"

    def _card(self, request: web.Request, product: dict) -> dict:
        if request[ROLE_KEY] == "no_stock_rights" and "quantity" in product:
            product = {k: v for k, v in product.items() if k != "quantity"}
        return product

    @staticmethod
    def _dump(obj: Any) -> bytes:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()

    # -- handlers --

    async def _get_stores(self, request: web.Request) -> web.Response:
        cursor = self._single(request, "cursor")
        start = 0 if cursor is None else self._cursors.decode(cursor, _Cursors.KIND_STORES, 0)[0]
        stores = self.shop.stores[start:start + self.page_size]
        more = start + self.page_size < len(self.shop.stores)
        nxt = self._cursors.encode(_Cursors.KIND_STORES, 0, start + self.page_size) if more else None
        return _json_response(self._page_body([self._dump(s.store_json()) for s in stores], nxt))

    async def _get_store(self, request: web.Request) -> web.Response:
        return _json_response(self._dump(self.shop.stores[self._store(request)].store_json()))

    async def _get_groups(self, request: web.Request) -> web.Response:
        store = self._store(request)
        groups = self.shop.stores[store].product_groups
        cursor = self._single(request, "cursor")
        start = 0 if cursor is None else self._cursors.decode(cursor, _Cursors.KIND_GROUPS, store)[0]
        more = start + self.page_size < len(groups)
        nxt = self._cursors.encode(_Cursors.KIND_GROUPS, store, start + self.page_size) if more else None
        return _json_response(self._page_body([self._dump(g) for g in groups[start:start + self.page_size]], nxt))

    async def _get_products(self, request: web.Request) -> web.Response:
        store = self._store(request)
        cursor = self._single(request, "cursor")
        if cursor is not None:
            if "since" in request.query:
                raise _bad_request("since is only allowed on the first request of a series", "since")
            start, since, _ = self._cursors.decode(cursor, _Cursors.KIND_PRODUCTS, store)
        else:
            start, since = 0, self._epoch_ms(request, "since") or 0
        products, updated = self._products[store], self._updated_ms[store]
        chosen, pos, more = [], start, False
        while pos < len(products):
            if updated[pos] >= since:
                if len(chosen) == self.page_size:
                    more = True
                    break
                chosen.append(pos)
            pos += 1
        nxt = self._cursors.encode(_Cursors.KIND_PRODUCTS, store, pos, since) if more else None
        items = [self._dump(self._card(request, products[i])) for i in chosen]
        return _json_response(self._page_body(items, nxt))

    async def _get_product(self, request: web.Request) -> web.Response:
        store = self._store(request)
        pos = self._product_pos[store].get(request.match_info["product_id"])
        if pos is None:
            raise ApiError(404, "not_found", "Product not found")
        return _json_response(self._dump(self._card(request, self._products[store][pos])))

    async def _get_documents(self, request: web.Request) -> web.Response:
        store = self._store(request)
        index = self._indexes[store]
        cursor = self._single(request, "cursor")
        if cursor is not None:
            given = [name for name in ("since", "until", "type") if name in request.query]
            if given:
                raise _bad_request("since, until and type are only allowed on the first request of a series",
                                   given[0])
            lo, hi, mask = self._cursors.decode(cursor, _Cursors.KIND_DOCUMENTS, store)
        else:
            since = self._epoch_ms(request, "since")
            until = self._epoch_ms(request, "until")
            lo = 0 if since is None else bisect_left(index.keys, since)
            hi = bisect_left(index.keys, self.clock_ms() if until is None else until)
            mask = self._type_mask(self._single(request, "type"))
            hi = max(lo, hi)
        types = None if mask == 0 else [t for bit, t in enumerate(FILTER_TYPES) if mask >> bit & 1]
        positions, more = index.page(lo, hi, types, self.page_size)
        items = [index.raw[index.order[p]] for p in positions]
        random.Random(lo * 31 + len(items)).shuffle(items)  # the API promises no order within a page
        nxt = self._cursors.encode(_Cursors.KIND_DOCUMENTS, store, positions[-1] + 1, hi, mask) if more else None
        return _json_response(self._page_body(items, nxt))

    @staticmethod
    def _type_mask(value: str | None) -> int:
        if value is None:
            return 0
        mask = 0
        for name in value.split(","):
            if name not in FILTER_TYPES:
                raise _bad_request(f"Unknown document type {name!r}", "type")
            mask |= 1 << FILTER_TYPES.index(name)
        return mask

    async def _get_document(self, request: web.Request) -> web.Response:
        raw = self._indexes[self._store(request)].find(request.match_info["document_id"])
        if raw is None:
            raise ApiError(404, "not_found", "Document not found")
        return _json_response(raw)

    async def _patch_product(self, request: web.Request) -> web.Response:
        content_type = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type != V2_MEDIA_TYPE:
            raise ApiError(415, "unsupported_media_type", f"Content-Type: {V2_MEDIA_TYPE} required")
        store = self._store(request)
        pos = self._product_pos[store].get(request.match_info["product_id"])
        if pos is None:
            raise ApiError(404, "not_found", "Product not found")
        changes = self._patch_body(await request.read())
        product = self._products[store][pos]
        if "quantity" in changes:
            if request[ROLE_KEY] == "no_stock_rights":
                raise ApiError(403, "forbidden", "The application has no rights to change stock")
            if product["type"] == "SERVICE":
                raise _bad_request("A service has no stock", "quantity", "not_applicable")
        for key, value in changes.items():
            product[key] = qty_json(int(value * 1000)) if key == "quantity" else (
                int(value) if value == value.to_integral_value() else float(value))
        self._touch(store, pos, self.clock_ms())
        if "quantity" in changes:
            self.patches.append((self.shop.stores[store].id, product["id"], changes["quantity"].normalize()))
        return _json_response(self._dump(self._card(request, product)))

    @staticmethod
    def _patch_body(raw: bytes) -> dict[str, Decimal]:
        try:
            body = json.loads(raw.decode("utf-8"), parse_float=Decimal, parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError):
            raise ApiError(400, "bad_request", "The request body is not valid JSON") from None
        if not isinstance(body, dict):
            raise _bad_request("The request body must be a JSON object", "body")
        if not body:
            raise _bad_request("The request may not be empty", "body", "empty")
        changes: dict[str, Decimal] = {}
        for key, value in body.items():
            if key not in PATCH_FIELDS:
                raise _bad_request(f"Field {key!r} cannot be changed with PATCH", key, "not_allowed")
            if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
                raise _bad_request(f"{key} must be a number", key, "type_mismatch")
            number = Decimal(value)
            decimals, digits = ((QTY_DECIMALS, QTY_INTEGER_DIGITS) if key == "quantity"
                                else (MONEY_DECIMALS, MONEY_INTEGER_DIGITS))
            exponent = number.as_tuple().exponent
            if isinstance(exponent, int) and -exponent > decimals:
                raise _bad_request(f"{key} may have at most {decimals} digits after the point", key, "digits")
            if abs(number) >= Decimal(10) ** digits:
                raise _bad_request(f"{key} may have at most {digits} digits before the point", key, "digits")
            if key != "quantity" and number < 0:
                raise _bad_request(f"{key} may not be negative", key, "min")
            changes[key] = number
        return changes
