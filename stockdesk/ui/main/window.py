"""The main window: overview, products, review, push, sales channels, activity; settings and About."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QMainWindow, QMessageBox, QTabWidget,
                               QVBoxLayout, QWidget)

from stockdesk import __version__
from stockdesk.context import AppContext
from stockdesk.ui import style
from stockdesk.ui.channels.tab import ChannelsTab
from stockdesk.ui.icons import app_icon
from stockdesk.ui.logging_setup import LOG_NAME
from stockdesk.ui.main.activity import ActivityTab
from stockdesk.ui.main.overview import OverviewTab
from stockdesk.ui.main.products import ProductsTab
from stockdesk.ui.main.settings import SettingsDialog
from stockdesk.ui.job_runner import BusyWatcher
from stockdesk.ui.push_panel import PushPanel
from stockdesk.ui.reconstruct_panel import ReconstructPanel
from stockdesk.ui.review import ReviewWidget
from stockdesk.ui.tasks import spawn


class ReconstructDialog(QDialog):
    """Re-running the reconstruction from the main window (reads only what arrived since)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reconstruction"))
        self.panel = ReconstructPanel(ctx, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(640, 460)

    def reject(self) -> None:
        self.panel.cancel()  # resumes next time
        super().reject()


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("StockDesk — Demo") if ctx.demo else self.tr("StockDesk"))
        self.setWindowIcon(app_icon())
        self.rebuild_dialog: ReconstructDialog | None = None

        self.overview = OverviewTab(ctx, self)
        self.products = ProductsTab(ctx, self)
        self.review = ReviewWidget(ctx, self)
        self.push_panel = PushPanel(ctx, self)
        self.activity = ActivityTab(ctx, self)
        self.channels = ChannelsTab(ctx, self)
        self.busy = BusyWatcher(ctx, self)  # what other jobs hold, in this window or another process
        self.busy.changed.connect(self.push_panel.set_busy)
        self.busy.changed.connect(self.channels.set_busy)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self.products, self.tr("&Products"))
        self.review_page = QWidget(self)
        QVBoxLayout(self.review_page).addWidget(self.review)
        self.tabs.addTab(self.review_page, self.tr("Re&view"))
        self.push_page = QWidget(self)
        QVBoxLayout(self.push_page).addWidget(self.push_panel)
        self.tabs.addTab(self.push_page, self.tr("&Send to Evotor"))
        self.tabs.addTab(self.channels, self.tr("Sales channe&ls"))
        self.tabs.addTab(self.activity, self.tr("&Activity"))
        self.tabs.currentChanged.connect(self._tab_changed)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        if ctx.demo:
            banner = QLabel(self.tr("Demo: a made-up shop on this computer. Nothing real is read or changed, "
                                    "and everything is forgotten when you close StockDesk."), self)
            banner.setStyleSheet(style.DEMO_BANNER)
            banner.setWordWrap(True)
            layout.addWidget(banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.overview.rebuild_requested.connect(self.rebuild)
        self.overview.review_requested.connect(lambda: self.tabs.setCurrentWidget(self.review_page))
        self.overview.push_requested.connect(lambda: self.tabs.setCurrentWidget(self.push_page))
        self.review.decisions_changed.connect(self._stale)
        self.push_panel.finished.connect(lambda _: self.refresh())
        self.channels.synced.connect(lambda _: self.refresh())
        self.channels.moysklad.changed.connect(self._stale)  # accepted values land in the review
        self._build_menus()
        self.statusBar().showMessage(self.tr("Data folder: %1").replace("%1", str(ctx.data_dir)))
        self.resize(1180, 760)
        self._dirty = False
        self.refresh()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        stock_menu = self.menuBar().addMenu(self.tr("S&tock"))
        rebuild = QAction(self.tr("&Re-run reconstruction"), self)
        rebuild.setShortcut(QKeySequence("Ctrl+R"))
        rebuild.triggered.connect(self.rebuild)
        stock_menu.addAction(rebuild)
        send = QAction(self.tr("&Send to Evotor…"), self)
        send.triggered.connect(lambda: self.tabs.setCurrentWidget(self.push_page))
        stock_menu.addAction(send)
        sync = QAction(self.tr("S&ync sales channels now"), self)
        sync.setShortcut(QKeySequence("Ctrl+Shift+S"))
        sync.triggered.connect(self.sync_now)
        stock_menu.addAction(sync)
        refresh = QAction(self.tr("Re&fresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        stock_menu.addAction(refresh)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        folder = QAction(self.tr("Open the &data folder"), self)
        folder.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir))))
        help_menu.addAction(folder)
        about = QAction(self.tr("&About StockDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    # --- refreshing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.overview.reload()
        self.products.reload()
        self.review.reload()
        self.activity.reload()
        self.channels.reload()
        self._dirty = False

    def _stale(self) -> None:
        self._dirty = True  # review edits change counts elsewhere: reload those tabs when shown

    def _tab_changed(self, index: int) -> None:
        if self._dirty and self.tabs.widget(index) in (self.overview, self.products, self.activity):
            self.overview.reload()
            self.products.reload()
            self.activity.reload()
            self._dirty = False
        if self.tabs.widget(index) is self.push_page and self.push_panel.plan is None and not self.push_panel.is_running():
            self.push_panel.prepare()

    # --- actions -------------------------------------------------------------------------------

    def rebuild(self) -> None:
        if self.rebuild_dialog is None:
            self.rebuild_dialog = ReconstructDialog(self.ctx, self)
            self.rebuild_dialog.panel.finished.connect(lambda _: self.refresh())
            self.busy.changed.connect(self.rebuild_dialog.panel.set_busy)
            self.rebuild_dialog.panel.set_busy(self.busy.held)
        self.rebuild_dialog.show()
        self.rebuild_dialog.raise_()
        if not self.rebuild_dialog.panel.is_running():
            self.rebuild_dialog.panel.prepare()
            self.rebuild_dialog.panel.start()

    def sync_now(self) -> None:
        self.tabs.setCurrentWidget(self.channels)
        self.channels.runner.run()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx, self)
        dialog.changed.connect(self._stale)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About StockDesk"), self.tr(
            "<h3>StockDesk %1</h3>"
            "<p>Rebuilds the stock of your Evotor stores from the terminals' documents and keeps the "
            "Evotor cloud in step.</p>"
            "<p>Data folder: %2<br>Log file: %3</p>")
            .replace("%1", __version__).replace("%2", str(self.ctx.data_dir))
            .replace("%3", str(self.ctx.data_dir / LOG_NAME)))

    def jobs_running(self) -> bool:
        return self.push_panel.is_running() or self.channels.is_running() or bool(self.rebuild_dialog and self.rebuild_dialog.panel.is_running())

    def confirm_close(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Stop and quit?"),
            self.tr("StockDesk is still working. Stop now? Everything done so far is kept, and StockDesk "
                    "continues where it stopped next time."))
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.jobs_running() and not self.confirm_close():
            event.ignore()
            return
        self.push_panel.cancel()
        self.channels.cancel()
        if self.channels.imshop.is_serving():
            spawn(self.channels.imshop.shutdown())
        if self.rebuild_dialog is not None:
            self.rebuild_dialog.panel.cancel()
        super().closeEvent(event)
