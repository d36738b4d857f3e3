"""Yandex Market: connect, refresh the offer list and match it, preview and push stock, check the integration.

Only SKUs mapped to an Evotor product (auto or by the owner) whose stock of record is known are sent;
nothing is ever sent for unmatched or ambiguous SKUs, and nothing is zero-filled. Every push is a run
in push_runs/push_items (channel 'yandex', target = SKU) written before the first request, each
result as it arrives. An interrupted push resumes with its pending items only (at today's values:
a stale value is never sent later as if it were new), so nothing is sent twice. A 400 that names SKUs
fails those items and the rest of the batch is sent again without them.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Awaitable

from sqlite_utils import Database

from stockdesk.context import AppContext
from stockdesk.core.quantity import SCALE
from stockdesk.errors import QT_TRANSLATE_NOOP, UserError
from stockdesk.jobs import claims
from stockdesk.jobs.matching import MatchSummary, keep_secret, mapped, rematch, save_channel_items
from stockdesk.jobs.moysklad import balances_of_record
from stockdesk.jobs.progress import Progress, ProgressCallback, ignore
from stockdesk.store import utc_now
from stockdesk.timestamps import parse_utc
from stockdesk.yandex import payload
from stockdesk.yandex.client import MAX_PARALLEL, YandexClient
from stockdesk.yandex.config import KEY_NAME, MODES, YandexConfig, base_url, detect_mode
from stockdesk.yandex.errors import YandexError
from stockdesk.yandex.payload import StockEntry

CHANNEL = "yandex"


def yandex_client(ctx: AppContext, api_key: str | None = None) -> YandexClient:
    api_key = api_key or ctx.secrets.get(KEY_NAME)
    if not api_key:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "No Yandex Market API key yet: connect Yandex Market first."),
                        code="no_token")
    return YandexClient(api_key, base_url(ctx))


# --- connect -------------------------------------------------------------------------------------

@dataclass
class ConnectResult:
    config: YandexConfig
    campaign: dict
    warehouse_choices: list[dict]   # business mode without a warehouse chosen yet: the candidates
    offers: int
    matching: MatchSummary | None
    token_storage: str


async def connect_yandex(ctx: AppContext, api_key: str | None = None, *, campaign_id: int,
                         business_id: int | None = None, store_id: str | None = None, mode: str | None = None,
                         warehouse_id: int | None = None, session_only: bool = False,
                         progress: ProgressCallback | None = None) -> ConnectResult:
    """Verify the key on the campaign, detect how stock is sent (warehouse groups or not; the owner's
    ``mode``/``warehouse_id`` win), remember everything, and fetch and match the offers.
    The push switch is left as it was (off for a new connection)."""
    progress = progress or ignore
    if mode is not None and mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    if store_id is not None and not ctx.db["stores"].count_where("id = ?", [store_id]):
        raise UserError(QT_TRANSLATE_NOOP("Errors", "There is no Evotor store {store}."), code="unknown_store",
                        store=store_id)
    api_key = api_key or ctx.secrets.get(KEY_NAME)
    async with yandex_client(ctx, api_key) as client:
        progress(Progress("connect", 0, None))
        campaign = await client.campaign(campaign_id)
        business_id = business_id or (campaign.get("business") or {}).get("id")
        if not isinstance(business_id, int):
            raise YandexError(QT_TRANSLATE_NOOP("Errors", "Yandex Market did not say which business campaign "
                                                          "{campaign} belongs to: give the business id."),
                              code="no_business", campaign=campaign_id)
        detection = detect_mode(await client.warehouses(business_id), campaign_id)
        progress(Progress("offers", 0, None))
        skus = await client.offer_skus(campaign_id)
    storage = keep_secret(ctx, KEY_NAME, api_key or "", session_only=session_only)
    old = YandexConfig.load(ctx)
    stores = [r[0] for r in ctx.db.execute("SELECT id FROM stores")]
    cfg = YandexConfig(campaign_id, business_id, mode or detection.mode,
                       warehouse_id or (detection.warehouse_id if (mode or detection.mode) == "business" else None),
                       store_id or old.store_id or (stores[0] if len(stores) == 1 else None), old.enabled)
    cfg.save(ctx)
    ctx.db["accounts"].upsert({"id": CHANNEL, "system": CHANNEL, "user_id": str(business_id),
                               "label": campaign.get("domain"), "connected_at": utc_now()}, pk="id")
    summary = await _save_offers(ctx, skus, cfg.store_id)
    ctx.log_activity("connect", QT_TRANSLATE_NOOP("Activity", "Yandex Market connected: campaign {campaign}, %n offer(s)"), n=len(skus),
                     campaign=campaign_id)
    choices = detection.choices if cfg.mode == "business" and cfg.warehouse_id is None else []
    return ConnectResult(cfg, campaign, choices, len(skus), summary, storage)


async def _save_offers(ctx: AppContext, skus: list[str], store_id: str | None) -> MatchSummary | None:
    await ctx.worker.run(save_channel_items, CHANNEL, [{"target": s} for s in skus])
    return await ctx.worker.run(rematch, CHANNEL, store_id) if store_id else None


async def refresh_offers(ctx: AppContext, progress: ProgressCallback | None = None) -> MatchSummary:
    """Fetch the campaign's offers again and match them to the Evotor store's products."""
    cfg = _configured(ctx)
    (progress or ignore)(Progress("offers", 0, None))
    async with claims.hold(ctx, (claims.YANDEX,), "yandex_offers"):
        async with yandex_client(ctx) as client:
            skus = await client.offer_skus(cfg.campaign_id)  # type: ignore[arg-type]
        summary = await _save_offers(ctx, skus, cfg.store_id) or MatchSummary()
    ctx.log_activity("sync", QT_TRANSLATE_NOOP("Activity", "Yandex Market: %n offer(s), {mapped} mapped, {ambiguous} ambiguous, "
                                               "{unmatched} unmatched"), n=len(skus),
                     mapped=summary.auto + summary.manual, ambiguous=summary.ambiguous, unmatched=summary.unmatched)
    return summary


def set_enabled(ctx: AppContext, enabled: bool) -> None:
    cfg = YandexConfig.load(ctx)
    cfg.enabled = enabled
    cfg.save(ctx)
    ctx.log_activity("sync", QT_TRANSLATE_NOOP("Activity", "Yandex Market stock push switched on") if enabled
                     else QT_TRANSLATE_NOOP("Activity", "Yandex Market stock push switched off"))


def _configured(ctx: AppContext) -> YandexConfig:
    cfg = YandexConfig.load(ctx)
    if cfg.missing():
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Yandex Market is not fully set up ({missing}): connect it first."),
                        code="not_configured", missing=", ".join(cfg.missing()))
    return cfg


# --- preview -------------------------------------------------------------------------------------

@dataclass
class PushLine:
    store_id: str
    product_id: str
    name: str
    sku: str
    balance: int            # the stock of record, thousandths
    count: int              # what is sent
    clamped: bool           # negative (or absurdly large) balance sent as 0 (or the maximum)
    stale: bool             # the value is older than a day: sent as of 23 h ago
    updated_at: datetime
    previous: int | None    # the count last sent successfully, if any

    def entry(self) -> StockEntry:
        return StockEntry(self.sku, self.count, self.updated_at)


@dataclass
class PushPreview:
    lines: list[PushLine]
    no_value: list[tuple[str, str]] = field(default_factory=list)  # (sku, product name): unknown stock, not sent
    ambiguous: int = 0
    unmatched: int = 0

    @property
    def clamped(self) -> list[PushLine]:
        return [line for line in self.lines if line.clamped]

    @property
    def stale(self) -> list[PushLine]:
        return [line for line in self.lines if line.stale]


def _last_sent(db: Database) -> dict[str, int]:
    return {r[0]: r[1] // SCALE for r in db.execute(
        "SELECT i.target, i.new_value FROM push_items i JOIN push_runs r ON r.id = i.run_id"
        " WHERE r.channel = ? AND i.status = 'ok' ORDER BY i.updated_at, i.run_id", [CHANNEL])}


def _preview(db: Database, store_id: str, now: datetime) -> PushPreview:
    balances = balances_of_record(db, store_id)
    names = {r[0]: r[1] for r in db.execute("SELECT id, name FROM products WHERE store_id = ?", [store_id])}
    last = _last_sent(db)
    preview = PushPreview([])
    pairs = mapped(db, CHANNEL, store_id)
    uses = Counter(product_id for _, product_id in pairs)
    for sku, product_id in pairs:
        if uses[product_id] > 1:  # one product under two SKUs would be offered twice: neither is safe
            preview.ambiguous += 1
            continue
        qty, as_of = balances.get(product_id, (None, None))
        name = names.get(product_id, product_id)
        if qty is None:
            preview.no_value.append((sku, name))
            continue
        count, clamped = payload.to_count(qty)
        moment, stale = payload.updated_at(parse_utc(as_of), now)
        preview.lines.append(PushLine(store_id, product_id, name, sku, qty, count, clamped, stale, moment, last.get(sku)))
    for status, n in db.execute("SELECT status, COUNT(*) FROM channel_map WHERE channel = ? AND store_id = ?"
                                " AND status IN ('ambiguous', 'unmatched') GROUP BY status", [CHANNEL, store_id]):
        setattr(preview, status, getattr(preview, status) + n)
    return preview


def preview_push(ctx: AppContext, *, now: datetime | None = None) -> PushPreview:
    """What a push would send now: per SKU the count, whether it was clamped or is stale."""
    cfg = _configured(ctx)
    return _preview(ctx.db, cfg.store_id, now or datetime.now(timezone.utc))  # type: ignore[arg-type]


# --- the push log (worker thread) ----------------------------------------------------------------

def _unfinished_run(db: Database) -> int | None:
    row = db.execute("SELECT id FROM push_runs WHERE channel = ? AND status = 'running' ORDER BY id DESC LIMIT 1",
                     [CHANNEL]).fetchone()
    return row[0] if row else None


def _create_run(db: Database, lines: list[PushLine]) -> int:
    now = utc_now()
    with db.atomic():
        run_id = db["push_runs"].insert({"channel": CHANNEL, "status": "running", "started_at": now}).last_pk
        db["push_items"].insert_all({"run_id": run_id, "store_id": ln.store_id, "product_id": ln.product_id,
                                     "target": ln.sku, "old_value": None if ln.previous is None else ln.previous * SCALE,
                                     "new_value": ln.count * SCALE, "status": "pending", "updated_at": now}
                                    for ln in lines)
    return run_id


def _resume_lines(db: Database, run_id: int, current: list[PushLine]) -> list[PushLine]:
    """The run's pending items at today's values; items no longer mapped or valued fail, unsent."""
    by_sku = {ln.sku: ln for ln in current}
    lines = []
    now = utc_now()
    with db.atomic():
        for store_id, product_id, sku in db.execute(
                "SELECT store_id, product_id, target FROM push_items WHERE run_id = ? AND status = 'pending'", [run_id]).fetchall():
            line = by_sku.get(sku)
            if line is None or line.product_id != product_id:
                db.execute("UPDATE push_items SET status = 'failed', error = ?, updated_at = ? WHERE run_id = ?"
                           " AND store_id = ? AND product_id = ?",
                           ["no longer mapped, or its stock is unknown: not sent", now, run_id, store_id, product_id])
                continue
            db.execute("UPDATE push_items SET new_value = ?, updated_at = ? WHERE run_id = ? AND store_id = ?"
                       " AND product_id = ?", [line.count * SCALE, now, run_id, store_id, product_id])
            lines.append(line)
    return lines


def _record(db: Database, run_id: int, lines: list[PushLine], error: str | None) -> None:
    now = utc_now()
    with db.atomic():
        for ln in lines:
            db.execute("UPDATE push_items SET status = ?, error = ?, attempts = attempts + 1, updated_at = ?"
                       " WHERE run_id = ? AND store_id = ? AND product_id = ?",
                       ["failed" if error else "ok", error, now, run_id, ln.store_id, ln.product_id])


@dataclass
class PushResult:
    run_id: int | None
    ok: int
    failed: list[tuple[str, str, str]]     # (sku, product name, error)
    clamped: list[PushLine] = field(default_factory=list)
    stale: list[PushLine] = field(default_factory=list)


def _close_run(db: Database, run_id: int) -> PushResult:
    db["push_runs"].update(run_id, {"status": "done", "finished_at": utc_now()})
    ok = db.execute("SELECT COUNT(*) FROM push_items WHERE run_id = ? AND status = 'ok'", [run_id]).fetchone()[0]
    failed = [(r[0], r[1] or r[2], r[3] or "") for r in db.execute(
        "SELECT i.target, p.name, i.product_id, i.error FROM push_items i"
        " LEFT JOIN products p ON p.store_id = i.store_id AND p.id = i.product_id"
        " WHERE i.run_id = ? AND i.status = 'failed' ORDER BY i.target", [run_id])]
    return PushResult(run_id, ok, failed)


def unfinished_push(ctx: AppContext) -> bool:
    return _unfinished_run(ctx.db) is not None


# --- the job -------------------------------------------------------------------------------------

async def push_yandex(ctx: AppContext, *, only_skus: set[str] | None = None,
                      progress: ProgressCallback | None = None, now: datetime | None = None) -> PushResult:
    """Send the stock of every mapped SKU with a known balance (or only ``only_skus``).

    An interrupted push is finished first, whatever was asked. Refused while the owner's switch is off.
    """
    cfg = _configured(ctx)
    if not cfg.enabled:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Sending stock to Yandex Market is switched off. Check the "
                                                    "matched offers, then switch it on."), code="disabled")
    async with claims.hold(ctx, (claims.YANDEX,), "yandex_push"):
        return await _push(ctx, cfg, only_skus, progress or ignore, now)


async def _push(ctx: AppContext, cfg: YandexConfig, only_skus: set[str] | None, progress: ProgressCallback,
                now: datetime | None) -> PushResult:
    current = await ctx.worker.run(_preview, cfg.store_id, now or datetime.now(timezone.utc))
    run_id = await ctx.worker.run(_unfinished_run)
    if run_id is not None:
        lines = await ctx.worker.run(_resume_lines, run_id, current.lines)
    else:
        lines = [ln for ln in current.lines if only_skus is None or ln.sku in only_skus]
        if not lines:
            return PushResult(None, 0, [])
        run_id = await ctx.worker.run(_create_run, lines)
    async with yandex_client(ctx) as client:
        await _send(ctx, client, cfg, run_id, lines, progress)
    result = await ctx.worker.run(_close_run, run_id)
    result.clamped = [ln for ln in lines if ln.clamped]
    result.stale = [ln for ln in lines if ln.stale]
    ctx.log_activity("push", QT_TRANSLATE_NOOP("Activity", "Yandex Market: %n stock value(s) sent, {failed} failed, {clamped} negative "
                                               "sent as 0, {stale} older than a day"), n=result.ok,
                     failed=len(result.failed), clamped=len(result.clamped), stale=len(result.stale))
    return result


async def _send(ctx: AppContext, client: YandexClient, cfg: YandexConfig, run_id: int, lines: list[PushLine],
                progress: ProgressCallback) -> None:
    total, counts = len(lines), {"ok": 0, "failed": 0}
    progress(Progress("push", 0, total, cfg.store_id, dict(counts)))
    by_sku = {ln.sku: ln for ln in lines}

    async def record(batch: list[PushLine], error: str | None) -> None:
        await ctx.worker.run(_record, run_id, batch, error)
        counts["failed" if error else "ok"] += len(batch)
        progress(Progress("push", counts["ok"] + counts["failed"], total, cfg.store_id, dict(counts)))

    def update(entries: list[StockEntry]) -> Awaitable[None]:
        if cfg.mode == "campaign":
            return client.update_stocks_campaign(cfg.campaign_id, entries)  # type: ignore[arg-type]
        return client.update_stocks_business(cfg.business_id, cfg.warehouse_id, entries)  # type: ignore[arg-type]

    stop: list[BaseException] = []  # the first error that concerns the whole push
    gate = asyncio.Semaphore(MAX_PARALLEL)  # a batch checks `stop` only once it may go on the wire

    async def send_batch(entries: list[StockEntry]) -> None:
        while entries:
            try:
                async with gate:
                    if stop:
                        return
                    await update(entries)
            except YandexError as exc:
                if exc.code != "bad_request":
                    stop.append(exc)  # the key, the campaign or the connection: the run resumes later
                    return
                per_sku, _general = payload.errors_by_sku(exc.api_errors, [e.sku for e in entries])
                if not per_sku:  # nothing names an item: the whole batch failed for the same reason
                    await record([by_sku[e.sku] for e in entries], exc.render())
                    return
                for sku, message in per_sku.items():
                    await record([by_sku[sku]], message)
                entries = [e for e in entries if e.sku not in per_sku]
                continue
            await record([by_sku[e.sku] for e in entries], None)
            return

    # Batches already on the wire when one fails finish and are recorded, so a resumed push does not
    # send them again; batches not started yet wait for the resume.
    await asyncio.gather(*(send_batch(batch) for batch in payload.batches([ln.entry() for ln in lines])))
    if stop:
        raise stop[0]


async def retry_failed(ctx: AppContext, progress: ProgressCallback | None = None) -> PushResult:
    """Send again, at today's values, the SKUs that failed in the last finished push."""
    last = ctx.db.execute("SELECT id FROM push_runs WHERE channel = ? AND status = 'done' ORDER BY id DESC LIMIT 1",
                          [CHANNEL]).fetchone()
    failed = {r[0] for r in ctx.db.execute("SELECT target FROM push_items WHERE run_id = ? AND status = 'failed'",
                                           [last[0]])} if last else set()
    if not failed:
        return PushResult(None, 0, [])
    return await push_yandex(ctx, only_skus=failed, progress=progress)


async def check_integration(ctx: AppContext, skus: list[str], progress: ProgressCallback | None = None) -> PushResult:
    """Yandex's recipe for testing a stock integration: hide the chosen offers, push their stock, show
    them again (also when the push fails). Works while the push switch is off."""
    cfg = _configured(ctx)
    if not skus:
        return PushResult(None, 0, [])
    async with claims.hold(ctx, (claims.YANDEX,), "yandex_push"), yandex_client(ctx) as client:
        if unfinished_push(ctx):  # resuming it would send more than the hidden offers
            raise UserError(QT_TRANSLATE_NOOP("Errors", "A Yandex Market push was interrupted: finish it first."),
                            code="unfinished_push")
        await client.hide(cfg.campaign_id, skus)  # type: ignore[arg-type]
        try:
            return await _push(ctx, cfg, set(skus), progress or ignore, None)
        finally:
            try:
                await client.unhide(cfg.campaign_id, skus)  # type: ignore[arg-type]
            except YandexError as exc:
                raise YandexError(QT_TRANSLATE_NOOP(
                    "Errors", "The offers {skus} are still hidden on Yandex Market ({reason}). Show them again in "
                              "the seller cabinet, or repeat the check."),
                    code="still_hidden", skus=", ".join(skus), reason=exc.render()) from exc
