"""Latency of the IMSHOP availability webhook on loopback.

Builds a throw-away database (one Evotor store, ~5,000 products, two IMSHOP warehouses), starts the
webhook in a separate process, then sends bursts of requests (50 offer ids each) from this process
and prints p50/p95/p99 latency and requests per second.

    .venv/bin/python benchmarks/imshop_latency.py [--products 5000] [--requests 1000] [--ids 50]
                                                  [--concurrency 1000 --concurrency 100 ...]
                                                  [--loop asyncio|qasync]

Each run opens ``concurrency`` keep-alive connections and sends one request on each before timing
(so TCP handshakes are not counted), then sends the requests over them. Latency is measured from
sending a request to having read its whole answer. With every request in flight at once, latency
includes the time a request waits behind the others (one Python process answers them one after
another), so the burst p99 is close to the burst's total time; the concurrency-1 run shows the cost
of one request alone. "CPU per request" (user + system time of each process during the timed
requests only) shows which side sets the pace. The load generator is a plain selector loop over
raw sockets, so that it costs less per request than the server. ``--loop qasync`` runs the
server on qasync's loop over Qt's event dispatcher, as in the window.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit


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
    try:
        loop.add_signal_handler(signal.SIGTERM, stop.set)
    except (NotImplementedError, RuntimeError):  # qasync: end of stdin only
        pass
    loop.add_reader(sys.stdin.fileno(), command)
    await stop.wait()
    await server.stop()


def run_server(db_path: str, loop: str) -> None:
    if loop == "asyncio":
        asyncio.run(serve(db_path))
        return
    import qasync  # the window's loop: Qt's event dispatcher, asyncio on top
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication.instance() or QCoreApplication([])
    with qasync.QEventLoop(app) as qt_loop:
        qt_loop.run_until_complete(serve(db_path))


class ServerProcess:
    """The webhook in a process of its own, so it does not share this process's event loop."""

    def __init__(self, db_path: Path, loop: str):
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", str(db_path), "--loop", loop],
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
    """A bare HTTP/1.1 keep-alive connection, driven by Burst's selector loop: the load generator
    must cost less per request than the server, or it, not the server, sets the pace (aiohttp's
    client, even asyncio's streams, cost about as much as the server does)."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.received = bytearray()
        self.length: int | None = None   # the answer's whole size, once its head is in
        self.started = 0.0

    def send(self, request: bytes) -> None:
        self.received.clear()
        self.length = None
        self.started = time.perf_counter()
        self.sock.sendall(request)

    def receive(self) -> bool:
        """Read what has arrived; whether the answer is complete."""
        data = self.sock.recv(262144)
        if not data:
            raise RuntimeError("the server closed the connection")
        self.received += data
        if self.length is None:
            end = self.received.find(b"\r\n\r\n")
            if end < 0:
                return False
            head = bytes(self.received[:end]).lower()
            if not head.startswith(b"http/1.1 200"):
                raise RuntimeError(head.split(b"\r\n", 1)[0].decode())
            self.length = end + 4 + int(head.split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
        return len(self.received) >= self.length


def http_request(url: str, body: bytes) -> bytes:
    parts = urlsplit(url)
    return (f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAuthorization: Bearer {KEY}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


def send_all(connections: list[Connection], requests: list[bytes]) -> tuple[list[float], float]:
    """Send every request, one at a time per connection, all connections at once; the latencies
    (send to whole answer read) and the time it all took."""
    selector = selectors.DefaultSelector()
    for conn in connections:
        selector.register(conn.sock, selectors.EVENT_READ, conn)
    queue = requests[::-1]
    latencies: list[float] = []
    started = time.perf_counter()
    busy = 0
    for conn in connections:
        if queue:
            conn.send(queue.pop())
            busy += 1
    while busy:
        for key, _ in selector.select():
            conn = key.data
            if conn.receive():
                latencies.append(time.perf_counter() - conn.started)
                if queue:
                    conn.send(queue.pop())
                else:
                    busy -= 1
    elapsed = time.perf_counter() - started
    selector.close()
    return sorted(latencies), elapsed


def run_client(server: ServerProcess, args) -> None:
    url = server.url
    parts = urlsplit(url)
    rng = random.Random(2)
    known = [str(100000 + i) for i in range(args.products)]
    requests = []
    for _ in range(args.requests):
        ids = rng.sample(known, args.ids - 2) + [f"unknown-{rng.randint(0, 10**6)}" for _ in range(2)]
        requests.append(http_request(url, json.dumps({"city": "Москва", "configurationIds": ids}).encode()))
    conn = Connection(socket.create_connection((parts.hostname, parts.port)))
    send_all([conn], requests[:1])  # one answer checked by eye: shape and size
    sample = json.loads(bytes(conn.received).split(b"\r\n\r\n", 1)[1])
    conn.sock.close()
    print(f"{args.products} products, {args.requests} requests x {args.ids} ids; one answer: "
          f"{len(sample['warehouses'])} warehouses, {len(sample['availability'])} rows")
    for concurrency in args.concurrency:
        connections = [Connection(socket.create_connection((parts.hostname, parts.port)))
                       for _ in range(concurrency)]
        try:
            send_all(connections, requests[:concurrency])  # warm-up: connections accepted and used once
            server_cpu, client_cpu = server.cpu_seconds(), time.process_time()
            latencies, elapsed = send_all(connections, requests)
            server_us = (server.cpu_seconds() - server_cpu) / len(requests) * 1e6
            client_us = (time.process_time() - client_cpu) / len(requests) * 1e6
        finally:
            for conn in connections:
                conn.sock.close()
        ms = [x * 1000 for x in latencies]
        print(f"concurrency {concurrency:>5}: p50 {percentile(ms, 50):6.2f} ms  p95 {percentile(ms, 95):6.2f} ms  "
              f"p99 {percentile(ms, 99):6.2f} ms  max {ms[-1]:6.2f} ms  {len(ms) / elapsed:5.0f} requests/s  "
              f"CPU per request: server {server_us:4.0f} us, client {client_us:4.0f} us")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--ids", type=int, default=50)
    parser.add_argument("--concurrency", type=int, action="append")
    parser.add_argument("--loop", choices=["asyncio", "qasync"], default="asyncio",
                        help="the server's event loop: asyncio's, or qasync's as in the window")
    parser.add_argument("--serve", metavar="DB", help=argparse.SUPPRESS)  # the server process
    args = parser.parse_args()
    if args.serve:
        run_server(args.serve, args.loop)
        return 0
    args.concurrency = args.concurrency or [1000, 100, 10, 1]
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        build_db(db_path, args.products)
        server = ServerProcess(db_path, args.loop)
        try:
            if not server.url:
                print("the server process did not start", file=sys.stderr)
                return 1
            run_client(server, args)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
