"""The snapshot cache: a request that arrives while an older rebuild runs waits for a newer one."""

from __future__ import annotations

import asyncio
import threading

import pytest

from stockdesk.imshop import snapshot_cache
from stockdesk.imshop.snapshot import Stock, load_snapshot
from stockdesk.store import open_db

from .conftest import SPB


def qty(snapshot) -> int:
    return Stock(*snapshot.stock[SPB]["100"]).milli


@pytest.mark.asyncio
async def test_request_during_an_older_rebuild_gets_newer_data(db_path, monkeypatch):
    release = threading.Event()
    loads = []

    def slow_load(conn):
        loads.append(1)
        if len(loads) == 1:
            release.wait(10)  # the first rebuild is slow: the database changes meanwhile
        return load_snapshot(conn)
    monkeypatch.setattr(snapshot_cache, "load_snapshot", slow_load)
    cache = snapshot_cache.SnapshotCache(db_path)
    db = open_db(db_path)
    try:
        first = asyncio.ensure_future(cache.current())
        await asyncio.sleep(0.05)
        db.execute("UPDATE products SET cloud_qty = 9000 WHERE store_id = ? AND id = 'q1'", [SPB])
        db.conn.commit()
        second = asyncio.ensure_future(cache.current())
        joined = asyncio.ensure_future(cache.current())
        await asyncio.sleep(0.05)
        release.set()
        assert qty(await second) == 9000 and qty(await joined) == 9000
        assert qty(await first) in (4000, 9000)
        assert len(loads) == 2  # the two later requests shared one rebuild
        assert qty(await cache.current()) == 9000 and len(loads) == 2  # nothing changed: no rebuild
    finally:
        release.set()
        db.conn.close()
        await cache.close()


@pytest.mark.asyncio
async def test_failed_rebuild_is_reported_then_retried(db_path, monkeypatch):
    calls = []

    def flaky_load(conn):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk I/O error")
        return load_snapshot(conn)
    monkeypatch.setattr(snapshot_cache, "load_snapshot", flaky_load)
    cache = snapshot_cache.SnapshotCache(db_path)
    try:
        with pytest.raises(OSError):
            await cache.current()
        assert qty(await cache.current()) == 4000
    finally:
        await cache.close()
