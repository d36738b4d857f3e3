"""Starting the window: QApplication, translators, one qasync event loop, wizard or main window.

Entry points for the CLI and the packaging: run_gui, install_translators, create_main_window.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import tempfile
from contextlib import ExitStack
from functools import partial

import qasync
from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow

from stockdesk import i18n
from stockdesk.context import AppContext
from stockdesk.jobs import claims
from stockdesk.jobs.connect import evotor_connected
from stockdesk.jobs.overview import store_overview
from stockdesk.jobs.reconstruct import unfinished_scan
from stockdesk.paths import APP_NAME, resources_dir
from stockdesk.ui import tasks
from stockdesk.ui.icons import app_icon
from stockdesk.ui.logging_setup import setup_logging, show_unexpected, stop_logging
from stockdesk.ui.main.settings import LANGUAGE_SETTING
from stockdesk.termination import on_terminate
from stockdesk.ui.main.window import MainWindow
from stockdesk.ui.open_storage import open_context
from stockdesk.ui.wizard.dialog import WizardDialog

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []  # kept referenced, or Qt drops them


def install_translators(app: QApplication, lang: str) -> None:
    """Qt's own strings (qtbase_<lang>) and ours (resources/i18n/stockdesk_<lang>.qm); also the
    language of messages outside widgets (stockdesk.i18n)."""
    lang = i18n.set_language(lang)
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(lang))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(QLocale(lang), "qtbase", "_", qt_dir)] if lang != "en" else []
    for locale, name, prefix, directory in candidates:
        translator = QTranslator(app)
        if translator.load(locale, name, prefix, directory):
            app.installTranslator(translator)
            _installed.append(translator)
    ours = QTranslator(app)
    # English needs its catalogue too: it holds the plural forms ("1 product", "2 products").
    if ours.load(str(resources_dir() / "i18n" / f"stockdesk_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation catalogue for %s", lang)


def create_main_window(ctx: AppContext) -> QMainWindow:
    return MainWindow(ctx)


def needs_wizard(ctx: AppContext) -> bool:
    """First run: no Evotor account connected, or no reconstruction done yet (or one interrupted)."""
    if not evotor_connected(ctx) or unfinished_scan(ctx):
        return True
    return not any(o.last_reconstruction for o in store_overview(ctx))


class Windows(QObject):
    """Which window is open: the wizard until it is finished, then the main window."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.wizard: WizardDialog | None = None
        self.main: QMainWindow | None = None

    def start(self) -> None:
        if needs_wizard(self.ctx):
            self.wizard = WizardDialog(self.ctx)
            self.wizard.completed.connect(self.open_main)  # shown before the wizard closes
            self.wizard.show()
        else:
            self.open_main()

    def open_main(self) -> None:
        self.main = create_main_window(self.ctx)
        self.main.show()


def start_demo(ctx: AppContext):
    """The built-in sandbox shop in a thread; its token for this run only (never the keychain)."""
    from stockdesk.sandbox.evotor_shop import ShopSpec
    from stockdesk.sandbox.runner import start_in_thread

    sandbox = start_in_thread(ShopSpec())
    ctx.set_setting("evotor_url", sandbox.url)
    ctx.secrets.set("evotor", sandbox.token, session_only=True)
    return sandbox


async def _run_windows(app: QApplication, ctx: AppContext) -> int:
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    on_terminate(closed.set)  # SIGTERM: as if the owner closed the window
    windows = Windows(ctx)
    windows.start()
    await closed.wait()
    await tasks.cancel_all()  # interrupted jobs resume next time
    app.closeAllWindows()  # after SIGTERM; no job runs now, so no window asks "Stop and quit?"
    return 0


def run_gui(data_dir: str | None, demo: bool, lang: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # the loop ends on lastWindowClosed, after cleanup
    claims.set_holder_kind("window")  # what other StockDesk processes read when this one holds an account
    with ExitStack() as stack:
        if demo:
            data_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="stockdesk-demo-"))
        ctx = open_context(data_dir, demo, partial(install_translators, app, lang or i18n.system_language()))
        if ctx is None:
            return 1
        stack.callback(ctx.close)
        stack.callback(stop_logging, setup_logging(ctx.data_dir))
        log.info("StockDesk starting (demo=%s)", demo)
        if demo:
            stack.callback(start_demo(ctx).stop)
        install_translators(app, lang or ctx.setting(LANGUAGE_SETTING) or i18n.system_language())
        previous_hook = sys.excepthook
        sys.excepthook = partial(show_unexpected, db_path=ctx.db_path)
        stack.callback(setattr, sys, "excepthook", previous_hook)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        stack.callback(asyncio.set_event_loop, None)
        with loop:
            code = loop.run_until_complete(_run_windows(app, ctx))
    return code
