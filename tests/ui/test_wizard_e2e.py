"""The first-run wizard walked end to end against the sandbox shop, like an owner would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stockdesk.core.quantity import from_api
from stockdesk.jobs.reconstruct import unfinished_scan
from stockdesk.sandbox import Faults
from stockdesk.sandbox.runner import start_in_thread
from stockdesk.ui import formatting as fmt
from stockdesk.ui.review.model import Col
from stockdesk.ui.wizard.dialog import WizardDialog

from .conftest import SHOP, open_ctx, truth_milli, until


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cloud(server, store) -> dict[str, int]:
    return {pid: from_api(server.cloud_quantity(store.id, pid)) for pid in store.truth}


def test_connect_rebuild_review_push_matches_the_truth(qtbot, qloop, tmp_path, fresh_sandbox):
    shop = fresh_sandbox.shop
    truth = {s.id: truth_milli(s) for s in shop.stores}
    ctx = open_ctx(tmp_path / "data", fresh_sandbox)
    wizard = WizardDialog(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    completed = []
    wizard.completed.connect(lambda: completed.append(True))

    async def scenario() -> None:
        assert wizard.flow.current == "welcome" and not wizard.back_button.isEnabled()
        click(qtbot, wizard.next_button)

        form = wizard.pages["connect"].form
        assert wizard.flow.current == "connect" and not wizard.next_button.isEnabled()
        qtbot.keyClicks(form.token, "not-the-token")
        click(qtbot, form.check_button)
        await until(lambda: form.message.kind == "error")
        assert "did not accept the token" in form.message.text()
        assert not wizard.next_button.isEnabled()
        form.token.clear()
        qtbot.keyClicks(form.token, fresh_sandbox.token)
        qtbot.keyClick(form.token, Qt.Key.Key_Return)
        await until(wizard.next_button.isEnabled)
        assert ctx.secrets.source("evotor") == "keychain"
        assert all(s.name in form.stores.text() for s in shop.stores)
        click(qtbot, wizard.next_button)

        assert wizard.flow.current == "accounts"
        click(qtbot, wizard.next_button)
        stores = wizard.pages["stores"].stores
        assert wizard.flow.current == "stores" and len(stores.selected_ids()) == len(shop.stores)
        click(qtbot, wizard.next_button)

        panel = wizard.pages["reconstruct"].panel
        assert wizard.flow.current == "reconstruct"
        await until(lambda: wizard.next_button.isEnabled(), timeout=120)
        assert not panel.is_running() and panel.summary is not None
        assert all(s.name in panel.summary_label.text() for s in shop.stores)
        click(qtbot, wizard.next_button)

        # Review: type one value into the table as the owner would, fill the rest from the truth.
        review = wizard.pages["review"].review
        assert wizard.flow.current == "review" and review.model.rowCount() > 0
        first = review.model.rows[0]
        index = review.proxy.mapFromSource(review.model.index(0, Col.NEW))
        review.table.setCurrentIndex(index)
        review.table.edit(index)
        editor = review.table.focusWidget()
        editor.clear()
        qtbot.keyClicks(editor, fmt.qty(truth[first.store_id][first.product_id]))
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        await until(lambda: first.action == "set")
        for row, item in enumerate(review.model.rows[1:], start=1):
            assert review.model.setData(review.model.index(row, Col.NEW), fmt.qty(truth[item.store_id][item.product_id]))
        assert review.model.undecided() == 0
        click(qtbot, wizard.next_button)

        push = wizard.pages["push"].panel
        assert wizard.flow.current == "push"
        await until(lambda: push.plan is not None and not push.is_running())
        assert not wizard.next_button.isEnabled() and push.plan.items and push.plan.unresolved == 0
        click(qtbot, push.send_button)
        await until(lambda: push.result is not None and not push.is_running(), timeout=120)
        assert push.result.ok == len(push.plan.items) and not push.result.failed
        assert all(row.ok for row in push.model.rows)
        for store in shop.stores:
            assert cloud(fresh_sandbox.server, store) == truth[store.id]
        click(qtbot, wizard.next_button)

        assert wizard.flow.current == "done" and wizard.finish_button.isVisible()
        click(qtbot, wizard.finish_button)

    try:
        qloop.run_until_complete(scenario())
    finally:
        ctx.close()
    assert completed


def test_cancel_then_reopen_resumes_where_it_stopped(qtbot, qloop, tmp_path):
    # small pages with some latency, so there is time to press Cancel mid-way
    sandbox = start_in_thread(SHOP, page_size=25, faults=Faults(latency_ms=(10, 20)))
    data = tmp_path / "data"
    ctx = open_ctx(data, sandbox)
    first = WizardDialog(ctx)
    qtbot.addWidget(first)
    first.show()

    async def cancel_mid_way() -> None:
        click(qtbot, first.next_button)
        form = first.pages["connect"].form
        qtbot.keyClicks(form.token, sandbox.token)
        click(qtbot, form.check_button)
        await until(first.next_button.isEnabled)
        for _ in range(3):
            click(qtbot, first.next_button)
        panel = first.pages["reconstruct"].panel
        await until(lambda: panel._latest is not None and panel._latest.phase == "documents"
                    and panel._latest.done >= 1)
        assert not first.back_button.isEnabled() and not first.next_button.isEnabled()
        click(qtbot, panel.cancel_button)
        await until(lambda: not panel.is_running())
        assert "Stopped" in panel.message.text()
        assert panel.start_button.text().replace("&", "") == "Resume"
        assert first.back_button.isEnabled() and not first.next_button.isEnabled()

    try:
        qloop.run_until_complete(cancel_mid_way())
        first.reject()
        assert unfinished_scan(ctx)
        ctx.close()

        # The app starts again on the same data: the wizard reopens on the reconstruction and resumes.
        ctx = open_ctx(data, sandbox)
        again = WizardDialog(ctx)
        qtbot.addWidget(again)
        again.show()
        assert again.flow.current == "reconstruct"
        panel = again.pages["reconstruct"].panel

        async def resume() -> None:
            assert panel.is_running()
            await until(lambda: not panel.is_running(), timeout=120)

        qloop.run_until_complete(resume())
        assert panel.summary is not None and again.next_button.isEnabled() and not unfinished_scan(ctx)
        found = {(r[0], r[1]): (r[2], r[3]) for r in ctx.db.execute(
            "SELECT store_id, product_id, status, value FROM results")}
        for store in sandbox.shop.stores:
            for pid, expected in truth_milli(store).items():
                status, value = found[(store.id, pid)]
                assert status != "resolved" or value == expected
        ctx.close()
    finally:
        sandbox.stop()
