"""The review table with its search, filters, bulk actions, undo/redo and CSV exchange.

The same widget is the wizard's Review page and the main window's Review tab.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTableView,
                               QToolBar, QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.errors import UserError
from stockdesk.jobs import review as review_jobs
from stockdesk.ui import style
from stockdesk.ui.filter_row import FilterRow
from stockdesk.ui.review.delegate import QuantityDelegate
from stockdesk.ui.review.model import Col, ReviewModel
from stockdesk.ui.review.proxy import FILTERS, ReviewFilter
from stockdesk.ui.widgets import NAME_SAMPLE, MessageBar, setup_table

COLUMN_WEIGHTS = {Col.STORE: 1.3, Col.NAME: 3.0, Col.UNIT: 0.5, Col.CLOUD: 0.9, Col.NEW: 1.0, Col.REASON: 2.0,
                  Col.LAST_DOC: 2.0, Col.CODE: 1.0, Col.BARCODE: 1.2}


class ReviewWidget(QWidget):
    decisions_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(self)
        self.model = ReviewModel(ctx, self.undo_stack, self)
        self.proxy = ReviewFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filters = FilterRow(self, self.proxy, FILTERS, "ReviewFilter",
                                 placeholder=self.tr("Search by name, article, code or barcode"),
                                 filter_name=self.tr("Show"), store_name=self.tr("Store"))
        self.search, self.filter_box, self.store_box = self.filters.search, self.filters.filter_box, self.filters.store_box

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.delegate = QuantityDelegate(self.table)
        self.table.setItemDelegateForColumn(Col.NEW, self.delegate)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.columns = setup_table(self.table, COLUMN_WEIGHTS, Col.NAME, {Col.NAME: [NAME_SAMPLE]})
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.setAccessibleName(self.tr("Products to review"))

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.set_zero = self._action(self.tr("Set to 0"), self.tr("Set the selected products to 0"),
                                     lambda: self._bulk("set", 0), QKeySequence("Ctrl+0"))
        self.keep_cloud = self._action(self.tr("Keep the cloud value"),
                                       self.tr("Leave the selected products as they are in the Evotor cloud"),
                                       lambda: self._bulk("keep_cloud"), QKeySequence("Ctrl+K"))
        self.skip = self._action(self.tr("Skip"), self.tr("Do not send anything for the selected products"),
                                 lambda: self._bulk("skip"), QKeySequence("Ctrl+J"))
        self.clear = self._action(self.tr("Clear decision"), self.tr("Forget the decision for the selected products"),
                                  lambda: self._bulk(None), QKeySequence(QKeySequence.StandardKey.Delete))
        self.toolbar.addSeparator()
        self.undo_action = self._action(self.tr("Undo"), self.tr("Undo the last change"), self.undo_stack.undo,
                                        QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self._action(self.tr("Redo"), self.tr("Redo the change undone last"), self.undo_stack.redo,
                                        QKeySequence(QKeySequence.StandardKey.Redo))
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda text: self.undo_action.setToolTip(self.tr("Undo: %1").replace("%1", text)))
        self.undo_stack.redoTextChanged.connect(lambda text: self.redo_action.setToolTip(self.tr("Redo: %1").replace("%1", text)))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.import_button = QPushButton(self.tr("Import CSV…"), self)
        self.import_button.setToolTip(self.tr("Read new values from a CSV file (exported and edited)"))
        self.import_button.clicked.connect(self._import_dialog)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setToolTip(self.tr("Save this list as a CSV file for Excel"))
        self.export_button.clicked.connect(self._export_dialog)

        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.status = MessageBar(self)
        self.model.message.connect(self.status.show_message)
        self.delegate.message.connect(self.status.show_message)
        self.model.decisions_changed.connect(self._decisions_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.filters.layout)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self._update_actions()

    def _action(self, text: str, tip: str, slot, shortcut: QKeySequence) -> QAction:
        action = QAction(text, self)
        action.setToolTip(f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        self.toolbar.addAction(action)
        return action

    # --- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again (after a reconstruction or an import); undo history starts afresh."""
        self.undo_stack.clear()
        self.model.reload()
        names = self.model.store_names
        store_ids = sorted({item.store_id for item in self.model.rows}, key=lambda s: names.get(s, s))
        self.filters.set_stores(self.tr("All stores"), [(names.get(s, s), s) for s in store_ids])
        self.table.setColumnHidden(Col.STORE, len(store_ids) < 2)
        self.columns.fit()
        self._show_counts()

    def selected_rows(self) -> list[int]:
        return sorted({self.proxy.mapToSource(index).row()
                       for index in self.table.selectionModel().selectedRows()})

    def _bulk(self, action: str | None, value: int | None = None) -> None:
        rows = self.selected_rows()
        if not rows:
            self.status.show_message(self.tr("Select one or more products first."), "info")
            return
        changed = self.model.decide(rows, action, value)
        self.status.show_message(self.tr("%n product(s) changed and saved.", "", changed), "ok")

    def _decisions_changed(self) -> None:
        self._show_counts()
        self.decisions_changed.emit()

    def _show_counts(self) -> None:
        total, undecided = len(self.model.rows), self.model.undecided()
        if not total:
            self.counts.setText(self.tr("Nothing to review: every product got its number from the documents."))
            self.counts.setStyleSheet(style.label_style("ok"))
            return
        self.counts.setText(self.tr("%n product(s) to review", "", total) + " · "
                            + self.tr("%n not decided yet (they are not sent until you decide)", "", undecided))
        self.counts.setStyleSheet(style.label_style("warning" if undecided else "ok"))

    def _update_actions(self, *_) -> None:
        has_selection = bool(self.table.selectionModel().selectedRows())
        for action in (self.set_zero, self.keep_cloud, self.skip, self.clear):
            action.setEnabled(has_selection)

    # --- CSV -----------------------------------------------------------------------------------

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the review list"),
                                              str(Path.home() / "stockdesk-review.csv"), self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def _import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import new values"), str(Path.home()),
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.import_from(path)

    def export_to(self, path: str) -> None:
        try:
            count = review_jobs.export_csv(self.ctx, path)
        except (UserError, OSError) as exc:
            self.status.show_message(self._file_error(exc), "error")
            return
        self.status.show_message(self.tr("%n product(s) written to %1. Fill in the new_value column "
                                         "and import the file again.", "", count).replace("%1", path), "ok")

    def import_from(self, path: str) -> None:
        try:
            report = review_jobs.import_csv(self.ctx, path)
        except (UserError, OSError) as exc:
            self.status.show_message(self._file_error(exc), "error")
            return
        self.reload()
        self.decisions_changed.emit()
        text = self.tr("%n value(s) imported and saved.", "", report.applied)
        if report.errors:
            lines = [self.tr("Line %1: %2").replace("%1", str(line)).replace("%2", message)
                     for line, message in report.errors[:5]]
            more = len(report.errors) - len(lines)
            if more:
                lines.append(self.tr("…and %n more.", "", more))
            text += " " + self.tr("%n line(s) could not be used:", "", len(report.errors)) + "\n" + "\n".join(lines)
        self.status.show_message(text, "warning" if report.errors else "ok")

    def _file_error(self, exc: BaseException) -> str:
        if isinstance(exc, UserError):
            return exc.render()
        return self.tr("The file could not be used: %1").replace("%1", exc.strerror or str(exc))
