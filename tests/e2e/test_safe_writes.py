"""Jobs on one data directory from several processes at once: one at a time per account, nothing twice."""

from __future__ import annotations

import asyncio
import json
import subprocess
from collections import Counter

import pytest

from stockdesk.context import AppContext
from stockdesk.core.quantity import from_api
from stockdesk.jobs import connect, reconstruct, review
from stockdesk.sandbox.evotor_server import Faults
from stockdesk.sandbox.runner import start_in_thread

from .test_cli import SHOP, cli, query, results, start_cli, wait_for


def prepared(data, sandbox) -> int:
    """Connected, reconstructed and reviewed (the owner typed the truth): the number of changes to push."""
    ctx = AppContext.open(data)
    try:
        ctx.set_setting("evotor_url", sandbox.url)
        asyncio.run(connect.connect_evotor(ctx, sandbox.token, session_only=True))
        asyncio.run(reconstruct.reconstruct(ctx))
        truth = {(s.id, pid): from_api(v) for s in sandbox.shop.stores for pid, v in s.truth.items()}
        for item in review.review_items(ctx):
            review.set_manual(ctx, item.store_id, item.product_id, value_milli=truth[(item.store_id, item.product_id)])
    finally:
        ctx.close()
    return len(json.loads(cli(data, sandbox, "evotor", "push", "--dry-run", "--json").stdout)["changes"])


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    _, err = proc.communicate(timeout=300)
    return proc.returncode, err.decode()


@pytest.mark.slow
def test_two_pushes_started_together_write_every_product_once(tmp_path):
    running = start_in_thread(SHOP, rate_limit_rps=40)
    try:
        data = tmp_path / "d"
        planned = prepared(data, running)
        procs = [start_cli(data, running, "evotor", "push", "--yes") for _ in range(2)]
        outcomes = sorted(finish(p) for p in procs)
        (ok_code, _), (busy_code, busy_err) = outcomes
        assert (ok_code, busy_code) == (0, 1), outcomes
        assert "A push to the Evotor cloud is running in a StockDesk command (process" in busy_err
        assert "Traceback" not in busy_err
        patched = Counter((s, p) for s, p, _ in running.server.patches)
        assert len(patched) == planned and max(patched.values()) == 1
    finally:
        running.stop()


@pytest.mark.slow
def test_three_reconstructions_at_once_one_runs_the_others_say_why(tmp_path):
    running = start_in_thread(SHOP, faults=Faults(latency_ms=(20, 30)))
    try:
        data, clean = tmp_path / "d", tmp_path / "clean"
        for d in (data, clean):
            cli(d, running, "evotor", "connect")
        before = running.server.request_count
        cli(clean, running, "evotor", "reconstruct")
        one_run = running.server.request_count - before
        before = running.server.request_count
        procs = [start_cli(data, running, "evotor", "reconstruct") for _ in range(3)]
        outcomes = sorted(finish(p) for p in procs)
        assert [code for code, _ in outcomes] == [0, 1, 1], outcomes
        for _, err in outcomes[1:]:
            assert "A stock reconstruction is running in a StockDesk command (process" in err
            assert "Traceback" not in err
        # Every page was read once (give or take a window that moved with the clock), and the result is
        # a single run's.
        assert abs(running.server.request_count - before - one_run) <= 2 < one_run // 2
        assert results(data) == results(clean) != []
    finally:
        running.stop()


@pytest.mark.slow
def test_a_push_during_a_reconstruction_is_refused(tmp_path):
    running = start_in_thread(SHOP, faults=Faults(latency_ms=(60, 90)))
    try:
        data = tmp_path / "d"
        cli(data, running, "evotor", "connect")
        proc = start_cli(data, running, "evotor", "reconstruct")
        wait_for(lambda: query(data, "SELECT COUNT(*) FROM job_claims")[0][0] == 1)
        refused = cli(data, running, "evotor", "push", "--yes", check=False)
        assert refused.returncode == 1 and "A stock reconstruction is running" in refused.stderr
        assert finish(proc)[0] == 0
        assert running.server.patches == []
        assert query(data, "SELECT COUNT(*) FROM job_claims")[0][0] == 0  # released at the end
    finally:
        running.stop()
