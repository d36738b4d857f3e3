"""What Yandex Market is sent for stock, built from local balances (pure functions).

- count: whole units available to order. Weight goods are rounded down (1.75 kg -> 1: Market sells
  whole units), a negative balance is sent as 0 and reported as clamped, and a mapped product that
  is out of stock gets an explicit 0 (an empty value would leave the old stock on Market).
- updatedAt: when the value became true; never in the future (Market rejects it) and never older
  than a day (Market rejects that too) - older values are sent as of 23 h ago and reported as stale.
- requests carry at most BATCH unique SKUs (the schema allows 2000; 500 is the documented safe size).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterable, Iterator

from stockdesk.core.quantity import SCALE

BATCH = 500
MAX_COUNT = 2_000_000_000
OLDEST = timedelta(hours=23)


@dataclass(frozen=True)
class StockEntry:
    sku: str
    count: int
    updated_at: datetime


def to_count(milli: int) -> tuple[int, bool]:
    """(whole units to send, clamped?) for a balance in thousandths."""
    if milli < 0:
        return 0, True
    count = milli // SCALE
    return (MAX_COUNT, True) if count > MAX_COUNT else (count, False)


def updated_at(moment: datetime | None, now: datetime) -> tuple[datetime, bool]:
    """(updatedAt to send, stale?): not after ``now``, not before now - 23 h (then stale)."""
    if moment is None or moment > now:
        return now, False
    if moment < now - OLDEST:
        return now - OLDEST, True
    return moment, False


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def v2_body(entries: Iterable[StockEntry]) -> dict:
    """PUT /v2/campaigns/{campaignId}/offers/stocks"""
    return {"skus": [{"sku": e.sku, "items": [{"count": e.count, "updatedAt": iso(e.updated_at)}]} for e in entries]}


def v3_body(entries: Iterable[StockEntry], warehouse_id: int) -> dict:
    """POST /v3/businesses/{businessId}/offers/stocks/update"""
    return {"skuItems": [{"sku": e.sku, "partnerWarehouseId": warehouse_id, "count": e.count,
                          "updatedAt": iso(e.updated_at)} for e in entries]}


def batches(entries: list[StockEntry], size: int = BATCH) -> Iterator[list[StockEntry]]:
    """Consecutive batches of at most ``size`` entries, each SKU once per batch (first one wins)."""
    seen: set[str] = set()
    unique = [e for e in entries if not (e.sku in seen or seen.add(e.sku))]
    for start in range(0, len(unique), size):
        yield unique[start:start + size]


_QUOTED = re.compile(r"'([^']*)'")


def errors_by_sku(errors: list[tuple[str, str]], skus: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """Split a 400's errors into {sku: message} (messages quoting a SKU of the request, e.g.
    "Stock for 'A-1' should not be in the future") and the messages about no SKU in particular."""
    wanted = set(skus)
    per_sku: dict[str, str] = {}
    general: list[str] = []
    for code, message in errors:
        text = message or code
        hits = [q for q in _QUOTED.findall(text) if q in wanted]
        if not hits:
            general.append(text)
        for sku in hits:
            per_sku[sku] = f"{per_sku[sku]}; {text}" if sku in per_sku else text
    return per_sku, general
