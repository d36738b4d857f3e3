"""What every command shares: opening the context, running a job, progress on stderr, exit codes."""

from __future__ import annotations

import asyncio
import getpass
import json
import sys
import time
from typing import Any, Awaitable, Callable

from stockdesk.context import AppContext
from stockdesk.errors import UserError
from stockdesk.i18n import tr
from stockdesk.jobs.progress import Progress

OK, FAILED, USAGE = 0, 1, 2
# Problems with setup (no account, no token, no keychain) rather than with the operation itself.
SETUP_CODES = frozenset({"no_token", "no_stores", "unknown_store", "no_keychain", "insecure_url"})


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def ask_token(prompt: str) -> str | None:
    """Ask for a token with a hidden prompt, on a terminal only."""
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt).strip() or None


class ProgressPrinter:
    """A live line on a terminal; plain lines (at most one a second per phase) otherwise."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.live = stream.isatty()
        self._last: dict[str, float] = {}

    def __call__(self, p: Progress) -> None:
        counts = " ".join(f"{k}={v}" for k, v in p.counts.items())
        total = f"/{p.total}" if p.total is not None else ""
        text = f"{p.phase} {p.done}{total} {counts}".strip()
        if p.store_id:
            text = f"[{p.store_id[:8]}] {text}"
        if self.live:
            self.stream.write("\r\033[K" + text)
            self.stream.flush()
            return
        now = time.monotonic()
        finished = p.total is not None and p.done >= p.total
        if finished or now - self._last.get(p.phase, 0) >= 1.0:
            self._last[p.phase] = now
            print(text, file=self.stream, flush=True)

    def close(self) -> None:
        if self.live:
            self.stream.write("\r\033[K")
            self.stream.flush()


def run_job(args, job: Callable[[AppContext], Awaitable[int]]) -> int:
    """Open the context, run an async job, turn failures into one clear line and an exit code."""
    try:
        ctx = AppContext.open(args.data_dir)
    except OSError as exc:
        say(tr("Errors", "Cannot open the data directory: {error}").format(error=exc.strerror or exc))
        return USAGE
    try:
        return asyncio.run(job(ctx))
    except UserError as exc:
        say(exc.render())
        return USAGE if exc.code in SETUP_CODES else FAILED
    except KeyboardInterrupt:
        say(tr("Errors", "Stopped. Run the same command again to continue where it stopped."))
        return FAILED
    finally:
        ctx.close()
