"""Yandex Market end to end against the strict sandbox: connect, preview, push, throttling, failures, resume."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from stockdesk.errors import UserError
from stockdesk.jobs import claims, matching, yandex
from stockdesk.sandbox.yandex_server import YandexSandbox
from stockdesk.yandex.config import YandexConfig
from stockdesk.yandex.errors import YandexError

from .conftest import STORE, YANDEX_KEY, add_product


def shop(ctx):
    """Products covering every rule; SKUs are their articles unless said otherwise."""
    add_product(ctx, "p-milk", "Молоко 3,2%", article="MILK", qty=5000)
    add_product(ctx, "p-cheese", "Сыр весовой", article="CHEESE", qty=1750, measure="кг")   # floor -> 1
    add_product(ctx, "p-minus", "Хлеб", article="BREAD", qty=-2000)                       # clamp -> 0
    add_product(ctx, "p-zero", "Кефир", code="KEFIR", qty=0)                               # explicit 0
    add_product(ctx, "p-unknown", "Сок", article="JUICE", qty=None)                        # unknown: not sent
    add_product(ctx, "p-old", "Чай", barcodes=("4601234567890",), qty=3000,
                fetched_at=(datetime.now(timezone.utc) - timedelta(days=3)).isoformat(timespec="seconds"))
    add_product(ctx, "p-a1", "Вода 1", article="WATER", qty=4000)                          # ambiguous pair
    add_product(ctx, "p-a2", "Вода 2", article="WATER", qty=6000)
    add_product(ctx, "p-svc", "Доставка", article="DELIVERY", service=True)
    return ["MILK", "CHEESE", "BREAD", "KEFIR", "JUICE", "4601234567890", "WATER", "DELIVERY", "NOT-IN-SHOP",
            "0MILK"]


async def connect(ctx, sandbox, **kw):
    result = await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=sandbox.campaign_id, **kw)
    yandex.set_enabled(ctx, True)
    return result


@pytest.mark.asyncio
async def test_connect_detects_a_cabinet_without_groups(ctx, ym, memory_keyring):
    ym.catalog = shop(ctx)
    result = await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=2001)
    cfg = YandexConfig.load(ctx)
    assert (cfg.mode, cfg.business_id, cfg.warehouse_id, cfg.store_id, cfg.enabled) == ("business", 1001, 501, STORE, False)
    assert result.offers == 10 and result.token_storage == "keychain"
    assert memory_keyring.passwords[("StockDesk", "yandex")] == YANDEX_KEY
    assert result.matching.to_json() == {"auto": 6, "ambiguous": 1, "unmatched": 3, "manual": 0}


@pytest.mark.asyncio
async def test_connect_detects_warehouse_groups(ctx, monkeypatch):
    async with YandexSandbox(api_key=YANDEX_KEY, skus=["MILK"], has_groups=True) as sandbox:
        monkeypatch.setenv("STOCKDESK_YANDEX_URL", sandbox.url)
        await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=2001)
    cfg = YandexConfig.load(ctx)
    assert (cfg.mode, cfg.warehouse_id) == ("campaign", None)


@pytest.mark.asyncio
async def test_wrong_key_is_a_setup_error(ctx, ym):
    with pytest.raises(YandexError) as err:
        await yandex.connect_yandex(ctx, "ACMA:wrong", campaign_id=2001)
    assert err.value.code == "unauthorized"


@pytest.mark.asyncio
async def test_preview_applies_the_rules(ctx, ym):
    ym.catalog = shop(ctx)
    await connect(ctx, ym)
    preview = yandex.preview_push(ctx)
    lines = {ln.sku: ln for ln in preview.lines}
    assert {s: ln.count for s, ln in lines.items()} == {"MILK": 5, "CHEESE": 1, "BREAD": 0, "KEFIR": 0,
                                                        "4601234567890": 3}
    assert [ln.sku for ln in preview.clamped] == ["BREAD"]
    assert [ln.sku for ln in preview.stale] == ["4601234567890"]
    now = datetime.now(timezone.utc)
    assert timedelta(hours=22, minutes=59) < now - lines["4601234567890"].updated_at <= timedelta(hours=23, seconds=5)
    assert preview.no_value == [("JUICE", "Сок")]
    assert (preview.ambiguous, preview.unmatched) == (1, 3)


@pytest.mark.asyncio
async def test_push_sends_only_mapped_skus_and_logs_each_item(ctx, ym):
    ym.catalog = shop(ctx)
    await connect(ctx, ym)
    result = await yandex.push_yandex(ctx)
    assert result.ok == 5 and result.failed == []
    assert [ln.sku for ln in result.clamped] == ["BREAD"]
    assert sorted(ym.pushed_skus()) == sorted(["MILK", "CHEESE", "BREAD", "KEFIR", "4601234567890"])
    assert {s: ym.count(s, 501) for s in ym.pushed_skus()} == {"MILK": 5, "CHEESE": 1, "BREAD": 0, "KEFIR": 0,
                                                              "4601234567890": 3}
    assert all(ym.count(s, 501) is None for s in ("JUICE", "WATER", "DELIVERY", "NOT-IN-SHOP", "0MILK"))
    body = ym.pushes[0]["body"]
    assert ym.pushes[0]["path"] == "/v3/businesses/1001/offers/stocks/update"
    assert set(body["skuItems"][0]) == {"sku", "partnerWarehouseId", "count", "updatedAt"}
    rows = list(ctx.db["push_items"].rows_where("run_id = ?", [result.run_id], order_by="target"))
    assert [(r["target"], r["new_value"], r["status"]) for r in rows] == [
        ("4601234567890", 3000, "ok"), ("BREAD", 0, "ok"), ("CHEESE", 1000, "ok"), ("KEFIR", 0, "ok"), ("MILK", 5000, "ok")]
    run = ctx.db["push_runs"].get(result.run_id)
    assert (run["channel"], run["status"]) == ("yandex", "done")
    # The next preview knows what was sent last.
    assert {ln.sku: ln.previous for ln in yandex.preview_push(ctx).lines}["MILK"] == 5


@pytest.mark.asyncio
async def test_two_pushes_at_once_send_each_sku_once(ctx, ym):
    ym.catalog = shop(ctx)
    await connect(ctx, ym)
    first, second = await asyncio.gather(yandex.push_yandex(ctx), yandex.push_yandex(ctx), return_exceptions=True)
    results = [r for r in (first, second) if isinstance(r, yandex.PushResult)]
    refused = [r for r in (first, second) if isinstance(r, claims.BusyError)]
    assert len(results) == 1 and results[0].ok == 5 and len(refused) == 1
    assert refused[0].render().startswith("A push to Yandex Market is running in this command")
    assert len(ym.pushes) == 1


@pytest.mark.asyncio
async def test_push_to_a_cabinet_with_groups_uses_the_campaign_method(ctx, monkeypatch):
    async with YandexSandbox(api_key=YANDEX_KEY, skus=shop(ctx), has_groups=True) as sandbox:
        monkeypatch.setenv("STOCKDESK_YANDEX_URL", sandbox.url)
        await connect(ctx, sandbox)
        result = await yandex.push_yandex(ctx)
    assert result.ok == 5
    assert sandbox.pushes[0]["path"] == "/v2/campaigns/2001/offers/stocks"
    assert sandbox.count("MILK", 501) == sandbox.count("MILK", 502) == 5


@pytest.mark.asyncio
async def test_switched_off_push_is_refused(ctx, ym):
    ym.catalog = shop(ctx)
    await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=2001)
    with pytest.raises(UserError) as err:
        await yandex.push_yandex(ctx)
    assert err.value.code == "disabled" and ym.pushes == []


def many(ctx, n: int) -> list[str]:
    skus = [f"SKU-{i:05d}" for i in range(n)]
    ctx.db["products"].insert_all({"store_id": STORE, "id": f"p{i}", "name": f"Товар {i}", "article_number": s,
                                   "barcodes": "[]", "is_service": 0, "cloud_qty": i * 1000,
                                   "fetched_at": datetime.now(timezone.utc).isoformat()} for i, s in enumerate(skus))
    return skus


@pytest.mark.asyncio
async def test_batches_of_at_most_500_unique_skus_and_two_in_flight(ctx, ym):
    ym.catalog = many(ctx, 1200)
    ym.latency = 0.05
    await connect(ctx, ym)
    result = await yandex.push_yandex(ctx)
    assert result.ok == 1200
    sizes = sorted(len(p["body"]["skuItems"]) for p in ym.pushes)
    assert sizes == [200, 500, 500]
    assert all(len({i["sku"] for i in p["body"]["skuItems"]}) == len(p["body"]["skuItems"]) for p in ym.pushes)
    assert sorted(ym.pushed_skus()) == ym.catalog
    assert ym.max_in_flight_seen <= 2
    assert not [r for r in ym.rejected if r["status"] == 420]


@pytest.mark.asyncio
async def test_420_waits_until_the_resource_is_free(ctx, ym):
    ym.catalog = shop(ctx)
    await connect(ctx, ym)
    ym.throttle_next(seconds=1.0, path="/offers/stocks/update")
    result = await yandex.push_yandex(ctx)
    assert result.ok == 5
    updates = [p for m, p in ym.requests if p.endswith("/offers/stocks/update")]
    assert len(updates) == 2 and len(ym.pushes) == 1


@pytest.mark.asyncio
async def test_a_rejected_sku_fails_alone_and_can_be_retried(ctx, ym):
    ym.catalog = shop(ctx)
    await connect(ctx, ym)
    ym.catalog.remove("CHEESE")  # Market no longer knows it: 400 "Offer 'CHEESE' not found"
    result = await yandex.push_yandex(ctx)
    assert result.ok == 4
    assert [(s, n) for s, n, _ in result.failed] == [("CHEESE", "Сыр весовой")]
    assert "Offer 'CHEESE' not found" in result.failed[0][2]
    assert ym.count("MILK", 501) == 5 and ym.count("CHEESE", 501) is None
    ym.catalog.append("CHEESE")
    retried = await yandex.retry_failed(ctx)
    assert (retried.ok, retried.failed) == (1, [])
    assert ym.count("CHEESE", 501) == 1


@pytest.mark.asyncio
async def test_a_batch_refused_without_naming_items_fails_whole(ctx, ym):
    ym.catalog = shop(ctx)
    await connect(ctx, ym)
    ym.fail_next(400, body={"status": "ERROR", "errors": [{"code": "BAD_REQUEST", "message": "Campaign type is not allowed"}]},
                 path="/offers/stocks/update")
    result = await yandex.push_yandex(ctx)
    assert result.ok == 0 and len(result.failed) == 5
    assert all("Campaign type is not allowed" in e for _, _, e in result.failed)


@pytest.mark.asyncio
async def test_interrupted_push_resumes_without_sending_anything_twice(ctx, ym):
    ym.catalog = many(ctx, 1000)
    await connect(ctx, ym)
    ym.fail_next(401, path="/offers/stocks/update")  # one of the two batches: the key was revoked
    with pytest.raises(YandexError) as err:
        await yandex.push_yandex(ctx)
    assert err.value.code == "unauthorized"
    assert yandex.unfinished_push(ctx)
    statuses = dict(ctx.db.execute("SELECT status, COUNT(*) FROM push_items GROUP BY status").fetchall())
    assert statuses == {"ok": 500, "pending": 500}
    result = await yandex.push_yandex(ctx)
    assert result.ok == 1000 and not yandex.unfinished_push(ctx)
    assert sorted(ym.pushed_skus()) == ym.catalog  # every SKU exactly once


@pytest.mark.asyncio
async def test_resume_sends_todays_values_and_drops_what_is_no_longer_mapped(ctx, ym):
    ym.catalog = shop(ctx)
    await connect(ctx, ym)
    ym.fail_next(401, path="/offers/stocks/update")
    with pytest.raises(YandexError):
        await yandex.push_yandex(ctx)
    ctx.db.execute("UPDATE products SET cloud_qty = 9000 WHERE id = 'p-milk'")
    matching.set_mapping(ctx, "yandex", STORE, "KEFIR", None)
    result = await yandex.push_yandex(ctx)
    assert ym.count("MILK", 501) == 9 and ym.count("KEFIR", 501) is None
    assert [s for s, _, _ in result.failed] == ["KEFIR"] and result.ok == 4


@pytest.mark.asyncio
async def test_check_integration_hides_pushes_and_shows_again(ctx, ym):
    ym.catalog = shop(ctx)
    await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=2001)  # works while the switch is off
    result = await yandex.check_integration(ctx, ["MILK", "KEFIR"])
    assert result.ok == 2
    assert ym.hide_log == [("hide", ["MILK", "KEFIR"]), ("unhide", ["MILK", "KEFIR"])]
    assert ym.hidden == set() and sorted(ym.pushed_skus()) == ["KEFIR", "MILK"]


@pytest.mark.asyncio
async def test_check_integration_shows_offers_again_when_the_push_fails(ctx, ym):
    ym.catalog = shop(ctx)
    await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=2001)
    ym.fail_next(403, path="/offers/stocks/update")
    with pytest.raises(YandexError):
        await yandex.check_integration(ctx, ["MILK"])
    assert ym.hidden == set() and [k for k, _ in ym.hide_log] == ["hide", "unhide"]


@pytest.mark.asyncio
async def test_a_value_stockdesk_pushed_to_evotor_counts_from_that_push(ctx, ym):
    ym.catalog = shop(ctx)
    await connect(ctx, ym)
    run_id = ctx.db["push_runs"].insert({"channel": "evotor", "status": "done", "started_at": "x"}).last_pk
    pushed_at = (datetime.now(timezone.utc) - timedelta(hours=1)).isoformat(timespec="seconds")
    ctx.db["push_items"].insert({"run_id": run_id, "store_id": STORE, "product_id": "p-old", "new_value": 3000,
                                 "status": "ok", "updated_at": pushed_at})
    line = {ln.sku: ln for ln in yandex.preview_push(ctx).lines}["4601234567890"]
    assert not line.stale and line.updated_at.isoformat() == pushed_at


@pytest.mark.asyncio
async def test_check_integration_says_when_offers_stay_hidden(ctx, ym):
    ym.catalog = shop(ctx)
    await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=2001)
    ym.fail_next(403, path="/hidden-offers/delete")
    with pytest.raises(YandexError) as err:
        await yandex.check_integration(ctx, ["MILK"])
    assert err.value.code == "still_hidden" and "MILK" in err.value.render()
    assert ym.hidden == {"MILK"} and ym.count("MILK", 501) == 5
