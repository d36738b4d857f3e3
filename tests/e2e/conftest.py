"""The sandbox cloud every command-line test talks to."""

from __future__ import annotations

import pytest

from stockdesk.sandbox.runner import start_in_thread

from .test_cli import SHOP


@pytest.fixture
def sandbox():
    running = start_in_thread(SHOP)
    yield running
    running.stop()
