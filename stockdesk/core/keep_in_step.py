"""After the first push: what a sync does with each product's cloud balance.

StockDesk remembers the cloud balance it last knew to be right (``known``: what its push wrote, or
what a sync found). At the next sync, with the documents read and the cloud read again:

- the cloud holds StockDesk's value: in step, nothing to do;
- the cloud changed since ``known`` to a value that is not StockDesk's: something changed it with no
  document (another app, an edit in the cabinet). StockDesk writes its value back and reports it
  with both values, so the owner can say "the cloud is right" (``DRIFT``);
- the cloud did not change but the documents did (a sale on a terminal the cloud did not follow):
  StockDesk sends the value the documents give (``BEHIND``);
- the cloud did not change and StockDesk's value is one the owner typed since the last push: it
  waits for the owner's push, a sync never sends it unasked (``WAITING``);
- no value (under review, or the owner said keep / skip): nothing is sent (``NO_VALUE``).

Quantities are integer thousandths; ``None`` is unknown.
"""

from __future__ import annotations

IN_STEP, DRIFT, BEHIND, WAITING, NO_VALUE = "in_step", "drift", "behind", "waiting", "no_value"
DOCUMENTS = "documents"  # the target's source when it comes from the documents


def classify(target: int | None, source: str, cloud: int | None, known: int | None, *, has_known: bool) -> str:
    """What to do with one product. ``has_known``: StockDesk knew a cloud value for it before."""
    if target is None:
        return NO_VALUE
    if cloud == target:
        return IN_STEP
    if has_known and cloud != known:
        return DRIFT
    return BEHIND if source == DOCUMENTS else WAITING


def sends(kind: str) -> bool:
    """Whether a sync writes StockDesk's value for a product of this kind."""
    return kind in (DRIFT, BEHIND)
