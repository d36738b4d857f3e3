"""A sandbox Evotor cloud with a known truth, and a StockDesk context connected to it."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from stockdesk.context import AppContext
from stockdesk.core.quantity import from_api
from stockdesk.jobs import connect
from stockdesk.sandbox.evotor_shop import ShopSpec
from stockdesk.sandbox.runner import start_in_thread

SMALL_SHOP = ShopSpec(seed=11, stores=2, products_per_store=150, documents_per_store=2500, months=13)


@pytest.fixture
def sandbox():
    running = start_in_thread(SMALL_SHOP)
    yield running
    running.stop()


MSK = timezone(timedelta(hours=3))


def shop_nows() -> dict[str, int]:
    """Moments, relative to today, at which a shop is generated: the shop's history (months, the last
    days' tail, late uploads) then falls differently on the app's month windows and days, so no single
    date decides whether a truth test means anything. All in the past: the app reads up to its now."""
    now = datetime.now(timezone.utc)
    msk = now.astimezone(MSK)
    month_start = msk.replace(day=1, hour=0, minute=0, second=30, microsecond=0)
    last_midnight = msk.replace(hour=0, minute=0, second=0, microsecond=0)
    moments = {
        "now": now,
        "month_start_msk": month_start,
        "month_end_msk": month_start - timedelta(minutes=1),
        "before_midnight_msk": last_midnight - timedelta(minutes=3),
        "after_midnight_msk": last_midnight + timedelta(minutes=3) - timedelta(days=1),
    }
    return {name: int(min(m, now).timestamp() * 1000) for name, m in moments.items()}


SHOP_NOWS = shop_nows()


@pytest.fixture(params=sorted(SHOP_NOWS), ids=str)
def dated_shop(request) -> ShopSpec:
    return dataclasses.replace(SMALL_SHOP, now_ms=SHOP_NOWS[request.param])


def open_ctx(tmp_path, sandbox, name="data") -> AppContext:
    ctx = AppContext.open(tmp_path / name)
    ctx.set_setting("evotor_url", sandbox.url)
    return ctx


@pytest.fixture
def ctx(tmp_path, sandbox):
    context = open_ctx(tmp_path, sandbox)
    asyncio.run(connect.connect_evotor(context, sandbox.token))
    yield context
    context.close()


def truth_milli(store) -> dict[str, int]:
    return {pid: from_api(value) for pid, value in store.truth.items()}


def results(ctx: AppContext) -> dict[tuple[str, str], tuple]:
    return {(r[0], r[1]): tuple(r[2:]) for r in ctx.db.execute(
        "SELECT store_id, product_id, status, value, reason, rule, doc_id FROM results")}
