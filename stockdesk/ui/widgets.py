"""Small widgets shared by the wizard and the main window."""

from __future__ import annotations

import logging
from typing import Awaitable, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHeaderView, QLabel, QSizePolicy,
                               QTableView, QWidget)

from stockdesk.errors import UserError
from stockdesk.ui import style

log = logging.getLogger(__name__)
T = TypeVar("T")

_BANNERS = {"error": style.ERROR_BANNER, "ok": style.OK_BANNER, "warning": style.DEMO_BANNER,
            "info": "padding: 6px;"}


class MessageBar(QLabel):
    """A wrapped one-paragraph message with a colour for its kind; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(_BANNERS.get(kind, ""))
        self.setVisible(bool(text))

    def show_error(self, exc: BaseException) -> None:
        self.show_message(error_text(exc), "error")

    def clear_message(self) -> None:
        self.show_message("", "")


def error_text(exc: BaseException) -> str:
    """What the owner reads about a failure: the rendered UserError, never a traceback."""
    if isinstance(exc, UserError):
        log.warning("shown to the owner: %s", exc)
        return exc.render()
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "Errors", "Something unexpected went wrong. The details are in the log file stockdesk.log "
                  "in the data folder (see Help → About).")


async def checked(check: Awaitable[T], message: MessageBar, session_button: QWidget) -> T | None:
    """Await a connection check; if it fails, say why on ``message`` and return None.

    ``session_button`` ("keep it for this run only") is shown only when the keychain refused the secret.
    """
    try:
        return await check
    except UserError as exc:
        message.show_message(exc.render(), "error")
        session_button.setVisible(exc.code == "no_keychain")
    except Exception as exc:
        message.show_message(error_text(exc), "error")
    return None


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def paragraph(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.AutoText)
    label.setOpenExternalLinks(True)
    return label


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def spread(width: int, weights: dict[int, float], minimums: dict[int, int]) -> dict[int, int]:
    """Share ``width`` by weight, no column below its minimum (those take their minimum and the
    rest share what is left). When even the minimums do not fit, every column gets its minimum."""
    fixed: dict[int, int] = {}
    while True:
        free = {c: w for c, w in weights.items() if c not in fixed}
        room = width - sum(fixed.values())
        total = sum(free.values()) or 1.0
        shares = {c: int(room * w / total) for c, w in free.items()}
        short = {c for c, share in shares.items() if share < minimums[c]}
        if not short:
            return {**fixed, **shares}
        fixed.update({c: minimums[c] for c in short})


class ColumnFitter(QObject):
    """Spreads a table's width over its columns by weight (never narrower than the header text),
    until the owner resizes a column by hand. Wide tables scroll sideways instead of squeezing."""

    def __init__(self, table: QTableView, weights: dict[int, float], minimums: dict[int, int] | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.weights = weights
        self.minimums = minimums or {}
        self.manual = False
        self._fitting = False
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and not self.manual:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        shown = {c: w for c, w in self.weights.items() if not self.table.isColumnHidden(c)}
        minimums = {c: max(header.sectionSizeHint(c), self.minimums.get(c, 0)) for c in shown}
        widths = spread(self.table.viewport().width(), shown, minimums)
        self._fitting = True
        try:
            for column, width in widths.items():
                self.table.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _resized(self, *_) -> None:
        if not self._fitting and QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.manual = True  # dragged by the owner: leave the widths alone from now on


NAME_SAMPLE = "Йогурт питьевой Домик в"  # product names: at least this much shows before scrolling


def setup_table(table: QTableView, weights: dict[int, float], sort_column: int | None = None,
                minimum_texts: dict[int, list[str]] | None = None) -> ColumnFitter:
    """The look every table shares: whole-row selection, compact rows, sorting, fitted columns.

    ``minimum_texts``: per column, texts it must show in full (e.g. every status word).
    """
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(40)
    if sort_column is not None:
        table.setSortingEnabled(True)
        table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    metrics = table.fontMetrics()
    minimums = {c: max(metrics.horizontalAdvance(t) for t in texts) + 12 for c, texts in (minimum_texts or {}).items()}
    return ColumnFitter(table, weights, minimums)
