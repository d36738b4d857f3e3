"""What an Evotor V2 document did to stock, product by product.

Facts (shared/reference/evotor-api.md §5-6): ``initial_quantity`` is the stock BEFORE the document,
``quantity`` is always positive, positions come flat or wrapped as ``{"position": {...}}``, free-price
positions have no ``product_id``, services have no stock, stock may be negative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from stockdesk.core.quantity import from_api

# Sign of `quantity` in the stock after the document; INVENTORY sets the stock instead.
STOCK_SIGN = {
    "ACCEPT": 1, "PAYBACK": 1, "BUY": 1,
    "SELL": -1, "WRITE_OFF": -1, "RETURN": -1, "BUYBACK": -1,
}
INVENTORY = "INVENTORY"
# Types known not to move stock (OPEN_TARE's effect is unconfirmed; the issue treats it as none).
NON_MOVING = frozenset({
    "OPEN_SESSION", "POS_OPEN_SESSION", "CLOSE_SESSION", "CASH_INCOME", "CASH_OUTCOME",
    "REVALUATION", "OPEN_TARE", "X_REPORT", "Z_REPORT", "FPRINT",  # FPRINT: legacy X/Z report
})
SALE_TYPES = frozenset({"SELL", "PAYBACK", "BUY", "BUYBACK"})
FULL_SETTLEMENT = "CHECKOUT_FULL"
# V1-era free-price positions carry this placeholder id instead of none.
FREE_PRICE_ID = "390067bf-e8d3-4fcc-8c30-fbfd77a0a70d"

# Movement.klass values other than "" mean "the direction is known, whether it happened is not".
SETTLEMENT_PREFIX = "settlement:"
SUB_POSITION = "sub_position"


@dataclass(frozen=True, slots=True)
class Movement:
    """One document's effect on one product (its positions summed). Quantities in thousandths."""

    product_id: str
    doc_id: str
    doc_type: str
    close_ms: int
    device_id: str
    number: int | None
    s0: int | None  # stock before; None only for a complete inventory's unlisted products
    q: int
    after: int      # stock after, if the document moves stock
    klass: str = ""

    @property
    def order_key(self) -> tuple:
        # close_date is the terminal's clock; device and number break ties within one terminal.
        return (self.close_ms, self.device_id, self.number or 0, self.doc_id)


@dataclass(slots=True)
class ParsedDocument:
    id: str
    type: str
    close_ms: int
    complete_inventory: bool | None = None  # INVENTORY only
    movements: list[Movement] = field(default_factory=list)
    skipped_positions: int = 0  # positions with a product but no usable quantities

    @property
    def known_type(self) -> bool:
        return self.type in STOCK_SIGN or self.type == INVENTORY or self.type in NON_MOVING


def parse_time_ms(text: str) -> int:
    """'2017-01-10T09:33:19.757+0000' -> epoch milliseconds."""
    return int(datetime.fromisoformat(text).timestamp() * 1000)


def _unwrap(raw: dict) -> dict:
    inner = raw.get("position")
    return inner if isinstance(inner, dict) else raw


def _settlement_klass(doc_type: str, position: dict) -> str:
    if doc_type not in SALE_TYPES:
        return ""
    method = position.get("settlement_method")
    kind = method.get("type") if isinstance(method, dict) else None
    # Absent method: older receipts, always full settlement in practice.
    return "" if kind in (None, FULL_SETTLEMENT) else SETTLEMENT_PREFIX + str(kind)


def parse_document(doc: dict) -> ParsedDocument:
    doc_type = str(doc.get("type") or "UNKNOWN")
    parsed = ParsedDocument(id=str(doc["id"]), type=doc_type, close_ms=parse_time_ms(doc["close_date"]))
    body = doc.get("body") or {}
    if doc_type == INVENTORY:
        # Absent means complete: the documented default is true.
        parsed.complete_inventory = body.get("complete_inventory") is not False
    sign = STOCK_SIGN.get(doc_type)
    if sign is None and doc_type != INVENTORY:
        return parsed

    # product_id -> [s0 of its first position, summed q, klass]
    totals: dict[str, list] = {}
    for raw in body.get("positions") or ():
        if not isinstance(raw, dict):
            continue
        position = _unwrap(raw)
        entries = [(position, _settlement_klass(doc_type, position))]
        entries += [(_unwrap(sub), SUB_POSITION) for sub in position.get("sub_positions") or () if isinstance(sub, dict)]
        for item, klass in entries:
            product_id = item.get("product_id")
            if not product_id or product_id == FREE_PRICE_ID or item.get("product_type") == "SERVICE":
                continue
            try:
                s0 = from_api(item["initial_quantity"])
                q = abs(from_api(item["quantity"]))
            except (KeyError, TypeError, ValueError):
                parsed.skipped_positions += 1
                continue
            # The same product twice: each position reports the stock before the document.
            total = totals.setdefault(product_id, [s0, 0, ""])
            total[1] += q
            total[2] = total[2] or klass  # one uncertain position makes the whole effect uncertain

    device = str(doc.get("device_id") or "")
    number = doc.get("number")
    number = number if isinstance(number, int) else None
    for product_id, (s0, q, klass) in totals.items():
        after = q if sign is None else s0 + sign * q
        parsed.movements.append(Movement(product_id, parsed.id, doc_type, parsed.close_ms, device, number, s0, q, after, klass))
    return parsed
