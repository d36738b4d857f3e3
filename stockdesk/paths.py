"""Where StockDesk keeps its files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "StockDesk"


def resources_dir() -> Path:
    """Icons and translations: next to the package in a checkout, in the bundle when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir(override: str | os.PathLike | None = None, *, create: bool = True) -> Path:
    """The per-user data directory: --data-dir, else STOCKDESK_DATA_DIR, else the platform default."""
    chosen = override or os.environ.get("STOCKDESK_DATA_DIR")
    path = Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME, False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
