"""Reconstruction throughput: one store, 5,000 products, 300,000 documents, sandbox on loopback.

The sandbox runs in its own process (the second core), StockDesk in this one, end to end through
the real client, SQLite file and result computation. Prints documents per second and peak memory.
Targets (issue 2): >= 20,000 documents/s, <= 300 MB peak.

    python benchmarks/reconstruct.py [--products 5000] [--documents 300000]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time

from stockdesk.context import AppContext
from stockdesk.jobs import connect, reconstruct
from stockdesk.sandbox.evotor_shop import ShopSpec
from stockdesk.sandbox.runner import start_in_process
from stockdesk.secrets import Secrets


def peak_rss_mb(pid: int) -> float:
    """High-water mark of a process's resident memory (Linux /proc)."""
    with open(f"/proc/{pid}/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--documents", type=int, default=300_000)
    parser.add_argument("--months", type=int, default=24)
    args = parser.parse_args()

    spec = ShopSpec(seed=3, stores=1, products_per_store=args.products, documents_per_store=args.documents,
                    months=args.months, complete_inventories=False)
    t0 = time.perf_counter()
    sandbox = start_in_process(spec)
    print(f"sandbox ready in {time.perf_counter() - t0:.1f} s at {sandbox.url}", file=sys.stderr)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        with tempfile.TemporaryDirectory() as tmp:
            ctx = AppContext.open(tmp, secrets=Secrets())
            ctx.set_setting("evotor_url", sandbox.url)
            asyncio.run(connect.connect_evotor(ctx, sandbox.token, session_only=True))
            start = time.perf_counter()
            summary = asyncio.run(reconstruct.reconstruct(ctx))
            elapsed = time.perf_counter() - start
            helpers_peak = max(peak_rss_mb(pid) for pid in ctx.db_process().pids())
            ctx.close()
    finally:
        sandbox.stop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"database processes: peak {helpers_peak:.0f} MB each at most")
    store = summary.stores[0]
    print(f"products:           {store.products}")
    print(f"documents read:     {store.documents_read}")
    print(f"resolved/unresolved:{store.resolved}/{store.unresolved} (stop: {store.stop_reason})")
    print(f"elapsed:            {elapsed:.2f} s")
    print(f"throughput:         {store.documents_read / elapsed:,.0f} documents/s (target >= 20,000)")
    print(f"peak memory (RSS):  {peak:.0f} MB in the app process (before the run {rss_before:.0f} MB),"
          f" {helpers_peak:.0f} MB per database process; target <= 300 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
