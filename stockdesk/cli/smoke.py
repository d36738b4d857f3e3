"""`stockdesk smoke`: a headless self-check of an installed or frozen StockDesk.

It exercises what a broken bundle would lose first: the translations, the keychain layer, the database,
a small reconstruction from a sandbox Evotor cloud on 127.0.0.1, and the main window. One line per check
on stdout; the first failure is named on stderr and the exit code is 1. Nothing of the owner's is
touched: a temporary data directory, tokens kept in memory, no STOCKDESK_* overrides.
packaging/ci_frozen_check.sh and the release workflow run it on the PyInstaller build.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path

from stockdesk.cli.common import FAILED, OK
from stockdesk.secrets import Secrets

# Small enough for a few seconds on a CI machine, big enough to need several pages and windows.
SANDBOX_SHOP = {"stores": 1, "products_per_store": 60, "documents_per_store": 400}
RECONSTRUCT_TIMEOUT_S = 120.0
WINDOW_SETTLE_S = 0.5
# A string from Qt's own Russian catalogue (standard dialog buttons): proves qtbase_ru.qm is bundled.
QT_PROBE = ("QPlatformTheme", "Cancel")
CYRILLIC = re.compile("[А-Яа-яЁё]")


class CheckFailed(Exception):
    """A check ran but found the installation wrong; the message says how."""


class MemoryOnlySecrets(Secrets):
    """Tokens in this process's memory only: the smoke run never reads or writes the owner's keychain."""

    def keychain_available(self) -> bool:
        return False


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("smoke", help="check this installation headless: translations, keychain, database, "
                                     "a sandbox reconstruction and the main window")
    p.add_argument("--offscreen", action="store_true", help="never show the window, even on a desktop")
    p.set_defaults(handler=cmd_smoke)


def use_offscreen(force: bool) -> None:
    """Qt's offscreen platform when asked or when Linux has no display; must run before Qt starts."""
    no_display = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if force:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def isolate_environment() -> None:
    """Drop STOCKDESK_* overrides (tokens, Evotor URL, data dir) in this process: the sandbox is the only cloud."""
    for name in [n for n in os.environ if n.startswith("STOCKDESK_")]:
        del os.environ[name]


def cmd_smoke(args: argparse.Namespace) -> int:
    use_offscreen(args.offscreen)
    isolate_environment()
    if hasattr(sys.stdout, "reconfigure"):  # a Windows console may not encode the Russian probe text
        sys.stdout.reconfigure(errors="backslashreplace")

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with tempfile.TemporaryDirectory(prefix="stockdesk-smoke-") as tmp:
            return loop.run_until_complete(Smoke(app, Path(tmp)).run())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


class Smoke:
    def __init__(self, app, tmp: Path):
        self.app = app
        self.tmp = tmp
        self.ctx = None

    async def run(self) -> int:
        checks: list[tuple[str, Callable[[], Awaitable[str]]]] = [
            ("translations", self.translations),
            ("keychain", self.keychain),
            ("database", self.database),
            ("sandbox reconstruction", self.reconstruction),
            ("main window", self.main_window),
        ]
        started = time.monotonic()
        try:
            for name, check in checks:
                began = time.monotonic()
                try:
                    detail = await check()
                except CheckFailed as exc:
                    print(f"smoke: {name} check failed: {exc}", file=sys.stderr, flush=True)
                    return FAILED
                except Exception as exc:  # anything else is a broken bundle: show where
                    traceback.print_exc()
                    print(f"smoke: {name} check failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
                    return FAILED
                print(f"ok  {name:<23} {detail} ({time.monotonic() - began:.1f} s)", flush=True)
        finally:
            if self.ctx is not None:
                self.ctx.close()
        print(f"smoke: all {len(checks)} checks passed in {time.monotonic() - started:.1f} s", flush=True)
        return OK

    async def translations(self) -> str:
        from PySide6.QtCore import QCoreApplication, QTranslator

        from stockdesk.paths import resources_dir
        from stockdesk.ui.app import install_translators

        ours = resources_dir() / "i18n" / "stockdesk_ru.qm"
        catalogue = QTranslator()
        if not catalogue.load(str(ours)) or catalogue.isEmpty():
            raise CheckFailed(f"StockDesk's Russian catalogue {ours} is missing, unreadable or empty")
        install_translators(self.app, "ru")  # the main window check below sees it applied
        qt_text = QCoreApplication.translate(*QT_PROBE)
        if qt_text == QT_PROBE[1]:
            raise CheckFailed(f"Qt's Russian catalogue is missing: {QT_PROBE[1]!r} stays untranslated")
        return f"ru: Qt {QT_PROBE[1]!r} -> {qt_text!r}, {ours.name} {ours.stat().st_size // 1024} KB"

    async def keychain(self) -> str:
        import keyring

        backend = keyring.get_keyring()  # found through entry points: a bundle can lose them
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        if Secrets().keychain_available():
            return f"{name} (tokens are saved there)"
        return f"none usable ({name}): tokens would be kept for the session only"

    async def database(self) -> str:
        from stockdesk.context import AppContext

        self.ctx = AppContext.open(self.tmp / "data", secrets=MemoryOnlySecrets())
        self.ctx.set_setting("smoke", "1")
        if self.ctx.setting("smoke") != "1":
            raise CheckFailed("a setting written to the database does not read back")
        tables = self.ctx.db.table_names()
        if "balances" not in self.ctx.db.view_names():
            raise CheckFailed("the balances view is missing: migrations did not run")
        return f"{len(tables)} tables, WAL={self.ctx.db.journal_mode}"

    async def reconstruction(self) -> str:
        from stockdesk.jobs.connect import connect_evotor
        from stockdesk.jobs.reconstruct import reconstruct
        from stockdesk.sandbox.evotor_shop import ShopSpec
        from stockdesk.sandbox.runner import start_in_thread

        sandbox = start_in_thread(ShopSpec(**SANDBOX_SHOP))
        try:
            self.ctx.set_setting("evotor_url", sandbox.url)
            connected = await connect_evotor(self.ctx, sandbox.token, session_only=True)
            summary = await asyncio.wait_for(reconstruct(self.ctx), RECONSTRUCT_TIMEOUT_S)
        finally:
            sandbox.stop()
        products = sum(s.products for s in summary.stores)
        resolved = sum(s.resolved for s in summary.stores)
        if not products or not resolved:
            raise CheckFailed(f"reconstruction resolved {resolved} of {products} products")
        documents = sum(s.documents_read for s in summary.stores)
        return (f"{len(connected.stores)} store, {products} products ({resolved} resolved), "
                f"{documents} documents")

    async def main_window(self) -> str:
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QTabBar

        from stockdesk.ui.app import create_main_window
        from stockdesk.ui.tasks import cancel_all

        window = create_main_window(self.ctx)
        window.show()
        await asyncio.sleep(WINDOW_SETTLE_S)  # the qasync loop paints and runs what the window started
        try:
            if not window.isVisible():
                raise CheckFailed("the main window did not show")
            # Menus and tabs hold no shop data, so Cyrillic there comes from StockDesk's catalogue.
            chrome = [a.text() for a in window.findChildren(QAction) if a.text()]
            chrome += [bar.tabText(i) for bar in window.findChildren(QTabBar) for i in range(bar.count())]
            russian = [text for text in chrome if CYRILLIC.search(text)]
            if not russian:
                raise CheckFailed(f"the window is not in Russian: {len(chrome)} menu and tab texts, none translated")
        finally:
            window.close()
            await cancel_all()
        return (f"shown on the {self.app.platformName()} platform, "
                f"{len(russian)} of {len(chrome)} menu and tab texts in Russian")
