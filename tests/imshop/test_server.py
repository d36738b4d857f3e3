"""The availability webhook over real HTTP on 127.0.0.1, answering from a real SQLite file."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest

from stockdesk.imshop import AvailabilityServer, ImshopError
from stockdesk.jobs import imshop
from stockdesk.store import open_db
from .conftest import KEY, MSK, SPB, add_product, auth

IDS = ["100", "200", "300", "400", "500", "600", "999"]


async def post(http, server, payload, headers=None):
    async with http.post(server.status.url, json=payload, headers=headers) as resp:
        return resp.status, await resp.json(), resp


def by_warehouse(body) -> dict[tuple[str, str], dict]:
    return {(row["id"], row["warehouseId"]): row for row in body["availability"]}


@pytest.mark.asyncio
async def test_good_request_quantities_and_warehouses(server, http):
    status, body, resp = await post(http, server, {"city": "Москва", "configurationIds": IDS}, auth())
    assert status == 200 and resp.content_type == "application/json"
    assert [w["warehouseId"] for w in body["warehouses"]] == ["1", "web"]
    assert body["warehouses"][0] == {
        "warehouseId": "1", "name": "ТЦ Авиапарк", "address": "Ходынский б-р, 4", "city": "Москва",
        "lat": 55.7905543, "lon": 37.5319846, "online": False, "public": True, "subway": "ЦСКА", "mall": "Авиапарк"}
    assert body["warehouses"][1]["online"] is True
    rows = by_warehouse(body)
    # 100: 10 pcs; 200: 2.7 kg floored to 2; 300: negative sent as 0. Both warehouses show store MSK.
    assert {k: r["quantity"] for k, r in rows.items()} == {
        ("100", "1"): 10, ("100", "web"): 10, ("200", "1"): 2, ("200", "web"): 2, ("300", "1"): 0, ("300", "web"): 0}
    # 400 unknown balance, 500 a service, 600 two products share the code, 999 unknown id: all absent
    assert all("price" not in r for r in rows.values())


@pytest.mark.asyncio
async def test_prices_when_enabled(db_path, server, http):
    db = open_db(db_path)
    imshop.set_send_price(db, True)
    db.conn.close()
    _, body, _ = await post(http, server, {"city": "Москва", "configurationIds": ["100", "200"]}, auth())
    rows = by_warehouse(body)
    assert rows["100", "1"]["price"] == 99.5 and rows["200", "1"]["price"] == 350
    assert isinstance(rows["200", "1"]["price"], int)
    _, body, _ = await post(http, server, {"city": "Москва", "configurationIds": ["300"]}, auth())
    assert all("price" not in r for r in body["availability"])  # no price known: none sent


@pytest.mark.asyncio
async def test_offer_ids_needing_json_escapes(db_path, server, http):
    odd = 'a"b\\c\u2028ё\t'
    db = open_db(db_path)
    add_product(db, SPB, "odd", qty=3_000, code=odd)
    db.conn.commit()
    db.conn.close()
    _, body, _ = await post(http, server, {"city": "Санкт-Петербург", "configurationIds": [odd, "\ud800"]}, auth())
    assert body["availability"] == [{"id": odd, "warehouseId": "spb", "quantity": 3}]


@pytest.mark.asyncio
@pytest.mark.parametrize("city, expected", [
    ("  санкт-петербург ", ["spb"]),
    ("МОСКВА", ["1", "web"]),
    ("Тула", ["web"]),          # the online warehouse delivers there
    ("Казань", []),
])
async def test_city_filter(server, http, city, expected):
    _, body, _ = await post(http, server, {"city": city, "configurationIds": ["100"]}, auth())
    assert [w["warehouseId"] for w in body["warehouses"]] == expected
    assert sorted(r["warehouseId"] for r in body["availability"]) == sorted(expected)


@pytest.mark.asyncio
async def test_online_warehouse_without_delivery_list_serves_every_city(db_path, server, http):
    db = open_db(db_path)
    web = imshop.get_warehouse(db, "web")
    imshop.save_warehouse(db, type(web)(**{**web.__dict__, "delivery_cities": ()}), replace_existing=True)
    db.conn.close()
    _, body, _ = await post(http, server, {"city": "Казань", "configurationIds": ["100"]}, auth())
    assert [w["warehouseId"] for w in body["warehouses"]] == ["web"]
    assert body["availability"] == [{"id": "100", "warehouseId": "web", "quantity": 10}]


@pytest.mark.asyncio
async def test_warehouse_id_filter(server, http):
    _, body, _ = await post(http, server, {"city": "Москва", "configurationIds": ["100"], "warehouseId": "web"}, auth())
    assert [w["warehouseId"] for w in body["warehouses"]] == ["web"]
    assert body["availability"] == [{"id": "100", "warehouseId": "web", "quantity": 10}]
    _, body, _ = await post(http, server, {"city": "Москва", "configurationIds": ["100"], "warehouseId": 1}, auth())
    assert body["availability"] == [{"id": "100", "warehouseId": "1", "quantity": 10}]
    # a warehouse of another city is not answered for this city
    _, body, _ = await post(http, server, {"city": "Москва", "configurationIds": ["100"], "warehouseId": "spb"}, auth())
    assert body == {"warehouses": [], "availability": []}


@pytest.mark.asyncio
async def test_key_in_body(server, http):
    status, body, _ = await post(http, server, {"city": "Санкт-Петербург", "configurationIds": ["100"], "key": KEY})
    assert status == 200 and body["availability"] == [{"id": "100", "warehouseId": "spb", "quantity": 4}]


@pytest.mark.asyncio
@pytest.mark.parametrize("headers, extra", [
    (None, {}),                                          # no key at all
    (auth("wrong"), {}),                                 # wrong header
    ({"Authorization": f"Basic {KEY}"}, {}),             # not a bearer token
    (None, {"key": "wrong"}),                            # wrong body key
    (None, {"key": KEY[:-1]}),                           # a prefix is not the key
    (None, {"key": 12345}),                              # not a string
    (None, {"configurationIds": "x"}),                   # checked only after the key
])
async def test_missing_or_wrong_key(server, http, headers, extra):
    status, body, _ = await post(http, server, {"city": "Москва", "configurationIds": ["100"], **extra}, headers)
    assert status == 401 and body["error"] == "unauthorized"
    assert server.status.requests_served == 0 and server.status.requests_rejected == 1
    assert KEY not in (server.status.last_error or "")


@pytest.mark.asyncio
async def test_empty_configured_key_closes_the_endpoint(db_path, http):
    srv = AvailabilityServer(db_path, "  ")
    await srv.start()
    try:
        for headers, extra in [(auth(""), {"key": ""}), ({"Authorization": "Bearer "}, {}), (None, {})]:
            status, body, _ = await post(http, srv, {"city": "Москва", "configurationIds": ["100"], **extra}, headers)
            assert status == 401 and body["error"] == "unauthorized"
        srv.set_key(KEY)  # the owner enters the key: open from the next request on
        status, _, _ = await post(http, srv, {"city": "Москва", "configurationIds": ["100"]}, auth())
        assert status == 200
    finally:
        await srv.stop()


@pytest.mark.asyncio
@pytest.mark.parametrize("raw, code", [
    (b"{not json", "malformed_json"),
    (b"\xff\xfe\x00", "malformed_json"),
    (b"", "malformed_json"),
    (b"[1, 2]", "bad_request"),
    (b'{"city": "\xd0\x9c"}', "bad_request"),                         # no configurationIds
    (b'{"city": "x", "configurationIds": "100"}', "bad_request"),     # not a list
    (b'{"city": "x", "configurationIds": [{"id": 1}]}', "bad_request"),
    (b'{"city": "x", "configurationIds": [true]}', "bad_request"),
    (b'{"city": "x", "configurationIds": [1.5]}', "bad_request"),
    (b'{"city": 7, "configurationIds": ["1"]}', "bad_request"),
    (b'{"city": "x", "configurationIds": ["1"], "warehouseId": ["1"]}', "bad_request"),
    (b"[" * 50_000, "malformed_json"),                                  # too deep for either parser
])
async def test_bad_bodies(server, http, raw, code):
    async with http.post(server.status.url, data=raw, headers=auth()) as resp:
        assert resp.status == 400 and resp.content_type == "application/json"
        assert (await resp.json())["error"] == code


@pytest.mark.asyncio
async def test_too_many_ids(db_path, http):
    srv = AvailabilityServer(db_path, KEY, max_ids=5)
    await srv.start()
    try:
        status, body, _ = await post(http, srv, {"city": "Москва", "configurationIds": [str(i) for i in range(6)]}, auth())
        assert status == 400 and body["error"] == "too_many_ids"
    finally:
        await srv.stop()


@pytest.mark.asyncio
async def test_oversized_body(db_path, http):
    srv = AvailabilityServer(db_path, KEY, max_body=1024)
    await srv.start()
    try:
        big = json.dumps({"city": "Москва", "configurationIds": ["x" * 50] * 100}).encode()
        async with http.post(srv.status.url, data=big, headers=auth()) as resp:
            assert resp.status == 413 and (await resp.json())["error"] == "too_large"

        async def chunks():  # no Content-Length: the limit holds while reading
            for i in range(0, len(big), 256):
                yield big[i:i + 256]
        async with http.post(srv.status.url, data=chunks(), headers=auth()) as resp:
            assert resp.status == 413 and (await resp.json())["error"] == "too_large"
    finally:
        await srv.stop()


@pytest.mark.asyncio
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_wrong_method(server, http, method):
    async with http.request(method, server.status.url, headers=auth()) as resp:
        assert resp.status == 405 and resp.headers["Allow"] == "POST"
        assert (await resp.json())["error"] == "method_not_allowed"


@pytest.mark.asyncio
async def test_integer_and_repeated_ids(server, http):
    _, body, _ = await post(http, server, {"city": "Санкт-Петербург", "configurationIds": [100, "100", "100"]}, auth())
    assert body["availability"] == [{"id": "100", "warehouseId": "spb", "quantity": 4}]


@pytest.mark.asyncio
async def test_empty_ids_and_missing_city(server, http):
    _, body, _ = await post(http, server, {"city": "Москва", "configurationIds": []}, auth())
    assert body["availability"] == [] and len(body["warehouses"]) == 2
    _, body, _ = await post(http, server, {"configurationIds": ["100"]}, auth())  # no city: every warehouse
    assert [w["warehouseId"] for w in body["warehouses"]] == ["1", "web", "spb"]


@pytest.mark.asyncio
async def test_answers_follow_database_changes(db_path, server, http):
    payload = {"city": "Санкт-Петербург", "configurationIds": ["100", "700"]}
    _, body, _ = await post(http, server, payload, auth())
    assert body["availability"] == [{"id": "100", "warehouseId": "spb", "quantity": 4}]
    db = open_db(db_path)
    with db.conn:
        db.execute("UPDATE products SET cloud_qty = -1 WHERE store_id = ? AND id = 'q1'", [SPB])
        db.execute("UPDATE products SET cloud_qty = 1500 WHERE store_id = ? AND id = 'p1'", [MSK])
    add_product(db, SPB, "q7", qty=8_000, code="700")
    db.conn.commit()
    _, body, _ = await post(http, server, payload, auth())
    assert by_warehouse(body) == {("100", "spb"): {"id": "100", "warehouseId": "spb", "quantity": 0},
                                  ("700", "spb"): {"id": "700", "warehouseId": "spb", "quantity": 8}}
    db.execute("UPDATE products SET cloud_qty = NULL WHERE store_id = ? AND id = 'q7'", [SPB])
    db.conn.commit()
    _, body, _ = await post(http, server, payload, auth())
    assert [r["id"] for r in body["availability"]] == ["100"]  # unknown again: left out
    db.conn.close()


@pytest.mark.asyncio
async def test_overrides_and_offer_fields(db_path, server, http):
    db = open_db(db_path)
    imshop.set_override(db, "600", MSK, "d2")        # settles the shared code
    imshop.set_override(db, "SKU-X", MSK, "p1")      # an offer id no field gives
    db.conn.commit()
    payload = {"city": "Москва", "configurationIds": ["600", "SKU-X"], "warehouseId": "1"}
    _, body, _ = await post(http, server, payload, auth())
    assert body["availability"] == [{"id": "600", "warehouseId": "1", "quantity": 7},
                                    {"id": "SKU-X", "warehouseId": "1", "quantity": 10}]
    for field, offer_id in [("barcode", "4600000000001"), ("article_number", "A-1"), ("id", "p1")]:
        imshop.set_offer_field(db, field)
        db.conn.commit()
        _, body, _ = await post(http, server, {**payload, "configurationIds": [offer_id, "100"]}, auth())
        assert body["availability"] == [{"id": offer_id, "warehouseId": "1", "quantity": 10}], field
    db.conn.close()


@pytest.mark.asyncio
async def test_status_counts_and_stop(db_path, http):
    srv = AvailabilityServer(db_path, KEY)
    assert not srv.status.running
    url = await srv.start()
    assert url.startswith("http://127.0.0.1:") and url.endswith("/availability")
    assert srv.status.running and srv.status.url == url
    await post(http, srv, {"city": "Москва", "configurationIds": ["100"]}, auth())
    await post(http, srv, {"city": "Москва", "configurationIds": ["100"]}, auth("nope"))
    assert (srv.status.requests_served, srv.status.requests_rejected) == (1, 1)
    assert srv.status.last_error.startswith("401")
    await srv.stop()
    assert not srv.status.running
    with pytest.raises(Exception):
        async with http.post(url, json={}) as resp:
            await resp.read()


@pytest.mark.asyncio
async def test_port_in_use_is_a_clear_error(db_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        srv = AvailabilityServer(db_path, KEY, port=busy.getsockname()[1])
        with pytest.raises(ImshopError) as err:
            await srv.start()
        assert err.value.code == "imshop_listen" and not srv.status.running
        assert srv.status.last_error.startswith("listen")


@pytest.mark.asyncio
async def test_unreadable_database_fails_start(tmp_path):
    srv = AvailabilityServer(tmp_path / "missing.db", KEY)
    with pytest.raises(ImshopError) as err:
        await srv.start()
    assert err.value.code == "imshop_db"


@pytest.mark.asyncio
async def test_concurrent_requests_never_see_data_older_than_their_arrival(db_path, server, http):
    db = open_db(db_path)
    payload = {"city": "Санкт-Петербург", "configurationIds": ["100"]}
    for value in range(1, 16):
        db.execute("UPDATE products SET cloud_qty = ? WHERE store_id = ? AND id = 'q1'", [value * 1000, SPB])
        db.conn.commit()
        answers = await asyncio.gather(*(post(http, server, payload, auth()) for _ in range(6)))
        assert {body["availability"][0]["quantity"] for _, body, _ in answers} == {value}
    db.conn.close()


@pytest.mark.asyncio
async def test_failed_rebuild_answers_503_then_recovers(db_path, server, http, monkeypatch):
    from stockdesk.imshop import snapshot_cache
    real_load = snapshot_cache.load_snapshot

    def broken(conn):
        raise OSError("disk I/O error")
    monkeypatch.setattr(snapshot_cache, "load_snapshot", broken)
    db = open_db(db_path)
    db.execute("UPDATE products SET cloud_qty = 6000 WHERE store_id = ? AND id = 'q1'", [SPB])
    db.conn.commit()
    db.conn.close()
    payload = {"city": "Санкт-Петербург", "configurationIds": ["100"]}
    answers = await asyncio.gather(*(post(http, server, payload, auth()) for _ in range(3)))
    assert [(status, body["error"]) for status, body, _ in answers] == [(503, "unavailable")] * 3
    assert server.status.requests_rejected == 3 and server.status.last_error == "503 unavailable: disk I/O error"
    monkeypatch.setattr(snapshot_cache, "load_snapshot", real_load)
    status, body, _ = await post(http, server, payload, auth())  # never answered from the old data
    assert status == 200 and body["availability"] == [{"id": "100", "warehouseId": "spb", "quantity": 6}]
