"""`stockdesk imshop ...`: the availability webhook, the availability feed and their configuration."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import signal
import sys
from dataclasses import asdict

from stockdesk.cli.common import FAILED, OK, USAGE, print_json, run_job, say
from stockdesk.context import AppContext
from stockdesk.i18n import tr
from stockdesk.imshop import OFFER_FIELDS, Warehouse, write_feed
from stockdesk.imshop.config import KEY_NAME
from stockdesk.jobs import imshop


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("imshop", help="IMSHOP.IO: live availability webhook and availability feed")
    cmds = top.add_subparsers(dest="imshop_command", metavar="ACTION", required=True)

    p = cmds.add_parser("serve", help="run the availability webhook until Ctrl-C")
    p.add_argument("--host", help="address to listen on (default: configured, else 127.0.0.1)")
    p.add_argument("--port", type=int, help="port to listen on (default: configured, else 8787)")
    p.set_defaults(handler=cmd_serve)

    p = cmds.add_parser("feed", help="write the availability feed (XML) to FILE")
    p.add_argument("file")
    p.set_defaults(handler=cmd_feed)

    p = cmds.add_parser("key", help="keep the IMSHOP key in the keychain (asked with a hidden prompt)")
    p.add_argument("--clear", action="store_true", help="forget the stored key (closes the webhook)")
    p.set_defaults(handler=cmd_key)

    p = cmds.add_parser("config", help="show or change settings; shows how offers map to products")
    p.add_argument("--offer-field", choices=list(OFFER_FIELDS), help="product field that is the YML offer id")
    p.add_argument("--price", choices=["on", "off"], help="send the store's price with each row")
    p.add_argument("--host", help="address `serve` and the window listen on")
    p.add_argument("--port", type=int, help="port `serve` and the window listen on")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_config)

    warehouse = cmds.add_parser("warehouse", help="IMSHOP warehouses (shops) and the Evotor store of each")
    wcmds = warehouse.add_subparsers(dest="warehouse_command", metavar="ACTION", required=True)
    p = wcmds.add_parser("add", help="add a warehouse (or change one with --replace)")
    p.add_argument("warehouse_id", help="the warehouseId IMSHOP knows it by")
    p.add_argument("--store", required=True, help="Evotor store id whose balances it shows")
    p.add_argument("--name", required=True)
    p.add_argument("--city", required=True)
    p.add_argument("--address", default="")
    p.add_argument("--lat", type=float)
    p.add_argument("--lon", type=float)
    p.add_argument("--online", action="store_true", help="an online-shop warehouse that delivers to other cities")
    p.add_argument("--delivers-to", action="append", default=[], metavar="CITY",
                   help="online only: a city it delivers to (repeatable; none: every city)")
    p.add_argument("--subway")
    p.add_argument("--mall")
    p.add_argument("--public", choices=["yes", "no"], help="show on the card and map (IMSHOP's default: yes)")
    p.add_argument("--replace", action="store_true", help="change the warehouse if it exists")
    p.set_defaults(handler=cmd_warehouse_add)
    p = wcmds.add_parser("list", help="list warehouses")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_warehouse_list)
    p = wcmds.add_parser("remove", help="remove a warehouse")
    p.add_argument("warehouse_id")
    p.set_defaults(handler=cmd_warehouse_remove)

    offer = cmds.add_parser("offer", help="offer ids the offer field does not give (overrides)")
    ocmds = offer.add_subparsers(dest="offer_command", metavar="ACTION", required=True)
    p = ocmds.add_parser("set", help="offer OFFER_ID is this product in this store")
    p.add_argument("offer_id")
    p.add_argument("--store", required=True)
    p.add_argument("--product", required=True)
    p.set_defaults(handler=cmd_offer_set)
    p = ocmds.add_parser("remove", help="forget an override")
    p.add_argument("offer_id")
    p.add_argument("--store", help="only in this store")
    p.set_defaults(handler=cmd_offer_remove)
    p = ocmds.add_parser("list", help="list overrides")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_offer_list)


def cmd_serve(args) -> int:
    async def job(ctx: AppContext) -> int:
        if not ctx.secrets.get(KEY_NAME):
            say(tr("Cli", "No IMSHOP key yet: run `stockdesk imshop key` first."))
            return USAGE
        if not imshop.list_warehouses(ctx.db):
            say(tr("Cli", "No IMSHOP warehouses yet: every answer will be empty (`stockdesk imshop warehouse add`)."))
        server = imshop.availability_server(ctx, host=args.host, port=args.port)
        stop = asyncio.Event()
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        except (NotImplementedError, AttributeError, RuntimeError):  # Windows: Ctrl-C only
            pass
        url = await server.start()
        print(url, flush=True)
        say(tr("Cli", "IMSHOP availability webhook at {url}. Press Ctrl-C to stop.").format(url=url))
        try:
            await stop.wait()
        except asyncio.CancelledError:  # Ctrl-C: asyncio.run cancels us; a clean stop, not a failure
            pass
        finally:
            await server.stop()
        say(tr("Cli", "Stopped: {answered}, {rejected}.").format(
            answered=tr("Cli", "%n request(s) answered", server.status.requests_served),
            rejected=tr("Cli", "%n rejected", server.status.requests_rejected)))
        return OK
    return run_job(args, job)


def cmd_feed(args) -> int:
    async def job(ctx: AppContext) -> int:
        try:
            result = write_feed(ctx.db, args.file)
        except OSError as exc:
            say(tr("Errors", "Cannot write {file}: {error}").format(file=args.file, error=exc.strerror or exc))
            return FAILED
        say(tr("Cli", "Wrote {outlets} and {rows} to {file}.").format(
            outlets=tr("Cli", "%n warehouse(s)", result.outlets),
            rows=tr("Cli", "%n availability row(s)", result.products), file=result.path))
        return OK
    return run_job(args, job)


def _read_key() -> str:
    if sys.stdin.isatty():
        return getpass.getpass(tr("Cli", "IMSHOP key (from your IMSHOP manager): "))
    return sys.stdin.readline()


def cmd_key(args) -> int:
    async def job(ctx: AppContext) -> int:
        if args.clear:
            ctx.secrets.delete(KEY_NAME)
            say(tr("Cli", "The IMSHOP key is forgotten: the webhook answers 401 to everything."))
            return OK
        if imshop.save_key(ctx.secrets, _read_key()) != "keychain":
            say(tr("Cli", "This computer has no keychain, so the key was not saved: "
                          "set STOCKDESK_IMSHOP_TOKEN instead."))
            return FAILED
        say(tr("Cli", "The IMSHOP key is saved in the keychain."))
        return OK
    return run_job(args, job)


def cmd_config(args) -> int:
    async def job(ctx: AppContext) -> int:
        if args.offer_field:
            imshop.set_offer_field(ctx.db, args.offer_field)
        if args.price:
            imshop.set_send_price(ctx.db, args.price == "on")
        if args.host or args.port:
            current = imshop.settings(ctx.db)
            imshop.set_listen_address(ctx.db, args.host or current.host, args.port or current.port)
        current = imshop.settings(ctx.db)
        mapping = imshop.mapping_summary(ctx.db)
        if args.json:
            print_json({"settings": asdict(current), "key": ctx.secrets.source(KEY_NAME),
                        "warehouses": [{"warehouseId": m.warehouse.warehouse_id, "offers": m.offers,
                                        "unknown": list(m.unknown), "ambiguous": list(m.ambiguous)}
                                       for m in mapping]})
            return OK
        print(tr("Cli", "Offer id field: {field}; prices sent: {price}; listens on {host}:{port}; key: {key}").format(
            field=current.offer_field, price=tr("Cli", "yes") if current.send_price else tr("Cli", "no"),
            host=current.host, port=current.port, key=ctx.secrets.source(KEY_NAME) or tr("Cli", "none")))
        for m in mapping:
            print(f"{m.warehouse.warehouse_id}: " + ", ".join([
                tr("Cli", "%n offer(s)", m.offers),
                tr("Cli", "%n with unknown stock (not sent)", len(m.unknown)),
                tr("Cli", "%n shared by several products (not sent until an override says which)",
                   len(m.ambiguous))]))
            if m.ambiguous:
                print("  " + ", ".join(m.ambiguous[:20]))
        return OK
    return run_job(args, job)


def cmd_warehouse_add(args) -> int:
    async def job(ctx: AppContext) -> int:
        warehouse = Warehouse(
            warehouse_id=args.warehouse_id, store_id=args.store, name=args.name, city=args.city,
            address=args.address, lat=args.lat, lon=args.lon, online=args.online,
            delivery_cities=tuple(args.delivers_to), subway=args.subway, mall=args.mall,
            public=None if args.public is None else args.public == "yes")
        imshop.save_warehouse(ctx.db, warehouse, replace_existing=args.replace)
        return OK
    return run_job(args, job)


def cmd_warehouse_list(args) -> int:
    async def job(ctx: AppContext) -> int:
        warehouses = imshop.list_warehouses(ctx.db)
        if args.json:
            print_json([asdict(w) for w in warehouses])
            return OK
        for w in warehouses:
            online = tr("Cli", "online") if w.online else ""
            print("\t".join([w.warehouse_id, w.store_id, w.name, w.city, w.address, online]))
        return OK
    return run_job(args, job)


def cmd_warehouse_remove(args) -> int:
    async def job(ctx: AppContext) -> int:
        if not imshop.remove_warehouse(ctx.db, args.warehouse_id):
            say(tr("Cli", "There is no IMSHOP warehouse {warehouse}.").format(warehouse=args.warehouse_id))
            return USAGE
        return OK
    return run_job(args, job)


def cmd_offer_set(args) -> int:
    async def job(ctx: AppContext) -> int:
        imshop.set_override(ctx.db, args.offer_id, args.store, args.product)
        return OK
    return run_job(args, job)


def cmd_offer_remove(args) -> int:
    async def job(ctx: AppContext) -> int:
        if not imshop.remove_override(ctx.db, args.offer_id, args.store):
            say(tr("Cli", "There is no override for offer {offer}.").format(offer=args.offer_id))
            return USAGE
        return OK
    return run_job(args, job)


def cmd_offer_list(args) -> int:
    async def job(ctx: AppContext) -> int:
        overrides = imshop.list_overrides(ctx.db)
        if args.json:
            print_json([asdict(o) for o in overrides])
            return OK
        for o in overrides:
            print("\t".join([o.offer_id, o.store_id, o.product_id]))
        return OK
    return run_job(args, job)
