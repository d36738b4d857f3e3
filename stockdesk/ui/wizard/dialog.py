"""The first-run wizard window: renders stockdesk.ui.wizard_flow with a step list, pages and buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea,
                               QStackedWidget, QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.jobs.connect import evotor_connected, list_stores
from stockdesk.jobs.overview import store_overview
from stockdesk.jobs.reconstruct import unfinished_scan
from stockdesk.ui import style
from stockdesk.ui.icons import app_icon
from stockdesk.ui.widgets import heading, hline
from stockdesk.ui.wizard.pages import PAGES, WizardPage, needs_review, reconstruction_done
from stockdesk.ui.wizard_flow import NAVMAP, PAGE_IDS, FlowState, WizardFlow


def initial_state(ctx: AppContext) -> FlowState:
    """Where the owner left off, read from the database (the wizard can be closed at any step)."""
    started = unfinished_scan(ctx) or any(o.last_reconstruction for o in store_overview(ctx))
    return FlowState(
        evotor_connected=evotor_connected(ctx),
        stores_selected=sum(1 for s in list_stores(ctx) if s.selected),
        reconstruction_started=started,
        reconstruction_done=reconstruction_done(ctx),
        needs_review=needs_review(ctx),
    )


class WizardDialog(QDialog):
    completed = Signal()  # Finish: the app shows the main window before this one closes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow = WizardFlow(initial_state(ctx))
        title = self.tr("StockDesk — first start")
        if ctx.demo:
            title = self.tr("%1 — Demo").replace("%1", title)
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)

        self.steps: dict[str, QLabel] = {}
        sidebar = QVBoxLayout()
        for number, page_id in enumerate(PAGE_IDS, start=1):
            label = QLabel(f"{number}. {QCoreApplication.translate('Wizard', NAVMAP[page_id].title)}", self)
            label.setWordWrap(True)
            sidebar.addWidget(label)
            self.steps[page_id] = label
        sidebar.addStretch(1)
        side = QWidget(self)
        side.setLayout(sidebar)
        side.setFixedWidth(200)

        self.title = heading("", self)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, WizardPage] = {}
        for page_class in PAGES:
            page = page_class(ctx, self.flow.state, self)
            page.changed.connect(self.refresh)
            self.pages[page.PAGE_ID] = page
            self.stack.addWidget(self._scrollable(page))

        self.position = QLabel(self)
        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.finish_button = QPushButton(self.tr("&Open StockDesk"), self)
        self.cancel_button = QPushButton(self.tr("Close"), self)
        for button in (self.back_button, self.next_button, self.finish_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter belongs to the page (token field, table editor)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.finish_button.clicked.connect(self.finish)
        self.cancel_button.clicked.connect(self.close)

        content = QVBoxLayout()
        content.addWidget(self.title)
        content.addWidget(self.subtitle)
        content.addWidget(hline(self))
        content.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addWidget(side)
        body.addLayout(content, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.position)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        if ctx.demo:
            banner = QLabel(self.tr("Demo: a made-up shop on this computer. Nothing real is read or changed."), self)
            banner.setStyleSheet(style.DEMO_BANNER)
            banner.setWordWrap(True)
            layout.addWidget(banner)
        layout.addLayout(body, 1)
        layout.addWidget(hline(self))
        layout.addLayout(buttons)
        self.resize(980, 700)
        self.setMinimumSize(760, 540)
        self.show_page(self.flow.current)

    def _scrollable(self, page: QWidget) -> QScrollArea:
        """Long Russian text or a small screen never cuts a page off: it scrolls."""
        area = QScrollArea(self)
        area.setWidget(page)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        return area

    @property
    def page(self) -> WizardPage:
        return self.pages[self.flow.current]

    def show_page(self, page_id: str) -> None:
        page = self.pages[page_id]
        self.stack.setCurrentIndex(PAGE_IDS.index(page_id))
        self.title.setText(page.title())
        self.subtitle.setText(page.subtitle())
        self.subtitle.setVisible(bool(page.subtitle()))
        page.enter()
        self.refresh()

    def refresh(self) -> None:
        flow = self.flow
        self.back_button.setEnabled(flow.can_back())
        self.next_button.setVisible(not flow.is_last())
        self.next_button.setEnabled(flow.can_next())
        self.finish_button.setVisible(flow.is_last())
        self.finish_button.setEnabled(flow.can_finish())
        index, total = flow.position()
        self.position.setText(self.tr("Step %1 of %2").replace("%1", str(index)).replace("%2", str(total)))
        current = PAGE_IDS.index(flow.current)
        for i, (page_id, label) in enumerate(self.steps.items()):
            font = QFont(label.font())
            font.setBold(page_id == flow.current)
            label.setFont(font)
            label.setEnabled(i <= current)
        if flow.is_last():
            self.finish_button.setDefault(True)

    def go_next(self) -> None:
        if self.flow.can_next():
            self.show_page(self.flow.next())

    def finish(self) -> None:
        if self.flow.can_finish():
            self.completed.emit()
            self.accept()

    def go_back(self) -> None:
        if self.flow.can_back():
            self.show_page(self.flow.back())

    def busy(self) -> bool:
        return any(page.running() for page in self.pages.values())

    def confirm_close(self) -> bool:
        """Asked only while a job runs; the work done so far is kept either way."""
        answer = QMessageBox.question(
            self, self.tr("Stop and close?"),
            self.tr("StockDesk is still working. Stop now? Everything done so far is kept, and StockDesk "
                    "continues where it stopped next time."))
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        """Close, Esc and the window's close button all end here (QDialog.closeEvent calls reject)."""
        if self.busy() and not self.confirm_close():
            return
        for page in self.pages.values():
            page.stop()
        super().reject()
