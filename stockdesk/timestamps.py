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


def to_minute(text: str | None) -> str:
    """A stored moment for a line of text: "2026-12-03 18:48 UTC" (as stored if unreadable)."""
    moment = parse_utc(text)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if moment else (text or "")
