"""Typing a stock value: checked on every keystroke, red with the reason when it cannot be saved.

The validator reports anything unusable as Intermediate, so the owner can keep typing, and Qt's
item delegate refuses to commit it on Enter; leaving the cell with an invalid text discards it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from stockdesk.core.quantity import QuantityError
from stockdesk.core.validation import Validated, validate_stock_input
from stockdesk.ui import formatting as fmt
from stockdesk.ui import style
from stockdesk.ui.review.model import WEIGHTED_ROLE


def check(text: str, weighted: bool) -> tuple[str, str]:
    """(kind, message): kind is ok, warning (allowed) or error (cannot be saved)."""
    try:
        result: Validated = validate_stock_input(text, weighted=weighted)
    except QuantityError as exc:
        return "error", fmt.quantity_error(exc.code)
    if result.warning == "negative":
        return "warning", fmt.negative_warning()
    return "ok", ""


class QuantityValidator(QValidator):
    def __init__(self, weighted: bool, parent=None) -> None:
        super().__init__(parent)
        self.weighted = weighted

    def validate(self, text: str, pos: int):  # noqa: D401 - Qt API
        kind, _ = check(text, self.weighted)
        state = QValidator.State.Intermediate if kind == "error" else QValidator.State.Acceptable
        return state, text, pos


class QuantityEdit(QLineEdit):
    checked = Signal(str, str)  # message, kind

    def __init__(self, weighted: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weighted = weighted
        self.kind = "ok"
        self.setValidator(QuantityValidator(weighted, self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.textChanged.connect(self._check)

    def _check(self, text: str) -> None:
        self.kind, message = check(text, self.weighted)
        if not text.strip():
            self.kind, message = "empty", ""  # not saveable, but nothing to scold yet
        colour = style.KIND_COLOURS.get(self.kind)
        self.setStyleSheet(f"QLineEdit {{ border: 2px solid {colour.name()}; }}"
                           if self.kind in ("error", "warning") and colour else "")
        self.setToolTip(message)
        self.checked.emit(message, self.kind)


class QuantityDelegate(QStyledItemDelegate):
    message = Signal(str, str)  # shown in the review widget's status line

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QuantityEdit(bool(index.data(WEIGHTED_ROLE)), parent)
        editor.checked.connect(self.message)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QuantityEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()
        else:
            super().setEditorData(editor, index)
