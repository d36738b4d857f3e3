"""Opening the database, and a worker thread that owns a connection for heavy jobs."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import sqlite3
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from sqlite_utils import Database

from stockdesk.store import channels_schema, imshop_schema, schema
from stockdesk.store.storage_errors import DamagedDatabase

MIGRATION_SETS = (schema.migrations, channels_schema.migrations, imshop_schema.migrations)

T = TypeVar("T")
DB_NAME = "stockdesk.db"


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_db(path: str | Path, *, check: bool = False) -> Database:
    """Open (creating and migrating if needed) the database file. Safe to call from any thread.

    ``check``: first make sure the file is a sound database (PRAGMA quick_check), else raise
    DamagedDatabase; done once when the app or a command starts, not by every connection.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    if check:
        _check_sound(db, path)
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable on commit, fast
    for migration_set in MIGRATION_SETS:
        migration_set.apply(db)
    return db


def _check_sound(db: Database, path: Path) -> None:
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check(3)").fetchall()]
    except sqlite3.DatabaseError as exc:
        if DamagedDatabase.describes(exc):  # "file is not a database", "malformed"
            db.conn.close()
            raise DamagedDatabase(path, str(exc)) from exc
        raise
    if problems != ["ok"]:
        db.conn.close()
        lines = [line for problem in problems for line in problem.splitlines() if not line.startswith("***")]
        raise DamagedDatabase(path, "; ".join(lines))  # "Page 199: btreeInitPage() returns error code 11; ..."


class DbWorker:
    """One thread with its own connection: jobs write pages and compute results off the UI thread.

    ``await worker.run(fn, *args)`` calls ``fn(db, *args)`` on the worker thread.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stockdesk-db")

    def _call(self, fn: Callable[..., T], args: tuple) -> T:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = open_db(self.path)
        return fn(db, *args)

    async def run(self, fn: Callable[..., T], *args) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._call, fn, args)

    def close(self) -> None:
        def _close() -> None:
            db = getattr(self._local, "db", None)
            if db is not None:
                db.conn.close()
                self._local.db = None

        try:
            self._pool.submit(_close).result()
        finally:
            self._pool.shutdown(wait=True)


_process_db: Database | None = None
# Two processes: one parses a page while the other's rows are being saved (measured: 16k -> 20k docs/s).
PROCESSES = 2


def _start_process(path: str) -> None:
    """Each database process: Ctrl-C and SIGTERM are the parent's to handle (a terminal sends Ctrl-C to
    every process of the group; the parent then ends the pool), and the process ends with the parent."""
    global _process_db
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, name="stockdesk-parent-watch", daemon=True).start()
    _process_db = open_db(path)


def _exit_with_parent() -> None:
    # The pool's queues never tell a worker that the parent is gone (every worker holds their write
    # ends too), so after a kill -9 it would wait for good, database open. The parent's end of this
    # pipe closes however the parent ends. With the workers gone the resource tracker ends too.
    multiprocessing.parent_process().join()
    os._exit(1)


def _call_in_process(fn: Callable[..., T], args: tuple) -> T:
    return fn(_process_db, *args)


@contextmanager
def _stop_signals_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may change handlers; the initializer still covers the process
        return
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class DbProcess:
    """A process with its own connection, for work that is CPU-bound as well as database-bound.

    Parsing and saving pages of documents there keeps the window's thread and the network free
    (the GIL is per process). ``fn`` and its arguments must be picklable (module-level functions).
    """

    def __init__(self, path: str | Path):
        self._pool = ProcessPoolExecutor(max_workers=PROCESSES, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_start_process, initargs=(str(path),))

    async def run(self, fn: Callable[..., T], *args) -> T:
        """fn(db, *args) in the process."""
        return await self._submit(_call_in_process, fn, args)

    async def compute(self, fn: Callable[..., T], *args) -> T:
        """fn(*args) in the process: pure work that needs no database."""
        return await self._submit(fn, *args)

    def _submit(self, fn: Callable[..., T], *args) -> "asyncio.Future[T]":
        # The pool starts a process on a submit that needs one. Started with Ctrl-C and SIGTERM ignored,
        # it ignores them from its first instruction (a disposition survives exec; Python keeps an ignored
        # SIGINT ignored), not only once its initializer runs after the imports.
        with _stop_signals_ignored():
            return asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def pids(self) -> list[int]:
        return list(self._pool._processes or {})  # for benchmarks: the processes' memory

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
