"""Channel items ↔ Evotor products, kept in channel_map: automatic matching plus the owner's choices.

Matching runs again whenever the channel's catalog or the Evotor products change; the owner's
(manual) rows are never touched by it. Only rows with status auto or manual and a product are used
for stock; ambiguous and unmatched rows are shown to the owner and never sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from stockdesk.context import AppContext
from stockdesk.core.matching import (AMBIGUOUS, AUTO, MANUAL, UNMATCHED, ChannelItem, MatchResult, ProductKeys,
                                     match_items, yandex_item)
from stockdesk.errors import QT_TRANSLATE_NOOP, UserError
from stockdesk.jobs.progress import Progress, ProgressCallback, ignore
from stockdesk.store import utc_now

CHANNELS = ("yandex", "moysklad")
STATUSES = (AUTO, AMBIGUOUS, UNMATCHED, MANUAL)


@dataclass
class MatchSummary:
    auto: int = 0
    ambiguous: int = 0
    unmatched: int = 0
    manual: int = 0

    def to_json(self) -> dict[str, int]:
        return {"auto": self.auto, "ambiguous": self.ambiguous, "unmatched": self.unmatched, "manual": self.manual}


@dataclass
class MappingRow:
    channel: str
    store_id: str
    target: str
    item_name: str | None
    product_id: str | None
    product_name: str | None
    status: str
    matched_by: str | None
    candidates: list[str] = field(default_factory=list)


# --- channel catalogs (worker thread or UI thread: plain functions of the database) ----------------

def save_channel_items(db: Database, channel: str, items: list[dict], *, replace_all: bool = True) -> None:
    """Store a channel's catalog: dicts with target and optional name, article, code, barcodes, kind."""
    now = utc_now()
    rows = [{"channel": channel, "target": i["target"], "name": i.get("name"), "article": i.get("article"),
             "code": i.get("code"), "barcodes": json.dumps(list(i.get("barcodes") or []), ensure_ascii=False),
             "kind": i.get("kind"), "fetched_at": now} for i in items]
    with db.atomic():
        if replace_all:
            db.execute("DELETE FROM channel_items WHERE channel = ?", [channel])
        db["channel_items"].upsert_all(rows, pk=("channel", "target"))


def _channel_items(db: Database, channel: str) -> list[ChannelItem]:
    items = []
    for target, article, code, barcodes, kind in db.execute(
            "SELECT target, article, code, barcodes, kind FROM channel_items WHERE channel = ? ORDER BY target",
            [channel]):
        if kind == "service":
            continue  # services have no stock: never mapped
        if channel == "yandex":
            items.append(yandex_item(target))
        else:
            items.append(ChannelItem(target, article, code, tuple(json.loads(barcodes or "[]"))))
    return items


def _products(db: Database, store_id: str) -> list[ProductKeys]:
    return [ProductKeys(pid, article, code, tuple(json.loads(barcodes or "[]")), bool(service))
            for pid, article, code, barcodes, service in db.execute(
                "SELECT id, article_number, code, barcodes, is_service FROM products WHERE store_id = ?", [store_id])]


def rematch(db: Database, channel: str, store_id: str) -> MatchSummary:
    """Match every non-manual item of ``channel`` in ``store_id`` again; returns the counts."""
    manual = {r[0]: r[1] for r in db.execute(
        "SELECT target, product_id FROM channel_map WHERE channel = ? AND store_id = ? AND status = ?",
        [channel, store_id, MANUAL])}
    items = [i for i in _channel_items(db, channel) if i.target not in manual]
    results = match_items(_products(db, store_id), items, taken={p for p in manual.values() if p})
    now = utc_now()
    with db.atomic():
        db.execute("DELETE FROM channel_map WHERE channel = ? AND store_id = ? AND status != ?",
                   [channel, store_id, MANUAL])
        db["channel_map"].insert_all(_row(channel, store_id, r, now) for r in results)
    summary = MatchSummary(manual=len(manual))
    for r in results:
        setattr(summary, r.status, getattr(summary, r.status) + 1)
    return summary


def _row(channel: str, store_id: str, r: MatchResult, now: str) -> dict:
    return {"channel": channel, "store_id": store_id, "target": r.target, "product_id": r.product_id,
            "status": r.status, "matched_by": r.matched_by, "candidates": json.dumps(list(r.candidates)),
            "updated_at": now}


def mapped(db: Database, channel: str, store_id: str) -> list[tuple[str, str]]:
    """(target, product_id) pairs usable for stock: auto or manual, with a product, still in the catalog."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT m.target, m.product_id FROM channel_map m"
        " JOIN channel_items i ON i.channel = m.channel AND i.target = m.target"
        " WHERE m.channel = ? AND m.store_id = ? AND m.status IN (?, ?) AND m.product_id IS NOT NULL"
        " ORDER BY m.target", [channel, store_id, AUTO, MANUAL])]


# --- jobs and the owner's choices ----------------------------------------------------------------

async def run_matching(ctx: AppContext, channel: str, store_id: str,
                       progress: ProgressCallback | None = None) -> MatchSummary:
    (progress or ignore)(Progress("matching", 0, None, store_id))
    summary = await ctx.worker.run(rematch, _check_channel(channel), store_id)
    (progress or ignore)(Progress("matching", 1, 1, store_id, summary.to_json()))
    ctx.log_activity("sync", QT_TRANSLATE_NOOP("Activity", "{channel} matching: {auto} automatic, {manual} by the owner, "
                                               "{ambiguous} ambiguous, {unmatched} unmatched"),
                     channel=channel, auto=summary.auto, manual=summary.manual, ambiguous=summary.ambiguous,
                     unmatched=summary.unmatched)
    return summary


def _check_channel(channel: str) -> str:
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    return channel


def set_mapping(ctx: AppContext, channel: str, store_id: str, target: str, product_id: str | None,
                *, by: str = "owner") -> None:
    """The owner's choice for one item: a product, or None for "this item is none of my products".

    An automatic match of the same product by another item becomes ambiguous (never sent twice);
    another manual choice of the same product is refused.
    """
    db = ctx.db
    _check_channel(channel)
    if not db["channel_items"].count_where("channel = ? AND target = ?", [channel, target]):
        raise UserError(QT_TRANSLATE_NOOP("Errors", "“{target}” is not in the {channel} catalog: refresh it first."),
                        code="unknown_target", target=target, channel=channel)
    if product_id is not None:
        product = next(db["products"].rows_where("store_id = ? AND id = ?", [store_id, product_id]), None)
        if product is None:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "Product {product} is not in store {store}."),
                            code="unknown_product", product=product_id, store=store_id)
        if product["is_service"]:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "“{name}” is a service: services have no stock."),
                            code="service", name=product["name"])
        other = db.execute("SELECT target FROM channel_map WHERE channel = ? AND store_id = ? AND product_id = ?"
                           " AND status = ? AND target != ?", [channel, store_id, product_id, MANUAL, target]).fetchone()
        if other:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "“{name}” is already chosen for {other}: undo that first."),
                            code="product_taken", name=product["name"], other=other[0])
    now = utc_now()
    with db.atomic():
        if product_id is not None:
            db.execute("UPDATE channel_map SET status = ?, product_id = NULL, candidates = ?, updated_at = ?"
                       " WHERE channel = ? AND store_id = ? AND product_id = ? AND status = ?",
                       [AMBIGUOUS, json.dumps([product_id]), now, channel, store_id, product_id, AUTO])
        db["channel_map"].upsert({"channel": channel, "store_id": store_id, "target": target,
                                  "product_id": product_id, "status": MANUAL, "matched_by": by,
                                  "candidates": "[]", "updated_at": now}, pk=("channel", "store_id", "target"))
    ctx.log_activity("sync", QT_TRANSLATE_NOOP("Activity", "{channel} item {target} mapped to {product}"), channel=channel, target=target,
                     product=product_id or "—")


def clear_mapping(ctx: AppContext, channel: str, store_id: str, target: str) -> MatchSummary:
    """Undo the owner's choice for one item; automatic matching decides it again."""
    ctx.db.execute("DELETE FROM channel_map WHERE channel = ? AND store_id = ? AND target = ?",
                   [_check_channel(channel), store_id, target])
    return rematch(ctx.db, channel, store_id)


def mapping_rows(ctx: AppContext, channel: str, store_id: str, statuses: tuple[str, ...] = STATUSES) -> list[MappingRow]:
    marks = ",".join("?" * len(statuses))
    return [MappingRow(channel, store_id, r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "[]"))
            for r in ctx.db.execute(
                "SELECT m.target, i.name, m.product_id, p.name, m.status, m.matched_by, m.candidates"
                " FROM channel_map m"
                " LEFT JOIN channel_items i ON i.channel = m.channel AND i.target = m.target"
                " LEFT JOIN products p ON p.store_id = m.store_id AND p.id = m.product_id"
                f" WHERE m.channel = ? AND m.store_id = ? AND m.status IN ({marks})"
                " ORDER BY m.status, m.target", [channel, store_id, *statuses])]


def summary(ctx: AppContext, channel: str, store_id: str) -> MatchSummary:
    result = MatchSummary()
    for status, n in ctx.db.execute("SELECT status, COUNT(*) FROM channel_map WHERE channel = ? AND store_id = ?"
                                    " GROUP BY status", [channel, store_id]):
        setattr(result, status, n)
    return result


# --- shared by the channel jobs ----------------------------------------------------------------

def keep_secret(ctx: AppContext, name: str, value: str, *, session_only: bool = False) -> str:
    """Keep a verified channel token: 'keychain', 'session' (this run only) or 'env' (given by the
    environment, never stored). Raises UserError('no_keychain') when there is no keychain and
    session_only is False, so the caller can ask whether to keep it for this run only."""
    if ctx.secrets.source(name) == "env" and ctx.secrets.get(name) == value.strip():
        return "env"
    if not session_only and not ctx.secrets.keychain_available():
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors", "This computer has no password keychain, so the token cannot be saved. "
                      "It can be kept for this run only."), code="no_keychain")
    return ctx.secrets.set(name, value, session_only=session_only)
