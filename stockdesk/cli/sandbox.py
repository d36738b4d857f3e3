"""`stockdesk sandbox`: run the local Evotor cloud with the demo shop in the foreground."""

from __future__ import annotations

import argparse
import asyncio
import sys

from stockdesk.sandbox.evotor_shop import ShopSpec
from stockdesk.sandbox.rate_limits import STYLES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sandbox", help="run a local Evotor cloud with the demo shop until Ctrl-C",
        description="Serve a generated demo shop through a local stand-in for the Evotor cloud API V2. "
                    "Prints its URL and token; point StockDesk at it with STOCKDESK_EVOTOR_URL.")
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (default: any free port)")
    parser.add_argument("--seed", type=int, default=ShopSpec.seed, help="demo shop seed (default: %(default)s)")
    parser.add_argument("--rate-limit", type=float, metavar="RPS", default=None,
                        help="requests per second allowed per token (default: unlimited)")
    parser.add_argument("--rate-limit-style", choices=STYLES, default="sandbox",
                        help="how the limit counts and its headers read (see stockdesk.sandbox.rate_limits)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from stockdesk.sandbox.runner import serve_forever

    if args.rate_limit is not None and args.rate_limit <= 0:
        print("stockdesk sandbox: --rate-limit must be positive", file=sys.stderr)
        return 2

    def ready(url: str, token: str) -> None:
        print(f"url: {url}", flush=True)
        print(f"token: {token}", flush=True)

    try:
        asyncio.run(serve_forever(ShopSpec(seed=args.seed), "127.0.0.1", args.port,
                                  on_ready=ready, rate_limit_rps=args.rate_limit,
                                  rate_limit_style=args.rate_limit_style))
    except KeyboardInterrupt:
        pass
    except OSError as exc:  # e.g. the port is taken
        print(f"stockdesk sandbox: {exc}", file=sys.stderr)
        return 1
    return 0
