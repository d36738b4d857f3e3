"""Keeping in step after the first push: a terminal sale reaches the Evotor cloud and Yandex Market
with one sync, and a cloud change that no document explains is written back and reported."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from stockdesk.core.quantity import SCALE, from_api
from stockdesk.jobs import connect, keep_in_step, push, reconstruct, review, sync, yandex
from stockdesk.sandbox.runner import start_in_thread
from stockdesk.sandbox.yandex_server import YandexSandbox

from .conftest import open_ctx, truth_milli

YANDEX_KEY = "ACMA:sync-test:0001"


async def first_push(ctx, sandbox) -> None:
    """The owner's first sync: reconstruct, fill in the review with the true values, push."""
    await reconstruct.reconstruct(ctx)
    truths = {s.id: truth_milli(s) for s in sandbox.shop.stores}
    for item in review.review_items(ctx):
        review.set_manual(ctx, item.store_id, item.product_id, value_milli=truths[item.store_id][item.product_id])
    await push.push(ctx, await push.plan_push(ctx))


def cloud_milli(sandbox, store_id: str, product_id: str) -> int:
    return from_api(sandbox.server.cloud_quantity(store_id, product_id))


def goods_of(store, n: int = 25) -> list[dict]:
    return [p for p in store.products if p.get("type") != "SERVICE" and p.get("article_number")][:n]


def piece_good_in_stock(store, goods: list[dict]) -> dict:
    """A product sold by the piece with at least 2 in stock, so one sale changes what Yandex shows."""
    for p in goods:
        truth = from_api(store.truth[p["id"]])
        if p["measure_name"] == "шт" and truth >= 2 * SCALE:
            return p
    raise AssertionError("the shop has no piece good in stock among the first goods")


@pytest.fixture(params=[False, True], ids=["cloud_stays", "cloud_follows_documents"])
def dated_sandbox(request, dated_shop):
    running = start_in_thread(dated_shop, cloud_follows_documents=request.param)
    yield running
    running.stop()


@pytest.mark.asyncio
async def test_a_terminal_sale_reaches_evotor_and_yandex_with_one_sync(tmp_path, dated_sandbox, monkeypatch):
    sandbox = dated_sandbox
    ctx = open_ctx(tmp_path, sandbox)
    await connect.connect_evotor(ctx, sandbox.token)
    await first_push(ctx, sandbox)
    store = sandbox.shop.stores[0]
    goods = goods_of(store)
    skus = [p["article_number"] for p in goods]
    assert len(set(skus)) == len(skus) > 10
    sold = piece_good_in_stock(store, goods)
    before = from_api(store.truth[sold["id"]])
    assert cloud_milli(sandbox, store.id, sold["id"]) == before  # the first push set it
    async with YandexSandbox(api_key=YANDEX_KEY, skus=skus) as market:
        monkeypatch.setenv("STOCKDESK_YANDEX_URL", market.url)
        await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=market.campaign_id, store_id=store.id)
        yandex.set_enabled(ctx, True)

        sandbox.server.sell(store.id, sold["id"], Decimal(1))
        patches = len(sandbox.server.patches)
        result = await sync.sync(ctx)

        assert result.ok, result.steps
        evotor, market_step = result.steps
        assert [evotor.channel, market_step.channel] == ["evotor", "yandex"]
        assert cloud_milli(sandbox, store.id, sold["id"]) == before - SCALE
        written = 0 if sandbox.server.cloud_follows_documents else 1
        assert (evotor.sent, evotor.behind, evotor.drift) == (written, written, [])
        assert len(sandbox.server.patches) - patches == written  # `sent` counts what was written
        sent = {sku: next(iter(w.values()))["count"] for sku, w in market.stocks.items()}
        assert sent[sold["article_number"]] == (before - SCALE) // SCALE
        for p in goods:
            assert sent[p["article_number"]] == max(0, from_api(store.truth[p["id"]]) // SCALE), p["name"]
        assert sync.last_sync(ctx).steps[1].sent == len(goods)
    ctx.close()


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


def test_nothing_is_written_to_evotor_before_the_first_push(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    result = asyncio.run(sync.sync(ctx))
    (evotor,) = result.steps
    assert evotor.ok and evotor.sent == 0 and "send the balances once first" in evotor.message
    assert sandbox.server.patches == []


def _drifted(sandbox) -> tuple[object, list[tuple[dict, Decimal]]]:
    """Three cloud balances changed behind StockDesk's back: to 0, +5 and -1.25 (a weight good)."""
    store = sandbox.shop.stores[0]
    pieces = [p for p in goods_of(store, 200) if p["measure_name"] == "шт" and from_api(store.truth[p["id"]]) > 0]
    weight = next(p for p in goods_of(store, 200) if p["measure_name"] == "кг")
    return store, [(pieces[0], Decimal(0)), (pieces[1], store.truth[pieces[1]["id"]] + 5),
                   (weight, Decimal("-1.25"))]


def test_cloud_changes_no_document_explains_are_written_back_and_reported(ctx, sandbox):
    asyncio.run(first_push(ctx, sandbox))
    store, edits = _drifted(sandbox)
    ours = {p["id"]: from_api(store.truth[p["id"]]) for p, _ in edits}
    for p, value in edits:
        sandbox.server.edit_cloud(store.id, p["id"], value)

    (evotor,) = asyncio.run(sync.sync(ctx)).steps
    assert evotor.ok and evotor.sent == 3 and evotor.behind == 0
    found = {d["product_id"]: d for d in evotor.drift}
    assert set(found) == set(ours)
    for p, value in edits:  # the same rule for every product: written back, with both values and when
        d = found[p["id"]]
        assert (d["cloud"], d["value"], d["known"]) == (from_api(value), ours[p["id"]], ours[p["id"]])
        assert d["restored"] and not d["repeated"] and d["known_at"] <= d["found_at"]
        assert cloud_milli(sandbox, store.id, p["id"]) == ours[p["id"]]
    log = [r["params"] for r in ctx.db["activity"].rows_where("kind = 'sync'")]
    assert sum(p["name"] in entry for p, _ in edits for entry in log) == 3
    assert sync.last_sync(ctx).steps[0].drift == evotor.drift

    # Nothing changed since: the next sync writes nothing.
    (evotor,) = asyncio.run(sync.sync(ctx)).steps
    assert (evotor.sent, evotor.drift) == (0, [])

    # The same product changed again after being written back: something else writes to the account.
    first, _ = edits[0]
    sandbox.server.edit_cloud(store.id, first["id"], Decimal(0))
    (evotor,) = asyncio.run(sync.sync(ctx)).steps
    assert [(d["product_id"], d["repeated"]) for d in evotor.drift] == [(first["id"], True)]


def test_the_owner_can_say_the_cloud_is_right(ctx, sandbox):
    asyncio.run(first_push(ctx, sandbox))
    store, edits = _drifted(sandbox)
    product, value = edits[1]
    sandbox.server.edit_cloud(store.id, product["id"], value)
    asyncio.run(sync.sync(ctx))
    assert cloud_milli(sandbox, store.id, product["id"]) != from_api(value)  # written back

    result = asyncio.run(keep_in_step.accept_cloud(ctx, store.id, product["id"]))
    assert result.ok == 1 and cloud_milli(sandbox, store.id, product["id"]) == from_api(value)
    item = next(i for i in push.targets(ctx.db, [store.id]) if i.product_id == product["id"])
    assert (item.target, item.source) == (from_api(value), "manual")
    (evotor,) = asyncio.run(sync.sync(ctx)).steps  # it stays: the owner's value now
    assert (evotor.sent, evotor.drift) == (0, [])
    with pytest.raises(Exception, match="nothing to accept"):
        asyncio.run(keep_in_step.accept_cloud(ctx, store.id, product["id"]))


def test_a_typed_value_waits_for_the_owners_push(ctx, sandbox):
    asyncio.run(first_push(ctx, sandbox))
    store = sandbox.shop.stores[0]
    product = goods_of(store)[0]
    cloud = cloud_milli(sandbox, store.id, product["id"])
    review.set_manual(ctx, store.id, product["id"], value_milli=cloud + 7 * SCALE)
    (evotor,) = asyncio.run(sync.sync(ctx)).steps
    assert (evotor.sent, evotor.waiting, evotor.drift) == (0, 1, [])
    assert cloud_milli(sandbox, store.id, product["id"]) == cloud


def test_a_sale_after_the_owners_value_carries_on_from_it(ctx, sandbox):
    asyncio.run(first_push(ctx, sandbox))
    manual = {(r["store_id"], r["product_id"]) for r in ctx.db["manual_values"].rows}
    store = sandbox.shop.stores[0]
    product = next(p for p in goods_of(store, 200) if (store.id, p["id"]) in manual and p["measure_name"] == "шт")
    before = cloud_milli(sandbox, store.id, product["id"])
    sandbox.server.sell(store.id, product["id"], Decimal(1))
    (evotor,) = asyncio.run(sync.sync(ctx)).steps
    assert evotor.ok and evotor.drift == []
    assert cloud_milli(sandbox, store.id, product["id"]) == before - SCALE == from_api(store.truth[product["id"]])
