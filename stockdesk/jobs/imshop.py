"""IMSHOP use cases: warehouses, offer id mapping, settings, the key, and a server for the window.

Functions that take ``db`` run on whichever thread owns that connection (the window calls them
through ``await ctx.worker.run(fn, ...)``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from sqlite_utils import Database

from stockdesk.context import AppContext
from stockdesk.errors import QT_TRANSLATE_NOOP
from stockdesk.imshop.config import (KEY_NAME, OFFER_FIELDS, SETTING_HOST, SETTING_OFFER_FIELD, SETTING_PORT,
                                     SETTING_SEND_PRICE, Override, Settings, Warehouse, read_overrides,
                                     read_settings, read_warehouses)
from stockdesk.imshop.errors import ImshopError
from stockdesk.imshop.server import AvailabilityServer
from stockdesk.imshop.snapshot import load_snapshot
from stockdesk.secrets import Secrets

# --- warehouses -------------------------------------------------------------------------------


def list_warehouses(db: Database) -> list[Warehouse]:
    return read_warehouses(db.conn)


def get_warehouse(db: Database, warehouse_id: str) -> Warehouse | None:
    rows = list(db["imshop_warehouses"].rows_where("warehouse_id = ?", [warehouse_id]))
    return Warehouse.from_row(rows[0]) if rows else None


def _checked(db: Database, warehouse: Warehouse) -> Warehouse:
    warehouse = replace(warehouse, warehouse_id=warehouse.warehouse_id.strip(), name=warehouse.name.strip(),
                        city=warehouse.city.strip(), address=(warehouse.address or "").strip(),
                        delivery_cities=tuple(c.strip() for c in warehouse.delivery_cities if c.strip()))
    if not warehouse.warehouse_id:
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "The IMSHOP warehouse id is empty."),
                          code="imshop_warehouse_id")
    if not warehouse.name or not warehouse.city:
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "An IMSHOP warehouse needs a name and a city."),
                          code="imshop_warehouse_fields")
    if not db["stores"].count_where("id = ?", [warehouse.store_id]):
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "There is no Evotor store {store}."),
                          code="imshop_unknown_store", store=warehouse.store_id)
    if (warehouse.lat is None) != (warehouse.lon is None):
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "Give both latitude and longitude, or neither."),
                          code="imshop_coordinates")
    if warehouse.lat is not None and not (
            math.isfinite(warehouse.lat) and math.isfinite(warehouse.lon)
            and -90 <= warehouse.lat <= 90 and -180 <= warehouse.lon <= 180):
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "Latitude must be within ±90 and longitude within ±180."),
                          code="imshop_coordinates")
    return warehouse


def save_warehouse(db: Database, warehouse: Warehouse, *, replace_existing: bool = False) -> Warehouse:
    """Add a warehouse (or change one, with replace_existing). Returns it as stored (trimmed)."""
    warehouse = _checked(db, warehouse)
    row = warehouse.to_row()
    with db.conn:
        exists = db["imshop_warehouses"].count_where("warehouse_id = ?", [warehouse.warehouse_id])
        if exists and not replace_existing:
            raise ImshopError(QT_TRANSLATE_NOOP("Errors", "IMSHOP warehouse {warehouse} already exists."),
                              code="imshop_warehouse_exists", warehouse=warehouse.warehouse_id)
        if exists:
            db["imshop_warehouses"].update(warehouse.warehouse_id, row)
        else:
            db["imshop_warehouses"].insert(row)
    return warehouse


def remove_warehouse(db: Database, warehouse_id: str) -> bool:
    with db.conn:
        return db.execute("DELETE FROM imshop_warehouses WHERE warehouse_id = ?", [warehouse_id]).rowcount > 0


# --- offer ids --------------------------------------------------------------------------------


def list_overrides(db: Database) -> list[Override]:
    return read_overrides(db.conn)


def set_override(db: Database, offer_id: str, store_id: str, product_id: str) -> Override:
    """Say that ``offer_id`` is this product in this store (services cannot be offers)."""
    offer_id = offer_id.strip()
    if not offer_id:
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "The offer id is empty."), code="imshop_offer_id")
    found = db.execute("SELECT is_service FROM products WHERE store_id = ? AND id = ?",
                       [store_id, product_id]).fetchone()
    if found is None:
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "Store {store} has no product {product}."),
                          code="imshop_unknown_product", store=store_id, product=product_id)
    if found[0]:
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "{product} is a service: services have no stock."),
                          code="imshop_service", product=product_id)
    override = Override(offer_id, store_id, product_id)
    with db.conn:
        db["imshop_offers"].upsert(override.__dict__, pk=("offer_id", "store_id"))
    return override


def remove_override(db: Database, offer_id: str, store_id: str | None = None) -> int:
    """Forget the override of ``offer_id`` in one store (or all). Returns how many were removed."""
    sql, params = "DELETE FROM imshop_offers WHERE offer_id = ?", [offer_id]
    if store_id is not None:
        sql, params = sql + " AND store_id = ?", params + [store_id]
    with db.conn:
        return db.execute(sql, params).rowcount


# --- settings ---------------------------------------------------------------------------------


def settings(db: Database) -> Settings:
    return read_settings(db.conn)


def _set(db: Database, key: str, value: str) -> None:
    with db.conn:
        db["settings"].upsert({"key": key, "value": value}, pk="key")


def set_offer_field(db: Database, field: str) -> None:
    """Which product field is the YML offer id: one of OFFER_FIELDS."""
    if field not in OFFER_FIELDS:
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "Unknown offer id field {field}: use one of {choices}."),
                          code="imshop_offer_field", field=field, choices=", ".join(OFFER_FIELDS))
    _set(db, SETTING_OFFER_FIELD, field)


def set_send_price(db: Database, send: bool) -> None:
    _set(db, SETTING_SEND_PRICE, "1" if send else "0")


def set_listen_address(db: Database, host: str, port: int) -> None:
    if not host.strip() or not 0 < port < 65536:
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "Listen on a host name and a port from 1 to 65535."),
                          code="imshop_address")
    _set(db, SETTING_HOST, host.strip())
    _set(db, SETTING_PORT, str(port))


@dataclass(frozen=True)
class WarehouseMapping:
    """How many offers one warehouse can answer for, and which offer ids it cannot."""
    warehouse: Warehouse
    offers: int                       # offer ids with a known balance
    unknown: tuple[str, ...]          # offer ids whose balance is unknown (left out)
    ambiguous: tuple[str, ...]        # offer ids several products share (need an override)


def mapping_summary(db: Database) -> list[WarehouseMapping]:
    snapshot = load_snapshot(db.conn)
    return [WarehouseMapping(w, len(snapshot.stock.get(w.store_id, {})),
                             tuple(sorted(snapshot.unknown.get(w.store_id, ()))),
                             tuple(sorted(snapshot.ambiguous.get(w.store_id, ()))))
            for w in snapshot.warehouses]


# --- key and server ---------------------------------------------------------------------------


def save_key(secrets: Secrets, key: str, *, session_only: bool = False) -> str:
    """Keep the IMSHOP key. Returns 'keychain' or 'session' (see Secrets.set)."""
    if not key.strip():
        raise ImshopError(QT_TRANSLATE_NOOP("Errors", "The IMSHOP key is empty."), code="imshop_key")
    return secrets.set(KEY_NAME, key, session_only=session_only)


def availability_server(ctx: AppContext, *, host: str | None = None, port: int | None = None) -> AvailabilityServer:
    """A webhook server on the configured (or given) address with the stored key; not started.

    Without a stored key the server answers 401 to everything: the endpoint stays closed.
    """
    configured = settings(ctx.db)
    return AvailabilityServer(ctx.db_path, ctx.secrets.get(KEY_NAME) or "",
                              host=host or configured.host,
                              port=configured.port if port is None else port)
