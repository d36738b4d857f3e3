"""The reconstruction against a sandbox shop whose true stock is known."""

from __future__ import annotations

import asyncio

import pytest

from stockdesk.evotor import EvotorError
from stockdesk.jobs import connect, reconstruct
from stockdesk.jobs.progress import Progress
from stockdesk.sandbox.runner import start_in_thread

from .conftest import SMALL_SHOP, open_ctx, results, truth_milli


def check_against_truth(ctx, shop):
    found = results(ctx)
    for store in shop.stores:
        truth = truth_milli(store)
        unresolved = set()
        for pid, expected in truth.items():
            status, value, reason, *_ = found[(store.id, pid)]
            if status == "resolved":
                assert value == expected, (store.id, pid)  # never a wrong number
            else:
                unresolved.add(pid)
        assert store.no_document_ids <= unresolved
        assert unresolved <= store.no_document_ids | store.uncertain_newest_ids
    return found


def test_every_resolved_product_matches_the_truth(tmp_path, dated_shop):
    with start_in_thread(dated_shop) as sandbox:
        ctx = open_ctx(tmp_path, sandbox)
        asyncio.run(connect.connect_evotor(ctx, sandbox.token))
        progress: list[Progress] = []
        summary = asyncio.run(reconstruct.reconstruct(ctx, progress=progress.append))
        check_against_truth(ctx, sandbox.shop)
        ctx.close()
    assert {s.store_id for s in summary.stores} == {s.id for s in sandbox.shop.stores}
    for s in summary.stores:
        assert s.resolved + s.unresolved == s.products > 0
        assert s.documents_read > 0
    assert any(s.unknown_types for s in summary.stores)  # the shop has documents of unknown types
    phases = {p.phase for p in progress}
    assert {"products", "documents", "computing"} <= phases


def test_services_are_not_products_with_stock(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    services = {r[0] for r in ctx.db.execute("SELECT id FROM products WHERE is_service = 1")}
    assert services
    assert not services & {k[1] for k in results(ctx)}


@pytest.mark.parametrize("filter_by", ["close_date", "created_at"])
def test_same_result_whichever_timestamp_the_cloud_filters_on(tmp_path, filter_by):
    running = start_in_thread(SMALL_SHOP, filter_by=filter_by)
    try:
        ctx = open_ctx(tmp_path, running)
        asyncio.run(connect.connect_evotor(ctx, running.token))
        asyncio.run(reconstruct.reconstruct(ctx))
        check_against_truth(ctx, running.shop)
        ctx.close()
    finally:
        running.stop()


def test_cancel_then_resume_gives_the_uninterrupted_result(tmp_path, ctx, sandbox):
    async def cancel_midway():
        task = None

        def on_progress(p: Progress):
            if p.phase == "documents" and p.counts.get("documents_read", 0) > 0 and p.done >= 1:
                task.cancel()

        task = asyncio.ensure_future(reconstruct.reconstruct(ctx, progress=on_progress))
        with pytest.raises(asyncio.CancelledError):
            await task

    before = sandbox.server.request_count
    asyncio.run(cancel_midway())
    assert reconstruct.unfinished_scan(ctx)
    assert ctx.db.execute("SELECT SUM(pages) FROM scan_windows").fetchone()[0] > 0
    asyncio.run(reconstruct.reconstruct(ctx))
    assert not reconstruct.unfinished_scan(ctx)
    interrupted_total = sandbox.server.request_count - before

    fresh = open_ctx(tmp_path, sandbox, "fresh")
    asyncio.run(connect.connect_evotor(fresh, sandbox.token))
    before = sandbox.server.request_count
    asyncio.run(reconstruct.reconstruct(fresh))
    uninterrupted_total = sandbox.server.request_count - before
    assert results(ctx) == results(fresh)
    fresh.close()
    # Nothing already saved was downloaded again: at most the pages that were in flight.
    assert interrupted_total <= uninterrupted_total + 2 * reconstruct.WINDOWS_IN_FLIGHT


def test_second_run_reads_only_what_is_new(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    first = results(ctx)
    scan = ctx.db["scans"].get(sandbox.shop.stores[0].id)
    assert scan["kind"] == "full"
    asyncio.run(reconstruct.reconstruct(ctx))
    scan = ctx.db["scans"].get(sandbox.shop.stores[0].id)
    assert scan["kind"] == "incremental" and scan["stop_reason"] == reconstruct.STOP_INCREMENTAL
    assert results(ctx) == first


def test_missing_stock_rights_is_an_error_never_zero(tmp_path):
    running = start_in_thread(SMALL_SHOP, extra_tokens={"nostock": "no_stock_rights"})
    try:
        ctx = open_ctx(tmp_path, running)
        asyncio.run(connect.connect_evotor(ctx, "nostock"))
        with pytest.raises(EvotorError) as err:
            asyncio.run(reconstruct.reconstruct(ctx))
        assert err.value.code == "no_stock_rights"
        assert ctx.db.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 0
        ctx.close()
    finally:
        running.stop()


@pytest.mark.parametrize("token, code", [("wrong-token", "unauthorized"), ("revoked", "unauthorized"),
                                         ("notinstalled", "not_installed"), ("forbidden", "forbidden")])
def test_bad_tokens_get_specific_errors_and_are_not_saved(tmp_path, token, code, memory_keyring):
    running = start_in_thread(SMALL_SHOP, extra_tokens={"revoked": "revoked", "notinstalled": "not_installed",
                                                        "forbidden": "forbidden"})
    try:
        ctx = open_ctx(tmp_path, running)
        with pytest.raises(EvotorError) as err:
            asyncio.run(connect.connect_evotor(ctx, token))
        assert err.value.code == code
        assert token not in err.value.render()
        assert not memory_keyring.passwords
        ctx.close()
    finally:
        running.stop()
