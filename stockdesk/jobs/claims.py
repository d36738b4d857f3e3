"""The one coordinator of jobs: a job that reads or writes an outside account, or the tables its
results live in, first claims that account (store.claims), in whichever process it runs.

A second job on the same account is refused with a sentence that says what holds it and where, or
waits for it when asked to (a scheduled sync). Claims nest: a sync holding "evotor" runs the
reconstruction and the push inside it without claiming again.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import threading
import time
from contextvars import ContextVar
from pathlib import Path
from typing import AsyncIterator

from stockdesk.context import AppContext
from stockdesk.errors import QT_TRANSLATE_NOOP, UserError
from stockdesk.i18n import tr
from stockdesk.store import claims as store
from stockdesk.store import utc_now

EVOTOR, YANDEX, MOYSKLAD = "evotor", "yandex", "moysklad"

# What holds a claim, as the owner reads it at the start of a sentence.
JOBS = {
    "reconstruct": QT_TRANSLATE_NOOP("Errors", "A stock reconstruction"),
    "push": QT_TRANSLATE_NOOP("Errors", "A push to the Evotor cloud"),
    "sync": QT_TRANSLATE_NOOP("Errors", "A sync"),
    "yandex_push": QT_TRANSLATE_NOOP("Errors", "A push to Yandex Market"),
    "yandex_offers": QT_TRANSLATE_NOOP("Errors", "Reading the offers of Yandex Market"),
    "moysklad_import": QT_TRANSLATE_NOOP("Errors", "A MoySklad import"),
}
_HERE = {
    "window": QT_TRANSLATE_NOOP("Errors", "in this StockDesk window"),
    "cli": QT_TRANSLATE_NOOP("Errors", "in this command"),
    "schedule": QT_TRANSLATE_NOOP("Errors", "in this StockDesk window's scheduled sync"),
}
_ELSEWHERE = {
    "window": QT_TRANSLATE_NOOP("Errors", "in another StockDesk window (process {pid})"),
    "cli": QT_TRANSLATE_NOOP("Errors", "in a StockDesk command (process {pid})"),
    "schedule": QT_TRANSLATE_NOOP("Errors", "in a scheduled sync (process {pid})"),
}
WAIT_POLL_S = 1.0

_kind = "cli"   # what this process is, for the sentences other processes show
_held: ContextVar[dict[str, "Claim"]] = ContextVar("stockdesk_claims", default={})


def set_holder_kind(kind: str) -> None:
    """The window says it is a window (the command line is the default)."""
    global _kind
    _kind = kind


class BusyError(UserError):
    def __init__(self, holder: store.Holder):
        self.holder = holder
        super().__init__(QT_TRANSLATE_NOOP("Errors", "{job} is running {where}: wait for it to finish or stop it, "
                                                     "then try again."), code="busy")

    def render(self) -> str:
        return tr("Errors", self.text).format(job=tr("Errors", JOBS.get(self.holder.job, self.holder.job)),
                                              where=where(self.holder))


class LostClaimError(UserError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "StockDesk stopped this job because another one took over the "
                                                     "account while this computer was asleep. Run it again."),
                         code="claim_lost")


def where(h: store.Holder) -> str:
    own = h.pid == os.getpid() and h.host == store.HOST
    text = tr("Errors", (_HERE if own else _ELSEWHERE).get(h.holder, _ELSEWHERE["cli"])).format(pid=h.pid)
    return text if h.host == store.HOST else f"{text} ({h.host})"


class Claim:
    """Claims this process holds for one job, renewed by a heartbeat thread with its own connection."""

    def __init__(self, db_path: Path, token: str):
        self.token = token
        self.lost = False
        self._path = db_path
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="stockdesk-claim", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(store.HEARTBEAT_S):
            try:
                with contextlib.closing(_connect(self._path)) as conn:
                    if store.beat(conn, self.token) == 0:
                        self.lost = True
                        return
            except sqlite3.Error:
                continue  # a busy or briefly unreadable database: the lease leaves room for the next beat

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10)
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def _take(path: Path, resources: list[str], job: str, kind: str, token: str) -> store.Holder | None:
    with contextlib.closing(_connect(path)) as conn:
        return store.take(conn, resources, job, kind, token, utc_now())


def _release(path: Path, token: str) -> None:
    with contextlib.closing(_connect(path)) as conn:
        store.release(conn, token)


@contextlib.asynccontextmanager
async def hold(ctx: AppContext, resources: tuple[str, ...], job: str, *, wait: float = 0.0,
               kind: str | None = None) -> AsyncIterator[None]:
    """Hold ``resources`` for ``job`` while the block runs; BusyError when another job holds one
    (after waiting up to ``wait`` seconds for it)."""
    held = _held.get()
    needed = [r for r in resources if r not in held]
    if not needed:
        yield
        return
    token, deadline = store.new_token(), time.monotonic() + wait
    while (blocker := await asyncio.to_thread(_take, ctx.db_path, needed, job, kind or _kind, token)) is not None:
        if time.monotonic() >= deadline:
            raise BusyError(blocker)
        await asyncio.sleep(WAIT_POLL_S)
    claim = Claim(ctx.db_path, token)
    reset = _held.set({**held, **{r: claim for r in needed}})
    try:
        yield
    finally:
        _held.reset(reset)
        claim.stop()
        _release(ctx.db_path, token)


def check(resource: str) -> None:
    """Raise when the claim on ``resource`` this job holds was lost; call before each write."""
    claim = _held.get().get(resource)
    if claim is not None and claim.lost:
        raise LostClaimError()


def busy(ctx: AppContext) -> list[store.Holder]:
    """What is claimed now, by any process (for the window: what to disable)."""
    with contextlib.closing(_connect(ctx.db_path)) as conn:
        return store.holders(conn)
