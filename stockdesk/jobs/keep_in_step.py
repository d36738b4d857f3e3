"""A sync's Evotor step after the documents are read: bring the cloud's balances in step, and say so.

The rule is in ``core.keep_in_step``. A sync writes only to stores whose first push is done (StockDesk
knows their cloud balances), never finishes an interrupted push (that needs the owner's word), and
reports every balance it wrote back over a change no document explains, so the owner can answer
"the cloud is right" (``accept_cloud``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlite_utils import Database

from stockdesk.context import AppContext
from stockdesk.core import keep_in_step as rule
from stockdesk.core.quantity import format_qty
from stockdesk.errors import QT_TRANSLATE_NOOP, UserError
from stockdesk.i18n import tr
from stockdesk.jobs import claims, push, review
from stockdesk.jobs.progress import ProgressCallback
from stockdesk.store import utc_now
from stockdesk.timestamps import to_minute


@dataclass
class Drift:
    """A cloud balance changed with no document, found by a sync."""

    store_id: str
    product_id: str
    name: str
    known: int | None       # the value StockDesk knew ...
    known_at: str           # ... as of then; the change happened between then and found_at
    cloud: int | None       # what the cloud held instead
    cloud_updated_at: str | None
    value: int              # StockDesk's value, written back
    found_at: str = ""
    restored: bool = False
    repeated: bool = False  # written back before and changed again: something else writes to the account


@dataclass
class CloudStep:
    sent: int = 0                  # balances written to the cloud by this sync
    failed: int = 0
    behind: int = 0                # of which: values the new documents gave
    waiting: int = 0               # values the owner typed, waiting for the owner's push
    drift: list[Drift] = field(default_factory=list)
    message: str | None = None     # why nothing was written, or what failed, in the owner's language


NO_PUSH_YET = QT_TRANSLATE_NOOP("Errors", "Nothing was written to Evotor: send the balances once first (Send to Evotor).")
INTERRUPTED = QT_TRANSLATE_NOOP("Errors", "Nothing was written to Evotor: an interrupted push waits for you to finish it (Send to Evotor).")


def _pushed_stores(db: Database) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT id FROM stores s WHERE s.selected = 1 AND EXISTS (SELECT 1 FROM cloud_known k WHERE k.store_id = s.id)"
        " ORDER BY name")]


def _plan(db: Database, store_ids: list[str]) -> tuple[list[push.PushItem], list[Drift], int, int]:
    items, drift, behind, waiting = [], [], 0, 0
    for t in push.targets(db, store_ids):
        kind = rule.classify(t.target, t.source, t.cloud, t.known, has_known=t.known_at is not None)
        if kind == rule.WAITING:
            waiting += 1
        elif kind == rule.BEHIND:
            behind += 1
        elif kind == rule.DRIFT:
            drift.append(Drift(t.store_id, t.product_id, t.name, t.known, t.known_at, t.cloud, t.cloud_updated_at,
                               t.target))
        if rule.sends(kind):
            items.append(push.PushItem(t.store_id, t.product_id, t.name, t.cloud, t.target, t.source))
    return items, drift, behind, waiting


def _record(db: Database, store_ids: list[str], drift: list[Drift], failed: set[tuple[str, str]],
            run_id: int | None) -> None:
    now = utc_now()
    with db.atomic():
        for d in drift:
            d.found_at, d.restored = now, (d.store_id, d.product_id) not in failed
            before = db.execute("SELECT restored AND accepted_at IS NULL FROM cloud_drift"
                                " WHERE store_id = ? AND product_id = ? ORDER BY id DESC LIMIT 1",
                                [d.store_id, d.product_id]).fetchone()
            d.repeated = bool(before and before[0])
            db["cloud_drift"].insert({
                "store_id": d.store_id, "product_id": d.product_id, "found_at": now, "known_qty": d.known,
                "known_at": d.known_at, "cloud_qty": d.cloud, "cloud_updated_at": d.cloud_updated_at,
                "value": d.value, "restored": int(d.restored), "repeated": int(d.repeated)})
        push.remember_cloud(db, store_ids, run_id)


async def keep_cloud_in_step(ctx: AppContext, progress: ProgressCallback) -> CloudStep:
    """Write the balances a sync may write (core.keep_in_step) and record what it found."""
    stores = await ctx.worker.run(_pushed_stores)
    if not stores:
        return CloudStep(message=tr("Errors", NO_PUSH_YET))
    if push.unfinished_push(ctx):
        return CloudStep(message=tr("Errors", INTERRUPTED))
    items, drift, behind, waiting = await ctx.worker.run(_plan, stores)
    result = push.PushResult(None, 0, [])
    if items:
        result = await push.push(ctx, push.PushPlan(items, 0, 0), progress)
    failed = {(i.store_id, i.product_id) for i, _ in result.failed}
    await ctx.worker.run(_record, stores, drift, failed, result.run_id)
    for d in drift:
        ctx.log_activity(
            "sync",
            QT_TRANSLATE_NOOP("Activity", "{name}: the Evotor cloud had {cloud} with no document (StockDesk knew "
                                          "{known} on {known_at}); {value} written back{repeated}"),
            name=d.name, cloud=format_qty(d.cloud), known=format_qty(d.known), known_at=to_minute(d.known_at),
            value=format_qty(d.value) if d.restored else "—",
            repeated=" ⚠" if d.repeated else "")
    return CloudStep(sent=result.ok, failed=len(result.failed), behind=behind, waiting=waiting, drift=drift,
                     message="; ".join(f"{i.name}: {error}" for i, error in result.failed[:3]) or None)


def drift_json(drift: list[Drift]) -> list[dict]:
    return [asdict(d) for d in drift]


def unanswered(ctx: AppContext, drift: list[dict]) -> list[dict]:
    """The changes a sync found (drift_json) that the owner has not yet said were right."""
    accepted = {(r[0], r[1], r[2]) for r in ctx.db.execute(
        "SELECT store_id, product_id, found_at FROM cloud_drift WHERE accepted_at IS NOT NULL")}
    return [d for d in drift if (d["store_id"], d["product_id"], d["found_at"]) not in accepted]


async def accept_cloud(ctx: AppContext, store_id: str, product_id: str,
                       progress: ProgressCallback | None = None) -> push.PushResult:
    """The owner says the cloud was right: its value, as the last sync found it, becomes the owner's
    value and goes back to the cloud (and from there to the channels)."""
    row = ctx.db.execute("SELECT id, cloud_qty FROM cloud_drift WHERE store_id = ? AND product_id = ?"
                         " AND accepted_at IS NULL ORDER BY id DESC LIMIT 1", [store_id, product_id]).fetchone()
    if row is None or row[1] is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "No change of this product's cloud balance is on record: "
                                                    "there is nothing to accept."), code="no_drift")
    drift_id, value = row
    async with claims.hold(ctx, (claims.EVOTOR,), "push"):
        if push.unfinished_push(ctx):
            raise UserError(INTERRUPTED, code="push_interrupted")
        review.set_manual(ctx, store_id, product_id, value_milli=value, by="owner: the cloud is right")
        ctx.db["cloud_drift"].update(drift_id, {"accepted_at": utc_now()})
        plan = await push.plan_push(ctx, [store_id])
        plan.items = [i for i in plan.items if i.product_id == product_id]
        if not plan.items:
            return push.PushResult(None, 0, [])
        return await push.push(ctx, plan, progress)
