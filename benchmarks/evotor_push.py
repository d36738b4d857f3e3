"""Stock push throughput: 1,000 PATCHes through EvotorClient to a sandbox limited to 50 requests/s.

The sandbox runs in its own process (a token bucket: 50 tokens/s, burst 50). 1,000 requests at
50/s cannot take less than ~20 s (the floor); the target is <= 23 s with few 429s — the client
should settle at the allowed rate, not hammer the server or sleep in long backoffs.

    python benchmarks/evotor_push.py [--patches 1000] [--rps 50] [--concurrency 4] [--retry-after]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

from stockdesk.evotor import EvotorClient
from stockdesk.sandbox.evotor_shop import ShopSpec
from stockdesk.sandbox.runner import start_in_process


async def push(url: str, token: str, targets: list[tuple[str, str]], concurrency: int) -> tuple[float, dict]:
    async with EvotorClient(token, url, max_concurrency=concurrency) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(client.patch_quantity(store_id, product_id, 1000 + n * 250)
                               for n, (store_id, product_id) in enumerate(targets)))
        return time.perf_counter() - t0, client.stats


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patches", type=int, default=1000)
    parser.add_argument("--rps", type=float, default=50)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--retry-after", action="store_true", help="the sandbox also sends Retry-After on 429")
    args = parser.parse_args()

    spec = ShopSpec(seed=5, stores=1, products_per_store=args.patches + 60, documents_per_store=1000, months=2)
    sandbox = start_in_process(spec, rate_limit_rps=args.rps, send_retry_after=args.retry_after)
    try:
        store = sandbox.shop.stores[0]
        stocked = [p["id"] for p in store.products if p["type"] != "SERVICE"]
        targets = [(store.id, stocked[n % len(stocked)]) for n in range(args.patches)]
        elapsed, stats = asyncio.run(push(sandbox.url, sandbox.token, targets, args.concurrency))
    finally:
        sandbox.stop()
    floor = args.patches / args.rps
    print(f"patches: {args.patches}  limit: {args.rps:g}/s  concurrency: {args.concurrency}")
    print(f"elapsed: {elapsed:.2f} s  floor: {floor:.1f} s  ratio: {elapsed / floor:.3f}")
    print(f"requests: {stats['requests']}  429s: {stats['throttled']}  retries: {stats['retries']}  "
          f"achieved: {args.patches / elapsed:.1f}/s")
    return 0 if stats["requests"] >= args.patches else 1


if __name__ == "__main__":
    sys.exit(main())
