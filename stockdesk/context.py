"""Everything a use case needs: the data directory, the database, the keychain, settings."""

from __future__ import annotations

import json
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from stockdesk.i18n import tr
from stockdesk.paths import data_dir as resolve_data_dir
from stockdesk.secrets import Secrets
from stockdesk.store import DbWorker, open_db, rescue, utc_now
from stockdesk.store.db import DB_NAME, DbProcess

EVOTOR_URL = "https://api.evotor.ru"
log = logging.getLogger(__name__)


def render_activity(template: str, params: dict | None, *, translate: bool = True) -> str:
    params = params or {}
    n = params.get("n")
    text = tr("Activity", template, -1 if n is None else int(n)) if translate else template.replace("%n", str(n))
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


@contextmanager
def _owner_only():
    old_umask = os.umask(0o077)  # the database (and values saved from it) are the owner's business only
    try:
        yield
    finally:
        os.umask(old_umask)


def rebuild_damaged(data_dir: str | os.PathLike | None) -> rescue.Rescue:
    """After DamagedDatabase: the damaged file set aside, a fresh database with the owner's values."""
    with _owner_only():
        return rescue.rebuild(resolve_data_dir(data_dir) / DB_NAME)


@dataclass
class AppContext:
    data_dir: Path
    db: Database  # for the thread that opened the context (the UI thread in the app)
    worker: DbWorker  # for heavy jobs: its own connection on its own thread
    secrets: Secrets = field(default_factory=Secrets)
    demo: bool = False
    _process: DbProcess | None = field(default=None, repr=False)

    @classmethod
    def open(cls, data_dir: str | os.PathLike | None = None, *, secrets: Secrets | None = None,
             demo: bool = False) -> "AppContext":
        directory = resolve_data_dir(data_dir)
        with _owner_only():
            db = open_db(directory / DB_NAME, check=True)  # DamagedDatabase: see rebuild_damaged
        return cls(directory, db, DbWorker(directory / DB_NAME), secrets or Secrets(), demo)

    def db_process(self) -> DbProcess:
        """A process for heavy parsing and computing (started on first use: it costs ~0.3 s)."""
        if self._process is None:
            self._process = DbProcess(self.db_path)
        return self._process

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str | None) -> None:
        self.db["settings"].upsert({"key": key, "value": value}, pk="key")

    def evotor_url(self) -> str:
        return os.environ.get("STOCKDESK_EVOTOR_URL") or self.setting("evotor_url") or EVOTOR_URL

    def log_activity(self, kind: str, template: str, /, n: int | None = None, **params) -> None:
        """Record what the app did. ``template`` is marked QT_TRANSLATE_NOOP("Activity", ...), with
        {placeholders} filled from ``params`` and %n from ``n`` when read, in the reader's language."""
        values = {"n": n, **params} if n is not None else params
        self.db["activity"].insert({"at": utc_now(), "kind": kind, "message": template,
                                    "params": json.dumps(values, ensure_ascii=False, default=str)})
        log.info("%s: %s", kind, render_activity(template, values, translate=False))

    def close(self) -> None:
        if self._process is not None:
            self._process.close()
        self.worker.close()
        self.db.conn.close()
