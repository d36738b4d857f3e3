"""Reading what a server says about throttling: how long to wait, how much budget is left.

Every API spells it differently (Retry-After; Evotor X-RateLimit-Reset in seconds; MoySklad
X-Lognex-Retry-After in ms; Yandex X-RateLimit-Resource-Until as an RFC 822 date), so callers compose
extractors from these pieces. A wait extractor returns seconds to wait from now, or None.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Callable

import httpx

WaitExtractor = Callable[[httpx.Response], "float | None"]
BudgetExtractor = Callable[[httpx.Response], "RateBudget | None"]

# Values this large are absolute epoch seconds (some servers send them in "Reset" headers).
_EPOCH_THRESHOLD = 1_000_000_000


@dataclass(frozen=True)
class RateBudget:
    """A server's announcement of its request budget."""
    remaining: int | None = None      # requests left in the current interval
    reset_after: float | None = None  # seconds until the interval starts afresh
    limit: int | None = None          # requests per interval
    interval: float | None = None     # interval length in seconds, when the server states it


def _number(response: httpx.Response, name: str) -> float | None:
    raw = response.headers.get(name)
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if value == value and value >= 0 else None  # drops NaN and negatives


def _seconds_from_now(value: float) -> float:
    return max(0.0, value - time.time()) if value >= _EPOCH_THRESHOLD else value


def _http_date_delay(raw: str) -> float | None:
    try:
        moment = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    return max(0.0, moment.timestamp() - time.time())


def header_seconds(name: str) -> WaitExtractor:
    """A header holding seconds to wait (an epoch-seconds value is turned into a delay)."""
    def extract(response: httpx.Response) -> float | None:
        value = _number(response, name)
        return None if value is None else _seconds_from_now(value)
    return extract


def header_millis(name: str) -> WaitExtractor:
    """A header holding milliseconds to wait."""
    def extract(response: httpx.Response) -> float | None:
        value = _number(response, name)
        return None if value is None else value / 1000.0
    return extract


def header_http_date(name: str) -> WaitExtractor:
    """A header holding the moment to wait until, as an HTTP/RFC 822 date."""
    def extract(response: httpx.Response) -> float | None:
        raw = response.headers.get(name)
        return None if raw is None else _http_date_delay(raw)
    return extract


def retry_after(response: httpx.Response) -> float | None:
    """The standard Retry-After header: delay-seconds or an HTTP date."""
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    value = _number(response, "Retry-After")
    return value if value is not None else _http_date_delay(raw)


def first_of(*extractors: WaitExtractor) -> WaitExtractor:
    """The first extractor that finds a wait."""
    def extract(response: httpx.Response) -> float | None:
        for extractor in extractors:
            value = extractor(response)
            if value is not None:
                return value
        return None
    return extract


def ratelimit_budget(remaining: str = "X-RateLimit-Remaining", reset: str = "X-RateLimit-Reset",
                     limit: str = "X-RateLimit-Limit", *, reset_unit: float = 1.0,
                     interval: str | None = None, interval_unit: float = 1.0) -> BudgetExtractor:
    """Reads X-RateLimit-style headers; ``*_unit`` converts them to seconds (0.001 for ms)."""
    def extract(response: httpx.Response) -> RateBudget | None:
        left, reset_value, cap = (_number(response, remaining), _number(response, reset),
                                  _number(response, limit))
        length = _number(response, interval) if interval else None
        if left is None and reset_value is None and cap is None:
            return None
        return RateBudget(
            remaining=None if left is None else int(left),
            reset_after=None if reset_value is None else _seconds_from_now(reset_value * reset_unit),
            limit=None if cap is None else int(cap),
            interval=None if length is None else length * interval_unit)
    return extract
