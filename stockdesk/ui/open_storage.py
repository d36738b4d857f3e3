"""Opening the database for the window: a damaged one is rebuilt if the owner says so, a folder that
cannot be written gets one clear message instead of a traceback."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QMessageBox

from stockdesk.context import AppContext, rebuild_damaged
from stockdesk.i18n import tr
from stockdesk.paths import data_dir as resolve_data_dir
from stockdesk.store.db import DB_NAME
from stockdesk.store.rescue import Rescue
from stockdesk.store.storage_errors import DamagedDatabase, storage_error


def open_context(data_dir: str | None, demo: bool, before_dialog: Callable[[], None]) -> AppContext | None:
    """The context, or None when StockDesk cannot go on (the owner chose to quit, or the folder cannot
    be written; the owner was told). ``before_dialog`` installs the translators."""
    try:
        return AppContext.open(data_dir, demo=demo)
    except DamagedDatabase as exc:
        before_dialog()
        if not ask_rebuild(exc):
            return None  # nothing touched: asked again next time
        report_rebuilt(rebuild_damaged(data_dir))
        return AppContext.open(data_dir, demo=demo)
    except Exception as exc:
        error = storage_error(exc, resolve_data_dir(data_dir, create=False) / DB_NAME)
        if error is None:
            raise
        before_dialog()
        QMessageBox.warning(None, tr("Errors", "StockDesk"), error.render())
        return None


def ask_rebuild(exc: DamagedDatabase) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Errors", "StockDesk"), tr(
        "Errors", "The StockDesk database {path} is damaged ({detail}). StockDesk can set it aside (it stays "
                  "next to it as a copy: nothing is deleted), keep the values you typed, and rebuild the rest "
                  "from the Evotor cloud: you connect again and StockDesk reconstructs the balances."
    ).format(**exc.params))
    rebuild = box.addButton(tr("Errors", "Rebuild from the cloud"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Errors", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(rebuild)
    box.exec()  # before the event loop runs: nothing to re-enter
    return box.clickedButton() is rebuild


def report_rebuilt(rescue: Rescue) -> None:
    if rescue.values:
        text = tr("Errors", "The damaged database is kept as {copy}. The %n value(s) you typed are in the new "
                            "database (and in {csv}).", len(rescue.values))
    else:
        text = tr("Errors", "The damaged database is kept as {copy}.")
    QMessageBox.information(None, tr("Errors", "StockDesk"), text.format(copy=rescue.copy, csv=rescue.csv))
