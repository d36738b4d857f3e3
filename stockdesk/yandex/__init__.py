"""Yandex Market Partner API: stock push for FBS/DBS/Express shops."""

from stockdesk.yandex.client import DEFAULT_URL, YandexClient
from stockdesk.yandex.config import KEY_NAME, MODES, Detection, YandexConfig, base_url, detect_mode
from stockdesk.yandex.errors import YandexError
from stockdesk.yandex.payload import BATCH, StockEntry, to_count, updated_at

__all__ = ["BATCH", "DEFAULT_URL", "KEY_NAME", "MODES", "Detection", "StockEntry", "YandexClient", "YandexConfig",
           "YandexError", "base_url", "detect_mode", "to_count", "updated_at"]
