"""`stockdesk moysklad ...`: connect, import, match, compare (and accept MoySklad's figures into the review)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from stockdesk.cli.common import (CHANNEL_SETUP_CODES, FAILED, OK, USAGE, ProgressPrinter, json_qty, ask_token, connect_account,
                                  print_json, run_job, say, stop_unless_confirmed, typed_token)
from stockdesk.cli.yandex import register_match
from stockdesk.context import AppContext
from stockdesk.core.quantity import format_qty
from stockdesk.i18n import tr
from stockdesk.jobs import moysklad
from stockdesk.moysklad.client import STOCK_TYPES
from stockdesk.moysklad.config import KEY_NAME, STOCK_SOURCES


def register(sub: argparse._SubParsersAction) -> None:
    ms = sub.add_parser("moysklad", help="MoySklad: import stock, compare with Evotor, or use it as stock of record")
    cmds = ms.add_subparsers(dest="moysklad_command", metavar="ACTION", required=True)

    p = cmds.add_parser("connect", help="verify the token, list MoySklad stores, set what to import")
    p.add_argument("--login", metavar="LOGIN", help="get a token with login and password (asks for the password) "
                                                    "- this REVOKES the user's other MoySklad tokens")
    p.add_argument("--revoke-other-tokens", action="store_true",
                   help="confirm that getting a token may stop other programs using this user's tokens")
    p.add_argument("--map", action="append", metavar="MS_STORE=EVOTOR_STORE",
                   help="count a MoySklad store for an Evotor store (repeatable; empty EVOTOR_STORE: for none)")
    p.add_argument("--stock-type", choices=STOCK_TYPES,
                   help="stock = physical; freeStock = minus reserve; quantity = available incl. in transit")
    p.add_argument("--source", choices=STOCK_SOURCES, help="what sales channels are sent: Evotor's or MoySklad's stock")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_connect)

    p = cmds.add_parser("import", help="import MoySklad's stock (incremental when possible, full at least daily)")
    p.add_argument("--full", action="store_true", help="a full import even if an incremental one would do")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    register_match(cmds, "moysklad", "match MoySklad goods to Evotor products; set choices by hand")

    p = cmds.add_parser("compare", help="the Evotor reconstruction beside MoySklad's stock, product by product")
    p.add_argument("--store", metavar="ID", help="only this Evotor store")
    p.add_argument("--accept", nargs="+", metavar="PRODUCT_ID",
                   help="take MoySklad's figure into the review for these products ('all' for every difference)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_compare)


def cmd_connect(args) -> int:
    async def job(ctx: AppContext) -> int:
        token = password = None
        if args.login:
            if not args.revoke_other_tokens:
                say(tr("Cli", "Getting a token with the login and password revokes every MoySklad token this user "
                              "has: other programs connected with one stop working. Add --revoke-other-tokens to "
                              "go on, or set STOCKDESK_MOYSKLAD_TOKEN to an existing token instead."))
                return USAGE
            password = ask_token(tr("Cli", "MoySklad password: "))
            if password is None:
                say(tr("Cli", "The password can only be typed on a terminal."))
                return USAGE
        else:
            token = typed_token(ctx, KEY_NAME, tr("Cli", "MoySklad token: "))
        result = await connect_account(moysklad.connect_moysklad, ctx, token, login=args.login, password=password,
                                       confirm_revoke=args.revoke_other_tokens)
        for pair in args.map or []:
            ms_store, sep, evotor_store = pair.partition("=")
            if not sep:
                say(tr("Cli", "--map wants MS_STORE=EVOTOR_STORE (nothing after '=' counts it for no store)."))
                return USAGE
            moysklad.map_store(ctx, ms_store.strip(), evotor_store.strip() or None)
        if args.stock_type:
            moysklad.set_stock_type(ctx, args.stock_type)
        if args.source:
            moysklad.set_stock_source(ctx, args.source)
        stores = moysklad.list_stores(ctx)
        if args.json:
            print_json({"stores": [asdict(s) for s in stores], "token_storage": result.token_storage})
        else:
            for s in stores:
                print(f"{s.id}\t{s.name}\t{s.store_id or '-'}")
        if not any(s.store_id for s in stores):
            say(tr("Cli", "No MoySklad store is counted for an Evotor store yet: use --map MS_STORE=EVOTOR_STORE."))
        return OK
    return run_job(args, job, setup_codes=CHANNEL_SETUP_CODES)


def cmd_import(args) -> int:
    async def job(ctx: AppContext) -> int:
        printer = ProgressPrinter()
        try:
            result = await moysklad.import_moysklad(ctx, full=args.full, progress=printer)
        finally:
            printer.close()
        if args.json:
            print_json(result.to_json())
        else:
            print(tr("Cli", "{kind} import of “{stock_type}”: {rows} figures; {unknown} matched products without a "
                            "figure (unknown, not zero); {unassigned} figures tied to no store (not counted).").format(
                kind=result.kind, stock_type=result.stock_type, rows=result.rows, unknown=result.unknown,
                unassigned=result.unassigned))
        return OK
    return run_job(args, job, setup_codes=CHANNEL_SETUP_CODES)


def cmd_compare(args) -> int:
    async def job(ctx: AppContext) -> int:
        comparison = moysklad.compare(ctx, args.store)
        diffs = comparison.differences
        if not args.accept:
            if args.json:
                print_json({"differences": [{**asdict(d), "evotor_value": json_qty(d.evotor_value),
                                             "moysklad_value": json_qty(d.moysklad_value)} for d in diffs],
                            "same": comparison.same, "unknown": comparison.unknown})
            else:
                for d in diffs:
                    print(f"{d.store_id}\t{d.product_id}\t{d.name}\t{format_qty(d.evotor_value) or '?'}"
                          f" ({d.evotor_source})\t{format_qty(d.moysklad_value)}")
                say(tr("Cli", "{n} differences, {same} the same, {unknown} unknown in MoySklad.").format(
                    n=len(diffs), same=comparison.same, unknown=comparison.unknown))
            return OK
        wanted = None if args.accept == ["all"] else set(args.accept)
        chosen = {(d.store_id, d.product_id) for d in diffs if wanted is None or d.product_id in wanted}
        if not chosen:
            say(tr("Cli", "Nothing to accept."))
            return OK
        stop = stop_unless_confirmed(
            args, tr("Cli", "Take MoySklad's figure for {n} products into the review? [y/N] ").format(n=len(chosen)),
            tr("Cli", "Refusing without confirmation: add --yes."))
        if stop is not None:
            return stop
        result = moysklad.accept(ctx, chosen)
        if args.json:
            print_json({"accepted": result.accepted,
                        "failed": [{"product_id": d.product_id, "name": d.name, "error": e} for d, e in result.failed]})
        else:
            for d, error in result.failed:
                say(f"{d.name}: {error}")
            print(tr("Cli", "{n} values taken from MoySklad into the review.").format(n=result.accepted))
        return FAILED if result.failed else OK
    return run_job(args, job, setup_codes=CHANNEL_SETUP_CODES)
