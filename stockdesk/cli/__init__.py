"""The `stockdesk` command: the window by default, subcommands for scripts and tests.

Exit codes: 0 success; 1 an operation failed (one clear line on stderr); 2 bad usage or setup.
"""

from __future__ import annotations

import argparse
import sys

from stockdesk import __version__, i18n
from stockdesk.cli import evotor, imshop, moysklad, sandbox, smoke, sync, yandex

COMMAND_MODULES = [evotor, yandex, moysklad, imshop, sync, sandbox, smoke]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="stockdesk", description="StockDesk: Evotor stock, rebuilt and kept in step.")
    parser.add_argument("--version", action="version", version=f"StockDesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where StockDesk keeps its database (default: per-user data directory; or STOCKDESK_DATA_DIR)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="language of messages (default: the system's)")
    parser.add_argument("--demo", action="store_true", help="open the window on the built-in demo shop (nothing real is touched)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    i18n.set_language(args.lang)
    if args.command is None:
        from stockdesk.ui.app import run_gui

        return run_gui(data_dir=args.data_dir, demo=args.demo, lang=args.lang)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
