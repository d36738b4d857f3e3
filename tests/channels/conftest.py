"""Channel tests: a real SQLite file, the strict sandboxes on 127.0.0.1, English messages."""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import datetime, timezone

import pytest
import pytest_asyncio

from stockdesk import i18n
from stockdesk.context import AppContext
from stockdesk.sandbox.moysklad_server import MoySkladSandbox
from stockdesk.sandbox.yandex_server import YandexSandbox

STORE = "20240101-0000-4000-8000-000000000001"
YANDEX_KEY = "ACMA:test-key:0001"
MS_TOKEN = "ms-test-token"


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


@pytest.fixture
def ctx(tmp_path):
    context = AppContext.open(tmp_path / "data")
    context.db["stores"].insert({"id": STORE, "name": "Магазин у дома", "address": None, "created_ms": None,
                                 "selected": 1})
    yield context
    context.close()


def add_product(ctx: AppContext, pid: str, name: str, *, article: str | None = None, code: str | None = None,
                barcodes: tuple[str, ...] = (), qty: int | None = None, service: bool = False,
                measure: str = "шт", fetched_at: str | None = None, store: str = STORE) -> None:
    ctx.db["products"].insert({
        "store_id": store, "id": pid, "name": name, "parent_id": None, "type": "SERVICE" if service else "NORMAL",
        "measure_name": measure, "article_number": article, "code": code,
        "barcodes": json.dumps(list(barcodes)), "price": 100.0, "is_service": int(service),
        "cloud_qty": None if service else qty, "created_ms": None, "updated_at": None,
        "fetched_at": fetched_at or datetime.now(timezone.utc).isoformat(timespec="seconds")})


@pytest_asyncio.fixture
async def ym(monkeypatch):
    sandbox = YandexSandbox(api_key=YANDEX_KEY)
    async with sandbox:
        monkeypatch.setenv("STOCKDESK_YANDEX_URL", sandbox.url)
        yield sandbox


@pytest_asyncio.fixture
async def ms(monkeypatch):
    sandbox = MoySkladSandbox(token=MS_TOKEN)
    async with sandbox:
        monkeypatch.setenv("STOCKDESK_MOYSKLAD_URL", sandbox.url)
        yield sandbox


class ThreadedSandbox:
    """A sandbox on its own event loop in a thread: for CLI tests, whose commands run asyncio.run."""

    def __init__(self, sandbox):
        self.sandbox = sandbox
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.sandbox.start(), self.loop).result(10)
        return self.sandbox

    def __exit__(self, *exc):
        asyncio.run_coroutine_threadsafe(self.sandbox.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()
