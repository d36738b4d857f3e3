"""MoySklad JSON API 1.2: importing stock to compare with, or to serve as the stock of record."""

from stockdesk.moysklad.client import DEFAULT_URL, STOCK_TYPES, MoySkladClient, issue_token
from stockdesk.moysklad.config import KEY_NAME, STOCK_SOURCES, base_url, changed_since, msk_text
from stockdesk.moysklad.errors import MoySkladError

__all__ = ["DEFAULT_URL", "KEY_NAME", "STOCK_SOURCES", "STOCK_TYPES", "MoySkladClient", "MoySkladError",
           "base_url", "changed_since", "issue_token", "msk_text"]
