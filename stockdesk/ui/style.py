"""Colours with a meaning, shared by every widget, readable on light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor

ERROR = QColor("#c62828")
WARNING = QColor("#b45309")
OK = QColor("#2e7d32")
INFO = QColor("#1565c0")
MUTED = QColor("#757575")

DEMO_BANNER = "background: #fff3cd; color: #5c4400; border: 1px solid #e0b84c; padding: 6px;"
ERROR_BANNER = "background: #fdecea; color: #8a1c1c; border: 1px solid #e5a4a4; padding: 6px;"
OK_BANNER = "background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; padding: 6px;"

KIND_COLOURS = {"error": ERROR, "warning": WARNING, "ok": OK, "info": INFO}


def label_style(kind: str) -> str:
    colour = KIND_COLOURS.get(kind)
    return f"color: {colour.name()};" if colour else ""
