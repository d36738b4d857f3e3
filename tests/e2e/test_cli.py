"""The command line against a sandbox cloud, as another program would drive it; SIGKILL and resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import pytest

from stockdesk.core.quantity import from_api
from stockdesk.sandbox.evotor_server import Faults
from stockdesk.sandbox.evotor_shop import ShopSpec
from stockdesk.sandbox.runner import start_in_thread

SHOP = ShopSpec(seed=5, stores=2, products_per_store=120, documents_per_store=2000, months=12)


def cli(data_dir, sandbox, *args, token=None, check=True, **kw):
    env = {**os.environ, "STOCKDESK_EVOTOR_URL": sandbox.url, "STOCKDESK_EVOTOR_TOKEN": token or sandbox.token,
           "STOCKDESK_LANG": "en", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    proc = subprocess.run([sys.executable, "-m", "stockdesk", "--data-dir", str(data_dir), *args],
                          env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300, **kw)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def start_cli(data_dir, sandbox, *args):
    env = {**os.environ, "STOCKDESK_EVOTOR_URL": sandbox.url, "STOCKDESK_EVOTOR_TOKEN": sandbox.token,
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    return subprocess.Popen([sys.executable, "-m", "stockdesk", "--data-dir", str(data_dir), *args], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def query(data_dir, sql):
    with sqlite3.connect(data_dir / "stockdesk.db", timeout=10) as conn:
        return conn.execute(sql).fetchall()


def wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except sqlite3.OperationalError:
            pass  # tables not there yet
        time.sleep(0.05)
    raise AssertionError("condition not reached")


def results(data_dir):
    return sorted(query(data_dir, "SELECT store_id, product_id, status, value, rule, doc_id FROM results"))


def cloud_equals_truth(sandbox):
    for store in sandbox.shop.stores:
        for pid, value in store.truth.items():
            assert from_api(sandbox.server.cloud_quantity(store.id, pid)) == from_api(value), pid


def test_full_cycle_ends_with_the_cloud_holding_the_truth(tmp_path, sandbox):
    data = tmp_path / "d"
    connect = cli(data, sandbox, "evotor", "connect")
    assert len(connect.stdout.splitlines()) == len(sandbox.shop.stores)

    summary = json.loads(cli(data, sandbox, "evotor", "reconstruct", "--json").stdout)
    stores = {s["store_id"]: s for s in summary["stores"]}
    assert set(stores) == {s.id for s in sandbox.shop.stores}
    assert all(s["products"] == s["resolved"] + s["unresolved"] and s["documents_read"] > 0 for s in stores.values())

    unresolved = json.loads(cli(data, sandbox, "evotor", "unresolved", "--json").stdout)
    assert unresolved and {"store_id", "product_id", "name", "reason"} <= set(unresolved[0])
    truth = {(s.id, pid): v for s in sandbox.shop.stores for pid, v in s.truth.items()}
    for item in unresolved:
        cli(data, sandbox, "evotor", "set", item["store_id"], item["product_id"],
            str(truth[(item["store_id"], item["product_id"])]))

    dry = json.loads(cli(data, sandbox, "evotor", "push", "--dry-run", "--json").stdout)
    assert dry["unresolved"] == 0 and dry["changes"]
    assert not sandbox.server.patches  # a dry run sends nothing

    refused = cli(data, sandbox, "evotor", "push", check=False)
    assert refused.returncode == 2 and "--yes" in refused.stderr

    pushed = json.loads(cli(data, sandbox, "evotor", "push", "--yes", "--json").stdout)
    assert pushed["ok"] == len(dry["changes"]) and not pushed["failed"]
    cloud_equals_truth(sandbox)
    assert len(sandbox.server.patches) == len(dry["changes"])

    # Another app changes a balance: sync writes it back and says so, with both values.
    store = sandbox.shop.stores[0]
    product = next(p for p in store.products if p.get("type") != "SERVICE")
    sandbox.server.edit_cloud(store.id, product["id"], store.truth[product["id"]] + 5)
    synced = json.loads(cli(data, sandbox, "sync", "--json").stdout)
    (evotor,) = synced["steps"]
    assert evotor["sent"] == 1 and [(d["product_id"], d["cloud"], d["value"]) for d in evotor["drift"]] == [
        (product["id"], float(store.truth[product["id"]] + 5), float(store.truth[product["id"]]))]
    cloud_equals_truth(sandbox)
    sandbox.server.edit_cloud(store.id, product["id"], store.truth[product["id"]] + 5)
    text = cli(data, sandbox, "sync").stderr
    assert "with no document" in text and "another app or person writes" in text
    assert f"evotor accept-cloud {store.id} {product['id']}" in text

    refused = cli(data, sandbox, "evotor", "accept-cloud", store.id, product["id"], check=False)
    assert refused.returncode == 2 and not query(data, "SELECT * FROM manual_values WHERE product_id = '%s'" % product["id"])
    cli(data, sandbox, "evotor", "accept-cloud", store.id, product["id"], "--yes")
    assert sandbox.server.cloud_quantity(store.id, product["id"]) == store.truth[product["id"]] + 5


def test_bad_input_gets_one_clear_line_and_an_exit_code(tmp_path, sandbox):
    data = tmp_path / "d"
    wrong = cli(data, sandbox, "evotor", "connect", token="nope", check=False)
    assert wrong.returncode == 1
    assert "Traceback" not in wrong.stderr and len(wrong.stderr.strip().splitlines()) == 1
    assert "nope" not in wrong.stderr
    cli(data, sandbox, "evotor", "connect")
    cli(data, sandbox, "evotor", "reconstruct")
    item = json.loads(cli(data, sandbox, "evotor", "unresolved", "--json").stdout)[0]
    typo = cli(data, sandbox, "evotor", "set", item["store_id"], item["product_id"], "12,3,4", check=False)
    assert typo.returncode == 1 and "12,3,4" in typo.stderr and "Traceback" not in typo.stderr
    unknown = cli(data, sandbox, "evotor", "set", item["store_id"], "no-such-product", "1", check=False)
    assert unknown.returncode == 2
    usage = cli(data, sandbox, "evotor", "frobnicate", check=False)
    assert usage.returncode == 2


@pytest.mark.slow
def test_sigkill_during_reconstruction_then_resume_gives_the_same_result(tmp_path):
    running = start_in_thread(SHOP, faults=Faults(latency_ms=(60, 90)))  # slow enough to kill midway
    try:
        killed, clean = tmp_path / "killed", tmp_path / "clean"
        for d in (killed, clean):
            cli(d, running, "evotor", "connect")
        proc = start_cli(killed, running, "evotor", "reconstruct")
        wait_for(lambda: (query(killed, "SELECT SUM(pages) FROM scan_windows")[0][0] or 0) >= 3)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert query(killed, "SELECT status FROM scans") and not query(killed, "SELECT * FROM results")
        cli(killed, running, "evotor", "reconstruct")
        cli(clean, running, "evotor", "reconstruct")
        assert results(killed) == results(clean) != []
    finally:
        running.stop()


@pytest.mark.slow
def test_sigkill_during_push_then_resume_loses_and_duplicates_nothing(tmp_path):
    running = start_in_thread(SHOP, rate_limit_rps=40)
    try:
        data = tmp_path / "d"
        cli(data, running, "evotor", "connect")
        cli(data, running, "evotor", "reconstruct")
        truth = {(s.id, pid): v for s in running.shop.stores for pid, v in s.truth.items()}
        for item in json.loads(cli(data, running, "evotor", "unresolved", "--json").stdout):
            cli(data, running, "evotor", "set", item["store_id"], item["product_id"],
                str(truth[(item["store_id"], item["product_id"])]))
        planned = {(c["store_id"], c["product_id"]) for c in
                   json.loads(cli(data, running, "evotor", "push", "--dry-run", "--json").stdout)["changes"]}
        assert len(planned) > 60
        proc = start_cli(data, running, "evotor", "push", "--yes")
        wait_for(lambda: len(running.server.patches) >= 30)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        sent_at_kill = len(running.server.patches)
        assert sent_at_kill < len(planned)

        # A dry run writes nothing and says what finishing would send; no confirmation, no push.
        dry = cli(data, running, "evotor", "push", "--dry-run", "--json")
        assert json.loads(dry.stdout)["interrupted"]["planned"] == len(planned)
        assert "interrupted" in cli(data, running, "evotor", "push", "--dry-run").stderr
        refused = cli(data, running, "evotor", "push", check=False)
        assert refused.returncode == 2 and "--yes" in refused.stderr
        assert len(running.server.patches) == sent_at_kill

        # The owner changes a value the killed push had not sent yet: finishing sends today's value.
        sent = {(s, p) for s, p, _ in running.server.patches}
        store_id, product_id = sorted(planned - sent)[0]
        newer = truth[(store_id, product_id)] + 5
        cli(data, running, "evotor", "set", store_id, product_id, str(newer))
        resumed = json.loads(cli(data, running, "evotor", "push", "--yes", "--json").stdout)
        assert not resumed["failed"]
        assert resumed["ok_total"] == len(planned) and resumed["ok"] < len(planned)
        assert from_api(running.server.cloud_quantity(store_id, product_id)) == from_api(newer)
        next(s for s in running.shop.stores if s.id == store_id).truth[product_id] = newer
        cloud_equals_truth(running)
        patched = Counter((s, p) for s, p, _ in running.server.patches)
        assert set(patched) == planned
        assert sum(n - 1 for n in patched.values()) <= 8  # at most the requests in flight at the kill
        assert query(data, "SELECT status, COUNT(*) FROM push_runs GROUP BY status") == [("done", 1), ("interrupted", 1)]
        assert query(data, "SELECT COUNT(*) FROM push_items WHERE status IN ('pending', 'failed')")[0][0] == 0
    finally:
        running.stop()
