"""Errors of the IMSHOP channel the owner reads."""

from stockdesk.errors import UserError


class ImshopError(UserError):
    """Bad IMSHOP configuration, or the webhook server could not start."""
