"""The availability feed: written atomically, escaped, parsed back and checked."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import pytest

from stockdesk.imshop import write_feed
from stockdesk.jobs import imshop
from stockdesk.store import open_db

from .conftest import MSK, add_product


def products(root: ET.Element) -> dict[tuple[str, str], dict]:
    return {(p.get("id"), p.get("outlet")): dict(p.attrib) for p in root.find("availability")}


def test_feed_written_and_parsed_back(db_path, tmp_path):
    db = open_db(db_path)
    target = tmp_path / "feed.xml"
    result = write_feed(db, target)
    assert (result.outlets, result.path) == (3, target)
    root = ET.parse(target).getroot()
    assert root.tag == "inventory"
    outlets = {o.get("id"): o for o in root.find("outlets")}
    assert list(outlets) == ["1", "web", "spb"]
    aviapark = outlets["1"]
    assert {child.tag: child.text for child in aviapark} == {
        "name": "ТЦ Авиапарк", "city": "Москва", "address": "Ходынский б-р, 4", "subway": "ЦСКА",
        "lat": "55.7905543", "lon": "37.5319846", "online": "false"}
    assert outlets["web"].findtext("online") == "true"
    # markup characters in the owner's text survive escaping
    assert outlets["spb"].findtext("name") == "Невский & Co <1>"
    assert outlets["spb"].findtext("address") == 'Невский пр., 1 "угол"'
    rows = products(root)
    assert result.products == len(rows) == 7
    assert {k: r["quantity"] for k, r in rows.items()} == {
        ("100", "1"): "10", ("200", "1"): "2", ("300", "1"): "0",
        ("100", "web"): "10", ("200", "web"): "2", ("300", "web"): "0", ("100", "spb"): "4"}
    assert all("price" not in r for r in rows.values())
    db.conn.close()


def test_feed_prices_escaping_and_replacement(db_path, tmp_path):
    db = open_db(db_path)
    imshop.set_send_price(db, True)
    add_product(db, MSK, "odd", qty=1_000, code='a&b<"c">\x01', price=12.345)
    db.conn.commit()
    target = tmp_path / "feed.xml"
    target.write_text("old feed")
    write_feed(db, target)
    rows = products(ET.parse(target).getroot())
    assert rows["100", "1"]["price"] == "99.5" and rows["200", "1"]["price"] == "350"
    # a control character cannot be in XML at all: dropped; the rest escaped and read back intact
    assert rows['a&b<"c">', "1"] == {"id": 'a&b<"c">', "outlet": "1", "quantity": "1", "price": "12.35"}
    assert sorted(os.listdir(tmp_path)) == ["feed.xml", "stockdesk.db", "stockdesk.db-shm", "stockdesk.db-wal"]
    db.conn.close()


def test_feed_failure_leaves_old_file(db_path, tmp_path, monkeypatch):
    db = open_db(db_path)
    target = tmp_path / "feed.xml"
    target.write_text("old feed")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_feed(db, target)
    assert target.read_text() == "old feed"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".feed")] == []
    db.conn.close()
