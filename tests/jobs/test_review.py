"""The owner's values: validation, history, CSV round trip; nothing typed is lost."""

from __future__ import annotations

import asyncio
import csv

import pytest

from stockdesk.context import AppContext
from stockdesk.errors import UserError
from stockdesk.jobs import reconstruct, review


@pytest.fixture
def reviewed(ctx):
    asyncio.run(reconstruct.reconstruct(ctx))
    items = review.review_items(ctx)
    assert items
    return ctx, items


def piece_and_weight(items):
    piece = next(i for i in items if not i.weighted)
    weight = next((i for i in items if i.weighted), None)
    return piece, weight


def test_values_are_saved_at_once_with_history(reviewed, tmp_path):
    ctx, items = reviewed
    item = items[0]
    review.set_manual(ctx, item.store_id, item.product_id, value_milli=5000)
    review.set_manual(ctx, item.store_id, item.product_id, value_milli=7000)
    # Another connection (as after a crash) sees the value.
    other = AppContext.open(ctx.data_dir)
    row = other.db["manual_values"].get((item.store_id, item.product_id))
    assert (row["action"], row["value"], row["by"]) == ("set", 7000, "owner")
    history = list(other.db.execute("SELECT value FROM manual_history WHERE product_id = ? ORDER BY id", [item.product_id]))
    assert [h[0] for h in history] == [5000, 7000]
    other.close()
    again = {(i.store_id, i.product_id): i for i in review.review_items(ctx)}[(item.store_id, item.product_id)]
    assert (again.action, again.manual_value) == ("set", 7000)
    review.clear_manual(ctx, item.store_id, item.product_id)
    assert ctx.db["manual_values"].count_where("product_id = ?", [item.product_id]) == 0


def test_unit_aware_validation_with_clear_messages(reviewed):
    ctx, items = reviewed
    piece, _ = piece_and_weight(items)
    with pytest.raises(UserError) as err:
        review.set_manual(ctx, piece.store_id, piece.product_id, value_milli=2500)
    assert err.value.code == "not_whole" and piece.name in err.value.render()
    with pytest.raises(UserError) as err:
        review.parse_owner_value("12,3456", measure_name="кг")
    assert err.value.code == "too_many_decimals"
    with pytest.raises(UserError) as err:
        review.parse_owner_value("abc", measure_name="шт")
    assert "abc" in err.value.render()
    assert review.parse_owner_value("-4", measure_name="шт") == -4000  # negative stock is allowed


def test_services_cannot_get_stock(reviewed):
    ctx, _ = reviewed
    store_id, service_id = ctx.db.execute("SELECT store_id, id FROM products WHERE is_service = 1").fetchone()
    with pytest.raises(UserError) as err:
        review.set_manual(ctx, store_id, service_id, value_milli=1000)
    assert err.value.code == "service"


def test_csv_round_trip_applies_good_rows_and_reports_bad_ones(reviewed, tmp_path):
    ctx, items = reviewed
    path = tmp_path / "review.csv"
    assert review.export_csv(ctx, path) == len(items)
    with open(path, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f, delimiter=";"))
    assert table[0][-1] == "new_value"
    piece, _ = piece_and_weight(items)
    good = None
    for row in table[1:]:
        if row[1] == piece.product_id:
            row[-1] = "2,5"  # a typo: piece goods take whole numbers
        elif good is None:
            row[-1] = "11"
            good = (row[0], row[1])
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(table)
    report = review.import_csv(ctx, path)
    assert report.applied == 1
    assert len(report.errors) == 1 and report.errors[0][0] >= 2 and piece.name in report.errors[0][1]
    assert ctx.db["manual_values"].get(good)["value"] == 11000


def test_csv_without_the_needed_columns_is_refused(reviewed, tmp_path):
    ctx, _ = reviewed
    path = tmp_path / "other.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        review.import_csv(ctx, path)
    assert err.value.code == "csv_columns"
