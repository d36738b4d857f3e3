"""Matching channel items to Evotor products: rules (pure) and what is kept in SQLite."""

from __future__ import annotations

import pytest

from stockdesk.core.matching import (AMBIGUOUS, AUTO, UNMATCHED, ChannelItem, ProductKeys, match_items,
                                     yandex_item)
from stockdesk.errors import UserError
from stockdesk.jobs import matching
from .conftest import STORE, add_product


def by_target(results):
    return {r.target: r for r in results}


def test_priority_article_then_code_then_barcode():
    products = [ProductKeys("p1", article="A-1"), ProductKeys("p2", code="A-1"), ProductKeys("p3", barcodes=("460",)),
                ProductKeys("p4", code="77")]
    items = [ChannelItem("x", article="A-1", code="77"), ChannelItem("y", article="zzz", code="77"),
             ChannelItem("z", barcodes=("460",)), ChannelItem("w", article="nope")]
    r = by_target(match_items(products, items))
    assert (r["x"].status, r["x"].product_id, r["x"].matched_by) == (AUTO, "p1", "article")
    assert (r["y"].status, r["y"].product_id, r["y"].matched_by) == (AUTO, "p4", "code")
    assert (r["z"].status, r["z"].product_id, r["z"].matched_by) == (AUTO, "p3", "barcode")
    assert r["w"].status == UNMATCHED and r["w"].product_id is None


def test_exact_keys_after_trimming_only():
    products = [ProductKeys("p1", article=" 557722 "), ProductKeys("p2", article="0557722")]
    r = by_target(match_items(products, [yandex_item("557722"), yandex_item("0557722"), yandex_item("557722 x")]))
    assert r["557722"].product_id == "p1"
    assert r["0557722"].product_id == "p2"
    assert r["557722 x"].status == UNMATCHED


def test_ambiguous_when_several_products_share_a_key():
    products = [ProductKeys("p1", article="A"), ProductKeys("p2", article="A"), ProductKeys("p3", code="A")]
    [result] = match_items(products, [yandex_item("A")])
    assert result.status == AMBIGUOUS and result.candidates == ("p1", "p2") and result.product_id is None


def test_services_are_never_candidates():
    products = [ProductKeys("svc", article="S", is_service=True)]
    [result] = match_items(products, [yandex_item("S")])
    assert result.status == UNMATCHED


def test_one_product_claimed_by_two_items_is_ambiguous_for_both():
    products = [ProductKeys("p1", article="A", code="B")]
    r = by_target(match_items(products, [yandex_item("A"), yandex_item("B")]))
    assert r["A"].status == r["B"].status == AMBIGUOUS
    assert r["A"].candidates == ("p1",)


def test_product_taken_by_the_owner_is_not_matched_again():
    [result] = match_items([ProductKeys("p1", article="A")], [yandex_item("A")], taken={"p1"})
    assert result.status == AMBIGUOUS


def _catalog(ctx, *skus):
    matching.save_channel_items(ctx.db, "yandex", [{"target": s} for s in skus])


def test_persisted_statuses_and_manual_override_survive_rematch(ctx):
    add_product(ctx, "p1", "Молоко", article="MILK-1", qty=5000)
    add_product(ctx, "p2", "Кефир", code="KEF", qty=2000)
    add_product(ctx, "p3", "Хлеб", article="BREAD", qty=1000)
    add_product(ctx, "p4", "Хлеб 2", article="BREAD", qty=1000)
    add_product(ctx, "svc", "Доставка", article="SVC", service=True)
    _catalog(ctx, "MILK-1", "KEF", "BREAD", "SVC", "UNKNOWN")
    summary = matching.rematch(ctx.db, "yandex", STORE)
    assert summary.to_json() == {"auto": 2, "ambiguous": 1, "unmatched": 2, "manual": 0}
    assert matching.mapped(ctx.db, "yandex", STORE) == [("KEF", "p2"), ("MILK-1", "p1")]

    matching.set_mapping(ctx, "yandex", STORE, "BREAD", "p4")
    matching.set_mapping(ctx, "yandex", STORE, "UNKNOWN", None)  # "none of my products"
    summary = matching.rematch(ctx.db, "yandex", STORE)
    assert summary.to_json() == {"auto": 2, "ambiguous": 0, "unmatched": 1, "manual": 2}
    rows = {r.target: r for r in matching.mapping_rows(ctx, "yandex", STORE)}
    assert (rows["BREAD"].status, rows["BREAD"].product_id, rows["BREAD"].product_name) == ("manual", "p4", "Хлеб 2")
    assert rows["UNKNOWN"].status == "manual" and rows["UNKNOWN"].product_id is None
    assert ("UNKNOWN", None) not in matching.mapped(ctx.db, "yandex", STORE)
    assert rows["BREAD"].candidates == []

    matching.clear_mapping(ctx, "yandex", STORE, "BREAD")
    assert {r.target: r.status for r in matching.mapping_rows(ctx, "yandex", STORE)}["BREAD"] == "ambiguous"


def test_owner_choice_takes_a_product_from_an_automatic_match(ctx):
    add_product(ctx, "p1", "Молоко", article="MILK", qty=5000)
    _catalog(ctx, "MILK", "MILK-OLD")
    matching.rematch(ctx.db, "yandex", STORE)
    matching.set_mapping(ctx, "yandex", STORE, "MILK-OLD", "p1")
    statuses = {r.target: (r.status, r.product_id) for r in matching.mapping_rows(ctx, "yandex", STORE)}
    assert statuses == {"MILK": ("ambiguous", None), "MILK-OLD": ("manual", "p1")}
    assert matching.mapped(ctx.db, "yandex", STORE) == [("MILK-OLD", "p1")]


@pytest.mark.parametrize("target,product,code", [
    ("NOPE", "p1", "unknown_target"), ("MILK", "ghost", "unknown_product"), ("MILK", "svc", "service")])
def test_owner_choice_is_checked(ctx, target, product, code):
    add_product(ctx, "p1", "Молоко", article="MILK", qty=5000)
    add_product(ctx, "svc", "Доставка", service=True)
    _catalog(ctx, "MILK")
    with pytest.raises(UserError) as err:
        matching.set_mapping(ctx, "yandex", STORE, target, product)
    assert err.value.code == code


def test_two_manual_choices_of_one_product_are_refused(ctx):
    add_product(ctx, "p1", "Молоко", qty=5000)
    _catalog(ctx, "A", "B")
    matching.set_mapping(ctx, "yandex", STORE, "A", "p1")
    with pytest.raises(UserError) as err:
        matching.set_mapping(ctx, "yandex", STORE, "B", "p1")
    assert err.value.code == "product_taken"


def test_vanished_catalog_items_are_not_mapped(ctx):
    add_product(ctx, "p1", "Молоко", article="MILK", qty=5000)
    _catalog(ctx, "MILK")
    matching.rematch(ctx.db, "yandex", STORE)
    _catalog(ctx, "OTHER")
    matching.rematch(ctx.db, "yandex", STORE)
    assert matching.mapped(ctx.db, "yandex", STORE) == []
