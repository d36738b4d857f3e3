"""The Sales channels tab over a reconstructed shop: Sync now updates the cards, mapping choices
are saved, Yandex Market push from the page, IMSHOP webhook start/stop and its light."""

from __future__ import annotations

import socket

import httpx
import pytest

from stockdesk.imshop.config import Warehouse
from stockdesk.jobs import imshop, matching, yandex
from stockdesk.jobs.sync import last_sync
from stockdesk.sandbox.yandex_server import YandexSandbox
from stockdesk.ui.app import create_main_window
from stockdesk.ui.channels.mapping import MCol
from stockdesk.ui.channels.state import sync_state
from stockdesk.ui.channels.sync_runner import SCHEDULE_SETTING
from stockdesk.jobs.sync import Step

from channels.conftest import YANDEX_KEY, ThreadedSandbox
from .conftest import until


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def skus_of(ctx, store_id: str, n: int) -> list[str]:
    codes = [r[0] for r in ctx.db.execute("SELECT code FROM products WHERE store_id = ? AND is_service = 0"
                                          " AND code IS NOT NULL ORDER BY code LIMIT ?", [store_id, n])]
    return codes + ["NOT-IN-SHOP"]


@pytest.fixture
def market(qloop, ctx, monkeypatch):
    store = ctx.db.execute("SELECT id FROM stores WHERE selected = 1 ORDER BY id").fetchone()[0]
    with ThreadedSandbox(YandexSandbox(api_key=YANDEX_KEY, skus=skus_of(ctx, store, 8))) as sandbox:
        monkeypatch.setenv("STOCKDESK_YANDEX_URL", sandbox.url)
        qloop.run_until_complete(yandex.connect_yandex(ctx, YANDEX_KEY, campaign_id=sandbox.campaign_id, store_id=store,
                                          session_only=True))
        yield sandbox


def test_card_states_follow_the_last_sync():
    assert sync_state(None, connected=False).light == "off"
    assert sync_state(None, connected=True, enabled=False).light == "off"
    assert sync_state(None, connected=True).light == "attention"
    assert sync_state(Step("yandex", False, message="no"), connected=True).light == "failed"
    assert sync_state(Step("yandex", True, sent=3, failed=1), connected=True).light == "attention"
    assert sync_state(Step("yandex", True, sent=3), connected=True, unmapped=2).light == "attention"
    assert sync_state(Step("yandex", True, sent=3), connected=True).light == "ok"


def test_sync_now_pushes_to_yandex_and_updates_the_card(qtbot, qloop, ctx, market):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    tab = window.channels
    assert tab.cards["yandex"].light.state == "off"  # connected, switched off
    tab.yandex.enabled.setChecked(True)
    assert yandex.preview_push(ctx).lines and tab.yandex.model.rowCount() == len(yandex.preview_push(ctx).lines)
    assert tab.yandex.push_button.isEnabled()

    window.sync_now()
    assert not tab.runner.run()  # never two at once

    async def scenario() -> None:
        await until(lambda: not tab.runner.is_running())

    qloop.run_until_complete(scenario())
    result = last_sync(ctx)
    steps = {s.channel: s for s in result.steps}
    assert steps["evotor"].ok and steps["yandex"].ok and steps["yandex"].sent == len(yandex.preview_push(ctx).lines)
    assert market.pushes and tab.sync_button.isEnabled()
    card = tab.cards["yandex"]
    assert card.light.state == "attention"  # "NOT-IN-SHOP" still needs a choice
    assert card.counts.text() == f"{steps['yandex'].sent} sent"
    assert tab.cards["evotor"].counts.text() == "0 sent"  # what was written to the cloud: no first push yet
    assert card.last_sync.text() != "never"
    assert tab.cards["evotor"].light.state == "attention"
    assert "send the balances once first" in tab.cards["evotor"].state.text()
    assert "Yandex Market:" in tab.sync_message.text()


def test_push_from_the_page_reports_what_was_sent(qtbot, qloop, ctx, market):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    page = window.channels.yandex
    page.enabled.setChecked(True)
    page.push()

    async def scenario() -> None:
        await until(lambda: not page.is_running())

    qloop.run_until_complete(scenario())
    assert page.message.kind == "ok" and "sent to Yandex Market" in page.message.text()
    assert sum(len(p["body"]["skuItems"]) for p in market.pushes) == page.model.rowCount()


def test_choosing_a_product_in_the_mapping_table_saves_it(qtbot, ctx, market):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    view = window.channels.yandex.mapping
    model = view.model
    row = next(n for n, r in enumerate(model.rows) if r.target == "NOT-IN-SHOP")
    taken = {r.product_id for r in model.rows if r.product_id}
    product = next(r[0] for r in ctx.db.execute("SELECT id FROM products WHERE store_id = ? AND is_service = 0",
                                                 [model.store_id]) if r[0] not in taken)
    assert model.flags(model.index(row, MCol.PRODUCT)) & model.flags(model.index(row, MCol.PRODUCT)).ItemIsEditable
    assert model.setData(model.index(row, MCol.PRODUCT), product)
    saved = {r.target: r for r in matching.mapping_rows(ctx, "yandex", model.store_id)}["NOT-IN-SHOP"]
    assert (saved.status, saved.product_id) == ("manual", product)
    assert view.message.text() == "Saved."
    # "none of my products" is a choice too, and Let StockDesk decide undoes it
    model.reload(model.store_id)
    row = next(n for n, r in enumerate(model.rows) if r.target == "NOT-IN-SHOP")
    assert model.setData(model.index(row, MCol.PRODUCT), "")
    model.reload(model.store_id)
    row = next(n for n, r in enumerate(model.rows) if r.target == "NOT-IN-SHOP")
    assert model.index(row, MCol.PRODUCT).data() == "none of my products"
    view.table.setCurrentIndex(view.proxy.mapFromSource(model.index(row, 0)))
    view.undo.click()
    saved = {r.target: r for r in matching.mapping_rows(ctx, "yandex", model.store_id)}["NOT-IN-SHOP"]
    assert saved.status == "unmatched"


def test_imshop_webhook_starts_and_stops_with_its_light(qtbot, qloop, ctx):
    store = ctx.db.execute("SELECT id FROM stores WHERE selected = 1 ORDER BY id").fetchone()[0]
    imshop.save_key(ctx.secrets, "imshop-key", session_only=True)
    imshop.save_warehouse(ctx.db, Warehouse("1", store, "Магазин", "Москва"))
    imshop.set_listen_address(ctx.db, "127.0.0.1", free_port())
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    page, card = window.channels.imshop, window.channels.cards["imshop"]
    assert card.light.state == "off" and not page.stop_button.isEnabled()
    page.start()

    async def started() -> None:
        await until(lambda: not page.is_running())
        async with httpx.AsyncClient() as client:
            answer = await client.post(page.server.status.url, json={"city": "Москва", "configurationIds": ["x"]},
                                       headers={"Authorization": "Bearer imshop-key"})
        assert answer.status_code == 200
        page.show_status()

    qloop.run_until_complete(started())
    assert page.light.state == card.light.state == "ok"
    assert page.url.text().startswith("http://127.0.0.1:") and page.served.text().startswith("1 answered")
    page.stop()

    async def stopped() -> None:
        await until(lambda: not page.is_running())

    qloop.run_until_complete(stopped())
    assert page.light.state == card.light.state == "off" and page.start_button.isEnabled()


def test_schedule_is_a_setting(qtbot, ctx):
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    tab = window.channels
    tab.schedule.setChecked(True)
    tab.every.setValue(15)
    assert ctx.setting(SCHEDULE_SETTING) == "15" and tab.runner.timer.interval() == 15 * 60_000
    tab.schedule.setChecked(False)
    assert not ctx.setting(SCHEDULE_SETTING) and not tab.runner.timer.isActive()


def test_a_cloud_change_is_shown_and_the_owner_can_say_the_cloud_is_right(qtbot, qloop, tmp_path, fresh_sandbox,
                                                                          monkeypatch):
    from decimal import Decimal

    from PySide6.QtWidgets import QMessageBox

    from stockdesk.jobs import push
    from stockdesk.jobs.connect import connect_evotor
    from stockdesk.jobs.reconstruct import reconstruct

    from .conftest import open_ctx

    ctx = open_ctx(tmp_path / "data", fresh_sandbox)
    qloop.run_until_complete(connect_evotor(ctx, fresh_sandbox.token, session_only=True))
    qloop.run_until_complete(reconstruct(ctx))
    qloop.run_until_complete(push.push(ctx, qloop.run_until_complete(push.plan_push(ctx))))
    store = fresh_sandbox.shop.stores[0]
    product = next(p for p in store.products if p.get("type") != "SERVICE" and p["measure_name"] == "шт")
    fresh_sandbox.server.edit_cloud(store.id, product["id"], Decimal(77))
    window = create_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    panel = window.channels.drift
    assert panel.isHidden()

    window.sync_now()
    qloop.run_until_complete(until(lambda: not window.channels.runner.is_running()))
    assert not panel.isHidden() and panel.table.rowCount() == 1
    assert panel.table.item(0, 0).text() == product["name"] and panel.table.item(0, 1).text() == "77"
    assert fresh_sandbox.server.cloud_quantity(store.id, product["id"]) != 77  # written back
    assert window.channels.cards["evotor"].light.state == "attention"
    assert not panel.accept_button.isEnabled()

    panel.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.accept_button.click()
    qloop.run_until_complete(until(lambda: not panel.is_running()))
    assert panel.message.kind == "ok", panel.message.text()
    assert fresh_sandbox.server.cloud_quantity(store.id, product["id"]) == 77
    assert panel.table.rowCount() == 0
    ctx.close()
