"""An in-memory picture of what IMSHOP may be told: the warehouses and the stock of each offer id.

Built from SQLite in one read transaction, then only read: the webhook answers from it in
microseconds, and the feed writes it out.

Rules for the quantity sent:
- whole units, rounded down; weight and other fractional goods too (2.7 kg -> 2, 0.4 kg -> 0).
  IMSHOP's ``quantity`` is a count, and rounding down never promises what is not on the shelf;
- negative balances are sent as 0;
- an unknown balance (NULL: never reconstructed nor read from the cloud) leaves the row out, so
  IMSHOP does not show the item as absent when StockDesk simply does not know;
- services never appear (the ``balances`` view leaves them out);
- an offer id that several products of one store share by the offer field is left out for that
  store until an explicit override says which product it is.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, NamedTuple

from stockdesk.core.quantity import SCALE
from stockdesk.imshop.config import (OFFER_FIELDS, Warehouse, city_key, read_overrides, read_settings,
                                     read_warehouses)


class Stock(NamedTuple):
    """An offer's stock. The snapshot keeps it as a plain ``(milli, price)`` tuple: the garbage
    collector stops tracking those (a shop may have tens of thousands, which every full collection
    would otherwise walk, pausing the webhook), while it would track a Stock for good."""
    milli: int              # the balance in thousandths (known: unknown balances are left out)
    price: float | None

    @property
    def quantity(self) -> int:
        return max(0, self.milli // SCALE)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class _Listed:
    """A warehouse with its JSON made once: the object in "warehouses" and its quoted id."""
    warehouse: Warehouse
    json: str
    id_json: str


class _Answers:
    """Answers for one set of selected warehouses: the fixed start of the body, and each offer's
    rows in every selected warehouse as one JSON fragment (b"" when it has none), made on first use
    and then reused."""

    __slots__ = ("start", "columns", "send_price", "rows", "max_rows")

    def __init__(self, listed: Iterable[_Listed], snapshot: "Snapshot"):
        listed = tuple(listed)
        self.start = ('{"warehouses":[' + ",".join(e.json for e in listed) + '],"availability":[').encode()
        self.columns = tuple((snapshot.stock.get(e.warehouse.store_id, {}), e.id_json) for e in listed)
        self.send_price = snapshot.send_price
        self.rows: dict[str, bytes] = {}
        # callers choose the ids: remember every offer id the shop has, and as many again made-up ones
        self.max_rows = 2 * sum(len(snapshot.stock.get(store_id, ())) + len(snapshot.unknown.get(store_id, ()))
                                + len(snapshot.ambiguous.get(store_id, ()))
                                for store_id in {e.warehouse.store_id for e in listed}) + 1000

    def _rows_of(self, offer_id: str) -> bytes:
        rows = []
        for offers, id_json in self.columns:
            known = offers.get(offer_id)
            if known is not None:
                known = Stock(*known)
                row = f'{{"id":{_dumps(offer_id)},"warehouseId":{id_json},"quantity":{known.quantity}'
                if self.send_price and known.price is not None:
                    row += f',"price":{_dumps(price_number(known.price))}'
                rows.append(row + "}")
        if len(self.rows) >= self.max_rows:
            self.rows.clear()
        fragment = self.rows[offer_id] = ",".join(rows).encode()
        return fragment

    def body(self, offer_ids: Iterable[str]) -> bytes:
        offer_ids = list(offer_ids)
        if len(set(offer_ids)) < len(offer_ids):  # ids given twice are answered once
            offer_ids = list(dict.fromkeys(offer_ids))
        try:
            fragments = list(map(self.rows.__getitem__, offer_ids))  # all seen before: the usual case
        except KeyError:
            rows = self.rows
            fragments = [rows[offer_id] if offer_id in rows else self._rows_of(offer_id) for offer_id in offer_ids]
        return self.start + b",".join(filter(None, fragments)) + b"]}"


_MAX_SELECTIONS = 1024  # remembered (city, warehouse id) pairs: callers choose them, so they are bounded


@dataclass(frozen=True)
class Snapshot:
    warehouses: tuple[Warehouse, ...]
    stock: Mapping[str, Mapping[str, tuple[int, float | None]]]  # store_id -> offer_id -> Stock's fields
    ambiguous: Mapping[str, frozenset[str]]         # store_id -> offer ids several products share
    unknown: Mapping[str, frozenset[str]]           # store_id -> offer ids whose balance is unknown
    send_price: bool = False
    # JSON pieces of answers, made on first use and reused (the event loop's thread only):
    _listed: tuple[_Listed, ...] = field(init=False, repr=False, compare=False)
    _answers: dict[tuple[int, ...], _Answers] = field(init=False, repr=False, compare=False)
    _selections: dict[tuple[str | None, str | None], _Answers] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        listed = tuple(_Listed(w, _dumps(w.to_json()), _dumps(w.warehouse_id)) for w in self.warehouses)
        object.__setattr__(self, "_listed", listed)
        object.__setattr__(self, "_answers", {})
        object.__setattr__(self, "_selections", {})

    def _select(self, city: str | None, warehouse_id: str | None) -> tuple[int, ...]:
        key = None if city is None else city_key(city)
        return tuple(i for i, entry in enumerate(self._listed)
                     if (warehouse_id is None or entry.warehouse.warehouse_id == warehouse_id)
                     and (key is None or entry.warehouse.serves(key)))

    def select_warehouses(self, city: str | None, warehouse_id: str | None = None) -> list[Warehouse]:
        """Warehouses for a request: in or delivering to ``city`` (all when None), and only
        ``warehouse_id`` when given."""
        return [self._listed[i].warehouse for i in self._select(city, warehouse_id)]

    def _answers_for(self, city: str | None, warehouse_id: str | None) -> _Answers:
        answers = self._selections.get((city, warehouse_id))
        if answers is None:
            chosen = self._select(city, warehouse_id)
            answers = self._answers.get(chosen)
            if answers is None:  # as many as the distinct warehouse sets the configuration allows
                answers = self._answers[chosen] = _Answers((self._listed[i] for i in chosen), self)
            if len(self._selections) >= _MAX_SELECTIONS:
                self._selections.clear()
            self._selections[city, warehouse_id] = answers
        return answers

    def answer_json(self, city: str | None, offer_ids: Iterable[str], warehouse_id: str | None = None) -> bytes:
        """The webhook's response body: each known offer id in each selected warehouse; ids given
        twice are answered once."""
        return self._answers_for(city, warehouse_id).body(offer_ids)

    def all_rows(self) -> Iterator[tuple[str, Warehouse, Stock]]:
        """Every (offer id, warehouse, stock), warehouse by warehouse, offer ids sorted: the feed."""
        for warehouse in self.warehouses:
            offers = self.stock.get(warehouse.store_id, {})
            for offer_id in sorted(offers):
                yield offer_id, warehouse, Stock(*offers[offer_id])


def price_number(price: float) -> int | float:
    """Kopecks precision; whole roubles as an integer (100.0 -> 100)."""
    rounded = round(price, 2)
    return int(rounded) if rounded == int(rounded) else rounded


_STOCK_BY_FIELD = """
    SELECT {expr} AS offer_id, b.qty, p.price
    FROM balances b JOIN products p ON p.store_id = b.store_id AND p.id = b.product_id
    WHERE b.store_id = ? AND offer_id IS NOT NULL AND offer_id <> ''
"""
_STOCK_BY_OVERRIDE = """
    SELECT b.qty, p.price
    FROM balances b JOIN products p ON p.store_id = b.store_id AND p.id = b.product_id
    WHERE b.store_id = ? AND b.product_id = ?
"""


def load_snapshot(conn: sqlite3.Connection) -> Snapshot:
    """Read configuration and balances in one transaction, so they agree with each other."""
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")
    try:
        settings = read_settings(conn)
        warehouses = read_warehouses(conn)
        overrides = read_overrides(conn)
        store_ids = {w.store_id for w in warehouses}
        by_store: dict[str, dict[str, tuple[int, float | None] | None]] = {}
        ambiguous: dict[str, set[str]] = defaultdict(set)
        sql = _STOCK_BY_FIELD.format(expr=OFFER_FIELDS[settings.offer_field])
        for store_id in store_ids:
            offers: dict[str, tuple[int, float | None] | None] = {}
            for offer_id, qty, price in conn.execute(sql, (store_id,)):
                if offer_id in offers or offer_id in ambiguous[store_id]:
                    ambiguous[store_id].add(offer_id)
                    offers.pop(offer_id, None)
                    continue
                offers[offer_id] = None if qty is None else (qty, price)
            by_store[store_id] = offers
        for override in overrides:
            if override.store_id not in store_ids:
                continue
            ambiguous[override.store_id].discard(override.offer_id)
            found = conn.execute(_STOCK_BY_OVERRIDE, (override.store_id, override.product_id)).fetchone()
            by_store[override.store_id][override.offer_id] = (
                None if found is None or found[0] is None else (found[0], found[1]))
    finally:
        if own_transaction:
            conn.execute("COMMIT")
    stock = {store_id: {offer_id: s for offer_id, s in offers.items() if s is not None}
             for store_id, offers in by_store.items()}
    unknown = {store_id: frozenset(offer_id for offer_id, s in offers.items() if s is None)
               for store_id, offers in by_store.items()}
    return Snapshot(warehouses=tuple(warehouses), stock=stock,
                    ambiguous={store_id: frozenset(ids) for store_id, ids in ambiguous.items() if ids},
                    unknown={store_id: ids for store_id, ids in unknown.items() if ids},
                    send_price=settings.send_price)
