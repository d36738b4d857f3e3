"""Latency of the IMSHOP availability webhook on loopback.

Builds a throw-away database (one Evotor store, ~5,000 products, two IMSHOP warehouses), starts the
webhook in a separate process, then sends bursts of requests (50 offer ids each) from this process
and prints p50/p95/p99 latency and requests per second.

    .venv/bin/python benchmarks/imshop_latency.py [--products 5000] [--requests 1000] [--ids 50]
                                                  [--concurrency 1000 --concurrency 1]

Each run opens ``concurrency`` keep-alive connections and sends one request on each before timing
(so TCP handshakes are not counted), then sends the requests over them. Latency is measured from
sending a request to having read its whole answer. With every request in flight at once, latency
includes the time a request waits behind the others (one Python process answers them one after
another), so the burst p99 is close to the burst's total time; the concurrency-1 run shows the cost
of one request alone. "CPU per request" (user + system time of each process) shows which side sets
the pace.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stockdesk.imshop import AvailabilityServer, Warehouse  # noqa: E402
from stockdesk.jobs import imshop  # noqa: E402
from stockdesk.store import open_db, utc_now  # noqa: E402

KEY = "benchmark-key"
STORE = "bench-store"


def build_db(path: Path, products: int) -> None:
    rng = random.Random(1)
    db = open_db(path)
    db["stores"].insert({"id": STORE, "name": "Benchmark shop"})
    now = utc_now()
    db["products"].insert_all(
        ({"store_id": STORE, "id": f"p{i}", "name": f"Product {i}", "type": "NORMAL", "measure_name": "шт",
          "code": str(100000 + i), "barcodes": "[]", "price": round(rng.uniform(10, 5000), 2), "is_service": 0,
          "cloud_qty": rng.choice([None, rng.randint(-5, 200) * 1000, rng.randint(0, 50_000)]),
          "fetched_at": now} for i in range(products)), batch_size=1000)
    imshop.save_warehouse(db, Warehouse("shop", STORE, "Магазин", "Москва", address="ул. Ленина, 1",
                                        lat=55.75, lon=37.61))
    imshop.save_warehouse(db, Warehouse("web", STORE, "Интернет-магазин", "Москва", online=True))
    db.conn.close()


async def serve(db_path: str) -> None:
    """The server side: print the URL; for each line on stdin print the CPU seconds used so far;
    stop at the end of stdin or on SIGTERM."""
    server = AvailabilityServer(db_path, KEY)
    url = await server.start()
    print(url, flush=True)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def command() -> None:
        if sys.stdin.readline():
            print(time.process_time(), flush=True)
        else:
            stop.set()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_reader(sys.stdin.fileno(), command)
    await stop.wait()
    await server.stop()


class ServerProcess:
    """The webhook in a process of its own, so it does not share this process's event loop."""

    def __init__(self, db_path: Path):
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", str(db_path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()

    def cpu_seconds(self) -> float:
        self.proc.stdin.write("cpu\n")
        self.proc.stdin.flush()
        return float(self.proc.stdout.readline())

    def stop(self) -> None:
        self.proc.stdin.close()  # end of stdin: the server stops
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def percentile(sorted_values: list[float], p: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


class Connection:
    """A bare HTTP/1.1 keep-alive connection: the load generator must cost less than the server,
    or it, not the server, sets the pace (aiohttp's client costs more per request than the server)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> "Connection":
        return cls(*await asyncio.open_connection(host, port))

    async def post(self, request: bytes) -> bytes:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 200"):
            raise RuntimeError(head.split(b"\r\n", 1)[0].decode())
        length = int(head.lower().split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
        return await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


def http_request(url: str, body: bytes) -> bytes:
    parts = urlsplit(url)
    return (f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAuthorization: Bearer {KEY}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


async def burst(url: str, bodies: list[bytes], concurrency: int) -> tuple[list[float], float]:
    """Send every body over ``concurrency`` connections (opened and used once before timing)."""
    parts = urlsplit(url)
    requests = [http_request(url, body) for body in bodies]
    connections = [await Connection.open(parts.hostname, parts.port) for _ in range(concurrency)]
    latencies: list[float] = []

    async def worker(conn: Connection, queue: list[bytes]) -> None:
        while queue:
            request = queue.pop()
            started = time.perf_counter()
            await conn.post(request)
            latencies.append(time.perf_counter() - started)

    try:
        await asyncio.gather(*(conn.post(requests[i % len(requests)]) for i, conn in enumerate(connections)))
        queue = requests[::-1]
        started = time.perf_counter()
        await asyncio.gather(*(worker(conn, queue) for conn in connections))
        elapsed = time.perf_counter() - started
    finally:
        for conn in connections:
            conn.close()
    return sorted(latencies), elapsed


async def run_client(server: ServerProcess, args) -> None:
    url = server.url
    rng = random.Random(2)
    known = [str(100000 + i) for i in range(args.products)]
    bodies = []
    for _ in range(args.requests):
        ids = rng.sample(known, args.ids - 2) + [f"unknown-{rng.randint(0, 10**6)}" for _ in range(2)]
        bodies.append(json.dumps({"city": "Москва", "configurationIds": ids}).encode())
    async with aiohttp.ClientSession() as http:  # one answer checked by eye: shape and size
        async with http.post(url, data=bodies[0], headers={"Authorization": f"Bearer {KEY}"}) as resp:
            sample = await resp.json()
    print(f"{args.products} products, {args.requests} requests x {args.ids} ids; one answer: "
          f"{len(sample['warehouses'])} warehouses, {len(sample['availability'])} rows")
    for concurrency in args.concurrency:
        server_cpu, client_cpu = server.cpu_seconds(), time.process_time()
        latencies, elapsed = await burst(url, bodies, concurrency)
        # CPU per measured request, warm-up included in the count (it sends `concurrency` more)
        sent = len(bodies) + min(concurrency, len(bodies))
        server_us = (server.cpu_seconds() - server_cpu) / sent * 1e6
        client_us = (time.process_time() - client_cpu) / sent * 1e6
        ms = [x * 1000 for x in latencies]
        print(f"concurrency {concurrency:>5}: p50 {percentile(ms, 50):6.1f} ms  p95 {percentile(ms, 95):6.1f} ms  "
              f"p99 {percentile(ms, 99):6.1f} ms  max {ms[-1]:6.1f} ms  {len(ms) / elapsed:5.0f} requests/s  "
              f"CPU per request: server {server_us:4.0f} us, client {client_us:4.0f} us")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--ids", type=int, default=50)
    parser.add_argument("--concurrency", type=int, action="append")
    parser.add_argument("--serve", metavar="DB", help=argparse.SUPPRESS)  # the server process
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve))
        return 0
    args.concurrency = args.concurrency or [1000, 1]
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        build_db(db_path, args.products)
        server = ServerProcess(db_path)
        try:
            if not server.url:
                print("the server process did not start", file=sys.stderr)
                return 1
            asyncio.run(run_client(server, args))
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
