"""The Yandex sandbox is strict: what the API documents is accepted, everything else refused."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import httpx
import pytest
import pytest_asyncio

from stockdesk.sandbox.yandex_server import YandexSandbox

KEY = "ACMA:k:1"


def now(delta: timedelta = timedelta()) -> str:
    return (datetime.now(timezone.utc) + delta).isoformat(timespec="seconds")


@pytest_asyncio.fixture
async def groups():
    async with YandexSandbox(api_key=KEY, skus=["A", "B", "0557722"], has_groups=True) as sandbox:
        async with httpx.AsyncClient(base_url=sandbox.url, headers={"Api-Key": KEY}) as http:
            yield sandbox, http


def stock(sku="A", **item):
    return {"sku": sku, "items": [{"count": 1, "updatedAt": now(), **item}]}


async def put(http, body, campaign=2001):
    return await http.put(f"/v2/campaigns/{campaign}/offers/stocks", json=body)


@pytest.mark.asyncio
async def test_valid_update_is_applied_to_every_warehouse_of_the_group(groups):
    sandbox, http = groups
    r = await put(http, {"skus": [stock("A", count=7), stock("0557722", count=0)]})
    assert r.status_code == 200 and r.json() == {"status": "OK"}
    assert sandbox.count("A", 501) == sandbox.count("A", 502) == 7
    assert sandbox.count("0557722") == 0
    assert "X-RateLimit-Resource-Until" in r.headers


@pytest.mark.asyncio
@pytest.mark.parametrize("body,fragment", [
    ({"skus": []}, "'skus' size must be between '1' and '2000'"),
    ({"skus": [stock("A")] * 2}, "Duplicate shop-sku 'A'"),
    ({"skus": [{"sku": "A", "warehouseId": 1, "items": [{"count": 1}]}]}, "Unknown field 'warehouseId'"),
    ({"skus": [stock("A", type="FIT")]}, "Unknown field 'type'"),
    ({"skus": [{"sku": "A", "items": [{"count": 1}, {"count": 2}]}]}, "'items' size must be between '1' and '1'"),
    ({"skus": [stock("A", count=1.5)]}, "must be an integer"),
    ({"skus": [stock("A", count=-1)]}, "must be an integer"),
    ({"skus": [stock("A", count=2_000_000_001)]}, "must be an integer"),
    ({"skus": [stock("A", updatedAt=now(timedelta(minutes=5)))]}, "should not be in the future"),
    ({"skus": [stock("A", updatedAt=now(-timedelta(hours=25)))]}, "should not be older than a day"),
    ({"skus": [stock("A", updatedAt="2026-01-01T10:00:00")]}, "time zone offset"),
    ({"skus": [stock("557722")]}, "Offer '557722' not found"),
    ({"skus": [stock("A")] * 2001}, "'skus' size must be between"),
])
async def test_invalid_updates_are_refused_whole(groups, body, fragment):
    sandbox, http = groups
    r = await put(http, body)
    assert r.status_code == 400
    data = r.json()
    assert data["status"] == "ERROR"
    assert any(fragment in e["message"] for e in data["errors"]), data
    assert sandbox.pushes == [] and sandbox.stocks == {}


@pytest.mark.asyncio
async def test_body_over_512_kb_is_refused(groups):
    _, http = groups
    r = await put(http, {"skus": [stock("A" * 255)] * 1900})
    assert len(json.dumps({"skus": [stock("A" * 255)] * 1900})) > 512 * 1024
    assert r.status_code == 400 and "512 KB" in r.json()["errors"][0]["message"]


@pytest.mark.asyncio
async def test_auth_content_type_and_campaign(groups):
    sandbox, http = groups
    r = await http.put("/v2/campaigns/2001/offers/stocks", json={"skus": [stock()]}, headers={"Api-Key": "wrong"})
    assert r.status_code == 401
    r = await http.put("/v2/campaigns/2001/offers/stocks", content=b'{"skus":[]}', headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    assert (await put(http, {"skus": [stock()]}, campaign=999)).status_code == 404


@pytest.mark.asyncio
async def test_each_method_only_for_its_kind_of_cabinet(groups):
    sandbox, http = groups
    r = await http.post("/v3/businesses/1001/offers/stocks/update",
                        json={"skuItems": [{"sku": "A", "partnerWarehouseId": 501, "count": 1}]})
    assert r.status_code == 423
    async with YandexSandbox(api_key=KEY, skus=["A"]) as flat:
        async with httpx.AsyncClient(base_url=flat.url, headers={"Api-Key": KEY}) as http2:
            assert (await put(http2, {"skus": [stock()]})).status_code == 423
            r = await http2.post("/v3/businesses/1001/offers/stocks/update", json={"skuItems": [
                {"sku": "A", "partnerWarehouseId": 501, "count": 3, "updatedAt": now()},
                {"sku": "A", "partnerWarehouseId": 999, "count": 3}]})
            assert r.status_code == 400 and "Warehouse '999' not found" in r.text
            r = await http2.post("/v3/businesses/1001/offers/stocks/update", json={"skuItems": [
                {"sku": "A", "partnerWarehouseId": 501, "count": 3, "updatedAt": now()}]})
            assert r.status_code == 200 and flat.count("A", 501) == 3


@pytest.mark.asyncio
async def test_older_value_never_overwrites_a_newer_one(groups):
    sandbox, http = groups
    await put(http, {"skus": [stock("A", count=5, updatedAt=now())]})
    await put(http, {"skus": [stock("A", count=9, updatedAt=now(-timedelta(hours=1)))]})
    assert sandbox.count("A") == 5


@pytest.mark.asyncio
async def test_rate_limits_answer_420_with_resource_headers():
    async with YandexSandbox(api_key=KEY, skus=["A", "B"], has_groups=True, skus_per_window=1) as sandbox:
        async with httpx.AsyncClient(base_url=sandbox.url, headers={"Api-Key": KEY}) as http:
            assert (await put(http, {"skus": [stock("A")]})).status_code == 200
            r = await put(http, {"skus": [stock("B")]})
            assert r.status_code == 420
            assert r.headers["X-RateLimit-Resource-Remaining"] == "0"
            assert r.headers["X-RateLimit-Resource-Until"].endswith("GMT")
