"""`stockdesk yandex ...` and `stockdesk moysklad ...`: exit codes, --json, confirmation rules."""

from __future__ import annotations

import argparse
import json

import pytest

from stockdesk.cli import moysklad as moysklad_cli
from stockdesk.cli import yandex as yandex_cli
from stockdesk.sandbox.moysklad_server import MoySkladSandbox
from stockdesk.sandbox.yandex_server import YandexSandbox

from .conftest import MS_TOKEN, STORE, YANDEX_KEY, ThreadedSandbox, add_product


def run(ctx, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="stockdesk")
    parser.add_argument("--data-dir")
    sub = parser.add_subparsers(dest="command")
    yandex_cli.register(sub)
    moysklad_cli.register(sub)
    args = parser.parse_args(["--data-dir", str(ctx.data_dir), *argv])
    return args.handler(args)


@pytest.fixture
def yandex_shop(ctx, monkeypatch):
    add_product(ctx, "p1", "Молоко", article="MILK", qty=5000)
    add_product(ctx, "p2", "Хлеб", article="BREAD", qty=-1000)
    with ThreadedSandbox(YandexSandbox(api_key=YANDEX_KEY, skus=["MILK", "BREAD", "OTHER"])) as sandbox:
        monkeypatch.setenv("STOCKDESK_YANDEX_URL", sandbox.url)
        monkeypatch.setenv("STOCKDESK_YANDEX_TOKEN", YANDEX_KEY)
        yield sandbox


def out_json(capsys):
    return json.loads(capsys.readouterr().out)


def test_yandex_connect_match_and_push(ctx, yandex_shop, capsys):
    assert run(ctx, "yandex", "connect", "--campaign", "2001", "--json") == 0
    data = out_json(capsys)
    assert data["config"]["mode"] == "business" and data["token_storage"] == "env"
    assert data["matching"] == {"auto": 2, "ambiguous": 0, "unmatched": 1, "manual": 0}

    assert run(ctx, "yandex", "push", "--yes") == 2          # switched off: a setup problem
    assert "switched off" in capsys.readouterr().err

    assert run(ctx, "yandex", "connect", "--enable") == 0
    capsys.readouterr()
    assert run(ctx, "yandex", "push", "--dry-run", "--json") == 0
    preview = out_json(capsys)
    assert [(ln["sku"], ln["count"], ln["clamped"]) for ln in preview["lines"]] == [("BREAD", 0, True), ("MILK", 5, False)]
    assert preview["unmatched"] == 1 and yandex_shop.pushes == []

    assert run(ctx, "yandex", "push") == 2                   # no terminal, no --yes: refuse
    assert "--yes" in capsys.readouterr().err and yandex_shop.pushes == []

    assert run(ctx, "yandex", "push", "--yes", "--json") == 0
    result = out_json(capsys)
    assert result["ok"] == 2 and result["clamped"] == ["BREAD"]
    assert yandex_shop.count("MILK", 501) == 5

    # The owner says OTHER is the milk: MILK's automatic match gives way and is no longer sent.
    assert run(ctx, "yandex", "match", "--set", "OTHER", "p1", "--json") == 0
    items = {i["target"]: i["status"] for i in out_json(capsys)["items"]}
    assert items == {"MILK": "ambiguous", "BREAD": "auto", "OTHER": "manual"}
    assert run(ctx, "yandex", "push", "--dry-run", "--json") == 0
    assert [ln["sku"] for ln in out_json(capsys)["lines"]] == ["BREAD", "OTHER"]


def test_yandex_push_with_failures_exits_1(ctx, yandex_shop, capsys):
    assert run(ctx, "yandex", "connect", "--campaign", "2001", "--enable") == 0
    yandex_shop.catalog.remove("MILK")
    assert run(ctx, "yandex", "push", "--yes") == 1
    captured = capsys.readouterr()
    assert "MILK" in captured.err and "1 sent, 1 failed." in captured.out


def test_yandex_match_by_hand(ctx, yandex_shop, capsys):
    assert run(ctx, "yandex", "connect", "--campaign", "2001") == 0
    capsys.readouterr()
    add_product(ctx, "p3", "Сок", qty=1000)
    assert run(ctx, "yandex", "match", "--set", "OTHER", "p3", "--json") == 0
    items = {i["target"]: (i["status"], i["product_id"]) for i in out_json(capsys)["items"]}
    assert items["OTHER"] == ("manual", "p3")
    assert run(ctx, "yandex", "match", "--set", "OTHER", "ghost") == 2


def test_yandex_push_before_connect_is_a_setup_error(ctx, capsys):
    assert run(ctx, "yandex", "push", "--dry-run") == 2
    assert "connect it first" in capsys.readouterr().err


@pytest.fixture
def moysklad_shop(ctx, monkeypatch):
    add_product(ctx, "p1", "Молоко", article="MILK", qty=5000)
    sandbox = MoySkladSandbox(token=MS_TOKEN)
    store = sandbox.add_store("Склад")
    sandbox.set_stock(sandbox.add_item("Молоко", article="MILK"), store, stock=8)
    with ThreadedSandbox(sandbox):
        monkeypatch.setenv("STOCKDESK_MOYSKLAD_URL", sandbox.url)
        monkeypatch.setenv("STOCKDESK_MOYSKLAD_TOKEN", MS_TOKEN)
        yield sandbox


def test_moysklad_connect_import_compare_accept(ctx, moysklad_shop, capsys):
    assert run(ctx, "moysklad", "connect", "--login", "x") == 2      # revoking needs explicit consent
    assert "--revoke-other-tokens" in capsys.readouterr().err and moysklad_shop.tokens_issued == 0
    assert run(ctx, "moysklad", "connect", "--stock-type", "freeStock", "--json") == 0
    assert out_json(capsys)["stores"][0]["store_id"] == STORE
    assert run(ctx, "moysklad", "import", "--json") == 0
    assert out_json(capsys)["kind"] == "full"
    assert run(ctx, "moysklad", "compare", "--json") == 0
    diffs = out_json(capsys)["differences"]
    assert [(d["product_id"], d["evotor_value"], d["moysklad_value"]) for d in diffs] == [("p1", 5, 8)]
    assert run(ctx, "moysklad", "compare", "--accept", "all") == 2    # no terminal, no --yes
    capsys.readouterr()
    assert run(ctx, "moysklad", "compare", "--accept", "p1", "--yes", "--json") == 0
    assert out_json(capsys) == {"accepted": 1, "failed": []}
    row = ctx.db["manual_values"].get((STORE, "p1"))
    assert (row["value"], row["by"]) == (8000, "moysklad")
