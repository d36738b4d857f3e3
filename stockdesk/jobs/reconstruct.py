"""The Evotor stock reconstruction: products, then documents newest to oldest, then results.

Every page of documents is saved together with its window's cursor, so a cancelled or killed run
resumes where it stopped and re-downloads nothing it already has. A run over a finished scan reads
only what arrived since (with an overlap for terminals that were offline).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import asdict, dataclass, field

from sqlite_utils import Database

from stockdesk.context import AppContext
from stockdesk.core.documents import INVENTORY, NON_MOVING, STOCK_SIGN
from stockdesk.core.scan import STOP_STORE_CREATED, ScanTracker, boundary, month_windows, stop_boundary
from stockdesk.errors import QT_TRANSLATE_NOOP, UserError
from stockdesk.evotor import EvotorClient, EvotorError
from stockdesk.jobs import claims
from stockdesk.jobs.connect import evotor_client
from stockdesk.jobs.progress import Progress, ProgressCallback, ignore
from stockdesk.store import utc_now
from stockdesk.store.evotor_state import (PageRows, compute_results, documents_by_type, extract_raw_page,
                                          known_facts, save_page, save_products, stock_products)

WINDOWS_IN_FLIGHT = 4
# Offline terminals upload late: a repeat run re-reads this much before the previous end.
INCREMENTAL_OVERLAP_MS = 3 * 24 * 3600 * 1000
# Evotor's cloud did not exist before this; a store of unknown age is read back to here at most.
EARLIEST_MS = 1451606400000  # 2016-01-01
STOP_INCREMENTAL = "incremental"
KNOWN_TYPES = frozenset(STOCK_SIGN) | NON_MOVING | {INVENTORY}


@dataclass
class StoreSummary:
    store_id: str
    name: str
    products: int
    resolved: int
    unresolved: int
    documents_read: int
    history_from_ms: int | None
    stop_reason: str | None
    unknown_types: dict[str, int] = field(default_factory=dict)
    mismatched_products: int = 0
    learned: dict[str, str | None] = field(default_factory=dict)


@dataclass
class ReconstructSummary:
    stores: list[StoreSummary]

    def to_json(self) -> dict:
        return {"stores": [asdict(s) for s in self.stores]}


def _now_ms() -> int:
    return int(time.time() * 1000)


# --- scan bookkeeping (worker thread) ----------------------------------------------------------

def _open_scan(db: Database, store_id: str, now_ms: int) -> dict:
    """The scan to continue, or a new one: full the first time, incremental after a finished one."""
    scan = next(db["scans"].rows_where("store_id = ?", [store_id]), None)
    if scan and scan["status"] == "running":
        return scan
    floor_ms = None
    if scan:  # finished before: read what arrived since; results keep the first scan's floor
        kind, from_ms, floor_ms = "incremental", scan["until_ms"] - INCREMENTAL_OVERLAP_MS, scan["floor_ms"]
    else:
        created = db.execute("SELECT created_ms FROM stores WHERE id = ?", [store_id]).fetchone()
        kind, from_ms = "full", (created[0] if created and created[0] else EARLIEST_MS)
    from_ms = min(from_ms, now_ms - 1)
    scan = {"store_id": store_id, "status": "running", "started_at": utc_now(), "finished_at": None,
            "until_ms": now_ms, "from_ms": from_ms, "boundary_ms": None, "floor_ms": floor_ms,
            "stop_reason": None, "kind": kind, "products_fetched": 0}
    with db.atomic():
        db["scans"].upsert(scan, pk="store_id")
        db.execute("DELETE FROM scan_windows WHERE store_id = ?", [store_id])
        db.execute("DELETE FROM window_types WHERE store_id = ?", [store_id])
        db["scan_windows"].insert_all({"store_id": store_id, "since_ms": since, "until_ms": until}
                                      for since, until in month_windows(from_ms, now_ms))
    return scan


def _windows(db: Database, store_id: str) -> list[dict]:
    return list(db["scan_windows"].rows_where("store_id = ?", [store_id], order_by="since_ms DESC"))


def _save_products(db: Database, store_id: str, products: list[dict]) -> None:
    save_products(db, store_id, products)
    db["scans"].update(store_id, {"products_fetched": 1})


def _record_stop(db: Database, store_id: str, reason: str, boundary_ms: int | None, floor_ms: int | None) -> None:
    changes = {"stop_reason": reason, "boundary_ms": boundary_ms}
    if floor_ms is not None:
        changes["floor_ms"] = floor_ms
    db["scans"].update(store_id, changes)


def _finish(db: Database, store_id: str, counts: dict) -> StoreSummary:
    db["scans"].update(store_id, {"status": "done", "finished_at": utc_now()})
    scan = db["scans"].get(store_id)
    name = db.execute("SELECT name FROM stores WHERE id = ?", [store_id]).fetchone()
    types = documents_by_type(db, store_id)
    return StoreSummary(
        store_id=store_id, name=name[0] if name else store_id, products=counts["products"],
        resolved=counts["resolved"], unresolved=counts["unresolved"], documents_read=sum(types.values()),
        history_from_ms=scan["boundary_ms"], stop_reason=scan["stop_reason"],
        unknown_types={t: n for t, n in types.items() if t not in KNOWN_TYPES},
        mismatched_products=counts["mismatched_products"], learned=counts["learned"])


def unfinished_scan(ctx: AppContext) -> bool:
    """A reconstruction was interrupted and can be resumed."""
    return bool(ctx.db["scans"].count_where("status = 'running'"))


# --- the job -------------------------------------------------------------------------------------

async def reconstruct(ctx: AppContext, store_ids: list[str] | None = None,
                      progress: ProgressCallback | None = None) -> ReconstructSummary:
    """Reconstruct the stock of the given (default: selected) stores. Cancel to stop; call again to resume."""
    progress = progress or ignore
    ids = store_ids or [r[0] for r in ctx.db.execute("SELECT id FROM stores WHERE selected = 1 ORDER BY name")]
    if not ids:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "No store is selected: connect Evotor and choose the stores first."),
                        code="no_stores")
    known = {r[0] for r in ctx.db.execute("SELECT id FROM stores")}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Unknown store {store}: run “evotor connect” to refresh the list of stores."),
                        code="unknown_store", store=unknown[0])
    summaries = []
    async with claims.hold(ctx, (claims.EVOTOR,), "reconstruct"), evotor_client(ctx) as client:
        for store_id in ids:
            summaries.append(await _reconstruct_store(ctx, client, store_id, progress))
    for s in summaries:
        ctx.log_activity("reconstruct", QT_TRANSLATE_NOOP("Activity", "{store}: {resolved} of %n product(s) resolved, {unresolved} need review, "
                                                            "{documents} documents read"),
                         n=s.products, store=s.name, resolved=s.resolved, unresolved=s.unresolved,
                         documents=s.documents_read)
    return ReconstructSummary(summaries)


async def _reconstruct_store(ctx: AppContext, client: EvotorClient, store_id: str, progress: ProgressCallback) -> StoreSummary:
    worker = ctx.worker
    scan = await worker.run(_open_scan, store_id, _now_ms())
    if not scan["products_fetched"]:
        progress(Progress("products", 0, None, store_id))
        products = await client.products(store_id)
        await worker.run(_save_products, store_id, products)
    progress(Progress("products", 1, 1, store_id))
    if scan["stop_reason"] is None:
        await _read_documents(ctx, client, store_id, scan["kind"] == "full", progress)

    progress(Progress("computing", 0, None, store_id))
    counts = await ctx.db_process().run(compute_results, store_id)
    progress(Progress("computing", 1, 1, store_id))
    return await worker.run(_finish, store_id, counts)


async def _read_documents(ctx: AppContext, client: EvotorClient, store_id: str, full: bool,
                          progress: ProgressCallback) -> None:
    worker, process = ctx.worker, ctx.db_process()
    tracker = ScanTracker(await worker.run(stock_products, store_id))
    facts = await worker.run(known_facts, store_id)
    for product_id, close_ms in facts.newest.items():
        tracker.see_movement(product_id, close_ms)
    for close_ms in facts.complete_inventories:
        tracker.see_complete_inventory(close_ms)
    windows = await worker.run(_windows, store_id)
    documents_read = facts.documents

    def current_boundary() -> int | None:
        return boundary((w["since_ms"], bool(w["done"])) for w in windows)

    def report(window: dict | None) -> None:
        b = current_boundary()
        settled = tracker.settled(b) if b is not None else 0
        progress(Progress(
            "documents", sum(w["done"] for w in windows), len(windows), store_id,
            {"documents_read": documents_read, "resolved": settled, "left": len(tracker.product_created) - settled},
            (window["since_ms"], window["until_ms"]) if window else None))

    async def read_window(window: dict) -> None:
        nonlocal documents_read
        cursor = window["cursor"]
        while True:
            try:
                async def decode(body: bytes, since: int = window["since_ms"]) -> tuple[PageRows, str | None]:
                    rows = await process.compute(extract_raw_page, store_id, since, body)  # on the other core
                    return rows, rows.next_cursor

                async for page in client.document_pages(store_id, since_ms=window["since_ms"],
                                                        until_ms=window["until_ms"], cursor=cursor, decode=decode):
                    page_facts = await worker.run(save_page, store_id, window["since_ms"], page.items)
                    for product_id, close_ms in page_facts.newest.items():
                        tracker.see_movement(product_id, close_ms)
                    for close_ms in page_facts.complete_inventories:
                        tracker.see_complete_inventory(close_ms)
                    documents_read += page_facts.documents
                    window["cursor"] = page.next_cursor
                    report(window)
                window["done"] = 1
                return
            except EvotorError as exc:
                if cursor is None or exc.code != "bad_request":
                    raise
                cursor = None  # a saved cursor the cloud no longer accepts: read the window again

    queue = deque(w for w in windows if not w["done"])
    tasks: dict[asyncio.Task, dict] = {}
    reason = None
    report(None)
    try:
        while queue or tasks:
            while queue and len(tasks) < WINDOWS_IN_FLIGHT:
                window = queue.popleft()
                tasks[asyncio.create_task(read_window(window))] = window
            finished, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in finished:
                tasks.pop(task)
                task.result()
            report(None)
            reason = tracker.stop_reason(current_boundary()) if full else None
            if reason:
                break
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    windows_done = [(w["since_ms"], bool(w["done"])) for w in windows]
    floor = None
    if full:
        # Results use history back to where the stop rule first holds, however the run went
        # (a run that read back to the store's creation uses all of it).
        floor = stop_boundary(tracker, windows_done) if reason else 0
    await worker.run(_record_stop, store_id, reason or (STOP_STORE_CREATED if full else STOP_INCREMENTAL),
                     current_boundary(), floor)
