"""Pushing balances to the sandbox cloud: only what differs, per-item results, resume, retry."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from stockdesk.core.quantity import from_api
from stockdesk.evotor import EvotorError
from stockdesk.jobs import push, reconstruct, review
from stockdesk.jobs.progress import Progress

from .conftest import truth_milli


def fill_review_from_truth(ctx, shop):
    truth = {s.id: truth_milli(s) for s in shop.stores}
    for item in review.review_items(ctx):
        review.set_manual(ctx, item.store_id, item.product_id, value_milli=truth[item.store_id][item.product_id])


def cloud(server, store):
    return {pid: from_api(server.cloud_quantity(store.id, pid)) for pid in store.truth}


def test_push_makes_the_cloud_match_the_truth(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    plan_before_review = asyncio.run(push.plan_push(ctx))
    assert plan_before_review.unresolved > 0
    unresolved_ids = {(i.store_id, i.product_id) for i in review.review_items(ctx)}
    assert not unresolved_ids & {(i.store_id, i.product_id) for i in plan_before_review.items}

    fill_review_from_truth(ctx, sandbox.shop)
    plan = asyncio.run(push.plan_push(ctx))
    assert plan.unresolved == 0 and plan.items
    # Only what differs is sent, and services never.
    assert all(i.old_value != i.new_value for i in plan.items)
    progress: list[Progress] = []
    result = asyncio.run(push.push(ctx, plan, progress.append))
    assert result.ok == len(plan.items) and not result.failed
    assert progress[-1].done == progress[-1].total == len(plan.items)
    for store in sandbox.shop.stores:
        assert cloud(sandbox.server, store) == truth_milli(store)
    patched = Counter((s, p) for s, p, _ in sandbox.server.patches)
    assert set(patched) == {(i.store_id, i.product_id) for i in plan.items}
    assert max(patched.values()) == 1
    assert asyncio.run(push.plan_push(ctx)).items == []


def test_keep_cloud_and_skip_are_not_sent(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    items = review.review_items(ctx)
    assert len(items) >= 2
    review.set_manual(ctx, items[0].store_id, items[0].product_id, action="keep_cloud")
    review.set_manual(ctx, items[1].store_id, items[1].product_id, action="skip")
    plan = asyncio.run(push.plan_push(ctx))
    sent = {(i.store_id, i.product_id) for i in plan.items}
    assert (items[0].store_id, items[0].product_id) not in sent
    assert (items[1].store_id, items[1].product_id) not in sent
    assert plan.unresolved == len(items) - 2


def test_push_survives_server_faults(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    fill_review_from_truth(ctx, sandbox.shop)
    plan = asyncio.run(push.plan_push(ctx))
    sandbox.server.faults.error_5xx = 0.1
    sandbox.server.faults.reset = 0.05
    sandbox.server.faults.truncate = 0.05
    result = asyncio.run(push.push(ctx, plan))
    sandbox.server.faults.error_5xx = sandbox.server.faults.reset = sandbox.server.faults.truncate = 0
    assert result.ok == len(plan.items) and not result.failed
    for store in sandbox.shop.stores:
        assert cloud(sandbox.server, store) == truth_milli(store)


def test_interrupted_push_resumes_without_duplicates_or_losses(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    fill_review_from_truth(ctx, sandbox.shop)
    plan = asyncio.run(push.plan_push(ctx))
    assert len(plan.items) > 20

    async def interrupt():
        task = None

        def on_progress(p: Progress):
            if p.done >= 10:
                task.cancel()

        task = asyncio.ensure_future(push.push(ctx, plan, on_progress))
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(interrupt())
    assert push.unfinished_push(ctx)
    sent_before = len(sandbox.server.patches)
    assert 10 <= sent_before < len(plan.items)
    replan = asyncio.run(push.plan_push(ctx))
    assert replan.interrupted and replan.interrupted.sent == sent_before
    assert len(sandbox.server.patches) == sent_before  # planning never writes
    result = asyncio.run(push.push(ctx, replan))
    assert not push.unfinished_push(ctx)
    assert result.ok == len(replan.items) and result.ok_total == len(plan.items)
    assert not result.failed
    for store in sandbox.shop.stores:
        assert cloud(sandbox.server, store) == truth_milli(store)
    patched = Counter((s, p) for s, p, _ in sandbox.server.patches)
    assert set(patched) == {(i.store_id, i.product_id) for i in plan.items}
    # Only requests in flight at the interruption may have been sent twice.
    assert sum(n - 1 for n in patched.values()) <= 8


def test_revoked_token_stops_the_push_at_once_and_it_resumes_later(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    fill_review_from_truth(ctx, sandbox.shop)
    plan = asyncio.run(push.plan_push(ctx))
    assert len(plan.items) > 20

    def revoke_midway(p: Progress) -> None:
        if p.done == 5:
            sandbox.server.tokens[sandbox.token] = "revoked"

    async def push_then_wait() -> int:
        with pytest.raises(EvotorError) as err:
            await push.push(ctx, plan, revoke_midway)
        assert err.value.code == "unauthorized"
        at_raise = sandbox.server.request_count
        await asyncio.sleep(1.0)  # a sibling request still running would arrive now
        assert sandbox.server.request_count == at_raise
        return at_raise

    asyncio.run(push_then_wait())
    assert push.unfinished_push(ctx)
    sandbox.server.tokens[sandbox.token] = None
    result = asyncio.run(push.push(ctx, asyncio.run(push.plan_push(ctx))))
    assert not result.failed and result.ok_total == len(plan.items)
    for store in sandbox.shop.stores:
        assert cloud(sandbox.server, store) == truth_milli(store)


def test_item_failures_are_listed_and_retryable(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    fill_review_from_truth(ctx, sandbox.shop)
    plan = asyncio.run(push.plan_push(ctx))
    victim = plan.items[0]

    def fail_first_patch(p: Progress) -> None:
        if p.done == 0:  # the cloud has been read again; the PATCHes start now
            sandbox.server.faults.fail_next("400", 1)

    result = asyncio.run(push.push(ctx, plan, fail_first_patch))
    assert len(result.failed) == 1 and result.ok == len(plan.items) - 1
    (failed_item, message), = result.failed
    assert message
    retried = asyncio.run(push.retry_failed(ctx))
    assert retried.ok == 1 and not retried.failed
    assert victim.product_id  # the plan had items; the cloud now holds every value
    for store in sandbox.shop.stores:
        assert cloud(sandbox.server, store) == truth_milli(store)


def test_a_push_sends_todays_values_of_what_was_confirmed_only(ctx, sandbox):
    """Between the owner's confirmation and the send, one value changed, one was withdrawn, and a new
    change appeared: the first goes as it is now, the second not at all, the third waits for its own push."""
    asyncio.run(reconstruct.reconstruct(ctx))
    fill_review_from_truth(ctx, sandbox.shop)
    plan = asyncio.run(push.plan_push(ctx))
    changed, withdrawn = plan.items[0], plan.items[1]
    review.set_manual(ctx, changed.store_id, changed.product_id, value_milli=changed.new_value + 7000)
    review.set_manual(ctx, withdrawn.store_id, withdrawn.product_id, action="skip")
    confirmed = {(i.store_id, i.product_id) for i in plan.items}
    unconfirmed = next(t for t in push.targets(ctx.db, None)
                       if (t.store_id, t.product_id) not in confirmed and t.target is not None)
    review.set_manual(ctx, unconfirmed.store_id, unconfirmed.product_id, value_milli=(unconfirmed.cloud or 0) + 1000)

    result = asyncio.run(push.push(ctx, plan))
    sent = {(s, p): v for s, p, v in sandbox.server.patches}
    assert from_api(sent[(changed.store_id, changed.product_id)]) == changed.new_value + 7000
    assert (withdrawn.store_id, withdrawn.product_id) not in sent
    assert (unconfirmed.store_id, unconfirmed.product_id) not in sent
    assert result.skipped == [(withdrawn.store_id, withdrawn.product_id)]
    assert result.ok == len(plan.items) - 1 == len(sent)
