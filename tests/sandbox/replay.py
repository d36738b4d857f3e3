"""An independent replay of the brief's stock rules, to check the generator against its own truth."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from stockdesk.sandbox.evotor_shop import StoreData, parse_iso_ms

UP = {"ACCEPT", "PAYBACK", "BUY"}
DOWN = {"SELL", "WRITE_OFF", "RETURN", "BUYBACK"}
PREPAYMENT = {"PREPAYMENT_FULL", "PREPAYMENT_PARTIAL", "ADVANCE"}


def positions(doc: dict) -> list[dict]:
    """Both shapes: flat {...} and wrapped {"position": {...}}."""
    return [p.get("position", p) for p in doc.get("body", {}).get("positions", [])]


@dataclass
class Replay:
    state: dict[str, Decimal] = field(default_factory=dict)        # after the newest event
    mismatches: list[tuple[str, int]] = field(default_factory=list)  # (product, close ms): s0 != previous after
    moved: set[str] = field(default_factory=set)


def replay(store: StoreData, prepayment_moves_stock: bool) -> Replay:
    created = {p["id"]: parse_iso_ms(p["created_at"]) for p in store.products if p["type"] != "SERVICE"}
    r = Replay()
    docs = sorted(store.documents, key=lambda d: parse_iso_ms(d["close_date"]))
    for doc in docs:
        kind, ms = doc["type"], parse_iso_ms(doc["close_date"])
        if kind not in UP | DOWN | {"INVENTORY"}:
            continue
        by_product: dict[str, list[dict]] = {}
        for pos in positions(doc):
            if "product_id" in pos and pos["product_type"] != "SERVICE":
                by_product.setdefault(pos["product_id"], []).append(pos)
        for pid, poss in by_product.items():
            s0 = {Decimal(str(p["initial_quantity"])) for p in poss}
            assert len(s0) == 1, (doc["id"], pid)
            s0_value = s0.pop()
            if pid in r.state and r.state[pid] != s0_value:
                r.mismatches.append((pid, ms))
            q = sum(Decimal(str(p["quantity"])) for p in poss)
            if kind == "INVENTORY":
                after = q
            else:
                methods = {p.get("settlement_method", {}).get("type") for p in poss}
                moves = not (methods & PREPAYMENT) or prepayment_moves_stock
                after = s0_value + (q if kind in UP else -q) if moves else s0_value
            r.state[pid] = after
            r.moved.add(pid)
        if kind == "INVENTORY" and doc["body"].get("complete_inventory", True):
            for pid, c in created.items():
                if c < ms and pid not in by_product:
                    r.state[pid] = Decimal(0)
    return r
