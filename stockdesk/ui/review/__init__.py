"""The review table: products the documents could not settle, and the owner's decisions."""

from stockdesk.ui.review.widget import ReviewWidget

__all__ = ["ReviewWidget"]
