"""The IMSHOP availability webhook («Проверка наличия товара»), served in the app's event loop.

``POST {"city", "configurationIds"[, "warehouseId"][, "key"]}`` ->
``{"warehouses": [...], "availability": [{"id", "warehouseId", "quantity"[, "price"]}]}``.
The quantity rules are in stockdesk.imshop.snapshot. The server runs on whatever asyncio loop is
running (qasync's in the window, asyncio.run's in the CLI); only snapshot rebuilds use a thread.
HTTP is stockdesk.imshop.http11's: a burst of a thousand product-card checks must be answered
within tens of milliseconds, so a request costs a few tens of microseconds, nothing logged.

Errors are JSON ``{"error": code, "message": text}``: 400 bad body, 401 key missing or wrong (or no
key configured: the endpoint is closed), 404 other path, 405 not POST, 413 body too large, 503
database unreadable; http11 lists the protocol's own.
IMSHOP wants HTTPS: put a TLS reverse proxy or tunnel in front; the server binds 127.0.0.1.
"""

from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Awaitable, NamedTuple

import orjson

from stockdesk.errors import QT_TRANSLATE_NOOP
from stockdesk.imshop.errors import ImshopError
from stockdesk.imshop.http11 import HttpError, HttpServer, Response, error_response, per_second
from stockdesk.imshop.snapshot import Snapshot
from stockdesk.imshop.snapshot_cache import SnapshotCache

PATH = "/availability"
MAX_IDS = 1000
BACKLOG = 1024  # a burst of product-card checks should wait in the queue, not be refused
log = logging.getLogger(__name__)

# utc_now()'s text, made once a second rather than per request
_utc_now = per_second(lambda second: datetime.fromtimestamp(second, timezone.utc).isoformat(timespec="seconds"))


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


class AvailabilityQuery(NamedTuple):
    city: str | None
    offer_ids: list[str]
    warehouse_id: str | None


def load_body(body: bytes) -> dict:
    """The JSON object of a request (checked before the key: the key may be inside)."""
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError:
        try:  # what orjson refuses and Python reads: escaped lone surrogates, NaN, huge integers, UTF-16
            payload = json.loads(body)
        except (ValueError, RecursionError):  # (UnicodeDecodeError is a ValueError)
            raise HttpError(400, "malformed_json", "body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise HttpError(400, "bad_request", "body must be a JSON object")
    return payload


def _optional_id(value: object, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise HttpError(400, "bad_request", f"{name} must be a string")


def _offer_id(value: object) -> str:
    offer_id = _optional_id(value, "configurationIds[]")
    if offer_id is None:
        raise HttpError(400, "bad_request", "configurationIds must be a list of strings")
    return offer_id


def parse_query(payload: dict, max_ids: int) -> AvailabilityQuery:
    """The request's fields, checked. Offer ids may be strings or integers (sent as text)."""
    ids = payload.get("configurationIds")
    if not isinstance(ids, list):
        raise HttpError(400, "bad_request", "configurationIds must be a list of strings")
    if len(ids) > max_ids:
        raise HttpError(400, "too_many_ids", f"at most {max_ids} configurationIds per request")
    try:
        "".join(ids)  # raises unless every id is a string (the usual case): the cheapest check
    except TypeError:
        ids = [_offer_id(value) for value in ids]
    city = payload.get("city")
    if city is not None and not isinstance(city, str):
        raise HttpError(400, "bad_request", "city must be a string")
    return AvailabilityQuery(city, ids, _optional_id(payload.get("warehouseId"), "warehouseId"))


def _same(given: object, expected: bytes) -> bool:
    return isinstance(given, str) and hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected)


def _bearer(header: bytes | None) -> bytes | None:
    if not header:
        return None
    scheme, _, token = header.strip().partition(b" ")
    return token.strip() if scheme.lower() == b"bearer" else None


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
        self._http: HttpServer | None = None
        # the snapshot as of the current batch of requests: None when stale (or on _stale_error)
        self._fresh: Snapshot | None = None
        self._stale_error: Exception | None = None

    def set_key(self, key: str) -> None:
        """Use another IMSHOP key from the next request on ('' closes the endpoint)."""
        self._key = (key or "").strip().encode("utf-8")

    async def start(self) -> str:
        """Listen, after checking the database can be read. Returns the webhook URL."""
        if self._http is not None:
            return self.status.url or ""
        try:
            await self._cache.current()
        except Exception as exc:
            await self._cache.close()
            self._note_error(f"database: {exc}")
            raise ImshopError(QT_TRANSLATE_NOOP("Errors", "Cannot read the StockDesk database: {reason}"),
                              code="imshop_db", reason=str(exc)) from exc
        http = HttpServer(PATH, self._respond, max_body=self.max_body, before_answers=self._check_fresh,
                          on_reject=self._reject)
        try:
            host, port = await http.start(self.host, self.port, backlog=BACKLOG)
        except OSError as exc:
            await self._cache.close()
            self._note_error(f"listen: {exc.strerror or exc}")
            raise ImshopError(QT_TRANSLATE_NOOP("Errors", "Cannot listen on {host}:{port}: {reason}"),
                              code="imshop_listen", host=self.host, port=self.port,
                              reason=exc.strerror or str(exc)) from exc
        self._http = http
        host = f"[{host}]" if ":" in host else host
        self.status.running, self.status.started_at = True, _utc_now()
        self.status.url = f"http://{host}:{port}{PATH}"
        log.info("IMSHOP availability webhook at %s", self.status.url)
        return self.status.url

    async def stop(self) -> None:
        http, self._http = self._http, None
        if http is not None:
            await http.close()
        await self._cache.close()
        self.status.running = False

    def _check_fresh(self) -> None:
        """Before each batch of requests: does the snapshot hold every commit made so far? One check
        for the whole batch, made after each of its requests had arrived."""
        try:
            self._fresh, self._stale_error = self._cache.fresh(), None
        except Exception as exc:
            self._fresh, self._stale_error = None, exc

    def _respond(self, headers: dict[bytes, bytes], body: bytes) -> Response | Awaitable[Response]:
        """The answer now when the snapshot is fresh (nearly always), else once it has been rebuilt."""
        try:
            query = self._read(headers, body)
        except HttpError as exc:
            self._reject(exc)
            return error_response(exc)
        if self._fresh is not None:
            return self._answer(self._fresh, query)
        if self._stale_error is not None:
            return self._unavailable(self._stale_error)
        return self._respond_when_fresh(query)

    def _read(self, headers: dict[bytes, bytes], body: bytes) -> AvailabilityQuery:
        if not self._key:
            raise HttpError(401, "unauthorized", "no IMSHOP key is configured")
        payload = load_body(body)
        bearer = _bearer(headers.get(b"authorization"))
        if not ((bearer is not None and hmac.compare_digest(bearer, self._key))
                or _same(payload.get("key"), self._key)):
            raise HttpError(401, "unauthorized", "missing or wrong key")
        return parse_query(payload, self.max_ids)

    async def _respond_when_fresh(self, query: AvailabilityQuery) -> Response:
        try:
            snapshot = await self._cache.current()
        except Exception as exc:
            return self._unavailable(exc)
        return self._answer(snapshot, query)

    def _answer(self, snapshot: Snapshot, query: AvailabilityQuery) -> Response:
        body = snapshot.answer_json(query.city, query.offer_ids, query.warehouse_id)
        self.status.requests_served += 1
        self.status.last_request_at = _utc_now()
        return Response(200, body)

    def _unavailable(self, exc: Exception) -> Response:
        """The database could not be read: say so, keep serving."""
        text = f"503 unavailable: {exc}"
        if text != self.status.last_error:  # logged once, not once per request of a burst
            log.error("IMSHOP availability request failed: %s", exc, exc_info=exc)
        error = HttpError(503, "unavailable", "stock data cannot be read now")
        self._reject(error, text)
        return error_response(error)

    def _reject(self, error: HttpError, text: str | None = None) -> None:
        self.status.requests_rejected += 1
        self._note_error(text or f"{error.status} {error.code}: {error.message}")

    def _note_error(self, text: str) -> None:
        self.status.last_error, self.status.last_error_at = text, _utc_now()
