"""`stockdesk imshop ...` end to end: configuration commands in process, `serve` as a real process."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import aiohttp
import pytest

from stockdesk import cli
from stockdesk.cli import imshop as imshop_cli

from .conftest import KEY, MSK

# The lead wires the module into COMMAND_MODULES; until then the tests add it themselves.
RUN_CLI = ("import sys; from stockdesk import cli; from stockdesk.cli import imshop; "
           "cli.COMMAND_MODULES.append(imshop) if imshop not in cli.COMMAND_MODULES else None; "
           "sys.exit(cli.main(sys.argv[1:]))")


@pytest.fixture
def run(db_path, monkeypatch, capsys):
    if imshop_cli not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", [*cli.COMMAND_MODULES, imshop_cli])

    def run_cli(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["--data-dir", str(db_path.parent), "imshop", *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return run_cli


def test_warehouse_commands(run):
    code, _, _ = run("warehouse", "add", "9", "--store", MSK, "--name", "Киоск", "--city", "Тверь",
                     "--lat", "56.85", "--lon", "35.9", "--public", "no")
    assert code == 0
    code, out, _ = run("warehouse", "list", "--json")
    kiosk = [w for w in json.loads(out) if w["warehouse_id"] == "9"][0]
    assert (kiosk["city"], kiosk["lat"], kiosk["public"]) == ("Тверь", 56.85, False)
    code, _, err = run("warehouse", "add", "9", "--store", MSK, "--name", "Киоск", "--city", "Тверь")
    assert code == 2 and "already exists" in err
    assert run("warehouse", "add", "9", "--store", MSK, "--name", "К", "--city", "Т", "--replace")[0] == 0
    assert run("warehouse", "add", "8", "--store", "nope", "--name", "К", "--city", "Т")[0] == 2
    assert run("warehouse", "remove", "9")[0] == 0
    assert run("warehouse", "remove", "9")[0] == 2


def test_config_and_offer_commands(run):
    code, out, _ = run("config", "--offer-field", "barcode", "--price", "on", "--port", "9100")
    assert code == 0 and "barcode" in out and "9100" in out
    assert run("offer", "set", "X-1", "--store", MSK, "--product", "p1")[0] == 0
    assert run("offer", "set", "X-2", "--store", MSK, "--product", "svc")[0] == 2
    code, out, _ = run("offer", "list")
    assert out.split() == ["X-1", MSK, "p1"]
    code, out, _ = run("config", "--json")
    data = json.loads(out)
    assert data["settings"]["offer_field"] == "barcode" and data["settings"]["send_price"] is True
    assert data["key"] is None
    assert {w["warehouseId"]: w["offers"] for w in data["warehouses"]} == {"1": 2, "web": 2, "spb": 0}
    assert run("offer", "remove", "X-1")[0] == 0 and run("offer", "remove", "X-1")[0] == 2


def test_feed_command(run, tmp_path):
    code, _, err = run("feed", str(tmp_path / "out.xml"))
    assert code == 0 and "3 warehouses" in err
    assert len(ET.parse(tmp_path / "out.xml").getroot().find("availability")) == 7
    code, _, err = run("feed", str(tmp_path / "missing-dir" / "out.xml"))
    assert code == 1 and err.strip()


def test_key_command(run, monkeypatch, memory_keyring):
    monkeypatch.setattr(sys, "stdin", io.StringIO("the-key\n"))
    assert run("key")[0] == 0
    assert memory_keyring.passwords[("StockDesk", "imshop")] == "the-key"
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    assert run("key")[0] == 2
    assert run("key", "--clear")[0] == 0
    assert ("StockDesk", "imshop") not in memory_keyring.passwords


def test_serve_without_key_is_a_setup_error(run):
    code, _, err = run("serve", "--port", "0")
    assert code == 2 and "imshop key" in err


@pytest.mark.asyncio
@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
async def test_serve_until_ctrl_c(db_path):
    env = {**os.environ, "STOCKDESK_IMSHOP_TOKEN": KEY, "STOCKDESK_LANG": "en"}
    proc = subprocess.Popen([sys.executable, "-c", RUN_CLI, "--data-dir", str(db_path.parent),
                             "imshop", "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=Path(__file__).resolve().parents[2])
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), proc.stderr.read() if not url else url
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json={"city": "Москва", "configurationIds": ["100"], "warehouseId": "1"},
                                 headers={"Authorization": f"Bearer {KEY}"}) as resp:
                assert resp.status == 200
                assert (await resp.json())["availability"] == [{"id": "100", "warehouseId": "1", "quantity": 10}]
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "1 request answered" in err
