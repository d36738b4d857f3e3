"""PATCH /stores/{sid}/products/{pid}: what the cloud accepts and what it rejects."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from stockdesk.sandbox.evotor_shop import parse_iso_ms

from .conftest import NOW_MS, V2


@pytest.fixture
def goods(sandbox):
    store = sandbox.shop.stores[0]
    product = next(p for p in store.products if p["type"] == "NORMAL")
    service = next(p for p in store.products if p["type"] == "SERVICE")
    return store.id, product, service


def patch(client: httpx.Client, store_id: str, product_id: str, body: bytes, content_type: str = V2) -> httpx.Response:
    return client.patch(f"/stores/{store_id}/products/{product_id}", content=body,
                        headers={"Content-Type": content_type})


@pytest.mark.parametrize(("body", "stored"), [
    (b'{"quantity": 12}', Decimal("12")),
    (b'{"quantity": 12.345}', Decimal("12.345")),
    (b'{"quantity": -3.5}', Decimal("-3.5")),
    (b'{"quantity": 9999999.999}', Decimal("9999999.999")),
    (b'{"quantity": 0}', Decimal("0")),
    (b'{"quantity": 1.5E+2}', Decimal("150")),
])
def test_accepted_quantities(client, sandbox, goods, body, stored):
    store_id, product, _ = goods
    response = patch(client, store_id, product["id"], body)
    assert response.status_code == 200, response.text
    card = response.json()
    assert Decimal(str(card["quantity"])) == stored
    assert parse_iso_ms(card["updated_at"]) == NOW_MS + 1 > parse_iso_ms(product["updated_at"])
    assert {k: v for k, v in card.items() if k not in ("quantity", "updated_at")} == {
        k: v for k, v in product.items() if k not in ("quantity", "updated_at")}
    assert sandbox.server.cloud_quantity(store_id, product["id"]) == stored
    assert sandbox.server.patches == [(store_id, product["id"], stored)]
    assert client.get(f"/stores/{store_id}/products/{product['id']}").json() == card
    # The shop itself keeps the initial cloud state.
    assert product["quantity"] != card["quantity"] or stored == Decimal(str(product["quantity"]))


@pytest.mark.parametrize(("body", "subject"), [
    (b'{"quantity": 1.2345}', "quantity"),
    (b'{"quantity": 1.0000}', "quantity"),         # scale 4 as written, like BigDecimal @Digits
    (b'{"quantity": 10000000}', "quantity"),       # 8 integer digits
    (b'{"quantity": "5"}', "quantity"),
    (b'{"quantity": null}', "quantity"),
    (b'{"quantity": true}', "quantity"),
    (b'{}', "body"),
    (b'[{"quantity": 1}]', "body"),
    (b'{"quantity": 1, "name": "x"}', "name"),
    (b'{"price": 1.234}', "price"),
    (b'{"cost_price": -1}', "cost_price"),
])
def test_rejected_bodies(client, sandbox, goods, body, subject):
    store_id, product, _ = goods
    response = patch(client, store_id, product["id"], body)
    assert response.status_code == 400
    error = response.json()
    assert error["code"] and error["message"]
    assert error["violations"][0]["subject"] == subject and error["violations"][0]["reason"]
    assert sandbox.server.patches == []
    assert sandbox.server.cloud_quantity(store_id, product["id"]) == Decimal(str(product["quantity"]))


@pytest.mark.parametrize("body", [b"", b"not json", b'{"quantity": NaN}', b'{"quantity": Infinity}'])
def test_invalid_json_is_400(client, goods, body):
    store_id, product, _ = goods
    assert patch(client, store_id, product["id"], body).status_code == 400


def test_service_has_no_stock(client, sandbox, goods):
    store_id, _, service = goods
    response = patch(client, store_id, service["id"], b'{"quantity": 1}')
    assert response.status_code == 400 and response.json()["violations"][0]["subject"] == "quantity"
    assert sandbox.server.cloud_quantity(store_id, service["id"]) is None
    assert patch(client, store_id, service["id"], b'{"price": 350}').status_code == 200


@pytest.mark.parametrize("content_type", ["application/json", "text/plain", ""])
def test_patch_needs_v2_content_type(client, goods, content_type):
    store_id, product, _ = goods
    assert patch(client, store_id, product["id"], b'{"quantity": 1}', content_type).status_code == 415


def test_patch_charset_parameter_is_fine(client, goods):
    store_id, product, _ = goods
    assert patch(client, store_id, product["id"], b'{"quantity": 1}', V2 + "; charset=utf-8").status_code == 200


def test_unknown_product_or_store(client, goods):
    store_id, product, _ = goods
    assert patch(client, store_id, "00000000-0000-0000-0000-000000000000", b'{"quantity": 1}').status_code == 404
    assert patch(client, "20250101-0000-0000-0000-000000000000", product["id"], b'{"quantity": 1}').status_code == 404


def test_patch_bumps_updated_at_for_since(client, goods):
    store_id, product, _ = goods
    assert patch(client, store_id, product["id"], b'{"quantity": 7}').status_code == 200
    changed = client.get(f"/stores/{store_id}/products", params={"since": NOW_MS}).json()
    assert [p["id"] for p in changed["items"]] == [product["id"]]
