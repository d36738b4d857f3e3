"""Wizard page 3 / Settings: connecting Yandex Market and MoySklad against their sandboxes, with
specific errors, the MoySklad revoke confirmation, and IMSHOP's key and warehouses."""

from __future__ import annotations

import pytest

from channels.conftest import MS_TOKEN, YANDEX_KEY, ThreadedSandbox
from stockdesk.imshop.config import KEY_NAME as IMSHOP_KEY
from stockdesk.jobs import imshop
from stockdesk.sandbox.moysklad_server import MoySkladSandbox
from stockdesk.sandbox.yandex_server import YandexSandbox
from stockdesk.ui.accounts_panel import AccountsPanel
from stockdesk.ui.main.settings import SettingsDialog
from stockdesk.ui.wizard.pages import AccountsPage
from stockdesk.ui.wizard_flow import FlowState
from stockdesk.yandex.config import YandexConfig

from .conftest import until


@pytest.fixture
def sandboxes(monkeypatch):
    with ThreadedSandbox(YandexSandbox(api_key=YANDEX_KEY, skus=["A-1"])) as ym, \
            ThreadedSandbox(MoySkladSandbox(token=MS_TOKEN)) as ms:
        monkeypatch.setenv("STOCKDESK_YANDEX_URL", ym.url)
        monkeypatch.setenv("STOCKDESK_MOYSKLAD_URL", ms.url)
        yield ym, ms


def run(qloop, form) -> None:
    form.check()

    async def done() -> None:
        await until(lambda: not form.is_busy())

    qloop.run_until_complete(done())


def test_page_3_connects_yandex_market_with_a_specific_error_first(qtbot, qloop, ctx, sandboxes):
    ym, _ = sandboxes
    page = AccountsPage(ctx, FlowState())
    qtbot.addWidget(page)
    form = page.panel.yandex
    form.key.setText(YANDEX_KEY)
    form.check()
    assert form.message.text() == "Type the campaign id." and not form.is_busy()
    form.campaign.setText("999")
    run(qloop, form)
    assert form.message.kind == "error" and "does not know this campaign" in form.message.text()
    form.key.setText(YANDEX_KEY)
    form.campaign.setText(str(ym.campaign_id))
    run(qloop, form)
    assert form.message.kind == "ok", form.message.text()
    assert form.message.text().startswith("Connected: 1 offer.") and form.key.text() == ""
    cfg = YandexConfig.load(ctx)
    assert (cfg.campaign_id, cfg.mode, cfg.enabled) == (ym.campaign_id, "business", False)
    assert ctx.secrets.get("yandex") == YANDEX_KEY


def test_settings_connect_moysklad_by_login_needs_the_revoke_confirmation(qtbot, qloop, ctx, sandboxes):
    _, ms = sandboxes
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    form = dialog.channels.moysklad
    form.use_login.setChecked(True)
    assert not form.token.isEnabled()
    form.login.setText(ms.login)
    form.password.setText(ms.password)
    form.check()
    assert "Tick the box" in form.message.text() and not form.is_busy()
    form.revoke.setChecked(True)
    run(qloop, form)
    assert form.message.kind == "ok" and form.message.text().startswith("Connected:"), form.message.text()
    assert ctx.db["accounts"].count_where("id = 'moysklad'") == 1 and ctx.secrets.get("moysklad")


def test_a_wrong_moysklad_token_is_refused(qtbot, qloop, ctx, sandboxes):
    panel = AccountsPanel(ctx, "")
    qtbot.addWidget(panel)
    panel.moysklad.token.setText("wrong")
    run(qloop, panel.moysklad)
    assert panel.moysklad.message.kind == "error"
    assert not ctx.db["accounts"].count_where("id = 'moysklad'")


def test_imshop_key_and_warehouse_are_saved(qtbot, qloop, ctx):
    panel = AccountsPanel(ctx, "")
    qtbot.addWidget(panel)
    form = panel.imshop
    form.key.setText("secret-key")
    run(qloop, form)
    assert form.message.kind == "ok" and ctx.secrets.get(IMSHOP_KEY) == "secret-key"
    form.wh_id.setText("7")
    form.add_warehouse()
    assert form.message.text() == "An IMSHOP warehouse needs a name and a city."
    form.wh_name.setText("Магазин")
    form.wh_city.setText("Тверь")
    form.lat.setValue(56.85)
    form.lon.setValue(35.9)
    form.add_warehouse()
    [saved] = imshop.list_warehouses(ctx.db)
    assert (saved.warehouse_id, saved.city, saved.lat, saved.lon) == ("7", "Тверь", 56.85, 35.9)
    assert form.warehouses.count() == 1
    form.warehouses.setCurrentRow(0)
    form.remove_warehouse()
    assert not imshop.list_warehouses(ctx.db) and form.warehouses.count() == 0
