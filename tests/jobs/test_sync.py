"""Keeping in step: after the first push, a sale on a terminal reaches Yandex Market with one sync."""

from __future__ import annotations

import asyncio
import math

import pytest

from stockdesk.core.quantity import SCALE
from stockdesk.jobs import push, reconstruct, review, sync, yandex
from stockdesk.sandbox.yandex_server import YandexSandbox

from .conftest import truth_milli

YANDEX_KEY = "ACMA:sync-test:0001"


@pytest.mark.asyncio
async def test_a_terminal_sale_reaches_yandex_with_one_sync(ctx, sandbox, monkeypatch):
    await reconstruct.reconstruct(ctx)
    truths = {s.id: truth_milli(s) for s in sandbox.shop.stores}
    for item in review.review_items(ctx):
        review.set_manual(ctx, item.store_id, item.product_id, value_milli=truths[item.store_id][item.product_id])
    await push.push(ctx)

    store = sandbox.shop.stores[0]
    goods = [p for p in store.products if p.get("type") != "SERVICE" and p.get("article_number")][:25]
    skus = [p["article_number"] for p in goods]
    assert len(set(skus)) == len(skus) > 10
    async with YandexSandbox(api_key=YANDEX_KEY, skus=skus) as market:
        monkeypatch.setenv("STOCKDESK_YANDEX_URL", market.url)
        await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=market.campaign_id, store_id=store.id)
        yandex.set_enabled(ctx, True)

        sold = goods[0]
        before = sandbox.server.cloud_quantity(store.id, sold["id"])
        sandbox.server.product(store.id, sold["id"])["quantity"] = float(before - 1)  # a sale on a terminal

        result = await sync.sync(ctx)
        assert result.ok, result.steps
        assert [s.channel for s in result.steps] == ["evotor", "yandex"]
        sent = {sku: next(iter(w.values()))["count"] for sku, w in market.stocks.items()}
        for p in goods:
            expected = max(0, truths[store.id][p["id"]] // SCALE)
            if p is sold:
                expected = max(0, math.floor(before - 1))
            assert sent[p["article_number"]] == expected, p["name"]
        assert sync.last_sync(ctx).steps[1].sent == len(goods)


def test_a_failed_refresh_sends_nothing(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    ctx.db["accounts"].insert({"id": "yandex", "system": "yandex", "connected_at": "2026-11-23T00:00:00+00:00"})
    ctx.set_setting("yandex.enabled", "1")
    sandbox.server.tokens[sandbox.token] = "revoked"
    result = asyncio.run(sync.sync(ctx))
    assert not result.ok
    evotor, market = result.steps
    assert evotor.channel == "evotor" and not evotor.ok and "token" in evotor.message.lower()
    assert market.channel == "yandex" and not market.ok and "oversell" in market.message
