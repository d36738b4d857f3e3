"""Running the Evotor sandbox: in a daemon thread (tests, demo), in a spawned process (benchmarks,
so the server has a core of its own), or in the foreground (`stockdesk sandbox`)."""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

from stockdesk.sandbox.evotor_server import EvotorSandbox
from stockdesk.sandbox.evotor_shop import DEMO_TOKEN, Shop, ShopSpec, generate_shop

__all__ = ["DEMO_TOKEN", "RunningSandbox", "sandboxes_of", "serve_forever", "start_in_process", "start_in_thread"]


def _pinned(spec: ShopSpec | None) -> ShopSpec:
    """The spec with `now_ms` fixed, so another process generates the very same shop."""
    spec = spec or ShopSpec()
    return spec if spec.now_ms is not None else dataclasses.replace(spec, now_ms=int(time.time() * 1000))


class RunningSandbox:
    """A started sandbox. `server` is the live EvotorSandbox in thread mode, None in process mode."""

    def __init__(self, url: str, token: str, *, shop: Shop | None = None, spec: ShopSpec | None = None,
                 server: EvotorSandbox | None = None, stopper: Callable[[], None]) -> None:
        self.url, self.token, self.server = url, token, server
        self._shop, self._spec, self._stopper = shop, spec, stopper

    @property
    def shop(self) -> Shop:
        """The served shop (in process mode generated here on first use, identical to the server's)."""
        if self._shop is None:
            assert self._spec is not None
            self._shop = generate_shop(self._spec)
        return self._shop

    def stop(self) -> None:
        stopper, self._stopper = self._stopper, (lambda: None)
        stopper()

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_in_thread(spec: ShopSpec | None = None, *, shop: Shop | None = None, host: str = "127.0.0.1",
                    port: int = 0, **server_kwargs: Any) -> RunningSandbox:
    """Serve `shop` (or a shop generated from `spec`, default the demo shop) from a daemon thread
    with its own event loop. Server options (page_size, faults, …) go to EvotorSandbox."""
    shop = shop or generate_shop(_pinned(spec))
    server = EvotorSandbox(shop, **server_kwargs)
    loop = asyncio.new_event_loop()
    ready: dict[str, Any] = {}
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            ready["url"] = loop.run_until_complete(server.start(host, port))
        except BaseException as exc:  # reported to the caller below
            ready["error"] = exc
            started.set()
            return
        started.set()
        loop.run_forever()
        loop.run_until_complete(server.stop())
        loop.close()

    thread = threading.Thread(target=run, name="evotor-sandbox", daemon=True)
    thread.start()
    started.wait()
    if "error" in ready:
        raise ready["error"]

    def stop() -> None:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)

    return RunningSandbox(ready["url"], shop.token, shop=shop, server=server, stopper=stop)


@contextmanager
def sandboxes_of(shop: Shop, **defaults: Any) -> Iterator[Callable[..., RunningSandbox]]:
    """A ``start(**server options)`` that serves ``shop`` in a thread (``defaults`` fill the options not
    given); every sandbox it started is stopped on leaving the block."""
    started: list[RunningSandbox] = []

    def start(**server_kwargs: Any) -> RunningSandbox:
        started.append(start_in_thread(shop=shop, **{**defaults, **server_kwargs}))
        return started[-1]

    try:
        yield start
    finally:
        for sandbox in started:
            sandbox.stop()


def _child(spec: ShopSpec, server_kwargs: dict[str, Any], conn: Connection) -> None:
    async def main() -> None:
        server = EvotorSandbox(generate_shop(spec), **server_kwargs)
        conn.send(await server.start("127.0.0.1", 0))
        # Serve until the parent says stop or goes away (the pipe then reports EOF).
        await asyncio.get_running_loop().run_in_executor(None, _wait_for_eof, conn)
        await server.stop()

    asyncio.run(main())


def _wait_for_eof(conn: Connection) -> None:
    try:
        conn.recv()
    except EOFError:
        pass


def start_in_process(spec: ShopSpec | None = None, **server_kwargs: Any) -> RunningSandbox:
    """Serve a shop generated from `spec` in a separate process (multiprocessing 'spawn').

    Server options must be picklable. `RunningSandbox.shop` regenerates the same shop lazily in
    this process when first used; `server` is None (inspect the cloud through the API instead).
    """
    spec = _pinned(spec)
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_child, args=(spec, server_kwargs, child), name="evotor-sandbox", daemon=True)
    process.start()
    child.close()
    try:
        url = parent.recv()
    except EOFError:
        process.join(timeout=5)
        raise RuntimeError(f"the sandbox process exited with code {process.exitcode}") from None

    def stop() -> None:
        try:
            parent.send("stop")
        except OSError:
            pass
        parent.close()
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()
            process.join(timeout=5)

    return RunningSandbox(url, spec.token, spec=spec, stopper=stop)


async def serve_forever(spec: ShopSpec | None = None, host: str = "127.0.0.1", port: int = 0, *,
                        on_ready: Callable[[str, str], None] | None = None, **server_kwargs: Any) -> None:
    """Serve until cancelled; `on_ready(url, token)` is called once the port is open."""
    shop = generate_shop(_pinned(spec))
    server = EvotorSandbox(shop, **server_kwargs)
    url = await server.start(host, port)
    if on_ready is not None:
        on_ready(url, shop.token)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()
