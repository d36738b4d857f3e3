"""How a cloud limits requests, in the several ways real services do (for the sandbox's ``rate_limit_style``).

The Evotor reference documents X-RateLimit-Limit/-Remaining/-Reset but not what they mean, nor
Retry-After (UNCONFIRMED), so the sandbox can answer as each common reading would:

- ``sandbox``: a token bucket (rate = burst = rps); Limit = rps, Reset = seconds to the next token
  (to the hundredth); Retry-After only with send_retry_after.
- ``bucket``: a token bucket; Limit = the bucket's size, Reset = whole seconds to the next token.
- ``window-seconds``: a fixed one-second window of rps requests; Reset = whole seconds to its end.
- ``window-epoch``: the same window; Reset = the epoch second at which it ends.
- ``retry-after``: a token bucket; no X-RateLimit headers, a refusal says Retry-After in whole seconds.
- ``none``: a token bucket; a refusal is a bare 429.
"""

from __future__ import annotations

import math
import time
from typing import Callable

STYLES = ("sandbox", "bucket", "window-seconds", "window-epoch", "retry-after", "none")
WINDOW_S = 1.0


class Bucket:
    """Token bucket: ``rps`` tokens per second, burst ``rps``."""

    def __init__(self, rps: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.rps, self.tokens, self.at = rps, rps, clock()

    def take(self) -> tuple[bool, float]:
        """(allowed, seconds until the next token)."""
        now = self.clock()
        self.tokens = min(self.rps, self.tokens + (now - self.at) * self.rps)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True, 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rps
        return False, (1 - self.tokens) / self.rps

    def left(self) -> int:
        return int(self.tokens)


class Window:
    """A fixed window of WINDOW_S seconds that admits ``rps * WINDOW_S`` requests."""

    def __init__(self, rps: float, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock  # epoch seconds: window-epoch announces its end as one
        self.limit = max(1, int(rps * WINDOW_S))
        self.start, self.used = clock(), 0

    def take(self) -> tuple[bool, float]:
        """(allowed, seconds until the window ends)."""
        now = self.clock()
        if now >= self.start + WINDOW_S:
            self.start, self.used = now - (now - self.start) % WINDOW_S, 0
        left = self.start + WINDOW_S - now
        if self.used < self.limit:
            self.used += 1
            return True, left
        return False, left

    def left(self) -> int:
        return self.limit - self.used


def seconds(value: float) -> str:
    """'0.02', '1.5', '0': rounded up to hundredths so a client never retries too early."""
    return f"{math.ceil(value * 100) / 100:.2f}".rstrip("0").rstrip(".") or "0"


def counter(style: str, rps: float, clock: Callable[[], float] | None = None) -> Bucket | Window:
    if style not in STYLES:
        raise ValueError(f"unknown rate limit style {style!r}; one of {STYLES}")
    if style.startswith("window"):
        return Window(rps, clock or time.time)
    return Bucket(rps, clock or time.monotonic)


def headers(style: str, rps: float, count: Bucket | Window, wait: float, refused: bool,
            send_retry_after: bool) -> dict[str, str]:
    """The headers a cloud of ``style`` sends with an answer (``refused``: a 429)."""
    whole = str(max(1, math.ceil(wait)))
    if style == "sandbox":
        out = {"X-RateLimit-Limit": seconds(rps), "X-RateLimit-Remaining": str(count.left()),
               "X-RateLimit-Reset": seconds(wait)}
        if refused and send_retry_after:
            out["Retry-After"] = whole
        return out
    if style == "bucket":
        return {"X-RateLimit-Limit": str(int(rps)), "X-RateLimit-Remaining": str(count.left()),
                "X-RateLimit-Reset": whole if count.left() < 1 or refused else "0"}
    if style.startswith("window"):
        assert isinstance(count, Window)
        reset = str(math.ceil(count.start + WINDOW_S)) if style == "window-epoch" else whole
        return {"X-RateLimit-Limit": str(count.limit), "X-RateLimit-Remaining": str(count.left()),
                "X-RateLimit-Reset": reset}
    if style == "retry-after":
        return {"Retry-After": whole} if refused else {}
    return {}
