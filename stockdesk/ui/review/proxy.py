"""Search, reason filter and store filter over the review table."""

from __future__ import annotations

from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.jobs.review import ReviewItem
from stockdesk.ui.review.model import ReviewModel
from stockdesk.ui.table_model import StoreSearchFilter

# (key, label) in the order the filter box lists them
FILTERS = (
    ("all", QT_TRANSLATE_NOOP("ReviewFilter", "All products")),
    ("undecided", QT_TRANSLATE_NOOP("ReviewFilter", "Not decided yet")),
    ("decided", QT_TRANSLATE_NOOP("ReviewFilter", "Decided")),
    ("no_documents", QT_TRANSLATE_NOOP("ReviewFilter", "No document mentions it")),
    ("uncertain_effect", QT_TRANSLATE_NOOP("ReviewFilter", "A document's effect is unclear")),
)


class ReviewFilter(StoreSearchFilter):
    MODEL = ReviewModel

    def keeps(self, item: ReviewItem, key: str) -> bool:
        if key == "undecided":
            return item.action is None
        if key == "decided":
            return item.action is not None
        if key in ("no_documents", "uncertain_effect"):
            return item.reason == key
        return True
