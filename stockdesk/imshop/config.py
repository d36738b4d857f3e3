"""What the owner configures for IMSHOP: warehouses, how offer ids map to products, settings.

Plain data and the SQL that reads it, shared by the webhook server, the feed and the jobs layer.
Every reader takes a plain ``sqlite3.Connection`` so the server can use its own read-only one.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from functools import cached_property

# Which product field is the offer id of the shop's YML feed -> SQL over `products p`.
OFFER_FIELDS: dict[str, str] = {
    "id": "p.id",
    "article_number": "p.article_number",
    "code": "p.code",
    # the first barcode; a malformed barcodes text gives no offer id rather than a failed query
    "barcode": "CASE WHEN json_valid(p.barcodes) THEN CAST(json_extract(p.barcodes, '$[0]') AS TEXT) END",
}
DEFAULT_OFFER_FIELD = "code"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8787
SETTING_OFFER_FIELD = "imshop.offer_field"
SETTING_SEND_PRICE = "imshop.send_price"
SETTING_HOST = "imshop.host"
SETTING_PORT = "imshop.port"
KEY_NAME = "imshop"  # the Secrets name of the IMSHOP key

_SPACES = re.compile(r"\s+")


def city_key(city: str) -> str:
    """Cities compare without case, surrounding/doubled spaces or the ё/е difference."""
    return _SPACES.sub(" ", city.strip().casefold().replace("ё", "е"))


@dataclass(frozen=True)
class Warehouse:
    warehouse_id: str
    store_id: str
    name: str
    city: str
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    online: bool = False
    delivery_cities: tuple[str, ...] = ()  # online only; empty: delivers to every city
    subway: str | None = None
    mall: str | None = None
    public: bool | None = None  # None: not sent, IMSHOP's default (shown)

    @cached_property
    def _city_keys(self) -> tuple[str, frozenset[str]]:
        return city_key(self.city), frozenset(city_key(c) for c in self.delivery_cities)

    def serves(self, key: str) -> bool:
        """Whether a request for the city with this city_key() should list the warehouse."""
        own, delivery = self._city_keys
        if key == own:
            return True
        return self.online and (not delivery or key in delivery)

    def to_json(self) -> dict:
        """The warehouse as IMSHOP's response lists it; optional fields only when set."""
        out: dict = {"warehouseId": self.warehouse_id, "name": self.name, "address": self.address,
                     "city": self.city}
        if self.lat is not None and self.lon is not None:
            out["lat"], out["lon"] = self.lat, self.lon
        out["online"] = self.online
        if self.public is not None:
            out["public"] = self.public
        if self.subway:
            out["subway"] = self.subway
        if self.mall:
            out["mall"] = self.mall
        return out

    def to_row(self) -> dict:
        return {"warehouse_id": self.warehouse_id, "store_id": self.store_id, "name": self.name,
                "address": self.address, "city": self.city, "lat": self.lat, "lon": self.lon,
                "online": int(self.online), "delivery_cities": json.dumps(list(self.delivery_cities),
                                                                          ensure_ascii=False),
                "subway": self.subway, "mall": self.mall,
                "public": None if self.public is None else int(self.public)}

    @classmethod
    def from_row(cls, row: sqlite3.Row | dict) -> "Warehouse":
        return cls(warehouse_id=row["warehouse_id"], store_id=row["store_id"], name=row["name"],
                   city=row["city"], address=row["address"] or "", lat=row["lat"], lon=row["lon"],
                   online=bool(row["online"]),
                   delivery_cities=tuple(json.loads(row["delivery_cities"] or "[]")),
                   subway=row["subway"], mall=row["mall"],
                   public=None if row["public"] is None else bool(row["public"]))


@dataclass(frozen=True)
class Override:
    """An explicit offer id for one product of one Evotor store (wins over the offer field)."""
    offer_id: str
    store_id: str
    product_id: str


@dataclass(frozen=True)
class Settings:
    offer_field: str = DEFAULT_OFFER_FIELD
    send_price: bool = False  # IMSHOP's per-warehouse price is meant for pharmacies; off by default
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def read_settings(conn: sqlite3.Connection) -> Settings:
    values = {row["key"]: row["value"] for row in _rows(
        conn, "SELECT key, value FROM settings WHERE key LIKE 'imshop.%'")}
    field_name = values.get(SETTING_OFFER_FIELD) or DEFAULT_OFFER_FIELD
    try:
        port = int(values.get(SETTING_PORT) or DEFAULT_PORT)
    except ValueError:
        port = DEFAULT_PORT
    return Settings(offer_field=field_name if field_name in OFFER_FIELDS else DEFAULT_OFFER_FIELD,
                    send_price=values.get(SETTING_SEND_PRICE) == "1",
                    host=values.get(SETTING_HOST) or DEFAULT_HOST, port=port)


def read_warehouses(conn: sqlite3.Connection) -> list[Warehouse]:
    return [Warehouse.from_row(row) for row in _rows(
        conn, "SELECT * FROM imshop_warehouses ORDER BY rowid")]


def read_overrides(conn: sqlite3.Connection) -> list[Override]:
    return [Override(**row) for row in _rows(
        conn, "SELECT offer_id, store_id, product_id FROM imshop_offers ORDER BY offer_id, store_id")]
