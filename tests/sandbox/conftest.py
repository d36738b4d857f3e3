"""The demo shop (generated once per session) and live sandbox servers on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from stockdesk.sandbox import RunningSandbox, Shop, ShopSpec, generate_shop, sandboxes_of

NOW_MS = 1_760_000_000_000  # 2025-10-09: fixed so the shop is the same on every run
V2 = "application/vnd.evotor.v2+json"


@pytest.fixture(scope="session")
def demo_shop() -> Shop:
    return generate_shop(ShopSpec(now_ms=NOW_MS))


@pytest.fixture
def make_sandbox(demo_shop: Shop) -> Iterator[Callable[..., RunningSandbox]]:
    """start_in_thread(shop=demo_shop, **server options); every server is stopped after the test."""
    with sandboxes_of(demo_shop, clock_ms=lambda: NOW_MS + 1) as make:
        yield make


@pytest.fixture
def sandbox(make_sandbox) -> RunningSandbox:
    return make_sandbox()


def api_client(sandbox: RunningSandbox, token: str | None = None) -> httpx.Client:
    """A client that does what the real API demands: Bearer token, V2 media type."""
    return httpx.Client(base_url=sandbox.url, timeout=10, headers={
        "Authorization": f"Bearer {token or sandbox.token}", "Accept": V2})


@pytest.fixture
def client(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with api_client(sandbox) as c:
        yield c
