"""Stock push pacing: N PATCHes through EvotorClient to a sandbox limited to R requests/s, once per way a
cloud may count and announce its limit (stockdesk.sandbox.rate_limits), beside a plain reference.

The sandbox runs in its own process. N requests at R/s cannot take less than N/R s (the floor). The
reference is a client that is told the true rate and starts one request every 1/R s (the best a
client can do without learning); StockDesk is told nothing and must find the rate from the answers.
Target: StockDesk within 1.15 x the floor and under 5 % of its requests answered 429, in every style.

    python benchmarks/evotor_push.py [--patches 1000] [--rps 50] [--concurrency 4] [--style STYLE ...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time

import httpx

from stockdesk.evotor import EvotorClient
from stockdesk.evotor.client import MEDIA_TYPE
from stockdesk.sandbox.evotor_shop import ShopSpec
from stockdesk.sandbox.rate_limits import STYLES
from stockdesk.sandbox.runner import start_in_process

BENCH_STYLES = ("bucket", "window-seconds", "window-epoch", "retry-after", "none", "sandbox")


async def stockdesk_push(url: str, token: str, targets: list[tuple[str, str]], concurrency: int) -> tuple[float, dict]:
    async with EvotorClient(token, url, max_concurrency=concurrency) as client:
        queue = iter(enumerate(targets))

        async def worker() -> None:  # as jobs.push sends: a few workers, one request each at a time
            for n, (store_id, product_id) in queue:
                await client.patch_quantity(store_id, product_id, 1000 + n * 250)

        t0 = time.perf_counter()
        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(worker())
        return time.perf_counter() - t0, client.stats


async def reference_push(url: str, token: str, targets: list[tuple[str, str]], rps: float) -> tuple[float, dict]:
    """Told the rate: one start every 1/rps s; a refused request is sent again in the next slot."""
    headers = {"Authorization": f"Bearer {token}", "Accept": MEDIA_TYPE, "Content-Type": MEDIA_TYPE}
    stats = {"requests": 0, "throttled": 0}
    async with httpx.AsyncClient(base_url=url, headers=headers, limits=httpx.Limits(max_connections=32)) as http:
        pending = list(enumerate(targets))
        t0 = time.perf_counter()
        tick = 0

        async def send(n: int, store_id: str, product_id: str) -> None:
            stats["requests"] += 1
            body = json.dumps({"quantity": 1 + n / 4}).encode()
            response = await http.patch(f"/stores/{store_id}/products/{product_id}", content=body)
            if response.status_code == 429:
                stats["throttled"] += 1
                pending.append((n, (store_id, product_id)))

        tasks = set()
        while pending or tasks:
            if pending:
                n, (store_id, product_id) = pending.pop(0)
                tasks.add(asyncio.create_task(send(n, store_id, product_id)))
            tick += 1
            await asyncio.sleep(max(0.0, t0 + tick / rps - time.perf_counter()))
            tasks = {t for t in tasks if not t.done()}
        return time.perf_counter() - t0, stats


def run_style(style: str, args: argparse.Namespace, client: str) -> tuple[float, dict]:
    spec = ShopSpec(seed=5, stores=1, products_per_store=args.patches + 60, documents_per_store=200, months=1)
    sandbox = start_in_process(spec, rate_limit_rps=args.rps, rate_limit_style=style)
    try:
        store = sandbox.shop.stores[0]
        stocked = [p["id"] for p in store.products if p["type"] != "SERVICE"]
        targets = [(store.id, stocked[n % len(stocked)]) for n in range(args.patches)]
        if client == "reference":
            return asyncio.run(reference_push(sandbox.url, sandbox.token, targets, args.rps))
        return asyncio.run(stockdesk_push(sandbox.url, sandbox.token, targets, args.concurrency))
    finally:
        sandbox.stop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patches", type=int, default=1000)
    parser.add_argument("--rps", type=float, default=50)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--style", action="append", choices=STYLES, help="only these (default: all)")
    args = parser.parse_args()

    floor = args.patches / args.rps
    print(f"patches: {args.patches}  limit: {args.rps:g}/s  floor: {floor:.1f} s  concurrency: {args.concurrency}")
    print(f"{'style':16} {'client':10} {'elapsed s':>9} {'x floor':>8} {'requests':>8} {'429s':>5} {'429 %':>6} {'rate/s':>7}")
    worst = 0.0
    for style in args.style or BENCH_STYLES:
        for client in ("reference", "stockdesk"):
            elapsed, stats = run_style(style, args, client)
            share = stats["throttled"] / max(1, stats["requests"])
            print(f"{style:16} {client:10} {elapsed:9.2f} {elapsed / floor:8.3f} {stats['requests']:8} "
                  f"{stats['throttled']:5} {share:6.1%} {args.patches / elapsed:7.1f}", flush=True)
            if client == "stockdesk":
                worst = max(worst, elapsed / floor)
    print(f"worst StockDesk ratio: {worst:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
