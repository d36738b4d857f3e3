"""The log file in the data directory, and what the owner sees of an unexpected error.

Only our own messages and tracebacks go there; tokens never do (no module logs them, and the HTTP
libraries, which log request lines at INFO, are kept at WARNING).
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from stockdesk.store.storage_errors import storage_error
from stockdesk.ui.widgets import error_text

LOG_NAME = "stockdesk.log"
log = logging.getLogger("stockdesk")


def setup_logging(data_dir: Path) -> logging.Handler:
    """Log to data_dir/stockdesk.log; returns the handler (remove it with stop_logging)."""
    root = logging.getLogger()
    handler = RotatingFileHandler(Path(data_dir) / LOG_NAME, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for noisy in ("httpx", "httpcore", "aiohttp.access", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler


def stop_logging(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()


_open_boxes: set[QMessageBox] = set()


def show_unexpected(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, *,
                    db_path: Path | None = None) -> None:
    """sys.excepthook for the window: log everything, show a sentence (never a traceback). A full disk,
    a folder StockDesk may not write, a failing disk (for the database ``db_path``) are said as such."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if db_path is not None:
        exc = storage_error(exc, db_path) or exc
    text = error_text(exc)  # logs the traceback unless it is a UserError
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Errors", "StockDesk"), text,
                      QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.add(box)  # without a parent window, only this reference keeps the box alive until closed
    box.finished.connect(lambda _: _open_boxes.discard(box))
    box.open()  # not exec(): never re-enter the event loop from inside a task
