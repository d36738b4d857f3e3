from stockdesk.core.documents import FREE_PRICE_ID, SUB_POSITION, parse_document, parse_time_ms

CLOSE = "2026-11-12T14:02:00.000+0000"


def doc(doc_type, positions, **body):
    return {"id": "d1", "type": doc_type, "close_date": CLOSE, "device_id": "dev", "number": 123,
            "body": {"positions": positions, **body}}


def pos(pid, q, s0, **extra):
    return {"product_id": pid, "quantity": q, "initial_quantity": s0, **extra}


def effect(doc_type, q, s0):
    (m,) = parse_document(doc(doc_type, [pos("p", q, s0)])).movements
    return m.after


def test_each_type_moves_stock_the_documented_way():
    assert effect("ACCEPT", 5, 10) == 15000     # initial_quantity is stock BEFORE: 10 + 5
    assert effect("PAYBACK", 1, 10) == 11000
    assert effect("BUY", 2, 10) == 12000
    assert effect("SELL", 2, 17) == 15000
    assert effect("WRITE_OFF", 1, 10) == 9000
    assert effect("RETURN", 3, 10) == 7000
    assert effect("BUYBACK", 4, 10) == 6000
    assert effect("INVENTORY", 12, 10) == 12000


def test_stock_can_go_negative_and_keeps_three_decimals():
    assert effect("SELL", 2, -492) == -494000
    assert effect("SELL", 0.25, 1.1) == 850


def test_non_moving_and_unknown_types_have_no_movements():
    for t in ("OPEN_SESSION", "REVALUATION", "Z_REPORT", "OPEN_TARE", "FPRINT", "SOME_NEW_TYPE"):
        parsed = parse_document(doc(t, [pos("p", 1, 5)]))
        assert parsed.movements == []
    assert not parse_document(doc("SOME_NEW_TYPE", [])).known_type
    assert parse_document(doc("Z_REPORT", [])).known_type


def test_wrapped_and_flat_positions_are_the_same():
    flat = parse_document(doc("SELL", [pos("p", 1, 5)])).movements
    wrapped = parse_document(doc("SELL", [{"position": pos("p", 1, 5)}])).movements
    assert flat == wrapped and flat[0].after == 4000


def test_free_price_and_services_are_ignored():
    parsed = parse_document(doc("SELL", [{"quantity": 1, "initial_quantity": 0},
                                         pos(FREE_PRICE_ID, 1, 0), pos("svc", 1, 0, product_type="SERVICE"),
                                         pos("p", 1, 3)]))
    assert [m.product_id for m in parsed.movements] == ["p"]


def test_same_product_twice_sums_quantities_from_the_stock_before():
    (m,) = parse_document(doc("SELL", [pos("p", 1, 10), pos("p", 2, 10)])).movements
    assert (m.s0, m.q, m.after) == (10000, 3000, 7000)


def test_inventory_completeness_defaults_to_complete():
    assert parse_document(doc("INVENTORY", [])).complete_inventory is True
    assert parse_document(doc("INVENTORY", [], complete_inventory=None)).complete_inventory is True
    assert parse_document(doc("INVENTORY", [], complete_inventory=False)).complete_inventory is False
    assert parse_document(doc("SELL", [])).complete_inventory is None


def test_settlement_method_marks_uncertain_receipts():
    full = parse_document(doc("SELL", [pos("p", 1, 5, settlement_method={"type": "CHECKOUT_FULL", "amount": None})]))
    absent = parse_document(doc("SELL", [pos("p", 1, 5)]))
    prepay = parse_document(doc("SELL", [pos("p", 1, 5, settlement_method={"type": "PREPAYMENT_FULL"})]))
    assert full.movements[0].klass == "" and absent.movements[0].klass == ""
    assert prepay.movements[0].klass == "settlement:PREPAYMENT_FULL"
    # Acceptance has no settlement method: its effect is certain.
    accept = parse_document(doc("ACCEPT", [pos("p", 1, 5, settlement_method={"type": "PREPAYMENT_FULL"})]))
    assert accept.movements[0].klass == ""


def test_sub_positions_are_uncertain_movements_of_their_own_product():
    parsed = parse_document(doc("SELL", [pos("kit", 1, 4, sub_positions=[pos("part", 2, 9)])]))
    by_id = {m.product_id: m for m in parsed.movements}
    assert by_id["kit"].klass == "" and by_id["part"].klass == SUB_POSITION and by_id["part"].after == 7000


def test_positions_without_quantities_are_counted_not_fatal():
    parsed = parse_document(doc("SELL", [{"product_id": "p", "quantity": 1}, pos("q", 1, 1)]))
    assert parsed.skipped_positions == 1 and [m.product_id for m in parsed.movements] == ["q"]


def test_close_date_with_offset_without_colon():
    assert parse_time_ms("2017-01-10T09:33:19.757+0000") == 1484040799757
    assert parse_time_ms("2017-01-10T12:33:19.757+0300") == 1484040799757
