"""However the command ends (kill -9, SIGTERM, Ctrl-C), its database processes and the multiprocessing
resource tracker end with it, and SIGTERM reads like Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from .test_cli import SHOP, cli, query, wait_for

from stockdesk.sandbox.evotor_server import Faults
from stockdesk.sandbox.runner import start_in_thread


@pytest.fixture
def slow_sandbox():
    running = start_in_thread(SHOP, faults=Faults(latency_ms=(60, 90)))  # slow enough to stop midway
    yield running
    running.stop()


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found | {g for c in found for g in children(c)}


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has ended (only its parent, here init, has not reaped it yet)


def reconstructing(data, sandbox, **popen):
    cli(data, sandbox, "evotor", "connect")
    env = {**os.environ, "STOCKDESK_EVOTOR_URL": sandbox.url, "STOCKDESK_EVOTOR_TOKEN": sandbox.token,
           "STOCKDESK_LANG": "en", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    proc = subprocess.Popen([sys.executable, "-m", "stockdesk", "--data-dir", str(data), "evotor", "reconstruct"],
                            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, **popen)
    wait_for(lambda: (query(data, "SELECT SUM(pages) FROM scan_windows")[0][0] or 0) >= 2)
    helpers = children(proc.pid)
    assert len(helpers) >= 3, helpers  # two database processes and the resource tracker
    return proc, helpers


def all_end(pids: set[int], within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in pids if alive(p)]


def test_kill_9_leaves_no_process_behind(tmp_path, slow_sandbox):
    proc, helpers = reconstructing(tmp_path / "d", slow_sandbox)
    proc.kill()
    proc.wait()
    all_end(helpers)


def test_sigterm_stops_like_ctrl_c(tmp_path, slow_sandbox):
    proc, helpers = reconstructing(tmp_path / "d", slow_sandbox)
    proc.terminate()
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "Stopped. Run the same command again to continue where it stopped."
    all_end(helpers)


def test_ctrl_c_shows_no_traceback_from_the_database_processes(tmp_path, slow_sandbox):
    proc, helpers = reconstructing(tmp_path / "d", slow_sandbox, start_new_session=True)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: to every process of the group
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 1 and "Traceback" not in stderr, stderr
    all_end(helpers)


def test_sigterm_closes_the_window_cleanly(tmp_path):
    data = tmp_path / "d"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STOCKDESK_LANG": "en",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    proc = subprocess.Popen([sys.executable, "-m", "stockdesk", "--data-dir", str(data)], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log = data / "stockdesk.log"
    wait_for(lambda: log.exists() and "StockDesk starting" in log.read_text(), timeout=30)
    time.sleep(1)  # the window is up and the loop runs
    proc.terminate()
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "Traceback" not in stderr, stderr
