"""What every command shares: opening the context, running a job, progress on stderr, exit codes,
asking for a token or a confirmation."""

from __future__ import annotations

import getpass
import json
import sys
import time
from typing import Any, Awaitable, Callable, TypeVar

from stockdesk.context import AppContext, rebuild_damaged
from stockdesk.core.quantity import to_json
from stockdesk.errors import UserError
from stockdesk.i18n import tr
from stockdesk.jobs.progress import Progress
from stockdesk.paths import data_dir
from stockdesk.store.db import DB_NAME
from stockdesk.store.rescue import Rescue
from stockdesk.store.storage_errors import NO_PERMISSION, READ_ONLY, DamagedDatabase, storage_error
from stockdesk.termination import run_stoppable

OK, FAILED, USAGE = 0, 1, 2
# Problems with setup (no account, no token, no keychain) or with what the owner typed, rather than with
# the operation itself: exit code 2.
SETUP_CODES = frozenset({"no_token", "no_stores", "unknown_store", "no_keychain", "insecure_url",
                         # IMSHOP settings, warehouses and offer overrides
                         "imshop_warehouse_id", "imshop_warehouse_fields", "imshop_unknown_store",
                         "imshop_coordinates", "imshop_offer_id", "imshop_unknown_product", "imshop_service",
                         "imshop_offer_field", "imshop_address", "imshop_key", "imshop_warehouse_exists",
                         # a folder StockDesk may not write: the owner chooses another or changes its rights
                         READ_ONLY, NO_PERMISSION})
# The sales-channel commands (yandex, moysklad) count these as setup problems too. The other commands do
# not: there a rejected Evotor token, or a service given to `evotor set`, is a failed operation (exit 1).
CHANNEL_SETUP_CODES = SETUP_CODES | frozenset({
    "not_configured", "disabled", "confirm_revoke", "unauthorized", "forbidden", "not_found", "wrong_mode",
    "no_business", "unknown_target", "unknown_product", "product_taken", "service", "invalid_url",
    "unfinished_push"})
T = TypeVar("T")


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def json_qty(milli: int | None):
    """A quantity in thousandths as a JSON number (None stays null)."""
    return None if milli is None else to_json(milli)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def ask_token(prompt: str) -> str | None:
    """Ask for a token with a hidden prompt, on a terminal only."""
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt).strip() or None


def typed_token(ctx: AppContext, name: str, prompt: str) -> str | None:
    """None when the secret ``name`` is known already (environment, keychain); else asked for (ask_token)."""
    return None if ctx.secrets.get(name) else ask_token(prompt)


async def connect_account(connect: Callable[..., Awaitable[T]], ctx: AppContext, token: str | None,
                          **kwargs: Any) -> T:
    """``connect(ctx, token, **kwargs)``; on a computer without a keychain, say so and connect again
    keeping the token for this session only."""
    try:
        return await connect(ctx, token, **kwargs)
    except UserError as exc:
        if exc.code != "no_keychain":
            raise
        say(exc.render())
        return await connect(ctx, token, session_only=True, **kwargs)


def stop_unless_confirmed(args, question: str, refusal: str) -> int | None:
    """None to go on (--yes, or the owner answered yes on a terminal); else the exit code to stop with:
    OK when the owner said no, USAGE (after saying ``refusal``) when there is nobody to ask."""
    if args.yes:
        return None
    if not sys.stdin.isatty():
        say(refusal)
        return USAGE
    return None if input(question).strip().lower() in ("y", "yes", "д", "да") else OK


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


def run_job(args, job: Callable[[AppContext], Awaitable[int]], *, setup_codes: frozenset[str] = SETUP_CODES) -> int:
    """Open the context, run an async job, turn failures into one clear line and an exit code
    (USAGE for the codes in ``setup_codes``, FAILED for the others). A full disk, a folder StockDesk
    may not write, a failing disk are recognised here, wherever they happened."""
    ctx = None
    try:
        ctx = AppContext.open(args.data_dir)
        return run_stoppable(job(ctx))
    except DamagedDatabase as exc:
        say(rebuilt_text(exc, rebuild_damaged(args.data_dir)))
        return FAILED
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM
        say(tr("Errors", "Stopped. Run the same command again to continue where it stopped."))
        return FAILED
    except Exception as exc:
        error = exc if isinstance(exc, UserError) else storage_error(exc, data_dir(args.data_dir, create=False) / DB_NAME)
        if error is None and ctx is None and isinstance(exc, OSError):
            say(tr("Errors", "Cannot open the data directory: {error}").format(error=exc.strerror or exc))
            return USAGE
        if error is None:
            raise
        say(error.render())
        return USAGE if error.code in setup_codes else FAILED
    finally:
        if ctx is not None:
            ctx.close()


def rebuilt_text(exc: DamagedDatabase, rescue: Rescue) -> str:
    params = {**exc.params, "copy": rescue.copy, "csv": rescue.csv}
    if rescue.values:
        text = tr("Errors", "The StockDesk database {path} was damaged ({detail}). It is kept as {copy}; a new "
                            "database was started with the %n value(s) you typed (also saved to {csv}). To rebuild "
                            "the rest from the Evotor cloud, run: stockdesk evotor connect, then stockdesk evotor "
                            "reconstruct.", len(rescue.values))
    else:
        text = tr("Errors", "The StockDesk database {path} was damaged ({detail}). It is kept as {copy}; a new "
                            "database was started. To rebuild it from the Evotor cloud, run: stockdesk evotor "
                            "connect, then stockdesk evotor reconstruct.")
    return text.format(**params)
