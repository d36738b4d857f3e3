"""Local state in one SQLite file (sqlite-utils): schema, migrations, queries."""

from stockdesk.store.db import DbWorker, open_db, utc_now

__all__ = ["DbWorker", "open_db", "utc_now"]
