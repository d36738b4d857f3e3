"""The window on a damaged database: nothing is touched unless the owner chooses to rebuild."""

from __future__ import annotations

import os

from stockdesk.store.db import open_db
from stockdesk.ui import open_storage


def damaged_with_a_value(data):
    db = open_db(data / "stockdesk.db")
    db["manual_values"].insert({"store_id": "s", "product_id": "p", "action": "set", "value": 3000,
                                "by": "owner", "at": "2024-01-01T00:00:00+00:00"})
    db.conn.close()
    with open(data / "stockdesk.db", "r+b") as f:
        f.write(os.urandom(100))  # the header: not a database any more


def test_quit_leaves_the_damaged_file_as_it_is(tmp_path, qapp, monkeypatch):
    damaged_with_a_value(tmp_path)
    before = (tmp_path / "stockdesk.db").read_bytes()
    monkeypatch.setattr(open_storage, "ask_rebuild", lambda exc: False)
    assert open_storage.open_context(str(tmp_path), False, lambda: None) is None
    assert (tmp_path / "stockdesk.db").read_bytes() == before and not list(tmp_path.glob("*.damaged-*"))


def test_rebuild_opens_a_fresh_database(tmp_path, qapp, monkeypatch):
    damaged_with_a_value(tmp_path)
    reports = []
    monkeypatch.setattr(open_storage, "ask_rebuild", lambda exc: True)
    monkeypatch.setattr(open_storage, "report_rebuilt", reports.append)
    ctx = open_storage.open_context(str(tmp_path), False, lambda: None)
    try:
        assert ctx.db.execute("SELECT COUNT(*) FROM stores").fetchone()[0] == 0
        (rescue,) = reports
        assert rescue.copy.exists() and rescue.values == []  # the header was garbage: nothing readable
    finally:
        ctx.close()
