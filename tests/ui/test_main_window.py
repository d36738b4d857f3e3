"""The main window over a reconstructed shop, and starting the app."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from stockdesk.context import AppContext
from stockdesk.jobs.overview import product_rows, store_overview
from stockdesk.store import claims as store_claims
from stockdesk.ui.app import create_main_window, needs_wizard, run_gui
from stockdesk.ui.main.products import PCol, ProductsFilter, ProductsModel
from stockdesk.ui.main.settings import LANGUAGE_SETTING, SettingsDialog

from .conftest import until


def test_main_window_shows_stores_products_review_and_activity(qtbot, ctx):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "StockDesk" and not window.windowIcon().isNull()
    overview = store_overview(ctx)
    assert window.overview.cards_layout.count() >= len(overview) > 0
    rows = sum((product_rows(ctx, o.store_id) for o in overview), [])
    products = window.products
    assert products.model.rowCount() == len(rows)
    sale = next(r for r in range(products.model.rowCount())
                if products.model.rows[r].doc_type == "SELL" and products.model.rows[r].status == "resolved")
    assert products.model.index(sale, PCol.PROVENANCE).data().startswith("Sale №")
    products.filter_box.setCurrentIndex(products.filter_box.findData("review"))
    assert products.proxy.rowCount() == sum(1 for r in rows if r.status == "review") > 0
    assert window.review.model.rowCount() > 0
    assert window.activity.model.rowCount() > 0


def test_products_model_passes_qt_model_checks(qtmodeltester, ctx):
    model = ProductsModel()
    qtmodeltester.check(model)
    proxy = ProductsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    store = store_overview(ctx)[0].store_id
    model.set_rows(product_rows(ctx, store))
    proxy.set_search("а")
    proxy.set_filter("service")
    proxy.sort(PCol.VALUE)


def test_push_tab_lists_the_changes_when_opened(qtbot, qloop, ctx):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.push_page)

    async def scenario() -> None:
        await until(lambda: window.push_panel.plan is not None and not window.push_panel.is_running())

    qloop.run_until_complete(scenario())
    assert window.push_panel.model.rowCount() == len(window.push_panel.plan.items) > 0


def test_language_choice_is_saved_for_the_next_start(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert ctx.setting(LANGUAGE_SETTING) == "ru"
    assert "Restart" in dialog.language_note.text()


def test_first_run_needs_the_wizard_then_not(tmp_path, ctx):
    fresh = AppContext.open(tmp_path / "fresh")
    assert needs_wizard(fresh)
    fresh.close()
    assert not needs_wizard(ctx)


def test_run_gui_opens_the_demo_wizard_in_russian_and_exits_cleanly(qapp, tmp_path):
    seen: list[str] = []
    timer = QTimer()

    def close_when_shown() -> None:  # polls: the window appears once the event loop runs
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in shown:
            seen.append(widget.windowTitle())
            widget.close()
        if shown:
            timer.stop()

    timer.timeout.connect(close_when_shown)
    timer.start(50)
    try:
        assert run_gui(data_dir=None, demo=True, lang="ru") == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert seen == ["StockDesk — первый запуск — демо"]


def test_what_another_process_holds_is_disabled_and_said(qtbot, ctx):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    panel, sync_button = window.push_panel, window.channels.sync_button
    with sqlite3.connect(ctx.db_path) as conn:  # a CLI push elsewhere (pid 1 is alive)
        conn.execute("INSERT INTO job_claims VALUES ('evotor', 'push', 't', 1, ?, 'cli', '2026-01-01', ?)",
                     [store_claims.HOST, store_claims.now_ms()])
    window.busy.poll()
    busy = "A push to the Evotor cloud is running in a StockDesk command (process 1)"
    assert not panel.check_button.isEnabled() and not panel.send_button.isEnabled()
    assert panel.message.text().startswith(busy)
    assert not sync_button.isEnabled() and window.channels.sync_message.text().startswith(busy)
    assert window.channels.yandex.message.text() != panel.message.text()  # Yandex is free

    with sqlite3.connect(ctx.db_path) as conn:
        conn.execute("DELETE FROM job_claims")
    window.busy.poll()
    assert panel.check_button.isEnabled() and sync_button.isEnabled()
    assert panel.message.text() == "" and window.channels.sync_message.text() == ""
