"""Keeping the channels in step after the first push: "Sync now" and the schedule.

One sync: read what changed in the Evotor cloud (documents since the last read, with an overlap so
late uploads from offline terminals are not lost, and the cloud's current balances), bring the
cloud's balances in step (``jobs.keep_in_step``: what the documents moved, and every change no
document explains written back and reported), import MoySklad if it is connected, then push to the
channels that are switched on. IMSHOP's webhook
answers from the balances directly, so it needs no step. One channel's failure does not stop the
others, but nothing is pushed from balances that could not be refreshed.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Awaitable, Callable

from stockdesk.context import AppContext
from stockdesk.errors import QT_TRANSLATE_NOOP, UserError
from stockdesk.i18n import tr
from stockdesk.jobs import claims, keep_in_step, moysklad, reconstruct, yandex
from stockdesk.jobs.progress import ProgressCallback, ignore
from stockdesk.moysklad.config import SETTING_STOCK_SOURCE
from stockdesk.store import utc_now
from stockdesk.yandex.config import YandexConfig

STATUS_KEY = "sync.status"  # JSON: the last sync's steps, for the main window
NOT_SENT = QT_TRANSLATE_NOOP("Errors", "Not sent: the balances could not be refreshed, so sending them could oversell.")


@dataclass
class Step:
    channel: str               # evotor, moysklad, yandex
    ok: bool
    sent: int = 0              # items written (pushes; Evotor: balances written to the cloud) or read (imports)
    failed: int = 0
    message: str | None = None  # why it failed or was skipped, in the owner's language
    read: int = 0              # Evotor: documents held after the read
    behind: int = 0            # Evotor: of the written, values the new documents gave
    waiting: int = 0           # Evotor: values the owner typed, waiting for the owner's push
    drift: list[dict] = field(default_factory=list)  # Evotor: cloud changes no document explains (keep_in_step.Drift)


@dataclass
class SyncResult:
    at: str
    steps: list[Step] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.steps)


async def _evotor(ctx: AppContext, progress: ProgressCallback) -> Step:
    # A repeat reconstruction reads the product list again (the cloud's current balances) and then
    # the documents that arrived since (with an overlap): in that order, so a sale the cloud already
    # counts is among the documents read.
    summary = await reconstruct.reconstruct(ctx, progress=progress)
    cloud = await keep_in_step.keep_cloud_in_step(ctx, progress)
    return Step("evotor", not cloud.failed, sent=cloud.sent, failed=cloud.failed, message=cloud.message,
                read=sum(s.documents_read for s in summary.stores), behind=cloud.behind, waiting=cloud.waiting,
                drift=keep_in_step.drift_json(cloud.drift))


async def _moysklad(ctx: AppContext, progress: ProgressCallback) -> Step:
    result = await moysklad.import_moysklad(ctx, progress=progress)
    return Step("moysklad", True, sent=result.rows)


async def _yandex(ctx: AppContext, progress: ProgressCallback) -> Step:
    result = await yandex.push_yandex(ctx, progress=progress)
    return Step("yandex", not result.failed, sent=result.ok, failed=len(result.failed),
                message="; ".join(f"{sku}: {error}" for sku, _, error in result.failed[:3]) or None)


async def _run(channel: str, step: Callable[[AppContext, ProgressCallback], Awaitable[Step]],
               ctx: AppContext, progress: ProgressCallback) -> Step:
    try:
        return await step(ctx, progress)
    except UserError as exc:
        return Step(channel, False, message=exc.render())


def _connected(ctx: AppContext, account: str) -> bool:
    return bool(ctx.db["accounts"].count_where("id = ?", [account]))


def _accounts(ctx: AppContext) -> tuple[str, ...]:
    """The accounts a sync reads or writes."""
    return (claims.EVOTOR, *((claims.MOYSKLAD,) if _connected(ctx, "moysklad") else ()),
            *((claims.YANDEX,) if _connected(ctx, "yandex") else ()))


async def sync(ctx: AppContext, progress: ProgressCallback | None = None, *, wait: float = 0.0,
               kind: str | None = None) -> SyncResult:
    """One sync, holding every account it touches; ``wait``: seconds to wait for a job holding one
    (a scheduled sync waits; one the owner asked for now is refused at once with the reason)."""
    async with claims.hold(ctx, _accounts(ctx), "sync", wait=wait, kind=kind):
        return await _sync(ctx, progress or ignore)


async def _sync(ctx: AppContext, progress: ProgressCallback) -> SyncResult:
    result = SyncResult(utc_now())
    evotor = await _run("evotor", _evotor, ctx, progress)
    result.steps.append(evotor)
    source_ok = evotor.ok or evotor.failed > 0  # single items failed: the balances were refreshed
    if _connected(ctx, "moysklad"):
        step = await _run("moysklad", _moysklad, ctx, progress)
        result.steps.append(step)
        if ctx.setting(SETTING_STOCK_SOURCE) == "moysklad":
            source_ok = step.ok
    if _connected(ctx, "yandex") and YandexConfig.load(ctx).enabled:
        if source_ok:
            result.steps.append(await _run("yandex", _yandex, ctx, progress))
        else:
            result.steps.append(Step("yandex", False, message=tr("Errors", NOT_SENT)))
    ctx.set_setting(STATUS_KEY, json.dumps(asdict(result), ensure_ascii=False))
    ctx.log_activity("sync", QT_TRANSLATE_NOOP("Activity", "Sync: {steps}"), steps="; ".join(
        f"{s.channel} {'✓' if s.ok else '✗'} {s.sent}/{s.failed}" for s in result.steps))
    return result


def last_sync(ctx: AppContext) -> SyncResult | None:
    raw = ctx.setting(STATUS_KEY)
    if not raw:
        return None
    data = json.loads(raw)
    return SyncResult(data["at"], [Step(**s) for s in data["steps"]])
