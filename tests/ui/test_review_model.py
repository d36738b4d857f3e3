"""The review table's model and filter: Qt's model checks, saving at once, undo, bulk, CSV."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from stockdesk.jobs import review as review_jobs
from stockdesk.ui.review.model import Col, ReviewModel
from stockdesk.ui.review.proxy import ReviewFilter
from stockdesk.ui.review.widget import ReviewWidget


def manual(ctx) -> dict[tuple[str, str], tuple]:
    return {(r[0], r[1]): (r[2], r[3]) for r in
            ctx.db.execute("SELECT store_id, product_id, action, value FROM manual_values")}


def row_of(model: ReviewModel, *, weighted: bool) -> int:
    return next(i for i, item in enumerate(model.rows) if item.weighted == weighted)


def test_model_and_proxy_pass_qt_model_checks(qtmodeltester, ctx):
    stack = QUndoStack()
    model = ReviewModel(ctx, stack)
    qtmodeltester.check(model)
    proxy = ReviewFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    model.reload()
    assert model.rowCount() == len(review_jobs.review_items(ctx)) > 0
    assert model.setData(model.index(0, Col.NEW), "3")
    proxy.set_search(model.rows[1].name[:4])
    proxy.set_filter("undecided")
    proxy.sort(Col.CLOUD, Qt.SortOrder.DescendingOrder)
    model.decide([0, 1], "skip")
    stack.undo()
    model.reload()


def test_each_edit_is_saved_at_once_and_undo_redo_save_again(ctx):
    stack = QUndoStack()
    model = ReviewModel(ctx, stack)
    model.reload()
    item = model.rows[0]
    key = (item.store_id, item.product_id)
    assert model.setData(model.index(0, Col.NEW), "7")
    assert manual(ctx)[key] == ("set", 7000)
    assert model.index(0, Col.NEW).data() == "7"
    assert model.setData(model.index(0, Col.NEW), "9")
    stack.undo()
    assert manual(ctx)[key] == ("set", 7000)
    stack.undo()
    assert key not in manual(ctx)
    assert model.rows[0].action is None
    stack.redo()
    assert manual(ctx)[key] == ("set", 7000)


def test_bad_input_is_refused_with_a_reason(ctx):
    model = ReviewModel(ctx, QUndoStack())
    model.reload()
    messages: list[tuple[str, str]] = []
    model.message.connect(lambda text, kind: messages.append((text, kind)))
    piece = row_of(model, weighted=False)
    for text, reason in (("abc", "not a number"), ("1.5", "whole number"), ("", "Enter a number"),
                         ("12345678", "Too large"), ("1.2345", "decimal point")):
        assert not model.setData(model.index(piece, Col.NEW), text)
        assert messages[-1][1] == "error" and reason in messages[-1][0], (text, messages[-1])
    assert manual(ctx) == {}


def test_weighted_goods_take_three_decimals_and_negative_values_warn(ctx):
    model = ReviewModel(ctx, QUndoStack())
    model.reload()
    messages: list[tuple[str, str]] = []
    model.message.connect(lambda text, kind: messages.append((text, kind)))
    rows = [i for i, item in enumerate(model.rows) if item.weighted]
    if rows:
        assert model.setData(model.index(rows[0], Col.NEW), "1,25")
        assert model.rows[rows[0]].manual_value == 1250
    piece = row_of(model, weighted=False)
    assert model.setData(model.index(piece, Col.NEW), "-2")
    assert messages[-1][1] == "warning"
    assert model.index(piece, Col.NEW).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.rows[piece].manual_value == -2000


def test_bulk_actions_are_one_undo_step(qtbot, ctx):
    widget = ReviewWidget(ctx)
    qtbot.addWidget(widget)
    widget.reload()
    widget.table.selectAll()
    count = widget.model.rowCount()
    widget.set_zero.trigger()
    assert set(manual(ctx).values()) == {("set", 0)} and len(manual(ctx)) == count
    widget.keep_cloud.trigger()
    assert set(manual(ctx).values()) == {("keep_cloud", None)}
    widget.skip.trigger()
    assert set(manual(ctx).values()) == {("skip", None)}
    widget.undo_action.trigger()
    assert set(manual(ctx).values()) == {("keep_cloud", None)}
    widget.clear.trigger()
    assert manual(ctx) == {}
    assert "not decided yet" in widget.counts.text()


def test_search_and_reason_filter(qtbot, ctx):
    widget = ReviewWidget(ctx)
    qtbot.addWidget(widget)
    widget.reload()
    model, proxy = widget.model, widget.proxy
    target = model.rows[0]
    widget.search.setText(target.barcodes[0] if target.barcodes else target.name)
    assert 1 <= proxy.rowCount() < model.rowCount() or model.rowCount() == 1
    assert any(proxy.index(r, Col.NAME).data() == target.name for r in range(proxy.rowCount()))
    widget.search.clear()
    reasons = {item.reason for item in model.rows}
    for reason in reasons:
        widget.filter_box.setCurrentIndex(widget.filter_box.findData(reason))
        assert proxy.rowCount() == sum(1 for item in model.rows if item.reason == reason)
    widget.filter_box.setCurrentIndex(widget.filter_box.findData("decided"))
    assert proxy.rowCount() == 0


def test_csv_export_edit_import(qtbot, ctx, tmp_path):
    widget = ReviewWidget(ctx)
    qtbot.addWidget(widget)
    widget.reload()
    path = tmp_path / "review.csv"
    widget.export_to(str(path))
    assert widget.status.kind == "ok"
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert len(rows) == widget.model.rowCount()
    rows[0]["new_value"] = "4"
    rows[1]["new_value"] = "four"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter=";")
        out.writeheader()
        out.writerows(rows)
    widget.import_from(str(path))
    assert manual(ctx) == {(rows[0]["store_id"], rows[0]["product_id"]): ("set", 4000)}
    assert widget.status.kind == "warning" and "Line 3" in widget.status.text()
    assert widget.model.undecided() == widget.model.rowCount() - 1
