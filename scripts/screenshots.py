"""Walk the first-run wizard and the main window against the sandbox shop and save a PNG of every
page, in English and in Russian, to screenshots/<lang>/ (offscreen; nothing real is touched).

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--lang ru] [--size 760x540]

High-DPI: run with QT_SCALE_FACTOR=2 (the PNGs come out at twice the pixels).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from stockdesk.context import AppContext  # noqa: E402
from stockdesk.imshop.config import Warehouse  # noqa: E402
from stockdesk.jobs import imshop, yandex  # noqa: E402
from stockdesk.sandbox.yandex_server import YandexSandbox  # noqa: E402
from stockdesk.sandbox import Faults, ShopSpec  # noqa: E402
from stockdesk.sandbox.runner import start_in_thread  # noqa: E402
from stockdesk.ui.app import create_main_window, install_translators  # noqa: E402
from stockdesk.ui.main.settings import SettingsDialog  # noqa: E402
from stockdesk.ui.review.model import Col  # noqa: E402
from stockdesk.ui.wizard.dialog import WizardDialog  # noqa: E402

SHOP = ShopSpec(seed=5, stores=2, products_per_store=80, documents_per_store=1500, months=8)


async def until(condition, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        await asyncio.sleep(0.05)


async def settle() -> None:
    """Let the loop draw. Never processEvents() inside a coroutine: qasync would re-enter tasks."""
    await asyncio.sleep(0.15)


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.count = 0
        out.mkdir(parents=True, exist_ok=True)

    async def shoot(self, widget: QWidget, name: str) -> None:
        await settle()
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        widget.grab().save(str(path))
        print(path)


async def walk(ctx: AppContext, shooter: Shooter, size: tuple[int, int] | None) -> None:
    wizard = WizardDialog(ctx)
    if size:
        wizard.resize(*size)
    wizard.show()
    pages = wizard.pages
    await shooter.shoot(wizard, "wizard-1-welcome")

    wizard.go_next()
    await shooter.shoot(wizard, "wizard-2-connect")
    pages["connect"].form.check()
    await until(lambda: wizard.flow.can_next() or not pages["connect"].form.is_busy())
    await shooter.shoot(wizard, "wizard-2-connect-checked")

    wizard.go_next()
    await shooter.shoot(wizard, "wizard-3-accounts")
    wizard.go_next()
    await shooter.shoot(wizard, "wizard-4-stores")

    wizard.go_next()
    panel = pages["reconstruct"].panel
    await until(lambda: not panel.is_running() or (panel._latest is not None and panel._latest.phase == "documents"
                                                   and panel._latest.done >= 1))
    if panel.is_running():
        await shooter.shoot(wizard, "wizard-5-reconstruct-running")
    await until(lambda: not panel.is_running())
    await shooter.shoot(wizard, "wizard-5-reconstruct-done")

    wizard.go_next()
    review = pages["review"].review
    await settle()
    if wizard.flow.current == "review":
        model, view = review.model, review.table
        if model.rowCount():
            model.setData(model.index(0, Col.NEW), "12")
        if model.rowCount() > 1:
            model.setData(model.index(1, Col.NEW), "-2")
        if model.rowCount() > 2:
            view.selectRow(review.proxy.mapFromSource(model.index(2, 0)).row())
            review.skip.trigger()
        if model.rowCount() > 3:  # an invalid value being typed, with its message
            index = review.proxy.mapFromSource(model.index(3, Col.NEW))
            view.setCurrentIndex(index)
            view.edit(index)
            await settle()
            editor = view.focusWidget()
            if hasattr(editor, "setText"):
                editor.setText("1,2345")
        await shooter.shoot(wizard, "wizard-6-review")
        view.closePersistentEditor(view.currentIndex())
        view.setFocus()
        await settle()
        wizard.go_next()

    push = pages["push"].panel
    await until(lambda: push.plan is not None or not push.is_running())
    await shooter.shoot(wizard, "wizard-7-push-preview")
    push.send()
    await until(lambda: not push.is_running())
    await shooter.shoot(wizard, "wizard-7-push-sent")

    wizard.go_next()
    await shooter.shoot(wizard, "wizard-8-done")
    wizard.finish()

    window = create_main_window(ctx)
    if size:
        window.resize(*size)
    window.show()
    for index, (name, page) in enumerate((("overview", window.overview), ("products", window.products),
                                          ("review", window.review_page), ("push", window.push_page),
                                          ("activity", window.activity))):
        window.tabs.setCurrentWidget(page)
        if name == "push":
            await until(lambda: not window.push_panel.is_running())
        await shooter.shoot(window, f"main-{index + 1}-{name}")
    await channels(ctx, window, shooter)
    window.tabs.setCurrentIndex(1)
    window.products.filter_box.setCurrentIndex(window.products.filter_box.findData("manual"))
    window.products.table.selectRow(0)  # the line under the table tells the selected product's story
    await shooter.shoot(window, "main-2-products-entered-by-you")
    window.products.filter_box.setCurrentIndex(0)

    settings = SettingsDialog(ctx, window)
    settings.show()
    await shooter.shoot(settings, "settings")
    settings.close()

    window.rebuild()
    await until(lambda: not window.rebuild_dialog.panel.is_running())
    await shooter.shoot(window.rebuild_dialog, "main-rerun-reconstruction")
    window.rebuild_dialog.close()
    window.close()


async def channels(ctx: AppContext, window, shooter: Shooter) -> None:
    """The Sales channels tab: Yandex Market connected to its sandbox and synced, the mapping, IMSHOP serving."""
    store = ctx.db.execute("SELECT id FROM stores WHERE selected = 1 ORDER BY id").fetchone()[0]
    codes = [r[0] for r in ctx.db.execute("SELECT code FROM products WHERE store_id = ? AND is_service = 0 AND code"
                                          " IS NOT NULL ORDER BY code LIMIT 12", [store])]
    tab = window.channels
    async with YandexSandbox(api_key="demo-key", skus=codes + ["ART-404", "SET-2"]) as market:
        os.environ["STOCKDESK_YANDEX_URL"] = market.url
        await yandex.connect_yandex(ctx, "demo-key", campaign_id=market.campaign_id, store_id=store,
                                    session_only=True)
        yandex.set_enabled(ctx, True)
        window.tabs.setCurrentWidget(tab)
        tab.reload()
        window.sync_now()
        await until(lambda: not tab.runner.is_running())
        await shooter.shoot(window, "main-6-channels-synced")
        tab.yandex.mapping.only_choices.setChecked(True)
        await shooter.shoot(window, "main-6-channels-mapping")
        tab.yandex.mapping.only_choices.setChecked(False)
    del os.environ["STOCKDESK_YANDEX_URL"]
    imshop.save_key(ctx.secrets, "demo-imshop-key", session_only=True)
    imshop.save_warehouse(ctx.db, Warehouse("1", store, "Магазин на Ленина", "Тверь", "ул. Ленина, 1", 56.86, 35.9),
                          replace_existing=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    imshop.set_listen_address(ctx.db, "127.0.0.1", port)
    tab.pages.setCurrentWidget(tab.imshop)
    tab.imshop.start()
    await until(lambda: not tab.imshop.is_running())
    tab.show_cards()
    await shooter.shoot(window, "main-6-channels-imshop")
    await tab.imshop.shutdown()
    tab.pages.setCurrentWidget(tab.moysklad)
    await shooter.shoot(window, "main-6-channels-moysklad")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--lang", choices=("en", "ru"), action="append")
    parser.add_argument("--size", help="window size WxH, e.g. 760x540 to check small screens")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x")) if args.size else None
    logging.basicConfig(level=logging.WARNING)  # an error the window shows is explained here
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    for lang in args.lang or ("en", "ru"):
        install_translators(app, lang)
        # a fresh shop per language; small pages and some latency catch the reconstruction running
        sandbox = start_in_thread(SHOP, page_size=100, faults=Faults(latency_ms=(40, 80)))
        try:
            with tempfile.TemporaryDirectory(prefix="stockdesk-shots-") as tmp:
                ctx = AppContext.open(tmp, demo=True)
                ctx.set_setting("evotor_url", sandbox.url)
                ctx.secrets.set("evotor", sandbox.token, session_only=True)
                loop = qasync.QEventLoop(app)
                asyncio.set_event_loop(loop)
                try:
                    loop.run_until_complete(walk(ctx, Shooter(Path(args.out) / lang), size))
                finally:
                    ctx.close()
                    loop.close()
                    asyncio.set_event_loop(None)
        finally:
            sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
