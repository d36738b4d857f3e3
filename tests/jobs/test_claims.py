"""The coordinator of jobs: one job per account at a time, across processes; released by crashed holders."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import sqlite3
import subprocess
import sys
from collections import Counter

import pytest

from stockdesk.jobs import claims, push, reconstruct
from stockdesk.net.policy import RetryPolicy
from stockdesk.sandbox.runner import start_in_thread
from stockdesk.store import claims as store

from .conftest import SMALL_SHOP
from .test_push import fill_review_from_truth


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def plant(ctx, resource="evotor", *, pid: int, heartbeat_ms: int | None = None, host: str = store.HOST) -> None:
    with sqlite3.connect(ctx.db_path) as conn:
        conn.execute("INSERT OR REPLACE INTO job_claims VALUES (?, 'push', 'other', ?, ?, 'cli', '2026-01-01', ?)",
                     [resource, pid, host, store.now_ms() if heartbeat_ms is None else heartbeat_ms])


def test_a_second_job_on_the_same_account_is_refused_with_who_holds_it(ctx):
    async def reconstruct_elsewhere():
        async with claims.hold(ctx, (claims.EVOTOR,), "reconstruct", kind="window"):
            pass

    async def run():
        async with claims.hold(ctx, (claims.EVOTOR,), "push"):
            with pytest.raises(claims.BusyError) as err:  # another job: a task not started inside the push
                await asyncio.create_task(reconstruct_elsewhere(), context=contextvars.Context())
            return err.value

    error = asyncio.run(run())
    assert error.code == "busy"
    assert error.render() == ("A push to the Evotor cloud is running in this command: wait for it to finish "
                              "or stop it, then try again.")
    assert claims.busy(ctx) == []  # released when the block ended


def test_claims_nest_and_other_accounts_stay_free(ctx):
    async def run():
        async with claims.hold(ctx, (claims.EVOTOR, claims.YANDEX), "sync"):
            async with claims.hold(ctx, (claims.EVOTOR,), "push"):  # inside the sync: no new claim
                held = {(h.resource, h.job) for h in claims.busy(ctx)}
            other = asyncio.create_task(_hold_briefly(ctx, claims.MOYSKLAD))
            await other
        return held

    assert asyncio.run(run()) == {("evotor", "sync"), ("yandex", "sync")}


async def _hold_briefly(ctx, resource):
    async with claims.hold(ctx, (resource,), "moysklad_import"):
        return True


def test_a_claim_is_all_or_nothing(ctx):
    plant(ctx, "yandex", pid=1)  # pid 1 lives: a live holder elsewhere
    with pytest.raises(claims.BusyError):
        asyncio.run(_hold_briefly_many(ctx, (claims.EVOTOR, claims.YANDEX)))
    assert [h.resource for h in claims.busy(ctx)] == ["yandex"]  # evotor was not taken half-way


async def _hold_briefly_many(ctx, resources):
    async with claims.hold(ctx, resources, "sync"):
        pass


def test_a_crashed_holder_does_not_block(ctx):
    plant(ctx, pid=dead_pid())
    assert asyncio.run(_hold_briefly(ctx, claims.EVOTOR))


def test_a_silent_holder_is_released_after_the_lease(ctx):
    plant(ctx, pid=1, heartbeat_ms=store.now_ms() - store.LEASE_MS - 1000)
    assert asyncio.run(_hold_briefly(ctx, claims.EVOTOR))
    plant(ctx, pid=1, host="another-pc", heartbeat_ms=store.now_ms() - 1000)
    with pytest.raises(claims.BusyError) as err:
        asyncio.run(_hold_briefly(ctx, claims.EVOTOR))
    assert "another-pc" in err.value.render()


def test_a_scheduled_job_waits_for_the_holder(ctx, monkeypatch):
    monkeypatch.setattr(claims, "WAIT_POLL_S", 0.05)

    async def run():
        order = []

        async def first():
            async with claims.hold(ctx, (claims.EVOTOR,), "push"):
                order.append("push")
                await asyncio.sleep(0.5)
            order.append("push done")

        async def scheduled():
            await asyncio.sleep(0.1)
            async with claims.hold(ctx, (claims.EVOTOR,), "sync", wait=5, kind="schedule"):
                order.append("sync")

        await asyncio.gather(first(), scheduled())
        return order

    assert asyncio.run(run()) == ["push", "push done", "sync"]


def test_a_lost_claim_stops_the_writes(ctx, monkeypatch):
    monkeypatch.setattr(store, "HEARTBEAT_S", 0.05)

    async def run():
        async with claims.hold(ctx, (claims.EVOTOR,), "push"):
            with sqlite3.connect(ctx.db_path) as conn:  # another process took it after a long sleep
                conn.execute("UPDATE job_claims SET token = 'thief'")
            await asyncio.sleep(0.3)
            claims.check(claims.EVOTOR)

    with pytest.raises(claims.LostClaimError):
        asyncio.run(run())


# --- jobs on one data directory --------------------------------------------------------------------

def test_two_pushes_at_once_write_every_product_once(ctx, sandbox):
    asyncio.run(reconstruct.reconstruct(ctx))
    fill_review_from_truth(ctx, sandbox.shop)
    plan = asyncio.run(push.plan_push(ctx))

    async def both():
        return await asyncio.gather(push.push(ctx, plan), push.push(ctx, plan), return_exceptions=True)

    first, second = asyncio.run(both())
    refused = [r for r in (first, second) if isinstance(r, claims.BusyError)]
    done = [r for r in (first, second) if isinstance(r, push.PushResult)]
    assert len(refused) == 1 and len(done) == 1 and done[0].ok == len(plan.items)
    assert max(Counter((s, p) for s, p, _ in sandbox.server.patches).values()) == 1


def test_a_push_during_a_reconstruction_is_refused(ctx, sandbox):
    async def both():
        started = asyncio.Event()

        def on_progress(_):
            started.set()

        job = asyncio.create_task(reconstruct.reconstruct(ctx, progress=on_progress))
        await started.wait()
        with pytest.raises(claims.BusyError) as err:
            await push.plan_push(ctx)
        await job
        return err.value.render()

    assert asyncio.run(both()).startswith("A stock reconstruction is running in this command")


def test_a_push_longer_than_the_retry_budget_completes(ctx, monkeypatch, tmp_path):
    """Scaled down from "5,000 items at 2 requests/s with a 180 s budget": ~250 items at 20/s with a 3 s
    budget; the push lasts about four budgets, so a request whose budget ran in a queue would fail."""
    slow = start_in_thread(SMALL_SHOP, rate_limit_rps=20)
    try:
        ctx.set_setting("evotor_url", slow.url)
        asyncio.run(reconstruct.reconstruct(ctx))
        fill_review_from_truth(ctx, slow.shop)
        plan = asyncio.run(push.plan_push(ctx))
        assert len(plan.items) > 200
        monkeypatch.setattr("stockdesk.net.api_client.RetryPolicy", functools.partial(RetryPolicy, budget=3.0))

        def throttle_late(p) -> None:
            if p.done == 150:  # ~7 s in: a few refusals, answered long after the push began
                slow.server.faults.fail_next("429", 3)

        result = asyncio.run(push.push(ctx, plan, throttle_late))
        assert result.ok == len(plan.items) and not result.failed
        assert slow.server.fault_counts["429"] == 3
    finally:
        slow.stop()
