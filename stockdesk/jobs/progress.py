"""Progress reports from long jobs to whoever shows them (a progress bar, a terminal line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class Progress:
    phase: str                      # stores, products, documents, computing, push
    done: int = 0
    total: int | None = None        # None: unknown yet (show a busy bar)
    store_id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # documents_read, resolved, left, ...
    window_ms: tuple[int, int] | None = None  # documents phase: the month being read


ProgressCallback = Callable[[Progress], None]


def ignore(_: Progress) -> None:
    """The default callback."""
