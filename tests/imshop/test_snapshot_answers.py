"""Answers assembled from remembered JSON fragments equal answers worked out plainly."""

from __future__ import annotations

import json
import random

from stockdesk.imshop.snapshot import Snapshot, Stock, load_snapshot, price_number
from stockdesk.imshop.snapshot_cache import connect_read_only
from stockdesk.jobs import imshop
from stockdesk.store import open_db


def plain_answer(snapshot: Snapshot, city, offer_ids, warehouse_id=None) -> dict:
    warehouses = snapshot.select_warehouses(city, warehouse_id)
    rows = []
    for offer_id in dict.fromkeys(offer_ids):
        for w in warehouses:
            stock = snapshot.stock.get(w.store_id, {}).get(offer_id)
            if stock is not None:
                stock = Stock(*stock)
                row = {"id": offer_id, "warehouseId": w.warehouse_id, "quantity": stock.quantity}
                if snapshot.send_price and stock.price is not None:
                    row["price"] = price_number(stock.price)
                rows.append(row)
    return {"warehouses": [w.to_json() for w in warehouses], "availability": rows}


def snapshot_of(db_path) -> Snapshot:
    conn = connect_read_only(db_path)
    try:
        return load_snapshot(conn)
    finally:
        conn.close()


def test_fragments_give_the_plain_answer(db_path):
    rng = random.Random(7)
    for send_price in (False, True):
        db = open_db(db_path)
        imshop.set_send_price(db, send_price)
        db.conn.close()
        snapshot = snapshot_of(db_path)
        ids = ["100", "200", "300", "400", "500", "600", "999", "x"]
        for _ in range(300):  # the same snapshot answers again and again: fragments get reused
            asked = [rng.choice(ids) for _ in range(rng.randint(0, 10))]
            city = rng.choice([None, "Москва", "москва ", "Тула", "Санкт-Петербург", "Казань"])
            warehouse_id = rng.choice([None, None, "1", "web", "spb", "nope"])
            got = json.loads(snapshot.answer_json(city, asked, warehouse_id))
            assert got == plain_answer(snapshot, city, asked, warehouse_id), (city, asked, warehouse_id)


def test_made_up_ids_and_cities_do_not_grow_memory_without_bound(db_path):
    snapshot = snapshot_of(db_path)
    for i in range(3000):
        snapshot.answer_json(f"city {i}", [f"made-up {i}-{k}" for k in range(10)] + ["100"])
    answers = list(snapshot._answers.values())
    assert len(answers) <= 3 and len(snapshot._selections) <= 1024  # warehouse sets, (city, id) pairs
    assert all(len(a.rows) <= a.max_rows for a in answers)
