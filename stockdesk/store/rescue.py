"""A damaged database: set aside (never deleted), the owner's typed values saved from it, a fresh one in
its place.

The values the owner typed (manual_values) are the one thing the cloud cannot give back, so whatever
SQLite can still read of them is carried into the fresh database and written to a CSV next to the
damaged copy; everything else is rebuilt from the Evotor cloud (connect, then reconstruct).
"""

from __future__ import annotations

import csv
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from stockdesk.core.quantity import format_qty
from stockdesk.store.db import open_db

VALUE_COLUMNS = ("store_id", "product_id", "action", "value", "by", "at")


@dataclass
class Rescue:
    copy: Path  # the damaged file, as it was
    values: list[dict]  # the owner's values read from it
    csv: Path | None  # those values, for a person (None when there were none)


def readable_values(path: Path) -> list[dict]:
    """The rows of manual_values SQLite can still read in the database at ``path`` (up to the first
    damaged page, if the table itself is damaged)."""
    rows: list[dict] = []
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return rows
    try:
        for row in conn.execute(f"SELECT {', '.join(f'[{c}]' for c in VALUE_COLUMNS)} FROM manual_values"):
            rows.append(dict(zip(VALUE_COLUMNS, row)))
    except sqlite3.DatabaseError:
        pass  # not a database, no such table, or a damaged page: keep what was read
    finally:
        conn.close()
    return rows


def write_values_csv(values: list[dict], path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(("store_id", "product_id", "action", "quantity", "by", "at"))
        for v in values:
            writer.writerow((v["store_id"], v["product_id"], v["action"],
                             format_qty(v["value"]) if isinstance(v["value"], int) else "", v["by"], v["at"]))


def set_aside(path: Path) -> Rescue:
    """Rename the database (with its -wal and -shm, which belong to it) to <name>.damaged-<date>."""
    copy = path.with_name(f"{path.name}.damaged-{datetime.now():%Y-%m-%d-%H%M%S}")
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            os.replace(f"{path}{suffix}", f"{copy}{suffix}")
    values = readable_values(copy)
    csv_path = None
    if values:
        csv_path = copy.with_name(f"{copy.name}.values.csv")
        write_values_csv(values, csv_path)
    return Rescue(copy, values, csv_path)


def rebuild(path: Path) -> Rescue:
    """Set the damaged database aside and start a fresh one holding the owner's values."""
    rescue = set_aside(path)
    db = open_db(path)
    try:
        with db.conn:
            db["manual_values"].insert_all(rescue.values, replace=True)
    finally:
        db.conn.close()
    return rescue
