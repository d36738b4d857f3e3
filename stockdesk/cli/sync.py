"""`stockdesk sync`: read what changed, then bring the switched-on channels in step."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from stockdesk.cli.common import FAILED, OK, ProgressPrinter, print_json, run_job, say
from stockdesk.context import AppContext
from stockdesk.jobs import sync


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="read what changed in Evotor (and MoySklad), push to the channels that are on")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sync)


def cmd_sync(args) -> int:
    async def job(ctx: AppContext) -> int:
        printer = ProgressPrinter()
        try:
            result = await sync.sync(ctx, printer)
        finally:
            printer.close()
        if args.json:
            print_json({"at": result.at, "ok": result.ok, "steps": [asdict(s) for s in result.steps]})
        else:
            for s in result.steps:
                print(f"{s.channel}\t{'ok' if s.ok else 'failed'}\t{s.sent}\t{s.failed}")
                if s.message:
                    say(f"{s.channel}: {s.message}")
        return OK if result.ok else FAILED
    return run_job(args, job)
