"""Typing into the review table: checked on every key, refused on Enter while invalid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from stockdesk.ui.review.delegate import QuantityEdit
from stockdesk.ui.review.model import Col
from stockdesk.ui.review.widget import ReviewWidget


def open_editor(qtbot, widget: ReviewWidget, source_row: int) -> QuantityEdit:
    index = widget.proxy.mapFromSource(widget.model.index(source_row, Col.NEW))
    widget.table.setCurrentIndex(index)
    widget.table.edit(index)
    editor = widget.table.indexWidget(index) or widget.table.focusWidget()
    assert isinstance(editor, QuantityEdit)
    return editor


def test_invalid_input_turns_red_with_its_reason_and_is_not_saved(qtbot, ctx):
    widget = ReviewWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.reload()
    row = next(i for i, item in enumerate(widget.model.rows) if not item.weighted)
    editor = open_editor(qtbot, widget, row)
    editor.clear()
    qtbot.keyClicks(editor, "2.5")
    assert editor.kind == "error"
    assert "whole number" in editor.toolTip()
    assert "red" in editor.styleSheet() or "#c62828" in editor.styleSheet()
    assert widget.status.kind == "error" and "whole number" in widget.status.text()
    assert not editor.hasAcceptableInput()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert widget.table.state() == widget.table.State.EditingState  # still editing: nothing saved
    assert widget.model.rows[row].action is None

    editor.clear()
    qtbot.keyClicks(editor, "-3")
    assert editor.kind == "warning" and editor.hasAcceptableInput()
    editor.clear()
    qtbot.keyClicks(editor, "12")
    assert editor.kind == "ok" and editor.toolTip() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: widget.model.rows[row].manual_value == 12000)
    assert ctx.db.execute("SELECT value FROM manual_values").fetchone()[0] == 12000


def test_typing_a_digit_on_the_new_value_cell_starts_editing(qtbot, ctx):
    widget = ReviewWidget(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.reload()
    index = widget.proxy.index(0, Col.NEW)
    widget.table.setCurrentIndex(index)
    widget.table.setFocus()
    qtbot.keyClicks(widget.table, "5")
    editor = widget.table.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "5"
    source = widget.proxy.mapToSource(index).row()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: widget.model.rows[source].manual_value == 5000)
