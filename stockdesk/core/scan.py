"""Reading history newest to oldest in monthly windows, and knowing when to stop.

Whether the API filters documents by close date or by arrival in the cloud is unconfirmed; the stop
rule is right either way. Let B be the start of the oldest window such that it and every newer
window are fully read. Any unread document has filter time < B, and close_date <= arrival, so its
close date is < B. A product whose newest known document closed at or after B therefore cannot get
a newer one from the unread past: its result is final.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable

STOP_ALL_RESOLVED = "all_resolved"
STOP_COMPLETE_INVENTORY = "complete_inventory"
STOP_STORE_CREATED = "store_created"


def _month_start(ms: int) -> int:
    t = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
    return int(datetime(t.year, t.month, 1, tzinfo=timezone.utc).timestamp() * 1000)


def month_windows(from_ms: int, until_ms: int) -> list[tuple[int, int]]:
    """[since, until) windows on calendar-month boundaries (UTC), newest first, covering the range."""
    windows = []
    end = until_ms
    while end > from_ms:
        start = max(_month_start(end - 1), from_ms)
        windows.append((start, end))
        end = start
    return windows


@dataclass
class ScanTracker:
    """What the documents read so far say about which products are settled."""

    product_created: dict[str, int | None]  # stock products and their creation time (ms) if known
    newest: dict[str, int] = field(default_factory=dict)       # product -> newest close_ms seen
    complete_inventories: list[int] = field(default_factory=list)  # their close_ms

    def see_movement(self, product_id: str, close_ms: int) -> None:
        if close_ms > self.newest.get(product_id, -1):
            self.newest[product_id] = close_ms

    def see_complete_inventory(self, close_ms: int) -> None:
        self.complete_inventories.append(close_ms)
        for product_id, created in self.product_created.items():
            if created is None or created < close_ms:
                self.see_movement(product_id, close_ms)

    def settled(self, boundary_ms: int) -> int:
        return sum(1 for p in self.product_created if self.newest.get(p, -1) >= boundary_ms)

    def stop_reason(self, boundary_ms: int | None) -> str | None:
        """Why reading older windows is no longer needed, or None to go on."""
        if boundary_ms is None:
            return None
        if self.settled(boundary_ms) == len(self.product_created):
            return STOP_ALL_RESOLVED
        if any(c >= boundary_ms for c in self.complete_inventories):
            # Everything created before that inventory is settled; products created after it
            # have no documents from before their creation.
            return STOP_COMPLETE_INVENTORY
        return None


def stop_boundary(tracker: ScanTracker, windows: Iterable[tuple[int, bool]]) -> int | None:
    """The newest window start at which the stop rule holds (None: it holds nowhere yet).

    The rule at b depends only on windows from b on (older documents closed before b), and once
    it holds it holds further back. So this is the same whichever order windows finished in, and
    after any interruption: results computed from windows >= it are the same in every run.
    """
    for since, done in windows:
        if not done:
            return None
        if tracker.stop_reason(since):
            return since
    return None


def boundary(windows: Iterable[tuple[int, bool]]) -> int | None:
    """B for windows given newest first as (since_ms, done): the since of the contiguous done run."""
    result = None
    for since, done in windows:
        if not done:
            break
        result = since
    return result
