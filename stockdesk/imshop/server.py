"""The IMSHOP availability webhook («Проверка наличия товара»): an aiohttp server in the app's loop.

``POST {"city", "configurationIds"[, "warehouseId"][, "key"]}`` ->
``{"warehouses": [...], "availability": [{"id", "warehouseId", "quantity"[, "price"]}]}``.
The quantity rules are in stockdesk.imshop.snapshot. The server runs on whatever asyncio loop is
running (qasync's in the window, asyncio.run's in the CLI); only snapshot rebuilds use a thread.

Errors are JSON ``{"error": code, "message": text}``: 400 bad body, 401 key missing or wrong (or no
key configured: the endpoint is closed), 405 not POST, 413 body too large, 503 database unreadable.
IMSHOP wants HTTPS: put a TLS reverse proxy or tunnel in front; the server binds 127.0.0.1.
"""

from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from stockdesk.errors import QT_TRANSLATE_NOOP
from stockdesk.imshop.errors import ImshopError
from stockdesk.imshop.snapshot_cache import SnapshotCache
from stockdesk.store import utc_now

PATH = "/availability"
MAX_IDS = 1000
BACKLOG = 1024  # a burst of product-card checks should wait in the queue, not be refused
log = logging.getLogger(__name__)


@dataclass
class ServerStatus:
    """What the window's status light shows. Changed only on the event loop."""
    running: bool = False
    url: str | None = None
    started_at: str | None = None
    requests_served: int = 0       # answered 200
    requests_rejected: int = 0     # answered 4xx/5xx
    last_request_at: str | None = None
    last_error: str | None = None  # e.g. "401 unauthorized: wrong key"; never holds the key
    last_error_at: str | None = None


class BadRequest(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class AvailabilityQuery:
    city: str | None
    offer_ids: list[str]
    warehouse_id: str | None


def load_body(body: bytes) -> dict:
    """The JSON object of a request (checked before the key: the key may be inside)."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise BadRequest(400, "malformed_json", "body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise BadRequest(400, "bad_request", "body must be a JSON object")
    return payload


def _optional_id(value: object, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise BadRequest(400, "bad_request", f"{name} must be a string")


def parse_query(payload: dict, max_ids: int) -> AvailabilityQuery:
    """The request's fields, checked. Offer ids may be strings or integers (sent as text)."""
    ids = payload.get("configurationIds")
    if not isinstance(ids, list):
        raise BadRequest(400, "bad_request", "configurationIds must be a list of strings")
    if len(ids) > max_ids:
        raise BadRequest(400, "too_many_ids", f"at most {max_ids} configurationIds per request")
    offer_ids = []
    for value in ids:
        offer_id = _optional_id(value, "configurationIds[]")
        if offer_id is None:
            raise BadRequest(400, "bad_request", "configurationIds must be a list of strings")
        offer_ids.append(offer_id)
    city = payload.get("city")
    if city is not None and not isinstance(city, str):
        raise BadRequest(400, "bad_request", "city must be a string")
    return AvailabilityQuery(city=city, offer_ids=offer_ids,
                             warehouse_id=_optional_id(payload.get("warehouseId"), "warehouseId"))


def _same(given: object, expected: bytes) -> bool:
    return isinstance(given, str) and hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected)


def _bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _error_json(status: int, code: str, message: str, headers: dict | None = None) -> web.Response:
    payload = {"error": code, "message": message}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return web.Response(status=status, body=body, content_type="application/json", charset="utf-8",
                        headers=headers)


class AvailabilityServer:
    """Start with ``url = await server.start()``; stop with ``await server.stop()``.

    ``port=0`` picks a free port. An empty ``key`` keeps the endpoint closed (every request 401).
    """

    def __init__(self, db_path: str | Path, key: str, *, host: str = "127.0.0.1", port: int = 0,
                 max_body: int = 65536, max_ids: int = MAX_IDS):
        self.db_path = Path(db_path)
        self.host, self.port = host, port
        self.max_body, self.max_ids = max_body, max_ids
        self.status = ServerStatus()
        self._key = b""
        self.set_key(key)
        self._cache = SnapshotCache(self.db_path)
        self._runner: web.AppRunner | None = None

    def set_key(self, key: str) -> None:
        """Use another IMSHOP key from the next request on ('' closes the endpoint)."""
        self._key = (key or "").strip().encode("utf-8")

    async def start(self) -> str:
        """Listen, after checking the database can be read. Returns the webhook URL."""
        if self._runner is not None:
            return self.status.url or ""
        try:
            await self._cache.current()
        except Exception as exc:
            await self._cache.close()
            self._note_error(f"database: {exc}")
            raise ImshopError(QT_TRANSLATE_NOOP("Errors", "Cannot read the StockDesk database: {reason}"),
                              code="imshop_db", reason=str(exc)) from exc
        app = web.Application(client_max_size=self.max_body)
        app.router.add_route("*", PATH, self._handle)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port, backlog=BACKLOG).start()
        except OSError as exc:
            await runner.cleanup()
            await self._cache.close()
            self._note_error(f"listen: {exc.strerror or exc}")
            raise ImshopError(QT_TRANSLATE_NOOP("Errors", "Cannot listen on {host}:{port}: {reason}"),
                              code="imshop_listen", host=self.host, port=self.port,
                              reason=exc.strerror or str(exc)) from exc
        self._runner = runner
        host, port = runner.addresses[0][:2]
        host = f"[{host}]" if ":" in host else host
        self.status.running, self.status.started_at = True, utc_now()
        self.status.url = f"http://{host}:{port}{PATH}"
        log.info("IMSHOP availability webhook at %s", self.status.url)
        return self.status.url

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        await self._cache.close()
        self.status.running = False

    async def _handle(self, request: web.Request) -> web.Response:
        try:
            response = await self._answer(request)
        except BadRequest as exc:
            headers = {"Allow": "POST"} if exc.status == 405 else None
            self._reject(f"{exc.status} {exc.code}: {exc.message}")
            return _error_json(exc.status, exc.code, exc.message, headers)
        except Exception as exc:  # the database could not be read: say so, keep serving
            log.exception("IMSHOP availability request failed")
            self._reject(f"503 unavailable: {exc}")
            return _error_json(503, "unavailable", "stock data cannot be read now")
        self.status.requests_served += 1
        self.status.last_request_at = utc_now()
        return response

    async def _answer(self, request: web.Request) -> web.Response:
        if request.method != "POST":
            raise BadRequest(405, "method_not_allowed", "use POST")
        if not self._key:
            raise BadRequest(401, "unauthorized", "no IMSHOP key is configured")
        if request.content_length is not None and request.content_length > self.max_body:
            raise BadRequest(413, "too_large", f"body over {self.max_body} bytes")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise BadRequest(413, "too_large", f"body over {self.max_body} bytes") from None
        payload = load_body(body)
        if not (_same(_bearer(request.headers.get("Authorization")), self._key)
                or _same(payload.get("key"), self._key)):
            raise BadRequest(401, "unauthorized", "missing or wrong key")
        query = parse_query(payload, self.max_ids)
        snapshot = await self._cache.current()
        body = snapshot.answer_json(query.city, query.offer_ids, query.warehouse_id)
        return web.Response(body=body, content_type="application/json", charset="utf-8")

    def _reject(self, text: str) -> None:
        self.status.requests_rejected += 1
        self._note_error(text)

    def _note_error(self, text: str) -> None:
        self.status.last_error, self.status.last_error_at = text, utc_now()
