"""`stockdesk yandex ...`: connect, match, push. Also the `match` subcommand `stockdesk moysklad` shares."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from stockdesk.cli.common import (CHANNEL_SETUP_CODES, FAILED, OK, USAGE, ProgressPrinter, connect_account, print_json,
                                  run_job, say, stop_unless_confirmed, typed_token)
from stockdesk.context import AppContext
from stockdesk.i18n import tr
from stockdesk.jobs import matching, yandex
from stockdesk.yandex.config import KEY_NAME, MODES, YandexConfig


# --- shared `match` subcommand -------------------------------------------------------------------

def register_match(cmds: argparse._SubParsersAction, channel: str, help_text: str) -> None:
    p = cmds.add_parser("match", help=help_text)
    p.add_argument("--store", metavar="ID", help="Evotor store (default: the one configured, or the only one)")
    p.add_argument("--set", nargs=2, metavar=("ITEM", "PRODUCT_ID"), help="the owner's choice: ITEM is this product")
    p.add_argument("--none", metavar="ITEM", help="the owner's choice: ITEM is none of the shop's products")
    p.add_argument("--clear", metavar="ITEM", help="undo the owner's choice for ITEM")
    p.add_argument("--status", choices=matching.STATUSES, action="append", help="list only these (repeatable)")
    p.add_argument("--offline", action="store_true", help="do not fetch the channel's catalog again")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=lambda args: cmd_match(args, channel))


def _match_store(ctx: AppContext, args, channel: str) -> str | None:
    if args.store:
        return args.store
    if channel == "yandex" and YandexConfig.load(ctx).store_id:
        return YandexConfig.load(ctx).store_id
    stores = [r[0] for r in ctx.db.execute("SELECT id FROM stores")]
    return stores[0] if len(stores) == 1 else None


def cmd_match(args, channel: str) -> int:
    async def job(ctx: AppContext) -> int:
        store_id = _match_store(ctx, args, channel)
        if store_id is None:
            say(tr("Cli", "Several Evotor stores: choose one with --store."))
            return USAGE
        if args.set:
            matching.set_mapping(ctx, channel, store_id, args.set[0], args.set[1], by="cli")
        elif args.none:
            matching.set_mapping(ctx, channel, store_id, args.none, None, by="cli")
        elif args.clear:
            matching.clear_mapping(ctx, channel, store_id, args.clear)
        elif not args.offline and channel == "yandex":
            await yandex.refresh_offers(ctx)
        else:
            await matching.run_matching(ctx, channel, store_id)
        rows = matching.mapping_rows(ctx, channel, store_id, tuple(args.status or matching.STATUSES))
        summary = matching.summary(ctx, channel, store_id)
        if args.json:
            print_json({"store_id": store_id, "summary": summary.to_json(), "items": [asdict(r) for r in rows]})
        else:
            for r in rows:
                chosen = r.product_name or r.product_id or ", ".join(r.candidates)
                print(f"{r.status}\t{r.target}\t{r.item_name or ''}\t{chosen or ''}")
            say(tr("Cli", "{auto} matched automatically, {manual} by you, {ambiguous} ambiguous, {unmatched} unmatched. "
                          "Only matched items are ever sent.").format(**summary.to_json()))
        return OK
    return run_job(args, job, setup_codes=CHANNEL_SETUP_CODES)


# --- yandex --------------------------------------------------------------------------------------

def register(sub: argparse._SubParsersAction) -> None:
    ym = sub.add_parser("yandex", help="Yandex Market: connect, match offers, push stock")
    cmds = ym.add_subparsers(dest="yandex_command", metavar="ACTION", required=True)

    p = cmds.add_parser("connect", help="verify the API key, detect how stock is sent, fetch and match offers")
    p.add_argument("--campaign", type=int, metavar="ID", help="campaign id (Settings → API and modules)")
    p.add_argument("--business", type=int, metavar="ID", help="business id (default: the campaign's)")
    p.add_argument("--store", metavar="ID", help="the Evotor store whose stock this campaign sells")
    p.add_argument("--mode", choices=MODES, help="override detection: campaign = warehouse groups (PUT v2), "
                                                 "business = no groups (POST v3)")
    p.add_argument("--warehouse", type=int, metavar="ID", help="business mode: partnerWarehouseId")
    switch = p.add_mutually_exclusive_group()
    switch.add_argument("--enable", action="store_true", help="switch stock sending on")
    switch.add_argument("--disable", action="store_true", help="switch stock sending off")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_connect)

    register_match(cmds, "yandex", "fetch the offers and match SKUs to Evotor products; set choices by hand")

    p = cmds.add_parser("push", help="send the stock of matched offers to Yandex Market")
    p.add_argument("--dry-run", action="store_true", help="show what would be sent, send nothing")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--retry-failed", action="store_true", help="send again what failed last time")
    p.add_argument("--check", nargs="+", metavar="SKU", help="test the integration: hide these offers, push them, show them again")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_push)


def cmd_connect(args) -> int:
    async def job(ctx: AppContext) -> int:
        cfg = YandexConfig.load(ctx)
        campaign = args.campaign or cfg.campaign_id
        if campaign is None:
            say(tr("Cli", "Give the campaign id with --campaign (Yandex seller cabinet: Settings → API and modules)."))
            return USAGE
        key = typed_token(ctx, KEY_NAME, tr("Cli", "Yandex Market API key: "))
        result = await connect_account(yandex.connect_yandex, ctx, key, campaign_id=campaign,
                                       business_id=args.business, store_id=args.store, mode=args.mode,
                                       warehouse_id=args.warehouse)
        if args.enable or args.disable:
            yandex.set_enabled(ctx, args.enable)
        cfg = YandexConfig.load(ctx)
        if args.json:
            print_json({"config": asdict(cfg), "campaign": result.campaign, "offers": result.offers,
                        "warehouse_choices": result.warehouse_choices, "token_storage": result.token_storage,
                        "matching": result.matching.to_json() if result.matching else None})
        else:
            print(tr("Cli", "Campaign {campaign}: {offers} offers, mode {mode}, stock sending {state}.").format(
                campaign=cfg.campaign_id, offers=result.offers, mode=cfg.mode,
                state=tr("Cli", "on") if cfg.enabled else tr("Cli", "off")))
            for w in result.warehouse_choices:
                print(f"{w.get('id')}\t{w.get('name', '')}")
        if result.warehouse_choices:
            say(tr("Cli", "Choose the warehouse with --warehouse ID."))
        if cfg.store_id is None:
            say(tr("Cli", "Choose the Evotor store with --store ID."))
        return OK
    return run_job(args, job, setup_codes=CHANNEL_SETUP_CODES)


def _line_json(line: yandex.PushLine) -> dict:
    return {"sku": line.sku, "product_id": line.product_id, "name": line.name, "count": line.count,
            "clamped": line.clamped, "stale": line.stale, "updated_at": line.updated_at.isoformat(),
            "previous": line.previous}


def _print_preview(args, preview: yandex.PushPreview) -> None:
    if args.json:
        if args.dry_run:
            print_json({"lines": [_line_json(ln) for ln in preview.lines],
                        "no_value": [{"sku": s, "name": n} for s, n in preview.no_value],
                        "ambiguous": preview.ambiguous, "unmatched": preview.unmatched})
        return
    for ln in preview.lines:
        marks = [tr("Cli", "(negative, sent as 0)")] if ln.clamped else []
        marks += [tr("Cli", "(older than a day)")] if ln.stale else []
        print("\t".join([ln.sku, ln.name, str(ln.count), *marks]))
    say(tr("Cli", "{n} to send; {clamped} negative sent as 0; {stale} older than a day; {none} without a known "
                  "stock, {ambiguous} ambiguous and {unmatched} unmatched are not sent.").format(
        n=len(preview.lines), clamped=len(preview.clamped), stale=len(preview.stale), none=len(preview.no_value),
        ambiguous=preview.ambiguous, unmatched=preview.unmatched))


def cmd_push(args) -> int:
    async def job(ctx: AppContext) -> int:
        resuming = yandex.unfinished_push(ctx)
        if resuming:
            say(tr("Cli", "Finishing the Yandex Market push that was interrupted."))
        elif not args.retry_failed:
            preview = yandex.preview_push(ctx)
            if args.check:
                preview.lines = [ln for ln in preview.lines if ln.sku in set(args.check)]
            _print_preview(args, preview)
            if args.dry_run or not preview.lines:
                return OK
        if args.dry_run:
            return OK
        stop = stop_unless_confirmed(args, tr("Cli", "Send stock to Yandex Market? [y/N] "),
                                     tr("Cli", "Refusing to push without confirmation: add --yes."))
        if stop is not None:
            return stop
        printer = ProgressPrinter()
        try:
            if args.check and not resuming:
                result = await yandex.check_integration(ctx, args.check, printer)
            elif args.retry_failed and not resuming:
                result = await yandex.retry_failed(ctx, printer)
            else:
                result = await yandex.push_yandex(ctx, progress=printer)
        finally:
            printer.close()
        if args.json:
            print_json({"run_id": result.run_id, "ok": result.ok,
                        "failed": [{"sku": s, "name": n, "error": e} for s, n, e in result.failed],
                        "clamped": [ln.sku for ln in result.clamped], "stale": [ln.sku for ln in result.stale]})
        else:
            for sku, name, error in result.failed:
                say(f"{sku} ({name}): {error}")
            print(tr("Cli", "{ok} sent, {failed} failed.").format(ok=result.ok, failed=len(result.failed)))
        return FAILED if result.failed else OK
    return run_job(args, job, setup_codes=CHANNEL_SETUP_CODES)
