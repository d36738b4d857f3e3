"""A strict MoySklad JSON API 1.2 sandbox on 127.0.0.1 (aiohttp), for tests and the demo.

What it enforces, as documented (channels-api.md §1):
- ``Accept-Encoding`` must offer gzip, else 415 with no body; every body it sends is gzipped;
- ``Authorization: Bearer <token>``; ``POST /security/token`` with Basic login:password issues a new
  token and revokes the older ones (``tokens_issued`` counts them);
- ``GET /entity/assortment`` and ``/entity/store``: ``limit`` 1..1000 (default 1000), ``offset``,
  ``meta.size``/``nextHref``; archived goods are not listed;
- ``GET /report/stock/bystore/current``: one figure per call chosen by ``stockType``; no paging; rows in
  arbitrary order; zero rows only with ``include=zeroLines``; goods that never moved on a store have no
  row at all; ``"storeId": null`` rows carry reserve/in-transit tied to no store; ``changedSince``
  ("YYYY-MM-DD HH:MM:SS", Moscow time) returns absolute values of what changed since then, zero lines
  included, archived goods as 0, and must be neither in the future nor more than 24 h back;
- 429 with ``X-Lognex-*`` headers and error 1049 (requests per window), or error 1073 with
  ``X-Lognex-Auth: 429005`` (parallel requests);
- errors as ``{"errors":[{"error", "code"}]}``.
``requests`` records every request; ``fail_next``/``throttle_next`` inject faults.
"""

from __future__ import annotations

import base64
import gzip
import json
import random
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from aiohttp import web

from stockdesk.sandbox.http import ApiFailure, Fault, FaultQueue, LimitedServer

PREFIX = "/api/remap/1.2"
MSK = timezone(timedelta(hours=3))
MAX_LIMIT = 1000
STOCK_TYPES = ("stock", "freeStock", "quantity", "reserve", "inTransit")
DEFAULT_TOKEN = "sandbox-moysklad-token"


@dataclass
class Record:
    """One good on one store (store None: an order's reserve or in-transit tied to no store)."""
    stock: float = 0
    reserve: float = 0
    in_transit: float = 0
    changed_at: float = 0.0  # epoch seconds

    def figure(self, stock_type: str) -> float:
        return {"stock": self.stock, "freeStock": self.stock - self.reserve,
                "quantity": self.stock - self.reserve + self.in_transit,
                "reserve": self.reserve, "inTransit": self.in_transit}[stock_type]


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _gzip_json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    body = gzip.compress(json.dumps(data, ensure_ascii=False).encode())
    return web.Response(status=status, body=body, headers={"Content-Type": "application/json;charset=utf-8",
                                                           "Content-Encoding": "gzip", **(headers or {})})


def parse_changed_since(text: str) -> datetime:
    for fmt in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=MSK)
        except ValueError:
            continue
    raise ValueError(text)


class MoySkladSandbox(LimitedServer):
    def __init__(self, *, token: str = DEFAULT_TOKEN, login: str = "admin@sandbox", password: str = "sandbox",
                 max_parallel: int = 5, requests_per_window: int | None = None, window: float = 3.0,
                 latency: float = 0.0, seed: int = 1):
        super().__init__(max_parallel, latency)
        self.tokens = {token}
        self.login, self.password = login, password
        self.requests_per_window = requests_per_window
        self.window = window
        self.assortment: dict[str, dict] = {}      # id -> row as the API returns it
        self.stores: dict[str, dict] = {}
        self.records: dict[tuple[str, str | None], Record] = {}
        self.requests: list[dict] = []
        self.faults = FaultQueue()
        self.tokens_issued = 0
        self._rng = random.Random(seed)
        self._window_start = 0.0
        self._window_used = 0

    # --- the shop's data -----------------------------------------------------------------------

    def add_store(self, name: str, store_id: str | None = None) -> str:
        sid = store_id or str(uuid.uuid4())
        self.stores[sid] = {"id": sid, "name": name, "archived": False}
        return sid

    def add_item(self, name: str, *, article: str | None = None, code: str | None = None,
                 barcodes: list[dict] | None = None, kind: str = "product", item_id: str | None = None) -> str:
        """A product (or variant, service, bundle); barcodes as MoySklad spells them: [{"ean13": "..."}]."""
        aid = item_id or str(uuid.uuid4())
        row: dict[str, Any] = {"id": aid, "name": name, "kind": kind, "archived": False,
                               "updated": datetime.now(MSK).strftime("%Y-%m-%d %H:%M:%S.000")}
        if article is not None:
            row["article"] = article
        if code is not None:
            row["code"] = code
        if barcodes:
            row["barcodes"] = barcodes
        self.assortment[aid] = row
        return aid

    def set_stock(self, assortment_id: str, store_id: str | None, *, stock: float = 0, reserve: float = 0,
                  in_transit: float = 0, at: float | None = None) -> None:
        self.records[(assortment_id, store_id)] = Record(stock, reserve, in_transit, time.time() if at is None else at)

    def archive(self, assortment_id: str) -> None:
        """Archived goods leave the lists; changedSince windows report them as 0."""
        self.assortment[assortment_id]["archived"] = True
        for key, record in self.records.items():
            if key[0] == assortment_id:
                record.changed_at = time.time()

    def fail_next(self, status: int, *, times: int = 1, body: Any = None, path: str = "") -> None:
        """``status`` for the next requests; a dict body goes gzipped, bytes as they are."""
        self.faults.add(Fault(status, body, path), times)

    def throttle_next(self, *, times: int = 1, retry_after_ms: int = 300, path: str = "") -> None:
        """429 error 1049 with X-Lognex-Retry-After for the next requests."""
        self.faults.add(Fault(429, path=path, wait=retry_after_ms / 1000), times)

    # --- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application(middlewares=[self._middleware])
        app.router.add_post(PREFIX + "/security/token", self._token)
        app.router.add_get(PREFIX + "/entity/assortment", self._assortment)
        app.router.add_get(PREFIX + "/entity/store", self._stores)
        app.router.add_get(PREFIX + "/report/stock/bystore/current", self._bystore_current)
        self.url = await self._serve(app) + PREFIX
        return self.url

    # --- plumbing ------------------------------------------------------------------------------

    @web.middleware
    async def _middleware(self, request: web.Request, handler) -> web.StreamResponse:
        self.requests.append({"method": request.method, "path": request.path, "query": dict(request.query),
                              "headers": dict(request.headers)})
        encodings = [e.split(";")[0].strip().lower() for e in request.headers.get("Accept-Encoding", "").split(",")]
        if "gzip" not in encodings:
            return web.Response(status=415)  # as documented: no body
        try:
            async with self._admitted(lambda: ApiFailure(
                    429, [("Превышено ограничение на одновременное количество запросов", 1073)],
                    {"X-Lognex-Auth": "429005"})):
                fault = self._take_fault(request.path)
                if fault is not None:
                    return fault
                self._count_request()
                if request.path != PREFIX + "/security/token":
                    auth = request.headers.get("Authorization", "")
                    if not auth.startswith("Bearer ") or auth[7:] not in self.tokens:
                        raise ApiFailure(401, [("Ошибка аутентификации: Неправильный токен доступа", 1056)])
                return await handler(request)
        except ApiFailure as exc:
            return _gzip_json({"errors": [{"error": e, "code": c} for e, c in exc.errors]}, exc.status, exc.headers)

    def _rate_headers(self, remaining: int, reset_ms: int) -> dict[str, str]:
        return {"X-RateLimit-Limit": str(self.requests_per_window or 0), "X-RateLimit-Remaining": str(remaining),
                "X-Lognex-Retry-TimeInterval": str(int(self.window * 1000)), "X-Lognex-Reset": str(reset_ms)}

    def _rate_limited(self, retry_after_ms: int) -> ApiFailure:
        return ApiFailure(429, [("Превышено ограничение на количество запросов в единицу времени", 1049)],
                          {**self._rate_headers(0, retry_after_ms), "X-Lognex-Retry-After": str(retry_after_ms)})

    def _count_request(self) -> None:
        if self.requests_per_window is None:
            return
        now = time.time()
        if now - self._window_start >= self.window:
            self._window_start, self._window_used = now, 0
        if self._window_used >= self.requests_per_window:
            raise self._rate_limited(max(1, int((self._window_start + self.window - now) * 1000)))
        self._window_used += 1

    def _take_fault(self, path: str) -> web.Response | None:
        fault = self.faults.take(path)
        if fault is None:
            return None
        if fault.wait is not None:
            raise self._rate_limited(round(fault.wait * 1000))
        if isinstance(fault.body, bytes):
            return web.Response(status=fault.status, body=fault.body)
        return _gzip_json(fault.body if fault.body is not None
                          else {"errors": [{"error": "Внутренняя ошибка", "code": 1000}]}, fault.status)

    def _href(self, request: web.Request, path: str) -> str:
        return f"{request.scheme}://{request.host}{PREFIX}{path}"

    def _paging(self, request: web.Request) -> tuple[int, int]:
        try:
            limit = int(request.query.get("limit", MAX_LIMIT))
            offset = int(request.query.get("offset", 0))
        except ValueError:
            raise ApiFailure(400, [("Неверное значение параметра 'limit' или 'offset'", 1002)]) from None
        if not 1 <= limit <= MAX_LIMIT:
            raise ApiFailure(400, [(f"Параметр 'limit' должен быть в диапазоне от 1 до {MAX_LIMIT}", 1002)])
        if offset < 0:
            raise ApiFailure(400, [("Параметр 'offset' не может быть отрицательным", 1002)])
        return limit, offset

    def _page(self, request: web.Request, path: str, kind: str, rows: list[dict]) -> web.Response:
        limit, offset = self._paging(request)
        meta: dict[str, Any] = {"href": self._href(request, path), "type": kind, "mediaType": "application/json",
                                "size": len(rows), "limit": limit, "offset": offset}
        if offset + limit < len(rows):
            meta["nextHref"] = self._href(request, f"{path}?limit={limit}&offset={offset + limit}")
        if offset > 0:
            meta["previousHref"] = self._href(request, f"{path}?limit={limit}&offset={max(0, offset - limit)}")
        return _gzip_json({"context": {"employee": {"meta": {"type": "employee"}}}, "meta": meta,
                           "rows": rows[offset:offset + limit]})

    # --- handlers ------------------------------------------------------------------------------

    async def _token(self, request: web.Request) -> web.Response:
        auth = request.headers.get("Authorization", "")
        try:
            login, _, password = base64.b64decode(auth[6:]).decode().partition(":") if auth.startswith("Basic ") else ("", "", "")
        except (ValueError, UnicodeDecodeError):
            login = password = ""
        if (login, password) != (self.login, self.password):
            raise ApiFailure(401, [("Ошибка аутентификации: Неправильный пароль или имя пользователя", 1056)])
        token = secrets.token_hex(20)
        self.tokens = {token}  # every token issued before is revoked
        self.tokens_issued += 1
        return _gzip_json({"access_token": token})

    async def _assortment(self, request: web.Request) -> web.Response:
        rows = []
        for row in self.assortment.values():
            if row["archived"]:
                continue
            kind = row["kind"]
            out = {"meta": {"href": self._href(request, f"/entity/{kind}/{row['id']}"), "type": kind,
                            "mediaType": "application/json"},
                   **{k: v for k, v in row.items() if k != "kind"}}
            rows.append(out)
        return self._page(request, "/entity/assortment", "assortment", rows)

    async def _stores(self, request: web.Request) -> web.Response:
        rows = [{"meta": {"href": self._href(request, f"/entity/store/{s['id']}"), "type": "store",
                          "mediaType": "application/json"}, **s} for s in self.stores.values()]
        return self._page(request, "/entity/store", "store", rows)

    def _filters(self, request: web.Request) -> dict[str, set[str]]:
        wanted: dict[str, set[str]] = {}
        for raw in request.query.getall("filter", []):
            for part in raw.split(";"):
                if not part:
                    continue
                key, sep, values = part.partition("=")
                if not sep or key not in ("assortmentId", "storeId"):
                    raise ApiFailure(400, [(f"Неизвестный фильтр '{key}'", 1002)])
                wanted.setdefault(key, set()).update(v for v in values.split(",") if v)
        return wanted

    async def _bystore_current(self, request: web.Request) -> web.Response:
        stock_type = request.query.get("stockType", "stock")
        if stock_type not in STOCK_TYPES:
            raise ApiFailure(400, [(f"Неизвестное значение параметра 'stockType': {stock_type}", 1002)])
        since: datetime | None = None
        if "changedSince" in request.query:
            try:
                since = parse_changed_since(request.query["changedSince"])
            except ValueError:
                raise ApiFailure(400, [("Неверный формат параметра 'changedSince': ожидается "
                                        "'гггг-мм-дд чч:мм:сс'", 1002)]) from None
            now = datetime.now(MSK)
            if since > now:
                raise ApiFailure(400, [("Значение параметра 'changedSince' не может быть в будущем", 1002)])
            if since < now - timedelta(hours=24):
                raise ApiFailure(400, [("Значение параметра 'changedSince' не может быть раньше, чем за 24 часа "
                                        "до текущего момента", 1002)])
        zero_lines = since is not None or "zeroLines" in request.query.get("include", "").split(",")
        wanted = self._filters(request)
        rows = []
        for (aid, sid), record in self.records.items():
            good = self.assortment.get(aid)
            if good is None or ("assortmentId" in wanted and aid not in wanted["assortmentId"]):
                continue
            if "storeId" in wanted and sid not in wanted["storeId"]:
                continue
            if since is not None and record.changed_at < since.timestamp():
                continue
            if good["archived"] and since is None:
                continue
            value = 0 if good["archived"] else record.figure(stock_type)
            if value == 0 and not zero_lines:
                continue
            rows.append({"assortmentId": aid, "storeId": sid, stock_type: _number(value)})
        self._rng.shuffle(rows)  # "the order is arbitrary"
        return _gzip_json(rows)
