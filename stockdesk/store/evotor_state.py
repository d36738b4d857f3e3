"""Evotor stores, products, documents and reconstruction results in SQLite.

Functions take the sqlite-utils Database first; the heavy ones run on the DbWorker thread.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterator

import orjson
from sqlite_utils import Database

from stockdesk.core import reconstruct as rules
from stockdesk.core.documents import Movement, parse_document, parse_time_ms
from stockdesk.core.quantity import from_api
from stockdesk.evotor.paging import envelope
from stockdesk.store.db import utc_now


def created_ms_of(obj: dict) -> int | None:
    """Creation time from created_at, else the store id's date prefix (an observed convention)."""
    text = obj.get("created_at")
    if text:
        try:
            return parse_time_ms(text)
        except ValueError:
            pass
    prefix = str(obj.get("id", ""))[:8]
    if prefix.isdigit():
        try:
            return parse_time_ms(f"{prefix[:4]}-{prefix[4:6]}-{prefix[6:8]}T00:00:00+00:00")
        except ValueError:
            return None
    return None


def save_stores(db: Database, stores: list[dict]) -> None:
    with db.atomic():
        for s in stores:
            row = {"id": s["id"], "name": s.get("name") or s["id"], "address": s.get("address"),
                   "created_ms": created_ms_of(s)}
            if db["stores"].count_where("id = ?", [s["id"]]):
                db["stores"].update(s["id"], row)
            else:
                db["stores"].insert({**row, "selected": 1})


def product_row(store_id: str, p: dict, fetched_at: str) -> dict:
    is_service = p.get("type") == "SERVICE"
    quantity = p.get("quantity")
    return {
        "store_id": store_id, "id": p["id"], "name": p.get("name") or p["id"],
        "parent_id": p.get("parent_id"), "type": p.get("type"), "measure_name": p.get("measure_name"),
        "article_number": p.get("article_number"), "code": p.get("code"),
        "barcodes": json.dumps(p.get("barcodes") or [], ensure_ascii=False), "price": p.get("price"),
        "is_service": int(is_service),
        "cloud_qty": None if is_service or quantity is None else from_api(quantity),
        "created_ms": created_ms_of({"created_at": p.get("created_at")}),
        "updated_at": p.get("updated_at"), "fetched_at": fetched_at,
    }


def save_products(db: Database, store_id: str, products: list[dict], *, replace_all: bool = True) -> None:
    """Store the cloud's product list. replace_all: the list is complete, forget products not in it."""
    now = utc_now()
    with db.atomic():
        if replace_all:
            db.execute("DELETE FROM products WHERE store_id = ?", [store_id])
        db["products"].upsert_all((product_row(store_id, p, now) for p in products), pk=("store_id", "id"))


def stock_products(db: Database, store_id: str) -> dict[str, int | None]:
    """Products that hold stock, with their creation time."""
    return {r[0]: r[1] for r in db.execute(
        "SELECT id, created_ms FROM products WHERE store_id = ? AND is_service = 0", [store_id])}


# --- reading documents ------------------------------------------------------------------------

@dataclass
class PageFacts:
    """What one page taught the scan: for the stop rule and the progress counts."""

    documents: int = 0
    newest: dict[str, int] = field(default_factory=dict)  # product -> newest close_ms on the page
    complete_inventories: list[int] = field(default_factory=list)


_MOVEMENT_SQL = (
    "INSERT INTO movements (store_id, product_id, close_ms, doc_id, doc_type, device_id, number,"
    " s0, q, after, klass, window_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)


@dataclass
class PageRows:
    """One page of documents turned into rows, ready to save (made in the database process)."""

    documents: dict[int, list[tuple]]  # document key -> its movement rows
    inventories: list[tuple]
    types: dict[str, int]
    facts: PageFacts
    next_cursor: str | None


def document_key(store_id: str, doc_id: str) -> int:
    """A 64-bit key for a document (collisions: ~1e-9 for a million documents)."""
    digest = hashlib.blake2b(f"{store_id}/{doc_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def extract_page(store_id: str, window_since: int, items: list[dict], next_cursor: str | None) -> PageRows:
    facts = PageFacts(documents=len(items))
    types: Counter = Counter()
    inventories, documents = [], {}
    for raw in items:
        doc = parse_document(raw)
        types[doc.type] += 1
        if doc.complete_inventory is not None:
            inventories.append((store_id, doc.id, doc.close_ms, int(doc.complete_inventory), window_since))
            if doc.complete_inventory:
                facts.complete_inventories.append(doc.close_ms)
        documents[document_key(store_id, doc.id)] = [
            (store_id, m.product_id, m.close_ms, m.doc_id, m.doc_type, m.device_id, m.number, m.s0, m.q,
             m.after, m.klass, window_since) for m in doc.movements]
        for m in doc.movements:
            if m.close_ms > facts.newest.get(m.product_id, -1):
                facts.newest[m.product_id] = m.close_ms
    return PageRows(documents, inventories, dict(types), facts, next_cursor)


def extract_raw_page(store_id: str, window_since: int, body: bytes) -> PageRows:
    """Rows from a page body as the API sent it; ValueError if it is cut or malformed (then re-read)."""
    items, next_cursor = envelope(orjson.loads(body))
    return extract_page(store_id, window_since, items, next_cursor)


def save_page(db: Database, store_id: str, window_since: int, rows: PageRows) -> PageFacts:
    """Save one page and the window's checkpoint in one transaction.

    Documents already saved (a repeat run's overlap, a window read again) are skipped.
    """
    keys = list(rows.documents)
    with db.conn:
        seen = {r[0] for r in db.conn.execute(
            f"SELECT key FROM seen_documents WHERE key IN ({','.join('?' * len(keys))})", keys)} if keys else set()
        db.conn.executemany("INSERT INTO seen_documents VALUES (?)", [(k,) for k in keys if k not in seen])
        db.conn.executemany(_MOVEMENT_SQL, (m for k in keys if k not in seen for m in rows.documents[k]))
        db.conn.executemany("INSERT OR REPLACE INTO inventories VALUES (?,?,?,?,?)", rows.inventories)
        db.conn.executemany(
            "INSERT INTO window_types VALUES (?,?,?,?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
            [(store_id, window_since, t, n) for t, n in rows.types.items()])
        db.conn.execute(
            "UPDATE scan_windows SET cursor = ?, pages = pages + 1, documents = documents + ?, done = ?"
            " WHERE store_id = ? AND since_ms = ?",
            [rows.next_cursor, rows.facts.documents, int(rows.next_cursor is None), store_id, window_since])
    return rows.facts


def complete_inventories(db: Database, store_id: str, floor_ms: int = 0) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in db.execute(
        "SELECT doc_id, close_ms FROM inventories WHERE store_id = ? AND complete = 1 AND window_ms >= ?"
        " ORDER BY close_ms", [store_id, floor_ms])]


def known_facts(db: Database, store_id: str) -> PageFacts:
    """What the documents already saved say (to resume a scan)."""
    facts = PageFacts()
    facts.newest = {r[0]: r[1] for r in db.execute(
        "SELECT product_id, MAX(close_ms) FROM movements WHERE store_id = ? GROUP BY product_id", [store_id])}
    facts.complete_inventories = [close_ms for _, close_ms in complete_inventories(db, store_id)]
    facts.documents = db.execute("SELECT COALESCE(SUM(documents), 0) FROM scan_windows WHERE store_id = ?",
                                 [store_id]).fetchone()[0]
    return facts


def documents_by_type(db: Database, store_id: str) -> dict[str, int]:
    """Documents read by the store's current scan, by type."""
    return dict(db.execute("SELECT type, SUM(n) FROM window_types WHERE store_id = ? GROUP BY type", [store_id]).fetchall())


# --- computing results ------------------------------------------------------------------------

_SEQUENCE_SQL = ("SELECT product_id, doc_id, doc_type, close_ms, device_id, number, s0, q, after, klass"
                 " FROM movements WHERE store_id = ? AND window_ms >= ? {where}"
                 " ORDER BY product_id, close_ms, device_id, number, doc_id")


def _product_sequences(db: Database, store_id: str, floor_ms: int, where: str = "",
                       args: tuple = ()) -> Iterator[tuple[str, list[Movement]]]:
    rows = db.execute(_SEQUENCE_SQL.format(where=where), [store_id, floor_ms, *args])
    for product_id, group in itertools.groupby(rows, key=lambda r: r[0]):
        yield product_id, [Movement(*r) for r in group]


def compute_results(db: Database, store_id: str, on_progress: Callable[[int, int], None] | None = None) -> dict:
    """Work out every stock product's result from the saved movements; replaces the store's results."""
    products = stock_products(db, store_id)
    row = db.execute("SELECT floor_ms FROM scans WHERE store_id = ?", [store_id]).fetchone()
    floor_ms = (row and row[0]) or 0
    inventories = complete_inventories(db, store_id, floor_ms)

    def sequences(where: str = "", args: tuple = ()) -> Iterator[tuple[str, list[Movement]]]:
        seen = set()
        for product_id, moves in _product_sequences(db, store_id, floor_ms, where, args):
            if product_id in products:  # documents may name products deleted since
                seen.add(product_id)
                yield product_id, rules.with_complete_inventories(moves, product_id, products[product_id], inventories)
        if not where:
            for product_id in products.keys() - seen:
                yield product_id, rules.with_complete_inventories([], product_id, products[product_id], inventories)

    # Only histories with an uncertain receipt can teach anything.
    uncertain = ("AND product_id IN (SELECT product_id FROM movements WHERE store_id = ? AND klass != '')",
                 (store_id,))  # (the outer query's window filter applies to the sequences)
    found = rules.evidence_total(seq for _, seq in sequences(*uncertain))
    verdicts = rules.learn(found)
    now = utc_now()
    rows = []
    total = len(products)
    for done, (product_id, seq) in enumerate(sequences(), 1):
        o = rules.outcome(seq, verdicts)
        src = o.source
        rows.append({
            "store_id": store_id, "product_id": product_id, "status": o.status, "value": o.value,
            "reason": o.reason, "rule": o.rule, "doc_id": src and src.doc_id, "doc_type": src and src.doc_type,
            "doc_number": src and src.number, "doc_close_ms": src and src.close_ms, "s0": src and src.s0,
            "q": src and src.q, "after": src and src.after, "klass": (src and src.klass) or None, "mismatches": o.mismatches,
            "mismatch_detail": json.dumps(o.mismatch_detail) if o.mismatch_detail else None, "computed_at": now,
        })
        if on_progress and (done % 500 == 0 or done == total):
            on_progress(done, total)
    with db.atomic():
        db.execute("DELETE FROM results WHERE store_id = ?", [store_id])
        db["results"].insert_all(rows, batch_size=1000)
        db.execute("DELETE FROM learned WHERE store_id = ?", [store_id])
        klasses = {k for k, _ in found}
        db["learned"].insert_all([
            {"store_id": store_id, "klass": k, "moves": found[(k, rules.MOVES)], "stays": found[(k, rules.STAYS)],
             "verdict": verdicts.get(k)} for k in sorted(klasses)])
    resolved = sum(1 for r in rows if r["status"] == rules.RESOLVED)
    return {"products": total, "resolved": resolved, "unresolved": total - resolved,
            "mismatched_products": sum(1 for r in rows if r["mismatches"]),
            "learned": {k: verdicts.get(k) for k in klasses}}
