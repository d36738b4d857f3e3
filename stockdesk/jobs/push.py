"""Sending balances to the Evotor cloud: a plan, then one PATCH per changed product, logged per item.

Only what the owner confirmed is sent. The run is written to push_items before the first request,
and each result as it arrives. A push interrupted at any point is finished by the next confirmed
push: it reads the cloud again and re-plans, so an item sent just before the crash is not sent
again, and the rest go at the owner's values of now. PATCH sets an absolute value, so an item whose
answer was lost lands the same if sent twice. The account is claimed (jobs.claims) for the whole
push: another push, a reconstruction or a sync on the same data waits its turn.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from sqlite_utils import Database

from stockdesk.context import AppContext
from stockdesk.errors import QT_TRANSLATE_NOOP
from stockdesk.evotor import EvotorClient, EvotorError
from stockdesk.jobs import claims
from stockdesk.jobs.connect import evotor_client
from stockdesk.jobs.progress import Progress, ProgressCallback, ignore
from stockdesk.store import utc_now
from stockdesk.store.evotor_state import save_products

CHANNEL = "evotor"
# Errors that concern one product only; any other error stops the push (it resumes later).
ITEM_ERRORS = frozenset({"bad_request", "not_found", "quantity_too_large"})


@dataclass
class PushItem:
    store_id: str
    product_id: str
    name: str
    old_value: int | None
    new_value: int
    source: str  # documents | manual


@dataclass
class Interrupted:
    """A push that stopped before it finished (killed, cancelled, or failed on the account)."""
    run_id: int
    started_at: str
    planned: int   # items it set out to send
    sent: int      # of which sent, by it and the pushes it continued


@dataclass
class PushPlan:
    items: list[PushItem]
    unchanged: int   # already right in the cloud
    unresolved: int  # no value yet: not pushed until the owner gives one
    interrupted: Interrupted | None = None  # the push this one finishes (its items are in ``items`` as today)


@dataclass
class PushResult:
    run_id: int | None
    ok: int                          # sent by this run
    failed: list[tuple[PushItem, str]]
    ok_total: int = 0                # sent by the whole push: this run and the interrupted ones it finished
    # Confirmed, but not sent: at send time the cloud held the value already, or the owner withdrew it.
    skipped: list[tuple[str, str]] = field(default_factory=list)


# What each product should be: the owner's value in force first, then the reconstruction; with the
# cloud balance StockDesk last knew to be right (see core.keep_in_step).
_TARGETS_SQL = """
SELECT p.store_id, p.id, p.name, p.cloud_qty,
       CASE WHEN m.action = 'set' THEN m.value
            WHEN m.action IS NOT NULL THEN NULL
            WHEN r.status = 'resolved' THEN r.value END AS target,
       CASE WHEN m.action = 'set' THEN 'manual'
            WHEN m.action IS NOT NULL THEN m.action
            WHEN r.status = 'resolved' THEN 'documents'
            ELSE 'unresolved' END AS source,
       k.qty, k.at, p.updated_at
FROM products p
JOIN stores s ON s.id = p.store_id
LEFT JOIN results r ON r.store_id = p.store_id AND r.product_id = p.id
LEFT JOIN owner_values m ON m.store_id = p.store_id AND m.product_id = p.id
LEFT JOIN cloud_known k ON k.store_id = p.store_id AND k.product_id = p.id
WHERE p.is_service = 0 AND {where}
ORDER BY p.store_id, p.name
"""


@dataclass
class Target:
    store_id: str
    product_id: str
    name: str
    cloud: int | None
    target: int | None
    source: str                  # documents | manual | keep_cloud | skip | unresolved
    known: int | None            # the cloud balance StockDesk last knew to be right ...
    known_at: str | None         # ... and when (None: it never knew one)
    cloud_updated_at: str | None


def targets(db: Database, store_ids: list[str] | None) -> list[Target]:
    where, args = _store_filter(store_ids)
    return [Target(*row) for row in db.execute(_TARGETS_SQL.format(where=where), args)]


def _store_filter(store_ids: list[str] | None) -> tuple[str, list]:
    if store_ids:
        return f"p.store_id IN ({','.join('?' * len(store_ids))})", list(store_ids)
    return "s.selected = 1", []


def _plan(db: Database, store_ids: list[str] | None) -> PushPlan:
    items, unchanged, unresolved = [], 0, 0
    for t in targets(db, store_ids):
        if t.source == "unresolved":
            unresolved += 1
        elif t.target is None:
            continue  # the owner chose to keep the cloud's value or to skip
        elif t.target == t.cloud:
            unchanged += 1
        else:
            items.append(PushItem(t.store_id, t.product_id, t.name, t.cloud, t.target, t.source))
    return PushPlan(items, unchanged, unresolved, _interrupted(db))


async def _refresh_cloud(ctx: AppContext, client: EvotorClient, store_ids: list[str]) -> None:
    for store_id in store_ids:
        await ctx.worker.run(save_products, store_id, await client.products(store_id))


def _selected(ctx: AppContext, store_ids: list[str] | None) -> list[str]:
    return store_ids or [r[0] for r in ctx.db.execute("SELECT id FROM stores WHERE selected = 1")]


async def plan_push(ctx: AppContext, store_ids: list[str] | None = None, *, refresh: bool = True) -> PushPlan:
    """What a push would change, against the cloud's current values (read again unless refresh=False).

    Writes nothing to the cloud, also when a push was interrupted: then the plan is what finishing it
    would send today (its items at the owner's current values; items sent before it stopped, and items
    withdrawn since, are not in it)."""
    if refresh:
        async with claims.hold(ctx, (claims.EVOTOR,), "push"), evotor_client(ctx) as client:
            await _refresh_cloud(ctx, client, _selected(ctx, store_ids))
    return await ctx.worker.run(_plan, store_ids)


# --- the push log (worker thread) ----------------------------------------------------------------

def _unfinished_run(db: Database) -> int | None:
    row = db.execute("SELECT id FROM push_runs WHERE channel = ? AND status = 'running' ORDER BY id DESC LIMIT 1",
                     [CHANNEL]).fetchone()
    return row[0] if row else None


# A pending item the cloud holds already: its request landed, but the answer was lost with the run.
_LANDED = ("i.status = 'pending' AND i.new_value = (SELECT p.cloud_qty FROM products p"
           " WHERE p.store_id = i.store_id AND p.id = i.product_id)")

# The runs a push is made of: this one and the interrupted ones it continued.
_CHAIN = """WITH RECURSIVE chain(id) AS (SELECT ? UNION ALL
            SELECT r.continues FROM push_runs r JOIN chain c ON r.id = c.id WHERE r.continues IS NOT NULL)"""


def _sent_in_chain(db: Database, run_id: int) -> int:
    return db.execute(f"{_CHAIN} SELECT COUNT(*) FROM push_items WHERE status = 'ok' AND run_id IN chain",
                      [run_id]).fetchone()[0]


def _interrupted(db: Database) -> Interrupted | None:
    run_id = _unfinished_run(db)
    if run_id is None:
        return None
    started, planned = db.execute("SELECT r.started_at, (SELECT COUNT(*) FROM push_items i WHERE i.run_id = r.id)"
                                  " FROM push_runs r WHERE r.id = ?", [run_id]).fetchone()
    landed = db.execute(f"SELECT COUNT(*) FROM push_items i WHERE i.run_id = ? AND {_LANDED}", [run_id]).fetchone()[0]
    return Interrupted(run_id, started, planned, _sent_in_chain(db, run_id) + landed)


def _start_run(db: Database, confirmed: list[PushItem]) -> tuple[int | None, list[tuple[str, str]]]:
    """The run for a confirmed plan, re-planned against the cloud and the owner's values of now:
    (run id or None when nothing is left to send, the items skipped). An interrupted push ends here;
    the new run continues it, so its items pending today are sent at today's values, once."""
    now_targets = {(t.store_id, t.product_id): t for t in targets(db, sorted({i.store_id for i in confirmed}))}
    items, skipped = [], []
    for i in confirmed:
        t = now_targets.get((i.store_id, i.product_id))
        if t is not None and t.target is not None and t.target != t.cloud:
            items.append(PushItem(t.store_id, t.product_id, t.name, t.cloud, t.target, t.source))
        else:
            skipped.append((i.store_id, i.product_id))
    now = utc_now()
    with db.atomic():
        continues = _unfinished_run(db)
        if continues is not None:
            db.execute("UPDATE push_runs SET status = 'interrupted', finished_at = ? WHERE id = ?", [now, continues])
            db.execute(f"UPDATE push_items AS i SET status = 'ok', updated_at = ? WHERE i.run_id = ? AND {_LANDED}",
                       [now, continues])
            db.execute("UPDATE push_items SET status = 'superseded', updated_at = ? WHERE run_id = ?"
                       " AND status = 'pending'", [now, continues])
        if not items:
            return None, skipped
        run_id = db["push_runs"].insert({"channel": CHANNEL, "status": "running", "started_at": now,
                                         "continues": continues}).last_pk
        db["push_items"].insert_all({"run_id": run_id, "store_id": i.store_id, "product_id": i.product_id,
                                     "old_value": i.old_value, "new_value": i.new_value, "status": "pending",
                                     "updated_at": now} for i in items)
    return run_id, skipped


def _pending(db: Database, run_id: int) -> list[PushItem]:
    return [PushItem(r[0], r[1], r[2] or r[1], r[3], r[4], "")
            for r in db.execute(
                "SELECT i.store_id, i.product_id, p.name, i.old_value, i.new_value FROM push_items i"
                " LEFT JOIN products p ON p.store_id = i.store_id AND p.id = i.product_id"
                " WHERE i.run_id = ? AND i.status = 'pending' ORDER BY i.store_id, p.name", [run_id])]


def _record(db: Database, run_id: int, item: PushItem, error: str | None) -> None:
    with db.atomic():
        db.execute("UPDATE push_items SET status = ?, error = ?, attempts = attempts + 1, updated_at = ?"
                   " WHERE run_id = ? AND store_id = ? AND product_id = ?",
                   ["failed" if error else "ok", error, utc_now(), run_id, item.store_id, item.product_id])
        if not error:
            db.execute("UPDATE products SET cloud_qty = ?, fetched_at = ? WHERE store_id = ? AND id = ?",
                       [item.new_value, utc_now(), item.store_id, item.product_id])
            db["cloud_known"].upsert({"store_id": item.store_id, "product_id": item.product_id,
                                      "qty": item.new_value, "at": utc_now()}, pk=("store_id", "product_id"))


def remember_cloud(db: Database, store_ids: list[str], run_id: int | None = None) -> None:
    """After a push or a sync, the cloud balances just read or written are the ones StockDesk knows to
    be right; an item that failed in ``run_id`` keeps what was known before."""
    if not store_ids:
        return
    marks = ",".join("?" * len(store_ids))
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO cloud_known (store_id, product_id, qty, at)"
            f" SELECT p.store_id, p.id, p.cloud_qty, ? FROM products p WHERE p.is_service = 0 AND p.store_id IN ({marks})"
            " AND NOT EXISTS (SELECT 1 FROM push_items i WHERE i.run_id = ? AND i.store_id = p.store_id"
            " AND i.product_id = p.id AND i.status != 'ok')", [utc_now(), *store_ids, run_id])


def _close_run(db: Database, run_id: int, sent: int, skipped: list[tuple[str, str]]) -> PushResult:
    db["push_runs"].update(run_id, {"status": "done", "finished_at": utc_now()})
    remember_cloud(db, [r[0] for r in db.execute("SELECT DISTINCT store_id FROM push_items WHERE run_id = ?", [run_id])],
                   run_id)
    failed = [(PushItem(r[0], r[1], r[2] or r[1], r[3], r[4], ""), r[5] or "")
              for r in db.execute(
                  "SELECT i.store_id, i.product_id, p.name, i.old_value, i.new_value, i.error FROM push_items i"
                  " LEFT JOIN products p ON p.store_id = i.store_id AND p.id = i.product_id"
                  " WHERE i.run_id = ? AND i.status = 'failed' ORDER BY p.name", [run_id])]
    return PushResult(run_id, sent, failed, _sent_in_chain(db, run_id), skipped)


def unfinished_push(ctx: AppContext) -> bool:
    return _unfinished_run(ctx.db) is not None


# --- the job --------------------------------------------------------------------------------------

async def push(ctx: AppContext, plan: PushPlan, progress: ProgressCallback | None = None) -> PushResult:
    """Send what the owner confirmed (``plan``), each item at its value of now: an item whose value the
    owner changed since is sent as it is now, one withdrawn or already in the cloud is skipped, and
    nothing outside the plan is sent. An interrupted push is finished by the plan that lists its items."""
    progress = progress or ignore
    stores = sorted({i.store_id for i in plan.items})
    async with claims.hold(ctx, (claims.EVOTOR,), "push"), evotor_client(ctx) as client:
        await _refresh_cloud(ctx, client, stores)
        run_id, skipped = await ctx.worker.run(_start_run, plan.items)
        if run_id is None:
            await ctx.worker.run(remember_cloud, stores)  # everything already right: the cloud as read is known right
            return PushResult(None, 0, [], skipped=skipped)
        sent = await _send(ctx, client, run_id, progress)
        result = await ctx.worker.run(_close_run, run_id, sent, skipped)
    ctx.log_activity("push", QT_TRANSLATE_NOOP("Activity", "Evotor: %n balance(s) sent, {failed} failed"),
                     n=result.ok, failed=len(result.failed))
    return result


async def _send(ctx: AppContext, client: EvotorClient, run_id: int, progress: ProgressCallback) -> int:
    """Send the run's pending items; the number sent. A few workers take items one by one, so a request
    exists only once a worker is free for it (its retry budget starts on the wire, not in a queue), and
    an error that concerns the whole push cancels the other workers before this returns."""
    pending = await ctx.worker.run(_pending, run_id)
    queue = iter(pending)
    counts = {"ok": 0, "failed": 0}
    progress(Progress("push", 0, len(pending), counts=dict(counts)))

    async def worker() -> None:
        for item in queue:  # shared: each item is taken by one worker only
            claims.check(claims.EVOTOR)
            error = None
            try:
                await client.patch_quantity(item.store_id, item.product_id, item.new_value)
            except EvotorError as exc:
                if exc.code not in ITEM_ERRORS:
                    raise  # the account or the connection failed: stop; the next push finishes the rest
                error = exc.render()
            await ctx.worker.run(_record, run_id, item, error)
            counts["failed" if error else "ok"] += 1
            progress(Progress("push", counts["ok"] + counts["failed"], len(pending), item.store_id, dict(counts)))

    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(min(client.parallel, len(pending))):
                group.create_task(worker())
    except BaseExceptionGroup as errors:
        raise errors.exceptions[0] from None
    return counts["ok"]


async def retry_failed(ctx: AppContext, progress: ProgressCallback | None = None) -> PushResult:
    """Push again the items that failed in the last push, if they still need it."""
    last = ctx.db.execute("SELECT id FROM push_runs WHERE channel = ? AND status = 'done' ORDER BY id DESC LIMIT 1",
                          [CHANNEL]).fetchone()
    if not last:
        return PushResult(None, 0, [])
    failed = {(r[0], r[1]) for r in ctx.db.execute(
        "SELECT store_id, product_id FROM push_items WHERE run_id = ? AND status = 'failed'", [last[0]])}
    if not failed:
        return PushResult(None, 0, [])
    plan = await plan_push(ctx, sorted({s for s, _ in failed}))
    plan.items = [i for i in plan.items if (i.store_id, i.product_id) in failed]
    return await push(ctx, plan, progress)
