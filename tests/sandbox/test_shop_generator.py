"""The generated shop: documents consistent with the truth, every feature the brief asks for, determinism."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from stockdesk.sandbox import ShopSpec, generate_shop
from stockdesk.sandbox.evotor_shop import DOCUMENT_TYPES, parse_iso_ms

from .conftest import NOW_MS
from .replay import DOWN, PREPAYMENT, UP, positions, replay

NON_FULL = PREPAYMENT | {"CREDIT"}


def moving_positions(store):
    """(close ms, doc, position) for every stock-moving position with a product, close_date order."""
    out = []
    for doc in store.documents:
        if doc["type"] in UP | DOWN | {"INVENTORY"}:
            for pos in positions(doc):
                if "product_id" in pos and pos["product_type"] != "SERVICE":
                    out.append((parse_iso_ms(doc["close_date"]), doc, pos))
    return sorted(out, key=lambda x: x[0])


@pytest.mark.parametrize("store_no", [0, 1])
def test_replaying_documents_reproduces_the_truth(demo_shop, store_no):
    store = demo_shop.stores[store_no]
    r = replay(store, prepayment_moves_stock=False)
    wrong = {pid: (r.state.get(pid), v) for pid, v in store.truth.items()
             if pid not in store.no_document_ids and r.state.get(pid) != v}
    assert wrong == {}
    assert set(store.truth) - set(r.state) == store.no_document_ids
    # Consecutive documents disagree exactly where stock was edited without a document.
    assert set(r.mismatches) == set(store.out_of_band_edits)
    assert len(store.out_of_band_edits) >= 5


def test_prepayment_that_moves_stock_is_consistent_too():
    spec = ShopSpec(seed=11, stores=1, products_per_store=150, documents_per_store=3000, months=12,
                    now_ms=NOW_MS, prepayment_moves_stock=True)
    store = generate_shop(spec).stores[0]
    moved = replay(store, prepayment_moves_stock=True)
    assert all(moved.state[p] == v for p, v in store.truth.items() if p not in store.no_document_ids)
    assert set(moved.mismatches) == set(store.out_of_band_edits)
    not_moved = replay(store, prepayment_moves_stock=False)
    assert set(not_moved.mismatches) > set(store.out_of_band_edits)


def test_the_default_terminals_do_not_move_stock_on_prepayment(demo_shop):
    store = demo_shop.stores[0]
    assert set(replay(store, prepayment_moves_stock=True).mismatches) > set(store.out_of_band_edits)


@pytest.mark.parametrize("store_no", [0, 1])
def test_every_document_type_is_present(demo_shop, store_no):
    store = demo_shop.stores[store_no]
    counts = Counter(store.documents.types)
    for kind in DOCUMENT_TYPES + ("FPRINT", "SOME_NEW_TYPE"):
        assert counts[kind] >= 1, kind
    assert len(store.documents) == 6000
    assert counts["SELL"] > len(store.documents) // 2
    months = (NOW_MS - parse_iso_ms(store.documents[0]["close_date"])) / (30.44 * 86_400_000)
    assert months >= 12


def test_document_headers_are_v2(demo_shop):
    store = demo_shop.stores[0]
    keys = {"type", "id", "number", "close_date", "created_at", "time_zone_offset", "session_id", "session_number",
            "close_user_id", "device_id", "store_id", "user_id", "version", "body"}
    previous = 0
    for doc, close_ms in zip(store.documents, store.documents.close_ms):
        assert keys <= set(doc), doc["type"]
        assert doc["version"] == "V2" and doc["store_id"] == store.id and doc["user_id"] == demo_shop.user_id
        assert doc["close_date"].endswith("+0000") and len(doc["close_date"]) == 28
        assert parse_iso_ms(doc["close_date"]) == close_ms > previous  # list is in close_date order
        assert parse_iso_ms(doc["created_at"]) >= close_ms
        assert parse_iso_ms(doc["created_at"]) < NOW_MS
        previous = close_ms


def test_position_shapes_and_fields(demo_shop):
    docs = [d for s in demo_shop.stores for d in s.documents if d["body"].get("positions")]
    wrapped = [d for d in docs if "position" in d["body"]["positions"][0]]
    assert 0.1 < len(wrapped) / len(docs) < 0.3
    assert all(all("position" in p for p in d["body"]["positions"]) for d in wrapped)
    for doc in docs:
        for pos in positions(doc):
            if doc["type"] == "REVALUATION":
                assert "quantity" not in pos and set(pos["price"]) == {"before", "after"}
                continue
            assert {"product_name", "quantity", "initial_quantity", "id", "uuid"} <= set(pos)
            q = Decimal(str(pos["quantity"]))
            assert q > 0 and q == q.quantize(Decimal("0.001"))
            s0 = Decimal(str(pos["initial_quantity"]))
            assert s0 == s0.quantize(Decimal("0.001"))
            if doc["type"] in ("SELL", "PAYBACK", "BUY", "BUYBACK"):
                assert pos["sub_positions"] == []


def test_goods_kinds(demo_shop):
    store = demo_shop.stores[0]
    by_id = {p["id"]: p for p in store.products}
    sold = [pos for _, doc, pos in moving_positions(store) if doc["type"] == "SELL"]
    weight = [p for p in sold if p["measure_name"] == "кг" and Decimal(str(p["quantity"])) % 1 != 0]
    assert weight, "weight goods with 3 decimals"
    assert all(Decimal(str(p["quantity"])) % 1 == 0 for p in sold if p["measure_name"] == "шт")
    assert any(Decimal(str(p["initial_quantity"])) < 0 for p in sold), "negative stock"
    assert any(Decimal(str(p["initial_quantity"])) < Decimal(str(p["quantity"])) for p in sold), "sold past zero"
    modifications = [p for p in sold if "parent_id" in p]
    assert modifications
    for pos in modifications:
        card = by_id[pos["product_id"]]
        assert card["parent_id"] == pos["parent_id"] and card["attributes_choices"]
    groups = {g["id"] for g in store.product_groups}
    assert {p["parent_id"] for p in store.products if "parent_id" in p} <= groups


def test_services_free_price_and_double_positions(demo_shop):
    store = demo_shop.stores[0]
    services = {p["id"] for p in store.products if p["type"] == "SERVICE"}
    assert services and all("quantity" not in p for p in store.products if p["type"] == "SERVICE")
    assert all("quantity" in p for p in store.products if p["type"] != "SERVICE")
    assert not services & set(store.truth)
    sells = [d for d in store.documents if d["type"] == "SELL"]
    sold_services = [p for d in sells for p in positions(d) if p.get("product_id") in services]
    assert sold_services and all(p["product_type"] == "SERVICE" for p in sold_services)
    assert any("product_id" not in p for d in sells for p in positions(d)), "free-price position"
    doubles = [d for d in sells if max(Counter(p.get("product_id") for p in positions(d) if "product_id" in p).values(),
                                       default=0) > 1]
    assert doubles
    for doc in doubles:
        s0 = {}
        for pos in positions(doc):
            s0.setdefault(pos.get("product_id"), set()).add(pos["initial_quantity"])
        assert all(len(v) == 1 for v in s0.values())


def test_inventories(demo_shop):
    first, second = demo_shop.stores
    inventories = [d for d in first.documents if d["type"] == "INVENTORY"]
    complete = [d for d in inventories if d["body"].get("complete_inventory", True)]
    assert len(complete) == 2
    assert any("complete_inventory" not in d["body"] for d in complete)   # absent means complete
    assert any(d["body"].get("complete_inventory") is True for d in complete)
    assert NOW_MS - parse_iso_ms(complete[-1]["close_date"]) > 60 * 86_400_000   # some months back
    assert any(d["body"].get("complete_inventory") is False for d in inventories)
    assert all(d["body"]["complete_inventory"] is False for d in second.documents if d["type"] == "INVENTORY")


def test_terminals_sessions_and_late_documents(demo_shop):
    store = demo_shop.stores[0]
    docs = list(store.documents)
    assert len({d["device_id"] for d in docs}) >= 2
    assert all(d["device_id"][:8].isdigit() for d in docs)
    late = [d for d in docs if parse_iso_ms(d["created_at"]) - parse_iso_ms(d["close_date"]) > 3_600_000]
    assert len(late) >= 20
    assert any(parse_iso_ms(d["created_at"]) - parse_iso_ms(d["close_date"]) > 86_400_000 for d in late)
    numbers: dict[str, list[int]] = {}
    for d in docs:
        numbers.setdefault(d["device_id"], []).append(d["number"])
    resets = sum(1 for seq in numbers.values() for a, b in zip(seq, seq[1:]) if b != a + 1)
    assert resets == 1, "per-device counters, one program reset"
    assert all(seq[0] == 1 for seq in numbers.values())


def test_settlement_methods(demo_shop):
    store = demo_shop.stores[0]
    methods = Counter()
    missing_old = missing_new = 0
    half = parse_iso_ms(store.documents[len(store.documents) // 2]["close_date"])
    for doc in store.documents:
        if doc["type"] == "SELL":
            for pos in positions(doc):
                if "settlement_method" in pos:
                    methods[pos["settlement_method"]["type"]] += 1
                elif parse_iso_ms(doc["close_date"]) < half:
                    missing_old += 1
                else:
                    missing_new += 1
    assert set(methods) == {"CHECKOUT_FULL"} | NON_FULL
    assert missing_old > 0 and missing_new == 0
    total = sum(methods.values()) + missing_old
    assert 0.05 < missing_old / total < 0.15


def test_non_full_receipts_can_be_learned_and_some_stay_uncertain(demo_shop):
    store = demo_shop.stores[0]
    history: dict[str, list[tuple[int, str | None]]] = {}
    for ms, doc, pos in moving_positions(store):
        history.setdefault(pos["product_id"], []).append((ms, pos.get("settlement_method", {}).get("type")))
    followed = {(pid, ms) for pid, h in history.items() for i, (ms, m) in enumerate(h)
                if m in PREPAYMENT and i + 1 < len(h)}
    assert len(followed) >= 10
    # A complete inventory fixes the stock of every product created before it, listed or not.
    created = {p["id"]: parse_iso_ms(p["created_at"]) for p in store.products}
    for doc in store.documents:
        if doc["type"] == "INVENTORY" and doc["body"].get("complete_inventory", True):
            ms = parse_iso_ms(doc["close_date"])
            for pid, h in history.items():
                if created[pid] < ms:
                    h.append((ms, "INVENTORY"))
    newest = {pid for pid, h in history.items() if max(h)[1] in NON_FULL}
    assert newest == store.uncertain_newest_ids
    assert 3 <= len(newest) <= 15


@pytest.mark.parametrize("store_no", [0, 1])
def test_products_nobody_can_know(demo_shop, store_no):
    store = demo_shop.stores[store_no]
    goods = [p for p in store.products if p["type"] != "SERVICE"]
    assert 0.02 <= len(store.no_document_ids) / len(goods) <= 0.05
    seen = {pos.get("product_id") for d in store.documents for pos in positions(d)}
    assert not seen & store.no_document_ids
    complete = [parse_iso_ms(d["close_date"]) for d in store.documents
                if d["type"] == "INVENTORY" and d["body"].get("complete_inventory", True)]
    created = {p["id"]: parse_iso_ms(p["created_at"]) for p in goods}
    if complete:
        assert all(created[pid] > max(complete) for pid in store.no_document_ids)


def test_product_cards(demo_shop):
    store = demo_shop.stores[0]
    keys = {"id", "name", "type", "measure_name", "price", "tax", "allow_to_sell", "code", "barcodes",
            "store_id", "user_id", "created_at", "updated_at"}
    for p in store.products:
        assert keys <= set(p)
        assert None not in p.values()
        assert p["type"] in ("NORMAL", "ALCOHOL_NOT_MARKED", "ALCOHOL_MARKED", "SERVICE")
        for code in p["barcodes"]:
            digits = [int(c) for c in code]
            assert len(code) == 13 and sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12])) % 10 == (
                10 - digits[12]) % 10
    assert {p["measure_name"] for p in store.products} == {"шт", "кг"}
    assert any("," in p["name"] and "%" in p["name"] for p in store.products)   # "Молоко … 3,2% 1л"
    assert store.id[:8] == store.created_at[:10].replace("-", "")


def test_cloud_quantities_are_mostly_wrong(demo_shop):
    store = demo_shop.stores[0]
    cloud = {p["id"]: Decimal(str(p["quantity"])) for p in store.products if "quantity" in p}
    zero = sum(1 for pid, q in cloud.items() if q == 0 and store.truth[pid] != 0)
    right = sum(1 for pid, q in cloud.items() if q == store.truth[pid])
    stale = sum(1 for pid, q in cloud.items() if q != 0 and q != store.truth[pid])
    assert zero > len(cloud) / 3 and right > 10 and stale > 10


def test_same_seed_same_shop(demo_shop):
    again = generate_shop(ShopSpec(now_ms=NOW_MS))
    for a, b in zip(demo_shop.stores, again.stores):
        assert a.documents.raw == b.documents.raw
        assert a.products == b.products and a.truth == b.truth and a.id == b.id
        assert a.no_document_ids == b.no_document_ids and a.uncertain_newest_ids == b.uncertain_newest_ids
    other = generate_shop(ShopSpec(seed=8, now_ms=NOW_MS))
    assert other.stores[0].id != demo_shop.stores[0].id
    assert other.stores[0].documents.raw[:100] != demo_shop.stores[0].documents.raw[:100]
