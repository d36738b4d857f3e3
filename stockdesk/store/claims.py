"""Exclusive claims on what a job touches, held in the database so that every StockDesk process on
this data directory (the window, the command line, a scheduled sync) sees them.

A claim is a lease: its holder's pid and host, and a heartbeat it renews while it works. A holder
that crashed is recognised at once on this computer (its pid is gone) and elsewhere when its
heartbeat is older than LEASE_MS, so a claim never outlives the job that took it.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
import time
import uuid
from dataclasses import dataclass

LEASE_MS = 60_000           # a heartbeat older than this: the holder is gone
HEARTBEAT_S = 5.0           # how often a holder renews its claims
HOST = socket.gethostname()


@dataclass(frozen=True)
class Holder:
    resource: str   # evotor, yandex, moysklad
    job: str        # push, reconstruct, sync, ... (see jobs.claims.JOBS)
    token: str
    pid: int
    host: str
    holder: str     # window, cli, schedule
    started_at: str
    heartbeat_ms: int


def now_ms() -> int:
    return int(time.time() * 1000)


def new_token() -> str:
    return uuid.uuid4().hex


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = wintypes.DWORD()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def alive(h: Holder, at_ms: int) -> bool:
    if at_ms - h.heartbeat_ms > LEASE_MS:
        return False
    return h.host != HOST or pid_alive(h.pid)


def _holder(row: tuple) -> Holder:
    return Holder(*row)


_COLUMNS = "resource, job, token, pid, host, holder, started_at, heartbeat_ms"


def holders(conn: sqlite3.Connection) -> list[Holder]:
    """The claims in force now."""
    at = now_ms()
    return [h for h in map(_holder, conn.execute(f"SELECT {_COLUMNS} FROM job_claims ORDER BY resource"))
            if alive(h, at)]


def take(conn: sqlite3.Connection, resources: list[str], job: str, holder: str, token: str,
         started_at: str) -> Holder | None:
    """Claim every resource, or none: None when taken, else the live holder that stands in the way.

    BEGIN IMMEDIATE makes the check and the write one step for every process on this database.
    """
    at = now_ms()
    conn.execute("BEGIN IMMEDIATE")
    try:
        marks = ",".join("?" * len(resources))
        for h in map(_holder, conn.execute(f"SELECT {_COLUMNS} FROM job_claims WHERE resource IN ({marks})",
                                           resources).fetchall()):
            if h.token != token and alive(h, at):
                conn.rollback()
                return h
        conn.executemany(f"INSERT OR REPLACE INTO job_claims ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         [(r, job, token, os.getpid(), HOST, holder, started_at, at) for r in resources])
        conn.commit()
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    return None


def beat(conn: sqlite3.Connection, token: str) -> int:
    """Renew this holder's claims; the number still held (0: they were lost, e.g. after a long sleep)."""
    with conn:
        return conn.execute("UPDATE job_claims SET heartbeat_ms = ? WHERE token = ?", [now_ms(), token]).rowcount


def release(conn: sqlite3.Connection, token: str) -> None:
    with conn:
        conn.execute("DELETE FROM job_claims WHERE token = ?", [token])
