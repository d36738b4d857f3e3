"""Window tests: offscreen Qt, English, a qasync loop per test, and sandbox shops.

The in-memory keychain and the clean environment come from tests/conftest.py.
"""

from __future__ import annotations

import asyncio
import gc
import os
import shutil
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import qasync  # noqa: E402
from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from stockdesk.context import AppContext  # noqa: E402
from stockdesk.core.quantity import from_api  # noqa: E402
from stockdesk.jobs.connect import connect_evotor  # noqa: E402
from stockdesk.jobs.reconstruct import reconstruct  # noqa: E402
from stockdesk.sandbox import ShopSpec  # noqa: E402
from stockdesk.sandbox.runner import start_in_thread  # noqa: E402
from stockdesk.ui.app import install_translators  # noqa: E402

SHOP = ShopSpec(seed=21, stores=2, products_per_store=50, documents_per_store=700, months=5)


@pytest.fixture(autouse=True)
def english(qapp):
    """Every test starts in English, whatever the one before installed."""
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def qloop(qapp):
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    # Finish what the test left running while its loop still exists: a task or socket notifier
    # outliving its loop (and Qt objects deleted later by the garbage collector) crashes a later test.
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture(autouse=True)
def qt_cleanup(qapp):
    """Delete what the test closed now, not at some later test's event processing."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


async def until(condition, timeout: float = 60.0) -> None:
    """Let the window (and its jobs) run until condition() holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the window"
        await asyncio.sleep(0.02)


def open_ctx(directory, sandbox) -> AppContext:
    ctx = AppContext.open(directory)
    ctx.set_setting("evotor_url", sandbox.url)
    return ctx


@pytest.fixture
def fresh_sandbox():
    """A shop of its own: for tests that push (they change the cloud)."""
    running = start_in_thread(SHOP)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared_sandbox():
    running = start_in_thread(SHOP)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def reconstructed_dir(tmp_path_factory, shared_sandbox):
    """A data directory connected to the shared shop and reconstructed once per module."""
    directory = tmp_path_factory.mktemp("reconstructed")
    ctx = open_ctx(directory, shared_sandbox)

    async def prepare() -> None:
        await connect_evotor(ctx, shared_sandbox.token, session_only=True)
        await reconstruct(ctx)

    try:
        asyncio.run(prepare())
    finally:
        ctx.close()
    return directory


@pytest.fixture
def ctx(tmp_path, reconstructed_dir, shared_sandbox):
    """A reconstructed shop's data of this test's own (a copy), connected to the shared sandbox."""
    shutil.copytree(reconstructed_dir, tmp_path / "data")
    context = open_ctx(tmp_path / "data", shared_sandbox)
    context.secrets.set("evotor", shared_sandbox.token, session_only=True)
    yield context
    context.close()


def truth_milli(store) -> dict[str, int]:
    return {pid: from_api(value) for pid, value in store.truth.items()}
