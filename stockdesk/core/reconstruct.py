"""Current stock of one product from its stock-moving documents.

A product's stock is the effect of its newest stock-moving document (ordered by close date). Older
documents serve two purposes: a consistency check (the stock after one document should equal the
next one's ``initial_quantity``) and learning how this shop's terminals treat receipts whose effect
is uncertain (prepayment and other non-full settlement methods, sub-positions).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from stockdesk.core.documents import INVENTORY, Movement

MOVES, STAYS = "moves", "stays"
# Evidence needed before trusting what history says about an uncertain kind of receipt.
MIN_EVIDENCE = 3
MIN_AGREEMENT = 0.9
MISMATCH_DETAIL_LIMIT = 5

RESOLVED, UNRESOLVED = "resolved", "unresolved"
NO_DOCUMENTS, UNCERTAIN_EFFECT = "no_documents", "uncertain_effect"
UNLISTED_IN_INVENTORY = "inventory_unlisted"


@dataclass(slots=True)
class Outcome:
    status: str                      # resolved | unresolved
    value: int | None = None         # thousandths
    reason: str | None = None        # unresolved: no_documents | uncertain_effect
    rule: str | None = None          # resolved: the document type, inventory_unlisted, or learned:<klass>
    source: Movement | None = None   # the newest stock-moving document
    mismatches: int = 0
    mismatch_detail: list[dict] = field(default_factory=list)


def unlisted_zero(product_id: str, doc_id: str, close_ms: int) -> Movement:
    """A complete inventory's effect on a product it does not list: stock becomes 0."""
    return Movement(product_id, doc_id, INVENTORY, close_ms, "", None, None, 0, 0)


def with_complete_inventories(movements: Sequence[Movement], product_id: str, created_ms: int | None,
                              inventories: Iterable[tuple[str, int]]) -> list[Movement]:
    """The product's movements plus the complete inventories that zeroed it, oldest first.

    ``inventories`` are (doc_id, close_ms) of complete inventories; they cover products created
    before them (or of unknown creation time) and not listed in them.
    """
    listed = {m.doc_id for m in movements}
    extra = [
        unlisted_zero(product_id, doc_id, close_ms)
        for doc_id, close_ms in inventories
        if doc_id not in listed and (created_ms is None or created_ms < close_ms)
    ]
    return sorted([*movements, *extra], key=lambda m: m.order_key) if extra else list(movements)


def evidence(sequence: Sequence[Movement]) -> Counter:
    """Counter of (klass, moves|stays) from consecutive pairs where the earlier one is uncertain.

    If the next document starts from the earlier one's after-value, that receipt moved stock; if it
    starts from the earlier one's before-value, it did not. Pairs where both fit (q = 0) say nothing.
    """
    found: Counter = Counter()
    for earlier, later in zip(sequence, sequence[1:]):
        if not earlier.klass or later.s0 is None or earlier.after == earlier.s0:
            continue
        if later.s0 == earlier.after:
            found[(earlier.klass, MOVES)] += 1
        elif later.s0 == earlier.s0:
            found[(earlier.klass, STAYS)] += 1
    return found


def evidence_total(sequences: Iterable[Sequence[Movement]]) -> Counter:
    total: Counter = Counter()
    for sequence in sequences:
        total.update(evidence(sequence))
    return total


def learn(found: Counter) -> dict[str, str | None]:
    """Verdict per uncertain klass: 'moves', 'stays', or None when history does not tell."""
    verdicts: dict[str, str | None] = {}
    for klass in {k for k, _ in found}:
        moves, stays = found[(klass, MOVES)], found[(klass, STAYS)]
        total = moves + stays
        verdict = None
        if total >= MIN_EVIDENCE:
            if moves / total >= MIN_AGREEMENT:
                verdict = MOVES
            elif stays / total >= MIN_AGREEMENT:
                verdict = STAYS
        verdicts[klass] = verdict
    return verdicts


def stock_after(m: Movement, verdicts: Mapping[str, str | None]) -> int | None:
    """Stock after the movement, or None when its effect is uncertain and not learned."""
    if not m.klass:
        return m.after
    verdict = verdicts.get(m.klass)
    if verdict == MOVES:
        return m.after
    if verdict == STAYS:
        return m.s0
    return None


def outcome(sequence: Sequence[Movement], verdicts: Mapping[str, str | None]) -> Outcome:
    """The product's stock from its movements (oldest first, complete inventories included)."""
    if not sequence:
        return Outcome(UNRESOLVED, reason=NO_DOCUMENTS)
    mismatches = 0
    detail: list[dict] = []
    for earlier, later in zip(sequence, sequence[1:]):
        expected = stock_after(earlier, verdicts)
        if expected is None or later.s0 is None or expected == later.s0:
            continue
        mismatches += 1
        detail.append({"after_doc": earlier.doc_id, "after_type": earlier.doc_type, "expected": expected,
                       "doc": later.doc_id, "type": later.doc_type, "close_ms": later.close_ms, "found": later.s0})
    detail = detail[-MISMATCH_DETAIL_LIMIT:]

    newest = sequence[-1]
    value = stock_after(newest, verdicts)
    if value is None:
        return Outcome(UNRESOLVED, reason=UNCERTAIN_EFFECT, source=newest, mismatches=mismatches,
                       mismatch_detail=detail)
    if newest.s0 is None:
        rule = UNLISTED_IN_INVENTORY
    elif newest.klass:
        rule = f"learned:{newest.klass}"
    else:
        rule = newest.doc_type
    return Outcome(RESOLVED, value, rule=rule, source=newest, mismatches=mismatches, mismatch_detail=detail)
