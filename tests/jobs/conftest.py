"""A sandbox Evotor cloud with a known truth, and a StockDesk context connected to it."""

from __future__ import annotations

import asyncio

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
