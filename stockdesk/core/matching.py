"""Which Evotor product a sales-channel item is: by article, then code, then barcode.

Keys are compared as exact strings after trimming surrounding whitespace: Yandex treats "557722"
and "0557722" as two SKUs, so no other normalisation is safe. The first key kind that finds any
candidate decides: one candidate is an automatic match, several are ambiguous (the owner picks).
Services have no stock and are never candidates. A product claimed automatically by more than one
item, or already mapped by the owner, makes those automatic matches ambiguous too: sending one
product's stock under two channel items would offer it twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

AUTO, AMBIGUOUS, UNMATCHED, MANUAL = "auto", "ambiguous", "unmatched", "manual"
KEY_KINDS = ("article", "code", "barcode")


@dataclass(frozen=True)
class ProductKeys:
    """An Evotor product's identifying keys."""
    product_id: str
    article: str | None = None
    code: str | None = None
    barcodes: tuple[str, ...] = ()
    is_service: bool = False


@dataclass(frozen=True)
class ChannelItem:
    """A channel item's keys (a Yandex SKU is its own article, code and barcode: see yandex_item)."""
    target: str
    article: str | None = None
    code: str | None = None
    barcodes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchResult:
    target: str
    status: str                    # auto | ambiguous | unmatched
    product_id: str | None         # set only when auto
    matched_by: str | None         # article | code | barcode
    candidates: tuple[str, ...]    # ambiguous: the products to choose from


def clean(key: str | None) -> str | None:
    if key is None:
        return None
    key = str(key).strip()
    return key or None


def yandex_item(sku: str) -> ChannelItem:
    """A Yandex SKU may be the shop's article, product code or barcode: try each, exactly."""
    return ChannelItem(sku, article=sku, code=sku, barcodes=(sku,))


def _keys(kind: str, obj: ProductKeys | ChannelItem) -> set[str]:
    if kind == "barcode":
        return {k for k in (clean(b) for b in obj.barcodes) if k}
    key = clean(getattr(obj, kind))
    return {key} if key else set()


def _index(products: Iterable[ProductKeys]) -> dict[str, dict[str, list[str]]]:
    index: dict[str, dict[str, list[str]]] = {kind: defaultdict(list) for kind in KEY_KINDS}
    for p in products:
        if p.is_service:
            continue
        for kind in KEY_KINDS:
            for key in _keys(kind, p):
                if p.product_id not in index[kind][key]:
                    index[kind][key].append(p.product_id)
    return index


def match_one(index: dict[str, dict[str, list[str]]], item: ChannelItem) -> MatchResult:
    for kind in KEY_KINDS:
        found: list[str] = []
        for key in sorted(_keys(kind, item)):
            found.extend(pid for pid in index[kind].get(key, ()) if pid not in found)
        if len(found) == 1:
            return MatchResult(item.target, AUTO, found[0], kind, ())
        if found:
            return MatchResult(item.target, AMBIGUOUS, None, kind, tuple(sorted(found)))
    return MatchResult(item.target, UNMATCHED, None, None, ())


def match_items(products: Iterable[ProductKeys], items: Iterable[ChannelItem], *,
                taken: Iterable[str] = ()) -> list[MatchResult]:
    """Match every item; ``taken`` are products the owner already mapped to some item by hand."""
    index = _index(products)
    results = [match_one(index, item) for item in items]
    claims: dict[str, int] = defaultdict(int)
    for r in results:
        if r.status == AUTO:
            claims[r.product_id] += 1  # type: ignore[index]
    taken = set(taken)
    return [MatchResult(r.target, AMBIGUOUS, None, r.matched_by, (r.product_id,))
            if r.status == AUTO and (claims[r.product_id] > 1 or r.product_id in taken) else r  # type: ignore[index]
            for r in results]
