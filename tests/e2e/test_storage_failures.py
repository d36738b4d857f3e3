"""Storage failures end to end, real processes and real files: a damaged database, a full disk, a
read-only folder, a folder StockDesk may not write. Each gives one clear sentence and an exit code, and
what was saved before stays."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from .test_cli import cli, query

from stockdesk.core.quantity import parse


def one_sentence(proc, code: int, *words: str) -> None:
    """Exit ``code``, no traceback, and a last line (after any progress lines) saying ``words``."""
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert all(w in last for w in words), proc.stderr


@contextmanager
def mounted(script: str):
    """Run ``script`` (mount commands, as root) in a private mount namespace that lives as long as the
    block; yields the command prefix that runs a program in it. As root with CAP_SYS_ADMIN a plain mount
    namespace; else a user namespace (unshare -r). (Files there are reached through /proc/<pid>/root, but
    not by SQLite, which resolves that link to the outside root.)"""
    for unshare, enter in ((["unshare", "-m"], ["-m"]), (["unshare", "-rm"], ["-U", "-m", "--preserve-credentials"])):
        holder = subprocess.Popen([*unshare, "sh", "-c", f"{script} && echo ready && exec sleep 600"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        if holder.stdout.readline().strip() == "ready":
            try:
                yield ["nsenter", "-t", str(holder.pid), *enter, "--"], Path(f"/proc/{holder.pid}/root")
            finally:
                holder.kill()
                holder.wait()
            return
        holder.wait()
    pytest.skip("cannot mount here: neither a mount namespace (root with CAP_SYS_ADMIN) nor a user namespace")


def cli_as(prefix, data, sandbox, *args):
    """cli(), run through ``prefix`` (in a mount namespace, without a privilege)."""
    env = {**os.environ, "STOCKDESK_EVOTOR_URL": sandbox.url, "STOCKDESK_EVOTOR_TOKEN": sandbox.token,
           "STOCKDESK_LANG": "en", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    return subprocess.run([*prefix, sys.executable, "-m", "stockdesk", "--data-dir", str(data), *args], env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)


def query_as(prefix, data, sql):
    code = ("import json, sqlite3, sys; print(json.dumps(sqlite3.connect(sys.argv[1]).execute(sys.argv[2])"
            ".fetchall()))")
    out = subprocess.run([*prefix, sys.executable, "-c", code, str(data / "stockdesk.db"), sql],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(row) for row in json.loads(out)]


def connected(data, sandbox):
    cli(data, sandbox, "evotor", "connect")
    return query(data, "SELECT id FROM stores ORDER BY id")


def typed_value(data, sandbox):
    """The owner types a value for an unresolved product; returns (store, product, value)."""
    item = json.loads(cli(data, sandbox, "evotor", "unresolved", "--json").stdout)[0]
    cli(data, sandbox, "evotor", "set", item["store_id"], item["product_id"], "12")
    return item["store_id"], item["product_id"], parse("12")


def test_a_file_that_is_no_database_is_kept_and_a_fresh_one_started(tmp_path, sandbox):
    data = tmp_path / "d"
    data.mkdir()
    garbage = os.urandom(200_000)
    (data / "stockdesk.db").write_bytes(garbage)
    for command in (("evotor", "connect"), ("evotor", "set", "s", "p", "1"), ("evotor", "push", "--dry-run")):
        damaged = list(data.glob("stockdesk.db.damaged-*"))
        assert len(damaged) == 0
        proc = cli(data, sandbox, *command, check=False)
        one_sentence(proc, 1, "damaged", "file is not a database", "stockdesk evotor connect")
        (copy,) = data.glob("stockdesk.db.damaged-*")
        assert copy.read_bytes() == garbage and str(copy) in proc.stderr
        copy.rename(tmp_path / "seen")
        (data / "stockdesk.db").write_bytes(garbage)
    (data / "stockdesk.db").unlink()
    connected(data, sandbox)  # the fresh database works


def test_damaged_pages_are_found_the_copy_kept_and_the_owners_values_carried_over(tmp_path, sandbox):
    data = tmp_path / "d"
    connected(data, sandbox)
    cli(data, sandbox, "evotor", "reconstruct")
    store_id, product_id, value = typed_value(data, sandbox)
    db = data / "stockdesk.db"
    with sqlite3.connect(db) as conn:  # everything in the main file, so the garbage below hits real pages
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size
    assert size > 1_000_000
    with open(db, "r+b") as f:  # garbage over 64 KiB in the middle: the documents' pages
        f.seek(size // 2)
        f.write(os.urandom(65536))
    damaged = db.read_bytes()

    proc = cli(data, sandbox, "evotor", "push", "--dry-run", check=False)
    one_sentence(proc, 1, "damaged", "1 value you typed", "stockdesk evotor reconstruct")
    (copy,) = data.glob("stockdesk.db.damaged-*[0-9]")
    assert copy.read_bytes() == damaged
    (values_csv,) = data.glob("stockdesk.db.damaged-*.values.csv")
    rows = list(csv.DictReader(values_csv.open(encoding="utf-8")))
    assert [(r["store_id"], r["product_id"], r["action"], r["quantity"]) for r in rows] == [
        (store_id, product_id, "set", "12")]
    # The fresh database holds them: after connecting and reconstructing again, the value is there.
    assert query(data, "SELECT store_id, product_id, value FROM manual_values") == [(store_id, product_id, value)]
    connected(data, sandbox)
    cli(data, sandbox, "evotor", "reconstruct")
    assert query(data, "SELECT value FROM manual_values") == [(value,)]


def test_a_full_disk_is_said_so_and_what_was_saved_stays(tmp_path, sandbox):
    data = tmp_path / "small"
    data.mkdir()
    with mounted(f"mount -t tmpfs -o size=8m tmpfs {data}") as (inside, root):
        assert cli_as(inside, data, sandbox, "evotor", "connect").returncode == 0
        stores = query_as(inside, data, "SELECT id FROM stores ORDER BY id")
        free = os.statvfs(f"{root}{data}")
        filler = Path(f"{root}{data}/filler")
        filler.write_bytes(b"\0" * (free.f_bavail * free.f_frsize - 300_000))  # room for ~300 KB more
        one_sentence(cli_as(inside, data, sandbox, "evotor", "reconstruct"), 1, "is full", "saved before is kept")
        filler.unlink()
        assert stores and query_as(inside, data, "SELECT id FROM stores ORDER BY id") == stores
        assert cli_as(inside, data, sandbox, "evotor", "reconstruct").returncode == 0  # with room, it goes on
        assert query_as(inside, data, "SELECT COUNT(*) FROM results")[0][0] > 0


def test_a_read_only_folder_is_said_so_and_what_was_saved_stays(tmp_path, sandbox):
    data = tmp_path / "d"
    stores = connected(data, sandbox)
    with mounted(f"mount --bind {data} {data} && mount -o remount,bind,ro {data}") as (inside, _):
        for command in (("evotor", "reconstruct"), ("evotor", "connect")):
            one_sentence(cli_as(inside, data, sandbox, *command), 2, "read-only disk", str(data))
    assert query(data, "SELECT id FROM stores ORDER BY id") == stores


def test_a_folder_stockdesk_may_not_write_is_said_so_and_what_was_saved_stays(tmp_path, sandbox):
    data = tmp_path / "d"
    stores = connected(data, sandbox)
    data.chmod(0o500)  # root ignores this; the commands below run without that privilege
    (data / "stockdesk.db").chmod(0o400)
    no_override = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    try:
        for command in (("evotor", "reconstruct"), ("evotor", "connect")):
            one_sentence(cli_as(no_override, data, sandbox, *command), 2, "may not write", str(data))
    finally:
        data.chmod(0o700)
        (data / "stockdesk.db").chmod(0o600)
    assert query(data, "SELECT id FROM stores ORDER BY id") == stores
