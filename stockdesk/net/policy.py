"""How hard to retry: attempt counts, exponential backoff with full jitter, a total time budget."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6        # tries per request for faults (5xx, network, timeouts, bad bodies)
    base_delay: float = 0.25     # seconds; backoff n is uniform(0, min(max_delay, base_delay * 2**n))
    max_delay: float = 30.0
    budget: float = 180.0        # seconds from the first try after which no further retry starts
    # A throttle with a server-stated wait is the server pacing us, not a failure: it does not use up
    # max_attempts, only this separate allowance (and the budget).
    max_throttled: int = 30

    def backoff(self, retry: int, rng: random.Random | None = None) -> float:
        """Delay before retry number ``retry`` (0-based): "full jitter" spreads clients apart."""
        ceiling = min(self.max_delay, self.base_delay * (2 ** min(retry, 32)))
        return (rng or random).uniform(0.0, ceiling)
