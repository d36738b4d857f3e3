"""Starting the sandbox: in the test's event loop, in a thread, in a spawned process, from the CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import httpx
import pytest

from stockdesk.sandbox import DEMO_TOKEN, EvotorSandbox, ShopSpec, start_in_process, start_in_thread

from .conftest import NOW_MS, V2, api_client

SMALL = ShopSpec(seed=3, stores=1, products_per_store=60, documents_per_store=800, months=12, now_ms=NOW_MS)


@pytest.mark.asyncio
async def test_in_the_running_loop(demo_shop):
    server = EvotorSandbox(demo_shop, page_size=10)
    url = await server.start()
    try:
        async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {demo_shop.token}",
                                                            "Accept": V2}) as client:
            page = (await client.get(f"/stores/{demo_shop.stores[0].id}/documents")).json()
            assert len(page["items"]) == 10 and page["paging"]["next_cursor"]
        assert server.request_count == 1 and server.status_counts[200] == 1
    finally:
        await server.stop()


def test_thread_mode_stops_cleanly():
    with start_in_thread(SMALL) as sandbox:
        assert sandbox.token == DEMO_TOKEN
        with api_client(sandbox) as client:
            assert client.get("/stores").json()["items"][0]["id"] == sandbox.shop.stores[0].id
        url = sandbox.url
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/stores", timeout=2)


def test_process_mode_serves_the_same_shop():
    sandbox = start_in_process(SMALL, page_size=300)
    try:
        assert sandbox.server is None
        with api_client(sandbox) as client:
            store = client.get("/stores").json()["items"][0]
            page = client.get(f"/stores/{store['id']}/documents").json()
        assert store["id"] == sandbox.shop.stores[0].id
        assert len(page["items"]) == 300
        assert {d["id"] for d in page["items"]} <= {d["id"] for d in sandbox.shop.stores[0].documents}
    finally:
        sandbox.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{sandbox.url}/stores", timeout=2)


def test_cli_prints_url_and_token_and_stops_on_ctrl_c():
    script = textwrap.dedent("""
        import argparse, sys
        from stockdesk.cli import sandbox
        parser = argparse.ArgumentParser(prog="stockdesk")
        sandbox.register(parser.add_subparsers(dest="command"))
        args = parser.parse_args(sys.argv[1:])
        sys.exit(args.handler(args))
    """)
    process = subprocess.Popen([sys.executable, "-c", script, "sandbox", "--seed", "3", "--rate-limit", "50"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        url_line = process.stdout.readline().strip()
        token_line = process.stdout.readline().strip()
        assert url_line.startswith("url: http://127.0.0.1:") and token_line == f"token: {DEMO_TOKEN}"
        url = url_line.removeprefix("url: ")
        response = httpx.get(f"{url}/stores", headers={"Authorization": f"Bearer {DEMO_TOKEN}", "Accept": V2})
        assert response.status_code == 200 and len(response.json()["items"]) == 2
        assert response.headers["X-RateLimit-Limit"] == "50"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
