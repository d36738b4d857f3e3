"""Search, reason filter and store filter over the review table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.ui.review.model import ReviewModel
from stockdesk.ui.table_model import SortProxy

# (key, label) in the order the filter box lists them
FILTERS = (
    ("all", QT_TRANSLATE_NOOP("ReviewFilter", "All products")),
    ("undecided", QT_TRANSLATE_NOOP("ReviewFilter", "Not decided yet")),
    ("decided", QT_TRANSLATE_NOOP("ReviewFilter", "Decided")),
    ("no_documents", QT_TRANSLATE_NOOP("ReviewFilter", "No document mentions it")),
    ("uncertain_effect", QT_TRANSLATE_NOOP("ReviewFilter", "A document's effect is unclear")),
)


class ReviewFilter(SortProxy):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._filter = "all"
        self._store: str | None = None

    def set_search(self, text: str) -> None:
        self.set_filter_state("_needle", text.strip().casefold())

    def set_filter(self, key: str) -> None:
        self.set_filter_state("_filter", key)

    def set_store(self, store_id: str | None) -> None:
        self.set_filter_state("_store", store_id)

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 - Qt API
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ReviewModel) or source_parent.isValid():
            return True
        item = model.item(source_row)
        if self._store and item.store_id != self._store:
            return False
        if self._filter == "undecided" and item.action is not None:
            return False
        if self._filter == "decided" and item.action is None:
            return False
        if self._filter in ("no_documents", "uncertain_effect") and item.reason != self._filter:
            return False
        return not self._needle or model.matches(source_row, self._needle)
