"""MoySklad settings (the token is in the keychain) and the rules for incremental stock windows.

Incremental imports use the brief report's ``changedSince`` (reference §1.5): it returns current
absolute values for goods whose stock changed since then, may reach at most 24 h back, and the
windows should overlap. So each window starts OVERLAP before the previous request started, and a full
import (without changedSince) runs whenever the last one is a day old or the window would reach
further back than MAX_BACK allows. changedSince is read as Moscow time (as MoySklad's other
moments are; the reference marks this as not confirmed).
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

from stockdesk.context import AppContext
from stockdesk.moysklad.client import DEFAULT_URL, STOCK_TYPES

KEY_NAME = "moysklad"
URL_ENV = "STOCKDESK_MOYSKLAD_URL"
MSK = timezone(timedelta(hours=3))
OVERLAP = timedelta(minutes=5)
MAX_BACK = timedelta(hours=23, minutes=30)   # 24 h allowed; keep a margin for clock differences
FULL_EVERY = timedelta(hours=24)
DEFAULT_STOCK_TYPE = "stock"                 # physical stock: what the Evotor reconstruction counts
STOCK_SOURCES = ("evotor", "moysklad")

SETTING_URL = "moysklad.url"
SETTING_STOCK_TYPE = "moysklad.stock_type"
SETTING_LAST_FULL = "moysklad.last_full_at"      # UTC ISO: start of the last full import
SETTING_WINDOW_FROM = "moysklad.window_from"     # UTC ISO: start of the last successful report request
SETTING_IMPORTED_TYPE = "moysklad.imported_stock_type"
SETTING_STOCK_SOURCE = "channels.stock_source"   # what other channels are sent: evotor | moysklad


def base_url(ctx: AppContext) -> str:
    return os.environ.get(URL_ENV) or ctx.setting(SETTING_URL) or DEFAULT_URL


def stock_type(ctx: AppContext) -> str:
    value = ctx.setting(SETTING_STOCK_TYPE)
    return value if value in STOCK_TYPES else DEFAULT_STOCK_TYPE


def msk_text(moment: datetime) -> str:
    """A moment as changedSince wants it: 'YYYY-MM-DD HH:MM:SS', Moscow time."""
    return moment.astimezone(MSK).strftime("%Y-%m-%d %H:%M:%S")


def changed_since(now: datetime, last_full: datetime | None, window_from: datetime | None) -> str | None:
    """changedSince for an incremental import now, or None when a full import is due."""
    if last_full is None or window_from is None or now - last_full >= FULL_EVERY:
        return None
    since = min(window_from, now) - OVERLAP
    if since < now - MAX_BACK:
        return None
    return msk_text(since)
