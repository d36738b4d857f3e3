"""Configuration use cases: warehouses, overrides, settings, the mapping summary, the key."""

from __future__ import annotations

import aiohttp
import pytest

from stockdesk.context import AppContext
from stockdesk.imshop import ImshopError, Override, Warehouse
from stockdesk.jobs import imshop
from stockdesk.secrets import Secrets
from stockdesk.store import open_db

from .conftest import MSK, SPB


@pytest.fixture
def db(db_path):
    database = open_db(db_path)
    yield database
    database.conn.close()


def test_warehouse_round_trip_and_replace(db):
    stored = imshop.save_warehouse(db, Warehouse(" 7 ", SPB, " Склад ", " Пушкин ", online=True,
                                                 delivery_cities=("Гатчина", " "), public=False))
    assert stored == Warehouse("7", SPB, "Склад", "Пушкин", online=True, delivery_cities=("Гатчина",), public=False)
    assert imshop.get_warehouse(db, "7") == stored
    with pytest.raises(ImshopError) as err:
        imshop.save_warehouse(db, stored)
    assert err.value.code == "imshop_warehouse_exists"
    imshop.save_warehouse(db, Warehouse("7", MSK, "Склад 2", "Москва"), replace_existing=True)
    assert imshop.get_warehouse(db, "7").store_id == MSK
    assert [w.warehouse_id for w in imshop.list_warehouses(db)] == ["1", "web", "spb", "7"]
    assert imshop.remove_warehouse(db, "7") and not imshop.remove_warehouse(db, "7")


@pytest.mark.parametrize("warehouse, code", [
    (Warehouse("", MSK, "n", "c"), "imshop_warehouse_id"),
    (Warehouse("x", MSK, "", "c"), "imshop_warehouse_fields"),
    (Warehouse("x", MSK, "n", " "), "imshop_warehouse_fields"),
    (Warehouse("x", "nowhere", "n", "c"), "imshop_unknown_store"),
    (Warehouse("x", MSK, "n", "c", lat=55.0), "imshop_coordinates"),
    (Warehouse("x", MSK, "n", "c", lat=95.0, lon=37.0), "imshop_coordinates"),
    (Warehouse("x", MSK, "n", "c", lat=float("nan"), lon=37.0), "imshop_coordinates"),
])
def test_warehouse_validation(db, warehouse, code):
    with pytest.raises(ImshopError) as err:
        imshop.save_warehouse(db, warehouse)
    assert err.value.code == code and err.value.render()


def test_overrides(db):
    assert imshop.set_override(db, " X1 ", MSK, "p1") == Override("X1", MSK, "p1")
    imshop.set_override(db, "X1", MSK, "p2")  # the same offer in the same store: replaced
    imshop.set_override(db, "X1", SPB, "q1")
    assert imshop.list_overrides(db) == [Override("X1", MSK, "p2"), Override("X1", SPB, "q1")]
    for args, code in [(("X2", MSK, "svc"), "imshop_service"), (("X2", MSK, "nope"), "imshop_unknown_product"),
                       ((" ", MSK, "p1"), "imshop_offer_id")]:
        with pytest.raises(ImshopError) as err:
            imshop.set_override(db, *args)
        assert err.value.code == code
    assert imshop.remove_override(db, "X1", SPB) == 1
    assert imshop.remove_override(db, "X1") == 1
    assert imshop.list_overrides(db) == []


def test_settings(db):
    assert (imshop.settings(db).offer_field, imshop.settings(db).send_price) == ("code", False)
    imshop.set_offer_field(db, "barcode")
    imshop.set_send_price(db, True)
    imshop.set_listen_address(db, "0.0.0.0", 9000)
    current = imshop.settings(db)
    assert (current.offer_field, current.send_price, current.host, current.port) == ("barcode", True, "0.0.0.0", 9000)
    with pytest.raises(ImshopError):
        imshop.set_offer_field(db, "name")
    with pytest.raises(ImshopError):
        imshop.set_listen_address(db, "127.0.0.1", 70000)


def test_mapping_summary(db):
    summary = {m.warehouse.warehouse_id: m for m in imshop.mapping_summary(db)}
    assert (summary["1"].offers, summary["1"].unknown, summary["1"].ambiguous) == (3, ("400",), ("600",))
    assert (summary["spb"].offers, summary["spb"].unknown, summary["spb"].ambiguous) == (1, (), ())
    imshop.set_override(db, "600", MSK, "d1")  # settling it removes it from the ambiguous list
    assert imshop.mapping_summary(db)[0].ambiguous == ()


def test_override_to_unknown_balance_hides_the_field_match(db):
    imshop.set_override(db, "100", MSK, "p4")  # offer 100 is really p4, whose balance is unknown
    summary = imshop.mapping_summary(db)[0]
    assert "100" in summary.unknown and summary.offers == 2


def test_key_storage(db):
    secrets = Secrets()
    assert imshop.save_key(secrets, " k-1 ") == "keychain"
    assert secrets.get("imshop") == "k-1"
    with pytest.raises(ImshopError):
        imshop.save_key(secrets, "   ")


@pytest.mark.asyncio
async def test_availability_server_from_context(db_path):
    ctx = AppContext.open(db_path.parent)
    try:
        imshop.set_listen_address(ctx.db, "127.0.0.1", 8787)
        imshop.save_key(ctx.secrets, "ctx-key")
        server = imshop.availability_server(ctx, port=0)  # the configured port, overridden
        url = await server.start()
        try:
            async with aiohttp.ClientSession() as http:
                async with http.post(url, json={"city": "Москва", "configurationIds": ["100"], "key": "ctx-key"}) as r:
                    assert r.status == 200 and len((await r.json())["availability"]) == 2
        finally:
            await server.stop()
    finally:
        ctx.close()
