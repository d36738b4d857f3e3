"""`stockdesk sync`: read what changed, then bring the switched-on channels in step."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from stockdesk.cli.common import FAILED, OK, ProgressPrinter, json_qty, print_json, run_job, say
from stockdesk.context import AppContext
from stockdesk.core.quantity import format_qty
from stockdesk.i18n import tr
from stockdesk.jobs import sync
from stockdesk.timestamps import to_minute

QTY_KEYS = ("known", "cloud", "value")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="read what changed in Evotor (and MoySklad), push to the channels that are on")
    p.add_argument("--json", action="store_true")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="wait up to SECONDS for another job on the same accounts to finish (for a schedule)")
    p.set_defaults(handler=cmd_sync)


def cmd_sync(args) -> int:
    async def job(ctx: AppContext) -> int:
        printer = ProgressPrinter()
        try:
            result = await sync.sync(ctx, printer, wait=args.wait)
        finally:
            printer.close()
        if args.json:
            steps = [asdict(s) for s in result.steps]
            for step in steps:
                step["drift"] = [{**d, **{k: json_qty(d[k]) for k in QTY_KEYS}} for d in step["drift"]]
            print_json({"at": result.at, "ok": result.ok, "steps": steps})
        else:
            for s in result.steps:
                print(f"{s.channel}\t{'ok' if s.ok else 'failed'}\t{s.sent}\t{s.failed}")
                if s.message:
                    say(f"{s.channel}: {s.message}")
                if s.waiting:
                    say(tr("Cli", "{n} values you typed wait for “evotor push”.").format(n=s.waiting))
                for d in s.drift:
                    _say_drift(d)
        return OK if result.ok else FAILED
    return run_job(args, job)


def _say_drift(d: dict) -> None:
    text = tr("Cli", "{name} ({store}/{product}): the cloud had {cloud} with no document; StockDesk knew {known} "
                     "on {known_at}; {value} written back.")
    if not d["restored"]:
        text = tr("Cli", "{name} ({store}/{product}): the cloud had {cloud} with no document; StockDesk knew {known} "
                         "on {known_at}; writing back {value} failed.")
    say(text.format(name=d["name"], store=d["store_id"], product=d["product_id"], cloud=format_qty(d["cloud"]),
                    known=format_qty(d["known"]), known_at=to_minute(d["known_at"]), value=format_qty(d["value"])))
    if d["repeated"]:
        say(tr("Cli", "  It changed again after StockDesk wrote it back: another app or person writes to this account."))
    say(tr("Cli", "  If the cloud was right: stockdesk evotor accept-cloud {store} {product}").format(
        store=d["store_id"], product=d["product_id"]))
