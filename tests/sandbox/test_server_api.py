"""The sandbox API: auth and media types, stores, products, documents with cursors and filters."""

from __future__ import annotations

import httpx
import pytest

from stockdesk.sandbox.evotor_shop import parse_iso_ms

from .conftest import NOW_MS, V2, api_client


def all_pages(client: httpx.Client, path: str, **params) -> tuple[list[dict], list[str]]:
    items, cursors = [], []
    response = client.get(path, params=params)
    while True:
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        cursor = page["paging"].get("next_cursor")
        if not cursor:
            assert page["paging"] == {}
            return items, cursors
        cursors.append(cursor)
        response = client.get(path, params={"cursor": cursor})


# -- auth and media types --

@pytest.mark.parametrize("header", [None, "Bearer", "Bearer wrong-token", "demo-evotor-token", "Basic demo-evotor-token"])
def test_missing_or_wrong_token_is_401(sandbox, header):
    headers = {"Accept": V2} | ({"Authorization": header} if header else {})
    response = httpx.get(f"{sandbox.url}/stores", headers=headers)
    assert response.status_code == 401
    assert set(response.json()) == {"code", "message"}


@pytest.mark.parametrize(("role", "status"), [("not_installed", 402), ("forbidden", 403), ("revoked", 401)])
def test_token_roles(make_sandbox, role, status):
    sandbox = make_sandbox(extra_tokens={"other-token": role})
    with api_client(sandbox, "other-token") as client:
        store = sandbox.shop.stores[0].id
        for path in ("/stores", f"/stores/{store}/products", f"/stores/{store}/documents"):
            response = client.get(path)
            assert response.status_code == status
            assert response.json()["code"] and response.json()["message"]


def test_token_without_stock_rights_sees_no_quantity(make_sandbox):
    sandbox = make_sandbox(extra_tokens={"no-stock": "no_stock_rights"})
    store = sandbox.shop.stores[0]
    with api_client(sandbox, "no-stock") as client:
        products, _ = all_pages(client, f"/stores/{store.id}/products")
        assert len(products) == len(store.products)
        assert all("quantity" not in p for p in products)
        product = next(p for p in products if p["type"] == "NORMAL")
        url = f"/stores/{store.id}/products/{product['id']}"
        headers = {"Content-Type": V2}
        assert client.patch(url, content=b'{"quantity": 5}', headers=headers).status_code == 403
        response = client.patch(url, content=b'{"price": 99.9}', headers=headers)
        assert response.status_code == 200 and "quantity" not in response.json()


@pytest.mark.parametrize("accept", [None, "*/*", "application/json", "application/vnd.evotor.v1+json"])
def test_accept_must_name_v2(sandbox, accept):
    headers = {"Authorization": f"Bearer {sandbox.token}"} | ({"Accept": accept} if accept else {})
    response = httpx.get(f"{sandbox.url}/stores", headers=headers)
    assert response.status_code == 406
    assert response.json()["code"]


def test_accept_with_v2_among_others_is_fine(sandbox):
    headers = {"Authorization": f"bearer {sandbox.token}", "Accept": f"application/json, {V2}"}
    assert httpx.get(f"{sandbox.url}/stores", headers=headers).status_code == 200


# -- stores and products --

def test_stores(client, sandbox):
    response = client.get("/stores")
    assert response.headers["Content-Type"].startswith(V2)
    body = response.json()
    assert body["paging"] == {}
    assert [s["id"] for s in body["items"]] == [s.id for s in sandbox.shop.stores]
    first = body["items"][0]
    assert set(first) == {"id", "name", "address", "user_id", "created_at", "updated_at"}
    assert client.get(f"/stores/{first['id']}").json() == first
    assert client.get("/stores/20250101-0000-0000-0000-000000000000").status_code == 404
    assert client.get("/stores/20250101-0000-0000-0000-000000000000/documents").status_code == 404
    assert client.get("/no-such-thing").status_code == 404


def test_products_page_and_since(make_sandbox):
    sandbox = make_sandbox(page_size=100)
    store = sandbox.shop.stores[0]
    with api_client(sandbox) as client:
        products, cursors = all_pages(client, f"/stores/{store.id}/products")
        assert products == store.products and len(cursors) == 4
        since = sorted(parse_iso_ms(p["updated_at"]) for p in store.products)[300]
        recent, _ = all_pages(client, f"/stores/{store.id}/products", since=since)
        assert recent == [p for p in store.products if parse_iso_ms(p["updated_at"]) >= since]
        assert client.get(f"/stores/{store.id}/products", params={"cursor": cursors[0], "since": since}).status_code == 400
        product = store.products[5]
        assert client.get(f"/stores/{store.id}/products/{product['id']}").json() == product
        assert client.get(f"/stores/{store.id}/products/00000000-0000-0000-0000-000000000000").status_code == 404
        groups, _ = all_pages(client, f"/stores/{store.id}/product-groups")
        assert groups == store.product_groups


# -- documents --

def test_documents_paging_cursors(make_sandbox):
    sandbox = make_sandbox(page_size=500)
    store = sandbox.shop.stores[1]
    path = f"/stores/{store.id}/documents"
    with api_client(sandbox) as client:
        docs, cursors = all_pages(client, path)
        assert len(docs) == len(store.documents) and len(cursors) == 11
        assert {d["id"] for d in docs} == {d["id"] for d in store.documents}
        for cursor in cursors:
            assert "+" in cursor and "/" in cursor and "=" in cursor
        # A cursor is reusable (a client may retry a failed page) and gives the same page.
        again = client.get(path, params={"cursor": cursors[3]}).json()
        assert again == client.get(path, params={"cursor": cursors[3]}).json()
        # Filters belong to the first request only.
        for extra in ({"since": 0}, {"until": NOW_MS}, {"type": "SELL"}):
            response = client.get(path, params={"cursor": cursors[0], **extra})
            assert response.status_code == 400 and response.json()["violations"]
        # Not URL-encoded: '+' arrives as a space.
        raw = client.get(f"{path}?cursor={cursors[0]}")
        assert raw.status_code == 400
        for garbled in ("abc", cursors[0][:-4], cursors[0].replace("A", "B", 1) + "x", "", "%%%"):
            assert client.get(path, params={"cursor": garbled}).status_code == 400
        other_store = f"/stores/{sandbox.shop.stores[0].id}/documents"
        assert client.get(other_store, params={"cursor": cursors[0]}).status_code == 400
        assert client.get(f"/stores/{store.id}/products", params={"cursor": cursors[0]}).status_code == 400


def test_documents_within_a_page_are_not_in_order(make_sandbox):
    sandbox = make_sandbox(page_size=200, filter_by="close_date")
    store = sandbox.shop.stores[0]
    with api_client(sandbox) as client:
        page = client.get(f"/stores/{store.id}/documents").json()["items"]
    closes = [parse_iso_ms(d["close_date"]) for d in page]
    assert closes != sorted(closes)
    # ...but pages follow each other: this page holds the 200 earliest documents.
    assert sorted(closes) == list(store.documents.close_ms[:200])


@pytest.mark.parametrize("filter_by", ["created_at", "close_date"])
def test_since_until_filter_by_the_chosen_timestamp(make_sandbox, filter_by):
    sandbox = make_sandbox(page_size=50, filter_by=filter_by)
    store = sandbox.shop.stores[0]
    late = next(i for i, (close, created) in enumerate(zip(store.documents.close_ms, store.documents.created_ms))
                if created - close > 86_400_000)  # closed offline, arrived more than a day later
    since = store.documents.created_ms[late] - 1
    until = since + 10 * 86_400_000
    stamps = store.documents.created_ms if filter_by == "created_at" else store.documents.close_ms
    with api_client(sandbox) as client:
        docs, _ = all_pages(client, f"/stores/{store.id}/documents", since=since, until=until)
    expected = {d["id"] for d, ts in zip(store.documents, stamps) if since <= ts < until}
    assert len(expected) > 100 and {d["id"] for d in docs} == expected
    assert all(since <= parse_iso_ms(d[filter_by]) < until for d in docs)
    # The late document is in the window it arrived in, not in the one it was closed in.
    assert (store.documents[late]["id"] in expected) == (filter_by == "created_at")


def test_until_defaults_to_now(make_sandbox):
    sandbox = make_sandbox(clock_ms=lambda: NOW_MS - 30 * 86_400_000)
    store = sandbox.shop.stores[0]
    with api_client(sandbox) as client:
        store_docs, _ = all_pages(client, f"/stores/{store.id}/documents")
    cutoff = NOW_MS - 30 * 86_400_000
    assert len(store_docs) == sum(1 for ts in store.documents.created_ms if ts < cutoff)


def test_type_filter(client, sandbox):
    store = sandbox.shop.stores[0]
    path = f"/stores/{store.id}/documents"
    docs, _ = all_pages(client, path, type="INVENTORY,ACCEPT")
    assert {d["type"] for d in docs} == {"INVENTORY", "ACCEPT"}
    assert len(docs) == sum(1 for t in store.documents.types if t in ("INVENTORY", "ACCEPT"))
    for bad in ("SOME_NEW_TYPE", "SELL,,ACCEPT", "sell", ""):
        assert client.get(path, params={"type": bad}).status_code == 400
    for bad in ({"since": "yesterday"}, {"until": "-5"}, {"since": "1.5"}):
        assert client.get(path, params=bad).status_code == 400


def test_type_filter_pages(make_sandbox):
    sandbox = make_sandbox(page_size=100)
    store = sandbox.shop.stores[0]
    with api_client(sandbox) as client:
        docs, cursors = all_pages(client, f"/stores/{store.id}/documents", type="ACCEPT,PAYBACK,WRITE_OFF",
                                  since=store.documents.created_ms[100])
    expected = [i for i, (t, ts) in enumerate(zip(store.documents.types, store.documents.created_ms))
                if t in ("ACCEPT", "PAYBACK", "WRITE_OFF") and ts >= store.documents.created_ms[100]]
    assert len(docs) == len(expected) and len(cursors) == (len(expected) - 1) // 100
    assert len({d["id"] for d in docs}) == len(docs)


def test_one_document(client, sandbox):
    store = sandbox.shop.stores[0]
    doc = store.documents[1234]
    assert client.get(f"/stores/{store.id}/documents/{doc['id']}").json() == doc
    assert client.get(f"/stores/{store.id}/documents/00000000-0000-0000-0000-000000000000").status_code == 404


def test_a_saved_cursor_survives_a_restart_of_the_same_shop(make_sandbox):
    first, second = make_sandbox(page_size=100), make_sandbox(page_size=100)
    store = first.shop.stores[0]
    path = f"/stores/{store.id}/documents"
    with api_client(first) as a, api_client(second) as b:
        cursor = a.get(path).json()["paging"]["next_cursor"]
        assert a.get(path, params={"cursor": cursor}).json() == b.get(path, params={"cursor": cursor}).json()
