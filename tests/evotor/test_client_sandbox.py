"""EvotorClient against the local Evotor sandbox over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest

from stockdesk.evotor import EvotorClient, EvotorError
from stockdesk.net import RetryPolicy
from stockdesk.sandbox import RunningSandbox, Shop, ShopSpec, generate_shop, sandboxes_of

NOW_MS = 1_760_000_000_000
FAST = RetryPolicy(base_delay=0.01, max_delay=0.1)


@pytest.fixture(scope="module")
def shop() -> Shop:
    return generate_shop(ShopSpec(stores=2, products_per_store=120, documents_per_store=1500, months=3,
                                  now_ms=NOW_MS))


@pytest.fixture
def make_sandbox(shop: Shop) -> Iterator[Callable[..., RunningSandbox]]:
    with sandboxes_of(shop, page_size=100, clock_ms=lambda: NOW_MS + 1) as make:
        yield make


@pytest.fixture
def sandbox(make_sandbox) -> RunningSandbox:
    return make_sandbox()


def evotor(sandbox: RunningSandbox, token: str | None = None, **kw) -> EvotorClient:
    kw.setdefault("policy", FAST)
    return EvotorClient(token or sandbox.token, sandbox.url, **kw)


async def read_window(client: EvotorClient, store_id: str, since_ms: int, until_ms: int, **kw) -> list[dict]:
    return [doc async for page in client.document_pages(store_id, since_ms=since_ms, until_ms=until_ms, **kw)
            for doc in page.items]


@pytest.mark.asyncio
async def test_stores_and_products(sandbox, shop):
    async with evotor(sandbox) as client:
        stores = await client.stores()
        products = await client.products(shop.stores[0].id)
    assert [s["id"] for s in stores] == [s.id for s in shop.stores]
    assert [p["id"] for p in products] == [p["id"] for p in shop.stores[0].products]
    assert len(products) > 100  # more than one page


@pytest.mark.asyncio
async def test_every_document_of_a_window_once(sandbox, shop):
    store = shop.stores[0]
    created = store.documents.created_ms
    since, until = sorted(created)[100], sorted(created)[1300]
    async with evotor(sandbox) as client:
        pages = [p async for p in client.document_pages(store.id, since_ms=since, until_ms=until)]
        stats = client.stats
    ids = [doc["id"] for page in pages for doc in page.items]
    expected = [i for i, ms in enumerate(created) if since <= ms < until]
    assert len(ids) == len(set(ids)) == len(expected) == 1200
    assert len(pages) == 12 and pages[-1].next_cursor is None
    assert [p.cursor for p in pages[1:]] == [p.next_cursor for p in pages[:-1]]
    assert stats["requests"] == 12 and stats["retries"] == 0


@pytest.mark.asyncio
async def test_type_filter(sandbox, shop):
    store = shop.stores[1]
    async with evotor(sandbox) as client:
        docs = await read_window(client, store.id, 0, NOW_MS, types=["SELL", "PAYBACK"])
    wanted = Counter(t for t in store.documents.types if t in ("SELL", "PAYBACK"))
    assert Counter(d["type"] for d in docs) == wanted


@pytest.mark.asyncio
async def test_resume_from_a_saved_cursor(sandbox, shop):
    store = shop.stores[0]
    async with evotor(sandbox) as client:
        first = []
        async for page in client.document_pages(store.id, since_ms=0, until_ms=NOW_MS):
            first.extend(page.items)
            if len(first) == 300:
                saved = page.next_cursor
                break
        rest = await read_window(client, store.id, 0, NOW_MS, cursor=saved)
    assert len({d["id"] for d in first + rest}) == len(first) + len(rest) == len(store.documents)


@pytest.mark.asyncio
async def test_rate_limit_is_respected_and_every_request_succeeds(make_sandbox, shop):
    sandbox = make_sandbox(rate_limit_rps=20)
    async with evotor(sandbox, max_concurrency=4) as client:
        results = await asyncio.gather(*(client.stores() for _ in range(45)))
        stats = client.stats
    assert all(len(r) == 2 for r in results)
    assert stats["throttled"] == sandbox.server.status_counts[429] >= 1
    assert sandbox.server.status_counts[200] == 45


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["500", "503", "reset", "truncate", "429"])
async def test_each_fault_kind_is_retried(make_sandbox, shop, kind):
    sandbox = make_sandbox()
    sandbox.server.faults.fail_next(kind, 2)
    async with evotor(sandbox) as client:
        products = await client.products(shop.stores[0].id)
        stats = client.stats
    assert len(products) == len(shop.stores[0].products)
    assert sandbox.server.fault_counts[kind] == 2
    assert stats["retries"] == 2


@pytest.mark.asyncio
async def test_faults_that_persist_become_errors(make_sandbox, shop):
    sandbox = make_sandbox()
    sandbox.server.faults.fail_next("503", 100)
    async with evotor(sandbox, policy=RetryPolicy(max_attempts=3, base_delay=0.01)) as client:
        with pytest.raises(EvotorError) as info:
            await client.stores()
    assert (info.value.code, info.value.status, info.value.retryable) == ("server", 503, True)


@pytest.mark.asyncio
async def test_patch_changes_the_cloud_quantity(sandbox, shop):
    store = shop.stores[0]
    product = next(p for p in store.products if p["type"] == "NORMAL")
    async with evotor(sandbox) as client:
        card = await client.patch_quantity(store.id, product["id"], 12_500)
    assert card["quantity"] == 12.5
    assert sandbox.server.cloud_quantity(store.id, product["id"]) == Decimal("12.5")
    assert sandbox.server.patches == [(store.id, product["id"], Decimal("12.5"))]


@pytest.mark.asyncio
async def test_patch_validation_surfaces_as_bad_request(sandbox, shop):
    store = shop.stores[0]
    service = next(p for p in store.products if p["type"] == "SERVICE")
    async with evotor(sandbox) as client:
        with pytest.raises(EvotorError) as info:
            await client.patch_quantity(store.id, service["id"], 1000)
        assert info.value.code == "bad_request" and info.value.status == 400
        assert "A service has no stock" in info.value.render()
        with pytest.raises(EvotorError) as info:
            await client.patch_quantity(store.id, "no-such-product", 1000)
        assert info.value.code == "not_found"


@pytest.mark.asyncio
@pytest.mark.parametrize("role, code", [("no_stock_rights", "no_stock_rights"), ("not_installed", "not_installed"),
                                        ("forbidden", "forbidden"), ("revoked", "unauthorized")])
async def test_account_problems(make_sandbox, shop, role, code):
    sandbox = make_sandbox(extra_tokens={"other-token": role})
    async with evotor(sandbox, token="other-token") as client:
        with pytest.raises(EvotorError) as info:
            await client.products(shop.stores[0].id)
    assert info.value.code == code
    assert "other-token" not in info.value.render()


@pytest.mark.asyncio
async def test_unknown_token_and_store(sandbox):
    async with evotor(sandbox, token="wrong") as client:
        with pytest.raises(EvotorError) as info:
            await client.stores()
    assert info.value.code == "unauthorized"
    async with evotor(sandbox) as client:
        with pytest.raises(EvotorError) as info:
            await client.products("20990101-0000-0000-0000-000000000000")
    assert info.value.code == "not_found"
