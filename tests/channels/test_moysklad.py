"""MoySklad end to end against the strict sandbox: gzip, tokens, paging, the brief report's rules,
incremental windows, throttling, compare -> review, MoySklad as the stock of record."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from stockdesk.errors import UserError
from stockdesk.jobs import moysklad, yandex
from stockdesk.moysklad import changed_since
from stockdesk.moysklad.client import MoySkladClient
from stockdesk.moysklad.config import MSK
from stockdesk.moysklad.errors import MoySkladError
from stockdesk.sandbox.moysklad_server import MoySkladSandbox
from stockdesk.sandbox.yandex_server import YandexSandbox

from .conftest import MS_TOKEN, STORE, YANDEX_KEY, add_product


def fill(ctx, ms):
    """Evotor products and MoySklad goods matched by article, code and barcode."""
    add_product(ctx, "p-milk", "Молоко", article="MILK", qty=5000)
    add_product(ctx, "p-bread", "Хлеб", code="B-1", qty=2000)
    add_product(ctx, "p-tea", "Чай", barcodes=("4601234567890",), qty=1000)
    add_product(ctx, "p-new", "Новинка", article="NEW", qty=0)
    add_product(ctx, "p-cheese", "Сыр", article="CHEESE", qty=1500, measure="кг")
    shop = ms.add_store("Основной склад")
    other = ms.add_store("Дальний склад")
    ids = {"milk": ms.add_item("Молоко", article="MILK"), "bread": ms.add_item("Хлеб", code="B-1"),
           "tea": ms.add_item("Чай", barcodes=[{"ean13": "4601234567890"}]),
           "new": ms.add_item("Новинка", article="NEW"),  # never moved: no row at all
           "cheese": ms.add_item("Сыр", article="CHEESE"),
           "svc": ms.add_item("Доставка", article="MILK", kind="service")}
    ms.set_stock(ids["milk"], shop, stock=7, reserve=2)
    ms.set_stock(ids["bread"], shop, stock=0)                 # a zero line
    ms.set_stock(ids["tea"], shop, stock=1)
    ms.set_stock(ids["tea"], other, stock=40)                 # a store not counted for Evotor
    ms.set_stock(ids["cheese"], shop, stock=2.25)
    ms.set_stock(ids["milk"], None, reserve=5)                # an order's reserve tied to no store
    return shop, other, ids


async def connect(ctx, ms):
    """Connect; the first MoySklad store counts for the Evotor store."""
    result = await moysklad.connect_moysklad(ctx, MS_TOKEN)
    if ms.stores:
        moysklad.map_store(ctx, next(iter(ms.stores)), STORE)
    return result


@pytest.mark.asyncio
async def test_gzip_is_required_and_sent(ms):
    url = ms.url + "/entity/store"
    auth = {"Authorization": f"Bearer {MS_TOKEN}"}
    async with httpx.AsyncClient() as http:
        for encoding in ("identity", "deflate, br"):
            r = await http.get(url, headers={**auth, "Accept-Encoding": encoding})
            assert r.status_code == 415 and r.content == b""
        async with http.stream("GET", url, headers={**auth, "Accept-Encoding": "gzip"}) as r:
            assert r.status_code == 200 and r.headers["Content-Encoding"] == "gzip"
    async with MoySkladClient(MS_TOKEN, ms.url) as client:
        assert await client.stores() == []
    assert all(req["headers"].get("Accept-Encoding") == "gzip" for req in ms.requests[-1:])


@pytest.mark.asyncio
async def test_connect_saves_the_token_and_maps_the_only_store(ctx, ms, memory_keyring):
    shop = ms.add_store("Основной склад")
    result = await connect(ctx, ms)
    assert result.token_storage == "keychain" and memory_keyring.passwords[("StockDesk", "moysklad")] == MS_TOKEN
    assert [(s.id, s.store_id) for s in result.stores] == [(shop, STORE)]


@pytest.mark.asyncio
async def test_wrong_token(ctx, ms):
    with pytest.raises(MoySkladError) as err:
        await moysklad.connect_moysklad(ctx, "nope")
    assert err.value.code == "unauthorized"


@pytest.mark.asyncio
async def test_login_token_needs_consent_and_revokes_the_old_one(ctx, ms, memory_keyring):
    with pytest.raises(UserError) as err:
        await moysklad.connect_moysklad(ctx, login=ms.login, password=ms.password)
    assert err.value.code == "confirm_revoke" and ms.tokens_issued == 0
    await moysklad.connect_moysklad(ctx, login=ms.login, password=ms.password, confirm_revoke=True)
    assert ms.tokens_issued == 1
    new = memory_keyring.passwords[("StockDesk", "moysklad")]
    assert new != MS_TOKEN and ms.tokens == {new}
    async with MoySkladClient(MS_TOKEN, ms.url) as old:
        with pytest.raises(MoySkladError):
            await old.stores()


@pytest.mark.asyncio
async def test_assortment_is_read_page_by_page(ms):
    for i in range(2500):
        ms.add_item(f"Товар {i}", article=f"A{i}")
    async with MoySkladClient(MS_TOKEN, ms.url) as client:
        rows = await client.assortment()
    assert len(rows) == 2500 and len({r["id"] for r in rows}) == 2500
    pages = [(r["query"]["limit"], r["query"]["offset"]) for r in ms.requests if r["path"].endswith("/entity/assortment")]
    assert pages == [("1000", "0"), ("1000", "1000"), ("1000", "2000")]
    assert ms.requests[-1]["headers"]["X-Lognex-Remap-Beta-Feature"] == "assortmentWithoutStock"
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {MS_TOKEN}", "Accept-Encoding": "gzip"}) as http:
        r = await http.get(ms.url + "/entity/assortment", params={"limit": 1001})
    assert r.status_code == 400 and r.json()["errors"][0]["code"] == 1002


@pytest.mark.asyncio
async def test_full_import_keeps_unknown_apart_from_zero(ctx, ms):
    shop, other, ids = fill(ctx, ms)
    await connect(ctx, ms)
    result = await moysklad.import_moysklad(ctx)
    assert (result.kind, result.stock_type) == ("full", "stock")
    assert result.matching[STORE].to_json() == {"auto": 5, "ambiguous": 0, "unmatched": 0, "manual": 0}
    assert result.unassigned == 1 and result.unknown == 1
    query = next(r["query"] for r in ms.requests if r["path"].endswith("/bystore/current"))
    assert query == {"stockType": "stock", "include": "zeroLines"}
    balances = dict(ctx.db.execute("SELECT product_id, qty FROM moysklad_balances").fetchall())
    assert balances == {"p-milk": 7000, "p-bread": 0, "p-tea": 1000, "p-new": None, "p-cheese": 2250}


@pytest.mark.asyncio
async def test_stock_type_and_rows_without_a_store(ctx, ms):
    shop, other, ids = fill(ctx, ms)
    await connect(ctx, ms)
    moysklad.set_stock_type(ctx, "freeStock")
    result = await moysklad.import_moysklad(ctx)
    assert result.stock_type == "freeStock"
    rows = dict(ctx.db.execute("SELECT ms_store_id, qty FROM moysklad_stock WHERE assortment_id = ?", [ids["milk"]]).fetchall())
    assert rows == {shop: 5000, "": -5000}   # 7 - 2 on the shop; the order reserve kept apart
    assert dict(ctx.db.execute("SELECT product_id, qty FROM moysklad_balances").fetchall())["p-milk"] == 5000


def test_changed_since_windows():
    now = datetime(2026, 9, 1, 12, 0, tzinfo=timezone.utc)
    assert changed_since(now, None, None) is None                                    # never imported: full
    assert changed_since(now, now - timedelta(hours=2), now - timedelta(minutes=30)) == "2026-09-01 14:25:00"
    assert changed_since(now, now - timedelta(hours=24), now - timedelta(minutes=30)) is None   # daily full
    assert changed_since(now, now - timedelta(hours=23), now - timedelta(hours=23, minutes=28)) is None  # too far back
    assert changed_since(now, now - timedelta(hours=1), now + timedelta(minutes=3)) == "2026-09-01 14:55:00"


@pytest.mark.asyncio
async def test_incremental_import_updates_what_changed(ctx, ms):
    shop, other, ids = fill(ctx, ms)
    long_ago = datetime.now().timestamp() - 3600
    for record in ms.records.values():
        record.changed_at = long_ago
    await connect(ctx, ms)
    await moysklad.import_moysklad(ctx)
    ms.set_stock(ids["bread"], shop, stock=12)
    ms.archive(ids["tea"])
    result = await moysklad.import_moysklad(ctx)
    assert result.kind == "incremental" and result.changed_since
    query = [r["query"] for r in ms.requests if r["path"].endswith("/bystore/current")][-1]
    assert set(query) == {"stockType", "changedSince"}
    sent = datetime.strptime(query["changedSince"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=MSK)
    assert timedelta(minutes=4) < datetime.now(timezone.utc) - sent < timedelta(minutes=6)  # overlaps the last window
    assert result.rows == 3   # bread, and tea on both stores (archived: 0)
    balances = dict(ctx.db.execute("SELECT product_id, qty FROM moysklad_balances").fetchall())
    assert balances == {"p-milk": 7000, "p-bread": 12000, "p-tea": 0, "p-new": None, "p-cheese": 2250}


@pytest.mark.asyncio
async def test_the_report_refuses_windows_beyond_24_hours(ms):
    async with MoySkladClient(MS_TOKEN, ms.url) as client:
        for moment in (datetime.now(MSK) - timedelta(hours=25), datetime.now(MSK) + timedelta(hours=1)):
            with pytest.raises(MoySkladError) as err:
                await client.stock_by_store("stock", changed_since=moment.strftime("%Y-%m-%d %H:%M:%S"))
            assert err.value.code == "bad_request" and err.value.api_codes == [1002]
    assert sum(1 for r in ms.requests if r["path"].endswith("/bystore/current")) == 2  # 4xx never retried


@pytest.mark.asyncio
async def test_429_waits_x_lognex_retry_after(ctx, ms):
    fill(ctx, ms)
    await connect(ctx, ms)
    ms.throttle_next(times=2, retry_after_ms=200, path="/bystore/current")
    result = await moysklad.import_moysklad(ctx)
    assert result.rows > 0
    assert sum(1 for r in ms.requests if r["path"].endswith("/bystore/current")) == 3


@pytest.mark.asyncio
async def test_parallel_limit_lowers_parallelism(monkeypatch):
    async with MoySkladSandbox(token=MS_TOKEN, max_parallel=1, latency=0.05) as sandbox:
        sandbox.add_store("Склад")
        async with MoySkladClient(MS_TOKEN, sandbox.url) as client:
            results = await asyncio.gather(*(client.stores() for _ in range(6)))
            assert all(len(r) == 1 for r in results)
            assert client.parallel_limit < 3
            assert client.stats["throttled"] > 0


@pytest.mark.asyncio
async def test_compare_and_accept_into_the_review(ctx, ms):
    fill(ctx, ms)
    ctx.db["results"].insert_all([
        {"store_id": STORE, "product_id": "p-milk", "status": "resolved", "value": 6000, "computed_at": "x"},
        {"store_id": STORE, "product_id": "p-bread", "status": "unresolved", "value": None, "computed_at": "x"},
        {"store_id": STORE, "product_id": "p-tea", "status": "resolved", "value": 1000, "computed_at": "x"},
        {"store_id": STORE, "product_id": "p-cheese", "status": "resolved", "value": 1000, "computed_at": "x"}])
    await connect(ctx, ms)
    await moysklad.import_moysklad(ctx)
    comparison = moysklad.compare(ctx)
    diffs = {d.product_id: (d.evotor_value, d.evotor_source, d.moysklad_value) for d in comparison.differences}
    assert diffs == {"p-milk": (6000, "documents", 7000), "p-bread": (None, "unresolved", 0),
                     "p-cheese": (1000, "documents", 2250)}
    assert (comparison.same, comparison.unknown) == (1, 1)
    result = moysklad.accept(ctx, {(STORE, "p-milk"), (STORE, "p-bread"), (STORE, "p-cheese")})
    assert result.accepted == 3 and result.failed == []
    manual = {r["product_id"]: (r["action"], r["value"], r["by"]) for r in ctx.db["manual_values"].rows}
    assert manual == {"p-milk": ("set", 7000, "moysklad"), "p-bread": ("set", 0, "moysklad"),
                      "p-cheese": ("set", 2250, "moysklad")}
    assert moysklad.compare(ctx).differences == []


@pytest.mark.asyncio
async def test_fractional_figure_for_piece_goods_is_reported_not_accepted(ctx, ms):
    shop, other, ids = fill(ctx, ms)
    ms.set_stock(ids["milk"], shop, stock=2.5)
    await connect(ctx, ms)
    await moysklad.import_moysklad(ctx)
    result = moysklad.accept(ctx)
    assert [d.product_id for d, _ in result.failed] == ["p-milk"]
    assert "whole number" in result.failed[0][1]


@pytest.mark.asyncio
async def test_moysklad_as_stock_of_record_feeds_yandex(ctx, ms, monkeypatch):
    fill(ctx, ms)
    await connect(ctx, ms)
    await moysklad.import_moysklad(ctx)
    moysklad.set_stock_source(ctx, "moysklad")
    async with YandexSandbox(api_key=YANDEX_KEY, skus=["MILK", "B-1", "NEW", "CHEESE"]) as sandbox:
        monkeypatch.setenv("STOCKDESK_YANDEX_URL", sandbox.url)
        await yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=2001)
        preview = yandex.preview_push(ctx)
    assert {ln.sku: ln.count for ln in preview.lines} == {"MILK": 7, "B-1": 0, "CHEESE": 2}
    assert preview.no_value == [("NEW", "Новинка")]   # MoySklad has no figure: unknown, not 0


@pytest.mark.asyncio
async def test_an_html_error_page_is_retried_then_read(ms):
    ms.add_store("Склад")
    ms.fail_next(503, body=b"<html><body>JBoss: Service Unavailable</body></html>", path="/entity/store")
    async with MoySkladClient(MS_TOKEN, ms.url) as client:
        assert [s["name"] for s in await client.stores()] == ["Склад"]
        assert client.stats["retries"] == 1
