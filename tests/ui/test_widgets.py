"""Small shared widgets."""

from __future__ import annotations

from stockdesk.ui.widgets import spread


def test_columns_share_the_width_by_weight_above_their_minimums():
    assert spread(600, {0: 1, 1: 2}, {0: 50, 1: 50}) == {0: 200, 1: 400}
    assert spread(600, {0: 1, 1: 5}, {0: 150, 1: 50}) == {0: 150, 1: 450}
    assert spread(100, {0: 1, 1: 1}, {0: 80, 1: 80}) == {0: 80, 1: 80}


def test_an_unexpected_error_shows_a_sentence_not_a_traceback(qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from stockdesk.ui.logging_setup import show_unexpected

    show_unexpected(RuntimeError, RuntimeError("boom"), None)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1 and "Something unexpected went wrong" in boxes[0].text() and "boom" not in boxes[0].text()
    boxes[0].close()
