"""The products waiting for the owner's decision, as an editable table.

Every decision goes through an undo command and is saved at once with jobs.review.set_manual /
clear_manual, so a crash loses nothing and Ctrl+Z restores the previous decision (saved again).
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QUndoCommand, QUndoStack

from stockdesk.context import AppContext
from stockdesk.core.quantity import QuantityError
from stockdesk.core.validation import validate_stock_input
from stockdesk.errors import UserError
from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.jobs import review as review_jobs
from stockdesk.jobs.connect import list_stores
from stockdesk.jobs.review import ReviewItem
from stockdesk.ui import formatting as fmt
from stockdesk.ui import style
from stockdesk.ui.table_model import NUMBER_ALIGNMENT, SORT_ROLE, RowTableModel

WEIGHTED_ROLE = Qt.ItemDataRole.UserRole + 2
Key = tuple[str, str]                      # (store_id, product_id)
Decision = tuple[str | None, int | None]   # (action or None for "not decided", value)


class Col(IntEnum):
    # what the owner needs to decide comes first; identifiers last (they scroll off narrow windows)
    STORE = 0
    NAME = 1
    UNIT = 2
    CLOUD = 3
    NEW = 4
    REASON = 5
    LAST_DOC = 6
    CODE = 7
    BARCODE = 8


class ReviewModel(RowTableModel[ReviewItem]):
    CONTEXT = "ReviewModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ReviewModel", "Store"),
        QT_TRANSLATE_NOOP("ReviewModel", "Product"),
        QT_TRANSLATE_NOOP("ReviewModel", "Unit"),
        QT_TRANSLATE_NOOP("ReviewModel", "In the cloud"),
        QT_TRANSLATE_NOOP("ReviewModel", "New value"),
        QT_TRANSLATE_NOOP("ReviewModel", "Why it needs you"),
        QT_TRANSLATE_NOOP("ReviewModel", "Last document"),
        QT_TRANSLATE_NOOP("ReviewModel", "Article / code"),
        QT_TRANSLATE_NOOP("ReviewModel", "Barcode"),
    )

    message = Signal(str, str)  # text, kind: error | warning | info
    decisions_changed = Signal()

    def __init__(self, ctx: AppContext, undo_stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.store_names: dict[str, str] = {}
        self._row_of: dict[Key, int] = {}
        self._haystack: list[str] = []

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.store_names = {s.id: s.name for s in list_stores(self.ctx)}
        self.set_rows(review_jobs.review_items(self.ctx))

    def _reindex(self) -> None:
        rows = self.rows
        self._row_of = {(r.store_id, r.product_id): i for i, r in enumerate(rows)}
        self._haystack = [" ".join([r.name, r.article or "", r.code or "", *r.barcodes]).casefold()
                          for r in rows]

    def item(self, row: int) -> ReviewItem:
        return self.rows[row]

    def matches(self, row: int, needle: str) -> bool:
        return needle in self._haystack[row]

    def undecided(self) -> int:
        return sum(1 for r in self.rows if r.action is None)

    # --- reading -------------------------------------------------------------------------------

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == Col.NEW:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def cell(self, item: ReviewItem, column: int, role: int) -> Any:
        if role == WEIGHTED_ROLE:
            return item.weighted
        if column == Col.NEW:
            return self._new_value(item, role)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._plain(item, column, role == SORT_ROLE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Col.REASON:
                return self._reason_tip(item)
            if column == Col.BARCODE and len(item.barcodes) > 1:
                return "\n".join(item.barcodes)
            if column == Col.NAME:
                return item.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Col.CLOUD:
            return NUMBER_ALIGNMENT
        return None

    def _plain(self, item: ReviewItem, column: int, for_sort: bool) -> Any:
        if column == Col.STORE:
            return self.store_names.get(item.store_id, item.store_id)
        if column == Col.NAME:
            return item.name.casefold() if for_sort else item.name
        if column == Col.CODE:
            return " / ".join(x for x in (item.article, item.code) if x)
        if column == Col.BARCODE:
            if not item.barcodes:
                return ""
            more = len(item.barcodes) - 1
            return item.barcodes[0] + (self.tr(" (+%n more)", "", more) if more and not for_sort else "")
        if column == Col.UNIT:
            return item.measure_name or ""
        if column == Col.REASON:
            return fmt.reason(item.reason)
        if column == Col.LAST_DOC:
            if for_sort:
                return item.last_doc_close_ms
            return fmt.document(item.last_doc_type, item.last_doc_number, item.last_doc_close_ms) or self.tr("none")
        if column == Col.CLOUD:
            return item.cloud_value if for_sort else fmt.qty(item.cloud_value)
        return None

    def _reason_tip(self, item: ReviewItem) -> str:
        lines = [fmt.reason(item.reason)]
        if item.reason == "no_documents":
            lines.append(self.tr("No document in the history read changes this product's stock, "
                                 "so only you know how many there are."))
        if item.reason_detail:
            lines.append(self.tr("Details: %1").replace("%1", item.reason_detail))
        if item.mismatches:
            lines.append(self.tr("%n document(s) disagree with the ones before them.", "", item.mismatches))
        return "\n".join(lines)

    def _new_value(self, item: ReviewItem, role: int) -> Any:
        action, value = item.action, item.manual_value
        if role == Qt.ItemDataRole.DisplayRole:
            if action == "set":
                return fmt.qty(value)
            if action == "keep_cloud":
                return self.tr("%1 (keep the cloud value)").replace("%1", fmt.qty(item.cloud_value) or "—")
            if action == "skip":
                return fmt.decision("skip")
            return ""
        if role == Qt.ItemDataRole.EditRole:
            if action == "set":
                return fmt.qty(value)
            return fmt.qty(item.suggested) if item.suggested is not None else ""
        if role == SORT_ROLE:
            return (value if action == "set" else None)
        if role == Qt.ItemDataRole.ForegroundRole:
            if action == "set" and value is not None and value < 0:
                return style.WARNING
            if action in ("keep_cloud", "skip"):
                return style.MUTED
        if role == Qt.ItemDataRole.FontRole and action in ("keep_cloud", "skip"):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._new_value_tip(item)
        return None

    def _new_value_tip(self, item: ReviewItem) -> str:
        lines = []
        if item.action == "set" and item.manual_value is not None and item.manual_value < 0:
            lines.append(fmt.negative_warning())
        if item.suggested is not None and item.before_value is not None:
            lines.append(self.tr("If the document moved stock: %1; if it did not: %2")
                         .replace("%1", fmt.qty(item.suggested)).replace("%2", fmt.qty(item.before_value)))
        elif item.suggested is not None:
            lines.append(self.tr("Suggested: %1").replace("%1", fmt.qty(item.suggested)))
        if item.action is None:
            lines.append(self.tr("Double-click or press F2 to type the number you have."))
        return "\n".join(lines)

    # --- editing -------------------------------------------------------------------------------

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != Col.NEW:
            return False
        item = self.rows[index.row()]
        try:
            checked = validate_stock_input(str(value), weighted=item.weighted)
        except QuantityError as exc:
            self.message.emit(fmt.quantity_error(exc.code), "error")
            return False
        if item.action == "set" and item.manual_value == checked.milli:
            return True
        self.decide([index.row()], "set", checked.milli)
        if checked.warning == "negative":
            self.message.emit(fmt.negative_warning(), "warning")
        return True

    def decide(self, rows: list[int], action: str | None, value: int | None = None) -> int:
        """Record one decision for several rows as one undoable step; returns how many changed."""
        after: Decision = (action, value if action == "set" else None)
        changes = [((item.store_id, item.product_id), (item.action, item.manual_value), after)
                   for item in (self.rows[r] for r in sorted(set(rows)))
                   if (item.action, item.manual_value) != after]
        if changes:
            self.undo_stack.push(DecideCommand(self, changes, self._command_text(action, value, len(changes))))
        return len(changes)

    def _command_text(self, action: str | None, value: int | None, n: int) -> str:
        if action == "set":
            return self.tr("set %n product(s) to %1", "", n).replace("%1", fmt.qty(value))
        if action == "keep_cloud":
            return self.tr("keep the cloud value for %n product(s)", "", n)
        if action == "skip":
            return self.tr("skip %n product(s)", "", n)
        return self.tr("clear the decision for %n product(s)", "", n)

    def apply(self, key: Key, decision: Decision) -> bool:
        """Save a decision and show it; called by undo commands."""
        action, value = decision
        try:
            if action is None:
                review_jobs.clear_manual(self.ctx, *key)
            else:
                review_jobs.set_manual(self.ctx, *key, action=action, value_milli=value)
        except UserError as exc:
            self.message.emit(exc.render(), "error")
            return False
        row = self._row_of.get(key)
        if row is not None:
            item = self.rows[row]
            item.action, item.manual_value = decision
            self.refresh_row(row)
        return True


class DecideCommand(QUndoCommand):
    def __init__(self, model: ReviewModel, changes: list[tuple[Key, Decision, Decision]], text: str) -> None:
        super().__init__(text)
        self.model = model
        self.changes = changes

    def redo(self) -> None:
        applied = [self.model.apply(key, after) for key, _, after in self.changes]
        if not any(applied):
            self.setObsolete(True)  # nothing was saved: nothing to undo
        self.model.decisions_changed.emit()

    def undo(self) -> None:
        for key, before, _ in reversed(self.changes):
            self.model.apply(key, before)
        self.model.decisions_changed.emit()
