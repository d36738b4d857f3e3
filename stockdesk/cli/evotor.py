"""`stockdesk evotor ...`: connect, reconstruct, unresolved, set, push."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from stockdesk.cli.common import (FAILED, OK, USAGE, ProgressPrinter, json_qty, connect_account, print_json, run_job, say,
                                  stop_unless_confirmed, typed_token)
from stockdesk.context import AppContext
from stockdesk.core.quantity import format_qty
from stockdesk.i18n import tr
from stockdesk.jobs import connect, keep_in_step, push, reconstruct, review
from stockdesk.timestamps import to_minute


def register(sub: argparse._SubParsersAction) -> None:
    evotor = sub.add_parser("evotor", help="the Evotor cloud: connect, reconstruct stock, review, push")
    cmds = evotor.add_subparsers(dest="evotor_command", metavar="ACTION", required=True)

    p = cmds.add_parser("connect", help="verify the token (GET /stores), remember the account and its stores")
    p.set_defaults(handler=cmd_connect)

    p = cmds.add_parser("reconstruct", help="work out every product's stock from the terminals' documents")
    p.add_argument("--store", action="append", metavar="ID", help="only this store (repeatable)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=cmd_reconstruct)

    p = cmds.add_parser("unresolved", help="list the products that need the owner's value")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_unresolved)

    p = cmds.add_parser("set", help="set a product's stock by hand")
    p.add_argument("store_id")
    p.add_argument("product_id")
    p.add_argument("quantity")
    p.set_defaults(handler=cmd_set)

    p = cmds.add_parser("push", help="send the balances that differ to the Evotor cloud")
    p.add_argument("--dry-run", action="store_true", help="show what would change, send nothing")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_push)

    p = cmds.add_parser("accept-cloud", help="a cloud balance a sync wrote back was right: make it the owner's value"
                                             " and send it back to the cloud")
    p.add_argument("store_id")
    p.add_argument("product_id")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_accept_cloud)


def _ensure_token(ctx: AppContext) -> str | None:
    """The token to use: already known (environment, keychain), else asked for and kept for this run."""
    token = typed_token(ctx, connect.TOKEN_NAME, tr("Cli", "Evotor token (from the Evotor cabinet, app Settings tab): "))
    if token:
        ctx.secrets.set(connect.TOKEN_NAME, token, session_only=True)
    return token


def cmd_connect(args) -> int:
    async def job(ctx: AppContext) -> int:
        token = _ensure_token(ctx)  # a typed token is saved in the keychain once it is verified
        result = await connect_account(connect.connect_evotor, ctx, token)
        for s in result.stores:
            print(f"{s.id}\t{s.name}\t{s.address or ''}")
        if result.token_storage == "session":
            say(tr("Cli", "The token was not saved: set STOCKDESK_EVOTOR_TOKEN for the next commands."))
        return OK
    return run_job(args, job)


def cmd_reconstruct(args) -> int:
    async def job(ctx: AppContext) -> int:
        _ensure_token(ctx)
        printer = ProgressPrinter()
        try:
            summary = await reconstruct.reconstruct(ctx, args.store, printer)
        finally:
            printer.close()
        if args.json:
            print_json(summary.to_json())
        else:
            for s in summary.stores:
                print(tr("Cli", "{name}: {resolved} of {products} products resolved, {unresolved} need review, "
                                "{documents} documents read").format(
                    name=s.name, resolved=s.resolved, products=s.products, unresolved=s.unresolved,
                    documents=s.documents_read))
                _explain(s)
        return OK
    return run_job(args, job)


def _explain(s: reconstruct.StoreSummary) -> None:
    """What the documents could not tell, so the owner knows how far to trust the numbers."""
    if s.unknown_types:
        say(tr("Cli", "  Documents of types StockDesk does not know (not applied): {types}").format(
            types=", ".join(f"{t} ×{n}" for t, n in sorted(s.unknown_types.items()))))
    if s.mismatched_products:
        say(tr("Cli", "  {n} products have documents that disagree with each other (stock edited outside the "
                      "terminals, or documents missing); the newest document was used.").format(n=s.mismatched_products))
    for klass, verdict in sorted(s.learned.items()):
        if verdict is None:
            text = tr("Cli", "  Receipts “{kind}”: this shop's history does not show whether they move stock; "
                             "products whose last document is one are left for review.")
        else:
            text = tr("Cli", "  Receipts “{kind}”: this shop's history shows they {verdict} stock.")
        say(text.format(kind=klass.split(":", 1)[-1],
                        verdict=tr("Cli", "move") if verdict == "moves" else tr("Cli", "do not move")))


def cmd_unresolved(args) -> int:
    async def job(ctx: AppContext) -> int:
        items = review.review_items(ctx)
        if args.json:
            print_json([{**asdict(i), "cloud_value": json_qty(i.cloud_value), "suggested": json_qty(i.suggested),
                         "manual_value": json_qty(i.manual_value), "before_value": json_qty(i.before_value)} for i in items])
        else:
            for i in items:
                decided = f"{i.action} {format_qty(i.manual_value)}".strip() if i.action else ""
                print(f"{i.store_id}\t{i.product_id}\t{i.name}\t{i.reason}\t{decided}")
        return OK
    return run_job(args, job)


def cmd_set(args) -> int:
    async def job(ctx: AppContext) -> int:
        product = next(ctx.db["products"].rows_where("store_id = ? AND id = ?", [args.store_id, args.product_id]), None)
        if product is None:
            say(tr("Errors", "Product {product} is not in store {store}.").format(product=args.product_id, store=args.store_id))
            return USAGE
        milli = review.parse_owner_value(args.quantity, measure_name=product["measure_name"], name=product["name"])
        review.set_manual(ctx, args.store_id, args.product_id, value_milli=milli, by="cli")
        return OK
    return run_job(args, job)


def cmd_push(args) -> int:
    async def job(ctx: AppContext) -> int:
        _ensure_token(ctx)
        plan = await push.plan_push(ctx)  # never writes: a dry run ends after it
        if args.json and args.dry_run:
            print_json({"changes": [{**asdict(i), "old_value": json_qty(i.old_value), "new_value": json_qty(i.new_value)}
                                    for i in plan.items],
                        "unchanged": plan.unchanged, "unresolved": plan.unresolved,
                        "interrupted": asdict(plan.interrupted) if plan.interrupted else None})
        elif not args.json:
            _say_interrupted(plan.interrupted)
            for i in plan.items:
                print(f"{i.store_id}\t{i.product_id}\t{i.name}\t{format_qty(i.old_value)} -> {format_qty(i.new_value)}")
            say(tr("Cli", "{changes} to send, {unchanged} already right, {unresolved} without a value (not sent).").format(
                changes=len(plan.items), unchanged=plan.unchanged, unresolved=plan.unresolved))
        if args.dry_run or not (plan.items or plan.interrupted):
            return OK
        if plan.items:
            stop = stop_unless_confirmed(
                args, tr("Cli", "Send {n} balances to the Evotor cloud? [y/N] ").format(n=len(plan.items)),
                tr("Cli", "Refusing to push without confirmation: add --yes."))
            if stop is not None:
                return stop
        printer = ProgressPrinter()
        try:
            result = await push.push(ctx, plan, printer)  # with no items, it only closes the interrupted push
        finally:
            printer.close()
        if args.json:
            print_json({"run_id": result.run_id, "ok": result.ok, "ok_total": result.ok_total, "skipped": len(result.skipped),
                        "failed": [{"store_id": i.store_id, "product_id": i.product_id, "error": e} for i, e in result.failed]})
        else:
            for item, error in result.failed:
                say(f"{item.name}: {error}")
            print(tr("Cli", "{ok} sent, {failed} failed.").format(ok=result.ok, failed=len(result.failed)))
            if result.skipped:
                say(tr("Cli", "{n} not sent: by now the cloud already held them, or their value was withdrawn.").format(
                    n=len(result.skipped)))
            if plan.interrupted and result.ok_total != result.ok:
                say(tr("Cli", "With the interrupted push: {n} sent in all.").format(n=result.ok_total))
        return FAILED if result.failed else OK
    return run_job(args, job)


def _say_interrupted(interrupted: push.Interrupted | None) -> None:
    if interrupted:
        say(tr("Cli", "The push started {at} was interrupted after {sent} of {planned}. The list below is what "
                      "finishing it sends now, at today's values.").format(
            at=to_minute(interrupted.started_at), sent=interrupted.sent, planned=interrupted.planned))


def cmd_accept_cloud(args) -> int:
    async def job(ctx: AppContext) -> int:
        _ensure_token(ctx)
        stop = stop_unless_confirmed(
            args, tr("Cli", "Make the cloud's value the owner's value and send it to the Evotor cloud? [y/N] "),
            tr("Cli", "Refusing to push without confirmation: add --yes."))
        if stop is not None:
            return stop
        result = await keep_in_step.accept_cloud(ctx, args.store_id, args.product_id)
        for item, error in result.failed:
            say(f"{item.name}: {error}")
        print(tr("Cli", "{ok} sent, {failed} failed.").format(ok=result.ok, failed=len(result.failed)))
        return FAILED if result.failed else OK
    return run_job(args, job)
