"""Reading back the moments StockDesk stores as ISO 8601 text (UTC unless they say otherwise)."""

from __future__ import annotations

from datetime import datetime, timezone


def parse_utc(text: str | None) -> datetime | None:
    """An aware datetime; a moment stored without an offset counts as UTC; None for empty or unreadable text."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
