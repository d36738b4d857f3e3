"""Storage failures the owner can act on: a full disk, a read-only or forbidden folder, a failing disk,
a damaged database. Mapped from SQLite's and the system's errors where they reach the owner (the CLI's
run_job, the window's error hook), not in every job."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from stockdesk.errors import QT_TRANSLATE_NOOP, UserError

DISK_FULL, READ_ONLY, NO_PERMISSION, DISK_IO, DAMAGED = (
    "disk_full", "read_only", "no_permission", "disk_io", "database_damaged")

TEXTS = {
    DISK_FULL: QT_TRANSLATE_NOOP("Errors", "The disk with the StockDesk folder {folder} is full: free some space "
                                           "and try again (everything saved before is kept)."),
    READ_ONLY: QT_TRANSLATE_NOOP("Errors", "The StockDesk folder {folder} is on a read-only disk: StockDesk "
                                           "cannot save there (everything saved before is kept)."),
    NO_PERMISSION: QT_TRANSLATE_NOOP("Errors", "StockDesk may not write to its folder {folder}: give this user "
                                               "the right to change it, or choose another folder with --data-dir."),
    DISK_IO: QT_TRANSLATE_NOOP("Errors", "The disk with the StockDesk folder {folder} could not be read or "
                                         "written: check the disk and try again."),
    DAMAGED: QT_TRANSLATE_NOOP("Errors", "The StockDesk database {path} is damaged ({detail}). Start StockDesk "
                                         "again: it keeps a copy and rebuilds the database from the Evotor cloud."),
}

# SQLite's messages (the same in every version; an error from a database process arrives as its text).
_SQLITE_MESSAGES = (("database or disk is full", DISK_FULL), ("disk I/O error", DISK_IO),
                    ("readonly database", READ_ONLY), ("unable to open database file", READ_ONLY),
                    ("database disk image is malformed", DAMAGED), ("file is not a database", DAMAGED))
_ERRNOS = {errno.ENOSPC: DISK_FULL, errno.EDQUOT: DISK_FULL, errno.EROFS: READ_ONLY,
           errno.EACCES: NO_PERMISSION, errno.EPERM: NO_PERMISSION, errno.EIO: DISK_IO}


class StorageError(UserError):
    """A storage failure, said in one sentence; ``code`` is one of the kinds above."""


class DamagedDatabase(StorageError):
    """The database file is not a sound SQLite database (found when it is opened)."""

    def __init__(self, path: Path, detail: str):
        self.path = Path(path)
        super().__init__(TEXTS[DAMAGED], code=DAMAGED, path=str(path), detail=detail)

    @staticmethod
    def describes(exc: sqlite3.DatabaseError) -> bool:
        return _kind(exc) == DAMAGED


def _kind(exc: BaseException) -> str | None:
    if isinstance(exc, sqlite3.DatabaseError):
        message = str(exc)
        return next((kind for text, kind in _SQLITE_MESSAGES if text in message), None)
    if isinstance(exc, OSError):
        return _ERRNOS.get(exc.errno)
    return None


def _read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs on Windows; folder not there
        return False


def storage_error(exc: BaseException, db_path: Path) -> StorageError | None:
    """The StorageError ``exc`` (or what caused it) amounts to, for the database ``db_path``; None if
    it is not a storage failure."""
    folder = db_path.parent
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, StorageError):
            return current
        kind = _kind(current)
        if kind == READ_ONLY and not _read_only_disk(folder):
            kind = NO_PERMISSION  # SQLite says "readonly" for a file or folder this user may not write too
        if kind is not None:
            return StorageError(TEXTS[kind], code=kind, folder=str(folder), path=str(db_path),
                                detail=str(current))
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
        pending += getattr(current, "exceptions", ())  # an ExceptionGroup
    return None
