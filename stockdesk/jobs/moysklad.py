"""MoySklad: connect, import stock, compare it with the Evotor reconstruction, or use it as stock of record.

Import: the assortment (paged) and the brief by-store report with the owner's stockType. A full
import replaces every stored figure; an incremental one (changedSince, see moysklad.config) updates
the goods that changed. A (store, good) pair MoySklad did not report stays unknown - never zero - and
rows with "storeId": null (reserve or in-transit of orders without a store) are kept apart and
reported, never added to any store.
Compare (use 1): per mapped product, the Evotor reconstruction beside MoySklad's figure; the owner
accepts differences into the review (as manual values by 'moysklad').
Stock of record (use 2): with the setting channels.stock_source = moysklad, other channels are sent
MoySklad's figures (``balances_of_record``) instead of the Evotor cloud's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlite_utils import Database

from stockdesk.context import AppContext
from stockdesk.core.quantity import QuantityError, from_api
from stockdesk.errors import QT_TRANSLATE_NOOP, UserError
from stockdesk.jobs import claims, review
from stockdesk.jobs.matching import MatchSummary, keep_secret, rematch, save_channel_items
from stockdesk.jobs.progress import Progress, ProgressCallback, ignore
from stockdesk.moysklad import config
from stockdesk.moysklad.client import STOCK_TYPES, MoySkladClient, issue_token
from stockdesk.moysklad.config import KEY_NAME
from stockdesk.store import utc_now
from stockdesk.timestamps import parse_utc

CHANNEL = "moysklad"
NO_STORE = ""  # moysklad_stock.ms_store_id of the report's "storeId": null rows


def moysklad_client(ctx: AppContext, token: str | None = None) -> MoySkladClient:
    token = token or ctx.secrets.get(KEY_NAME)
    if not token:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "No MoySklad token yet: connect MoySklad first."), code="no_token")
    return MoySkladClient(token, config.base_url(ctx))


# --- connect and settings -----------------------------------------------------------------------

@dataclass
class MsStore:
    id: str
    name: str
    store_id: str | None  # the Evotor store it counts for


@dataclass
class ConnectResult:
    stores: list[MsStore]
    token_storage: str  # keychain | session | env


async def connect_moysklad(ctx: AppContext, token: str | None = None, *, login: str | None = None,
                           password: str | None = None, confirm_revoke: bool = False,
                           session_only: bool = False) -> ConnectResult:
    """Verify a token (or get one with login and password), remember it and MoySklad's stores.

    Getting a token with the login and password revokes every token the user had, which stops other
    programs using one: that needs ``confirm_revoke=True`` (UserError 'confirm_revoke' otherwise).
    """
    if login is not None:
        if not confirm_revoke:
            raise UserError(QT_TRANSLATE_NOOP(
                "Errors", "Getting a MoySklad token with the login and password revokes every token this user "
                          "already has: other programs connected with one stop working. Confirm that, or paste "
                          "an existing token instead."), code="confirm_revoke")
        token = await issue_token(login, password or "", config.base_url(ctx))
    token = token or ctx.secrets.get(KEY_NAME)
    async with moysklad_client(ctx, token) as client:
        stores = await client.stores()
    storage = keep_secret(ctx, KEY_NAME, token or "", session_only=session_only)
    await ctx.worker.run(_save_stores, stores)
    ctx.db["accounts"].upsert({"id": CHANNEL, "system": CHANNEL, "user_id": None, "label": "MoySklad",
                               "connected_at": utc_now()}, pk="id")
    ctx.log_activity("connect", QT_TRANSLATE_NOOP("Activity", "MoySklad connected: %n store(s)"), n=len(stores))
    return ConnectResult(list_stores(ctx), storage)


def _save_stores(db: Database, stores: list[dict]) -> None:
    with db.atomic():
        for s in stores:
            if not isinstance(s.get("id"), str):
                continue
            row = {"id": s["id"], "name": s.get("name") or s["id"], "archived": int(bool(s.get("archived")))}
            if db["moysklad_stores"].count_where("id = ?", [s["id"]]):
                db["moysklad_stores"].update(s["id"], row)
            else:
                db["moysklad_stores"].insert({**row, "store_id": None})
        # One MoySklad store and one Evotor store: they are surely the same shop.
        evotor = [r[0] for r in db.execute("SELECT id FROM stores")]
        ours = [r[0] for r in db.execute("SELECT id FROM moysklad_stores WHERE archived = 0")]
        if len(evotor) == 1 and len(ours) == 1 and not db["moysklad_stores"].count_where("store_id IS NOT NULL"):
            db["moysklad_stores"].update(ours[0], {"store_id": evotor[0]})


def list_stores(ctx: AppContext) -> list[MsStore]:
    return [MsStore(r["id"], r["name"], r["store_id"]) for r in ctx.db["moysklad_stores"].rows_where(order_by="name")]


def map_store(ctx: AppContext, ms_store_id: str, store_id: str | None) -> None:
    """Count a MoySklad store for an Evotor store (several may count for one), or for none."""
    if not ctx.db["moysklad_stores"].count_where("id = ?", [ms_store_id]):
        raise UserError(QT_TRANSLATE_NOOP("Errors", "MoySklad has no store {store}: connect MoySklad again."),
                        code="unknown_store", store=ms_store_id)
    if store_id is not None and not ctx.db["stores"].count_where("id = ?", [store_id]):
        raise UserError(QT_TRANSLATE_NOOP("Errors", "There is no Evotor store {store}."), code="unknown_store",
                        store=store_id)
    ctx.db["moysklad_stores"].update(ms_store_id, {"store_id": store_id})
    if store_id is not None:
        rematch(ctx.db, CHANNEL, store_id)


def set_stock_type(ctx: AppContext, stock_type: str) -> None:
    """stock (physical), freeStock (stock minus reserve) or quantity (available incl. in transit)."""
    if stock_type not in STOCK_TYPES:
        raise ValueError(f"unknown stock type {stock_type!r}")
    ctx.set_setting(config.SETTING_STOCK_TYPE, stock_type)


def set_stock_source(ctx: AppContext, source: str) -> None:
    """What other channels are sent: the Evotor cloud's balances, or MoySklad's figures."""
    if source not in config.STOCK_SOURCES:
        raise ValueError(f"unknown stock source {source!r}")
    ctx.set_setting(config.SETTING_STOCK_SOURCE, source)
    ctx.log_activity("sync", QT_TRANSLATE_NOOP("Activity", "Stock of record for sales channels: {source}"), source=source)


def _setting(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def balances_of_record(db: Database, store_id: str) -> dict[str, tuple[int | None, str | None]]:
    """product_id -> (stock in thousandths or None if unknown, ISO moment the value was read) from the
    source the owner chose for sales channels. Products the source knows nothing about are absent."""
    if _setting(db, config.SETTING_STOCK_SOURCE) == "moysklad":
        sql = "SELECT product_id, qty, seen_at FROM moysklad_balances WHERE store_id = ?"
    else:
        # The cloud value is true as of when it was read, or as of StockDesk's own push that set it.
        sql = ("SELECT b.product_id, b.qty, MAX(p.fetched_at, COALESCE((SELECT MAX(i.updated_at) FROM push_items i"
               "   JOIN push_runs r ON r.id = i.run_id WHERE r.channel = 'evotor' AND i.status = 'ok'"
               "   AND i.store_id = b.store_id AND i.product_id = b.product_id), ''))"
               " FROM balances b JOIN products p ON p.store_id = b.store_id AND p.id = b.product_id"
               " WHERE b.store_id = ?")
    return {r[0]: (r[1], r[2]) for r in db.execute(sql, [store_id])}


# --- import --------------------------------------------------------------------------------------

@dataclass
class ImportResult:
    kind: str                       # full | incremental
    stock_type: str
    changed_since: str | None       # incremental: the window's start (Moscow time)
    items: int                      # goods in the catalog
    rows: int                       # report rows received
    unassigned: int                 # "storeId": null rows (not counted for any store)
    unknown: int                    # mapped products MoySklad gave no figure for
    matching: dict[str, MatchSummary] = field(default_factory=dict)  # per mapped Evotor store

    def to_json(self) -> dict:
        return {"kind": self.kind, "stock_type": self.stock_type, "changed_since": self.changed_since,
                "items": self.items, "rows": self.rows, "unassigned": self.unassigned, "unknown": self.unknown,
                "matching": {k: v.to_json() for k, v in self.matching.items()}}


def _item(row: dict) -> dict | None:
    if not isinstance(row.get("id"), str):
        return None
    kind = (row.get("meta") or {}).get("type")
    barcodes = [str(v) for b in row.get("barcodes") or [] if isinstance(b, dict) for v in b.values()]
    return {"target": row["id"], "name": row.get("name"), "article": row.get("article"), "code": row.get("code"),
            "barcodes": barcodes, "kind": kind}


def _stock_rows(rows: list[dict], stock_type: str, seen_at: str) -> list[dict]:
    out = []
    for r in rows:
        value = r.get(stock_type)
        if value is None or isinstance(value, bool):
            continue  # no figure (still being recalculated): unknown, not zero
        try:
            qty = from_api(value)
        except QuantityError:
            continue
        store = r.get("storeId")
        out.append({"ms_store_id": store if isinstance(store, str) else NO_STORE, "assortment_id": r["assortmentId"],
                    "qty": qty, "stock_type": stock_type, "seen_at": seen_at})
    return out


def _save_stock(db: Database, rows: list[dict], replace_all: bool) -> None:
    with db.atomic():
        if replace_all:
            db.execute("DELETE FROM moysklad_stock")
        db["moysklad_stock"].upsert_all(rows, pk=("ms_store_id", "assortment_id"))


def _mapped_stores(db: Database) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT DISTINCT store_id FROM moysklad_stores WHERE store_id IS NOT NULL AND store_id IN (SELECT id FROM stores)")]


def _unknown_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM moysklad_balances WHERE qty IS NULL").fetchone()[0]


async def import_moysklad(ctx: AppContext, *, full: bool = False, progress: ProgressCallback | None = None,
                          now: datetime | None = None) -> ImportResult:
    async with claims.hold(ctx, (claims.MOYSKLAD,), "moysklad_import"):
        return await _import(ctx, full, progress or ignore, now)


async def _import(ctx: AppContext, full: bool, progress: ProgressCallback, now: datetime | None) -> ImportResult:
    stock_type = config.stock_type(ctx)
    started = now or datetime.now(timezone.utc)
    since = None
    if not full and ctx.setting(config.SETTING_IMPORTED_TYPE) == stock_type:
        since = config.changed_since(started, parse_utc(ctx.setting(config.SETTING_LAST_FULL)),
                                     parse_utc(ctx.setting(config.SETTING_WINDOW_FROM)))
    seen_at = started.isoformat(timespec="seconds")
    async with moysklad_client(ctx) as client:
        refresh_catalog = since is None
        if since is None:
            progress(Progress("stores", 0, None))
            await ctx.worker.run(_save_stores, await client.stores())
        progress(Progress("stock", 0, None))
        report = await client.stock_by_store(stock_type, changed_since=since)
        known = {r[0] for r in ctx.db.execute("SELECT target FROM channel_items WHERE channel = ?", [CHANNEL])}
        refresh_catalog = refresh_catalog or any(r["assortmentId"] not in known for r in report)
        if refresh_catalog:
            progress(Progress("products", 0, None))
            items = [i for i in (_item(r) for r in await client.assortment()) if i]
            await ctx.worker.run(save_channel_items, CHANNEL, items)
    rows = _stock_rows(report, stock_type, seen_at)
    await ctx.worker.run(_save_stock, rows, since is None)
    matching = {}
    if refresh_catalog:
        for store_id in await ctx.worker.run(_mapped_stores):
            matching[store_id] = await ctx.worker.run(rematch, CHANNEL, store_id)
    if since is None:
        ctx.set_setting(config.SETTING_LAST_FULL, seen_at)
        ctx.set_setting(config.SETTING_IMPORTED_TYPE, stock_type)
    ctx.set_setting(config.SETTING_WINDOW_FROM, seen_at)
    items_count = ctx.db["channel_items"].count_where("channel = ?", [CHANNEL])
    result = ImportResult("incremental" if since else "full", stock_type, since, items_count, len(report),
                          sum(1 for r in rows if r["ms_store_id"] == NO_STORE), _unknown_count(ctx.db), matching)
    progress(Progress("stock", 1, 1, counts={"rows": result.rows, "unknown": result.unknown}))
    ctx.log_activity("sync", QT_TRANSLATE_NOOP("Activity", "MoySklad import ({kind}, {stock_type}): %n row(s), {unknown} mapped product(s) "
                                               "without a figure, {unassigned} without a store"), n=result.rows,
                     kind=result.kind, stock_type=stock_type, unknown=result.unknown, unassigned=result.unassigned)
    return result


# --- compare with the reconstruction (use 1) ---------------------------------------------------

@dataclass
class Difference:
    store_id: str
    product_id: str
    name: str
    measure_name: str | None
    evotor_value: int | None     # thousandths; None: the reconstruction has no value yet
    evotor_source: str           # documents | manual | cloud | unresolved
    moysklad_value: int          # thousandths


@dataclass
class Comparison:
    differences: list[Difference]
    same: int                    # products where both agree
    unknown: int                 # mapped products MoySklad has no figure for (not compared)


# The reconstruction's value per product (the owner's value first), beside MoySklad's figure.
_COMPARE_SQL = """
SELECT p.store_id, p.id, p.name, p.measure_name, mb.qty,
       CASE WHEN m.action = 'set' THEN m.value
            WHEN m.action = 'keep_cloud' THEN p.cloud_qty
            WHEN m.action IS NOT NULL THEN NULL
            WHEN r.status = 'resolved' THEN r.value
            WHEN r.status IS NULL THEN p.cloud_qty END,
       CASE WHEN m.action = 'set' THEN 'manual'
            WHEN m.action = 'keep_cloud' THEN 'cloud'
            WHEN m.action IS NOT NULL THEN m.action
            WHEN r.status = 'resolved' THEN 'documents'
            WHEN r.status IS NULL THEN 'cloud'
            ELSE 'unresolved' END
FROM moysklad_balances mb
JOIN products p ON p.store_id = mb.store_id AND p.id = mb.product_id
LEFT JOIN results r ON r.store_id = p.store_id AND r.product_id = p.id
LEFT JOIN owner_values m ON m.store_id = p.store_id AND m.product_id = p.id
WHERE p.is_service = 0 {where}
ORDER BY p.store_id, p.name
"""


def compare(ctx: AppContext, store_id: str | None = None) -> Comparison:
    where, args = ("AND p.store_id = ?", [store_id]) if store_id else ("", [])
    differences, same, unknown = [], 0, 0
    for sid, pid, name, unit, ms_value, ev_value, source in ctx.db.execute(_COMPARE_SQL.format(where=where), args):
        if ms_value is None:
            unknown += 1
        elif ms_value == ev_value:
            same += 1
        else:
            differences.append(Difference(sid, pid, name, unit, ev_value, source, ms_value))
    return Comparison(differences, same, unknown)


@dataclass
class AcceptResult:
    accepted: int
    failed: list[tuple[Difference, str]]


def accept(ctx: AppContext, selection: set[tuple[str, str]] | None = None) -> AcceptResult:
    """Take MoySklad's figure as the owner's value for the chosen (store_id, product_id) differences
    (all when ``selection`` is None). It lands in the review like a typed value, by 'moysklad'."""
    accepted, failed = 0, []
    for d in compare(ctx).differences:
        if selection is not None and (d.store_id, d.product_id) not in selection:
            continue
        try:
            review.set_manual(ctx, d.store_id, d.product_id, action="set", value_milli=d.moysklad_value, by="moysklad")
            accepted += 1
        except UserError as exc:  # e.g. a fractional figure for goods sold by the piece
            failed.append((d, exc.render()))
    if accepted:
        ctx.log_activity("review", QT_TRANSLATE_NOOP("Activity", "%n value(s) taken from MoySklad"), n=accepted)
    return AcceptResult(accepted, failed)
