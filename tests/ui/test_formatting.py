"""How numbers, documents and provenance read (English here; Russian in test_translations)."""

from __future__ import annotations

from datetime import datetime

from stockdesk.ui import formatting as fmt


def ms(*args) -> int:
    return int(datetime(*args).timestamp() * 1000)


def test_provenance_of_a_sale():
    text = fmt.provenance("resolved", "SELL", 123, ms(2026, 11, 12, 14, 2), 17000, 2000, 15000)
    assert text == "Sale №123, 12.11.2026 14:02: before 17, sold 2 → 15"


def test_provenance_of_other_statuses():
    assert fmt.provenance("manual", None, None, None, None, None, 2500) == "Entered by you: 2.5"
    assert fmt.provenance("service", None, None, None, None, None, None) == "A service: no stock is kept"
    assert fmt.provenance("review", None, None, None, None, None, None) == "No document mentions it"
    assert fmt.provenance("review", "SELL", 7, None, 5000, 1000, None) == "Sale №7: its effect on stock is unclear"
    assert fmt.provenance("resolved", "X_NEW", None, None, None, None, 4000) == "X_NEW → 4"


def test_quantities_dates_and_durations():
    assert fmt.qty(-1500) == "-1.5" and fmt.qty(None) == ""
    assert fmt.month_ms(ms(2026, 11, 3)) == "November 2026"
    assert fmt.duration(59) == "59 s" and fmt.duration(125) == "2 min 5 s" and fmt.duration(3720) == "1 h 2 min"
    assert fmt.iso_datetime("2026-11-12T11:02:00+00:00") == \
        datetime.fromisoformat("2026-11-12T11:02:00+00:00").astimezone().strftime("%d.%m.%Y %H:%M")
    assert fmt.quantity_error("not_whole").startswith("This product is sold by the piece")
    assert fmt.stop_reason("complete_inventory") == "stopped at a complete inventory"

