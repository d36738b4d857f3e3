"""Keeps the webhook's snapshot as fresh as the database, without blocking the event loop.

The webhook asks SQLite for ``PRAGMA data_version`` on a read-only connection (a few µs, no
lock), once per batch of requests that have all arrived (fresh()): it changes whenever another
connection commits. When it has changed, the snapshot is rebuilt on one loader thread with a
second read-only connection, and every request that arrived before the rebuild started waits for
it (current()). A request is never answered from data older than its arrival.
"""

from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from stockdesk.imshop.snapshot import Snapshot, load_snapshot


def connect_read_only(db_path: str | Path) -> sqlite3.Connection:
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 2000")
    return conn


class SnapshotCache:
    def __init__(self, db_path: str | Path):
        self.db_path = Path(db_path)
        self._check: sqlite3.Connection | None = None   # used on the event loop only
        self._loader: sqlite3.Connection | None = None  # used on the loader thread only
        self._pool: ThreadPoolExecutor | None = None
        self._snapshot: Snapshot | None = None
        self._snapshot_version: int | None = None
        self._snapshot_seq = 0
        self._task: asyncio.Future[Snapshot] | None = None
        self._seq = 0  # loads started so far

    def _data_version(self) -> int:
        if self._check is None:
            self._check = connect_read_only(self.db_path)
        return self._check.execute("PRAGMA data_version").fetchone()[0]

    def _load(self) -> Snapshot:
        if self._loader is None:
            self._loader = connect_read_only(self.db_path)
        return load_snapshot(self._loader)

    def fresh(self) -> Snapshot | None:
        """The snapshot if it already includes every commit made before this call; else None (then
        await current()). No waiting: the webhook's fast path."""
        if self._snapshot is not None and self._snapshot_version == self._data_version():
            return self._snapshot
        return None

    async def current(self) -> Snapshot:
        """A snapshot that includes every commit made before this call."""
        version = self._data_version()
        arrival = self._seq
        while True:
            if self._snapshot is not None and (self._snapshot_version == version
                                               or self._snapshot_seq > arrival):
                return self._snapshot
            if self._task is None:
                self._start_load()
            task, seq = self._task, self._seq
            try:
                await asyncio.shield(task)
            except Exception:
                if seq > arrival:  # a load that started after us failed: our answer failed
                    raise

    def _start_load(self) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="imshop-snapshot")
        self._seq += 1
        seq, version = self._seq, self._data_version()  # the load will see at least this version
        future = asyncio.get_running_loop().run_in_executor(self._pool, self._load)

        def done(f: asyncio.Future[Snapshot]) -> None:
            self._task = None
            if not f.cancelled() and f.exception() is None:
                self._snapshot, self._snapshot_version, self._snapshot_seq = f.result(), version, seq

        future.add_done_callback(done)
        self._task = future

    async def close(self) -> None:
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
        if self._pool is not None:
            loader, self._loader = self._loader, None
            if loader is not None:
                await asyncio.get_running_loop().run_in_executor(self._pool, loader.close)
            self._pool.shutdown(wait=True)
            self._pool = None
        if self._check is not None:
            self._check.close()
            self._check = None
        self._snapshot = self._task = None
