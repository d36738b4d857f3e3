"""The paging envelope of Evotor V2 lists (kept free of HTTP code: the database process uses it)."""

from __future__ import annotations

from typing import Any


def envelope(data: Any) -> tuple[list[dict], str | None]:
    """items and next_cursor of {"items": [...], "paging": {"next_cursor": ...}}; ValueError if malformed."""
    items = data.get("items") if isinstance(data, dict) else None
    paging = data.get("paging") if isinstance(data, dict) else None
    next_cursor = paging.get("next_cursor") if isinstance(paging, dict) else None
    if (not isinstance(items, list) or not all(isinstance(i, dict) for i in items)
            or not isinstance(next_cursor, (str, type(None)))):
        raise ValueError("not a page envelope")
    return items, next_cursor or None
