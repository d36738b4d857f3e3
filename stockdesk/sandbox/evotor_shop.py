"""A generated Evotor shop whose true stock is known.

The generator simulates terminals over many months: every stock-moving document position records
``initial_quantity`` = the true stock before the document, and then the true stock changes by the
document's effect (see ``effect_sign``). Everything is deterministic for a given ``ShopSpec``
(``now_ms`` included), so tests and benchmarks can compare a reconstruction with ``StoreData.truth``.

Stock is kept as int thousandths ("milli") like ``stockdesk.core.quantity``.
Documents are serialized to JSON bytes once (``DocumentList``) so the sandbox server can page
300 000 of them without holding a dict per document.
"""

from __future__ import annotations

import bisect
import json
import random
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, overload

from stockdesk.sandbox import catalog

DEMO_TOKEN = "demo-evotor-token"

# Document types of the V2 docs (§5.4), plus the legacy FPRINT and one the client cannot know.
DOCUMENT_TYPES = (
    "OPEN_SESSION", "POS_OPEN_SESSION", "CLOSE_SESSION", "CASH_INCOME", "CASH_OUTCOME", "INVENTORY",
    "ACCEPT", "REVALUATION", "WRITE_OFF", "RETURN", "OPEN_TARE", "SELL", "PAYBACK", "BUY", "BUYBACK",
    "X_REPORT", "Z_REPORT",
)
LEGACY_TYPES = ("FPRINT",)
UNKNOWN_TYPES = ("SOME_NEW_TYPE",)

STOCK_UP = frozenset({"ACCEPT", "PAYBACK", "BUY"})
STOCK_DOWN = frozenset({"SELL", "WRITE_OFF", "RETURN", "BUYBACK"})
STOCK_MOVING = STOCK_UP | STOCK_DOWN | {"INVENTORY"}
SALE_TYPES = frozenset({"SELL", "PAYBACK", "BUY", "BUYBACK"})
FULL_SETTLEMENT = "CHECKOUT_FULL"
# Receipts taking money before the goods leave: they move stock only if ShopSpec.prepayment_moves_stock.
PREPAYMENT_METHODS = frozenset({"PREPAYMENT_FULL", "PREPAYMENT_PARTIAL", "ADVANCE"})
# CREDIT ("передача в кредит") hands the goods over now and is paid later: it always moves stock.
NON_FULL_METHODS = PREPAYMENT_METHODS | {"CREDIT"}
LEGACY_FREE_PRICE_NAME = "Товар по свободной цене"

DAY_MS = 86_400_000
HOUR_MS = 3_600_000
MSK_OFFSET_MS = 3 * HOUR_MS


def effect_sign(doc_type: str) -> int:
    """+1 adds the position quantity, -1 subtracts it, 0 no stock effect (INVENTORY sets it)."""
    return 1 if doc_type in STOCK_UP else -1 if doc_type in STOCK_DOWN else 0


@dataclass
class ShopSpec:
    seed: int = 7
    stores: int = 2
    products_per_store: int = 420       # demo: 2 stores x 420 => 840 products
    documents_per_store: int = 6000     # all types, spread over `months`
    months: int = 14
    now_ms: int | None = None           # default: current time
    prepayment_moves_stock: bool = False  # how this shop's terminals treat prepayment receipts
    complete_inventories: bool = True     # store 1 has two; False makes a reader go back to the start
    token: str = DEMO_TOKEN


class DocumentList(Sequence[dict]):
    """Raw V2 documents of one store in close_date order, kept as JSON bytes; items decode on access.

    ``raw[i]`` is the exact JSON the server sends; ``close_ms``, ``created_ms`` and ``types`` index it.
    """

    def __init__(self) -> None:
        self.raw: list[bytes] = []
        self.close_ms = array("q")
        self.created_ms = array("q")
        self.types: list[str] = []

    def append(self, doc: dict, close_ms: int, created_ms: int, encode=json.JSONEncoder(
            ensure_ascii=False, separators=(",", ":")).encode) -> None:
        self.raw.append(encode(doc).encode())
        self.close_ms.append(close_ms)
        self.created_ms.append(created_ms)
        self.types.append(doc["type"])

    def __len__(self) -> int:
        return len(self.raw)

    @overload
    def __getitem__(self, i: int) -> dict: ...
    @overload
    def __getitem__(self, i: slice) -> list[dict]: ...

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [json.loads(b) for b in self.raw[i]]
        return json.loads(self.raw[i])

    def __iter__(self) -> Iterator[dict]:
        return (json.loads(b) for b in self.raw)


@dataclass
class StoreData:
    id: str
    name: str
    address: str
    created_at: str
    user_id: str
    updated_at: str
    products: list[dict]       # as GET /products returns them; 'quantity' is the (mostly wrong) cloud value
    documents: DocumentList    # raw V2 documents, close_date order
    truth: dict[str, Decimal]  # product_id -> true current stock, every non-service product
    no_document_ids: set[str]  # no stock-moving document and not covered by a complete inventory
    uncertain_newest_ids: set[str]  # newest stock-moving document is a sale with a non-full settlement
    product_groups: list[dict] = field(default_factory=list)  # as GET /product-groups returns them
    out_of_band_edits: list[tuple[str, int]] = field(default_factory=list)  # (product_id, ms): stock changed without a document
    device_ids: list[str] = field(default_factory=list)

    def store_json(self) -> dict:
        return {"id": self.id, "name": self.name, "address": self.address, "user_id": self.user_id,
                "created_at": self.created_at, "updated_at": self.updated_at}


@dataclass
class Shop:
    token: str
    user_id: str
    stores: list[StoreData]
    spec: ShopSpec | None = None


def generate_shop(spec: ShopSpec) -> Shop:
    now_ms = spec.now_ms if spec.now_ms is not None else int(time.time() * 1000)
    rng = random.Random(spec.seed)
    user_id = f"01-{rng.randrange(10**15):015d}"
    stores = [_StoreBuilder(spec, i, now_ms, user_id).build() for i in range(spec.stores)]
    return Shop(token=spec.token, user_id=user_id, stores=stores, spec=spec)


# --- formatting helpers ----------------------------------------------------------------------

_DAY_PREFIX: dict[int, str] = {}


def iso_ms(ms: int) -> str:
    """Evotor timestamp text: '2025-01-10T09:33:19.757+0000' (UTC, milliseconds)."""
    day, rem = divmod(ms, DAY_MS)
    prefix = _DAY_PREFIX.get(day)
    if prefix is None:
        prefix = _DAY_PREFIX[day] = datetime.fromtimestamp(day * 86400, timezone.utc).strftime("%Y-%m-%dT")
    h, rem = divmod(rem, HOUR_MS)
    m, rem = divmod(rem, 60_000)
    s, milli = divmod(rem, 1000)
    return f"{prefix}{h:02d}:{m:02d}:{s:02d}.{milli:03d}+0000"


def parse_iso_ms(text: str) -> int:
    """Inverse of iso_ms (also accepts '+00:00' and 'Z')."""
    dt = datetime.strptime(text.replace("Z", "+0000").replace("+00:00", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z")
    return int(dt.timestamp() * 1000)


def qty_json(milli: int) -> int | float:
    """A JSON number with at most 3 decimals."""
    return milli // 1000 if milli % 1000 == 0 else milli / 1000


def _money(x: float) -> float | int:
    r = round(x, 2)
    return int(r) if r == int(r) else r


def _uuid(rng: random.Random) -> str:
    x = rng.getrandbits(128)
    h = f"{x:032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[x & 3]}{h[17:20]}-{h[20:]}"


def _dated_id(rng: random.Random, ms: int) -> str:
    """Evotor-style id with a creation-date prefix: '20250110-4F1A-…'."""
    h = f"{rng.getrandbits(96):024X}"
    return f"{datetime.fromtimestamp(ms / 1000, timezone.utc):%Y%m%d}-{h[:4]}-{h[4:8]}-{h[8:12]}-{h[12:]}"


def _ean13(rng: random.Random, prefix: str = "46") -> str:
    digits = prefix + "".join(str(rng.randrange(10)) for _ in range(12 - len(prefix)))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


# --- the simulation --------------------------------------------------------------------------

class _Product:
    __slots__ = ("id", "name", "type", "weight", "price", "cost", "code", "barcodes", "parent_id",
                 "attributes_choices", "created_ms", "updated_ms", "tax", "article", "target",
                 "no_restock", "no_doc", "alcohol")

    def __init__(self, **kw: Any) -> None:
        self.parent_id = None
        self.attributes_choices = None
        self.alcohol = None
        self.no_restock = self.no_doc = False
        for k, v in kw.items():
            setattr(self, k, v)

    @property
    def measure(self) -> str:
        return "кг" if self.weight else "шт"

    def card(self, store_id: str, user_id: str, quantity: int | None) -> dict:
        d: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type, "measure_name": self.measure,
                             "tax": self.tax, "allow_to_sell": True, "price": self.price}
        if self.type != "SERVICE":
            d["cost_price"] = self.cost
            d["quantity"] = qty_json(quantity or 0)
        if self.parent_id:
            d["parent_id"] = self.parent_id
        if self.attributes_choices:
            d["attributes_choices"] = self.attributes_choices
        if self.article:
            d["article_number"] = self.article
        d["code"] = self.code
        d["barcodes"] = list(self.barcodes)
        if self.alcohol:
            d.update(self.alcohol)
        d.update(store_id=store_id, user_id=user_id, created_at=iso_ms(self.created_ms),
                 updated_at=iso_ms(self.updated_ms))
        return d


class _Session:
    __slots__ = ("device", "open_ms", "close_ms", "id", "number", "offline_release", "resets_numbers")

    def __init__(self, device: int, open_ms: int, close_ms: int) -> None:
        self.device, self.open_ms, self.close_ms = device, open_ms, close_ms
        self.offline_release: int | None = None
        self.resets_numbers = False


class _Picker:
    """Products in popularity order: a few sell a lot, the long tail rarely."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.active: list[_Product] = []

    def add(self, products: list[_Product]) -> None:
        for p in products:
            self.active.insert(self.rng.randrange(len(self.active) + 1), p)

    def remove(self, products: list[_Product]) -> None:
        gone = {id(p) for p in products}
        self.active = [p for p in self.active if id(p) not in gone]

    def popular(self) -> _Product:
        return self.active[int(len(self.active) * self.rng.random() ** 2.2)]

    def uniform(self) -> _Product:
        return self.rng.choice(self.active)


class _StoreBuilder:
    STORE_NAMES = (("Магазин «Продукты у дома»", "г. Тверь, ул. Советская, д. 12"),
                   ("Минимаркет «Берёзка»", "г. Тверь, пр-т Чайковского, д. 40"),
                   ("Магазин «Семейный»", "г. Торжок, ул. Дзержинского, д. 7"),
                   ("Лавка «Каждый день»", "г. Конаково, ул. Энергетиков, д. 3"))

    def __init__(self, spec: ShopSpec, index: int, now_ms: int, user_id: str) -> None:
        self.spec, self.index, self.now, self.user_id = spec, index, now_ms, user_id
        self.rng = random.Random(spec.seed * 7919 + index * 104729 + 1)
        span = int(spec.months * 30.44 * DAY_MS)
        self.created_ms = now_ms - span + min(index * 15 * DAY_MS, span // 4)  # stores opened a bit apart
        self.span = now_ms - self.created_ms
        self.store_id = _dated_id(self.rng, self.created_ms)
        self.products: list[_Product] = []
        self.services: list[_Product] = []
        self.groups: list[dict] = []
        self.stock: dict[int, int] = {}
        self.picker = _Picker(self.rng)
        self.docs = DocumentList()

    # -- assortment --

    def _make_products(self) -> None:
        rng, n = self.rng, self.spec.products_per_store
        n_services = max(3, n * 2 // 100)
        n_mod_groups = max(2, n * 4 // 100 // 4)
        n_weight = n * 15 // 100
        n_beer = n * 4 // 100
        n_marked = max(2, n * 2 // 100)
        codes = iter(range(1, 10**9))
        made: list[_Product] = []

        def add(name: str, t: catalog.Template, ptype: str = "NORMAL", weight: bool = False, **kw: Any) -> _Product:
            price = round(rng.uniform(*t.price), 0) - rng.choice((0, 0.01, 0.1))
            p = _Product(id=_uuid(rng), name=name, type=ptype, weight=weight, price=_money(price),
                         cost=_money(price * rng.uniform(0.55, 0.8)), code=str(next(codes)), tax=t.tax,
                         barcodes=([] if weight and rng.random() < 0.5 else
                                   [_ean13(rng, "2" if weight else "46") for _ in range(1 + (rng.random() < 0.1))]),
                         article=(f"{rng.choice('АБВГДКМС')}-{rng.randrange(10**5):05d}" if rng.random() < 0.6 else None),
                         target=(rng.randint(5, 30) if weight else rng.randint(12, 60)) * 1000, **kw)
            made.append(p)
            return p

        for (name, price), _ in zip(catalog.SERVICES * (n_services // len(catalog.SERVICES) + 1), range(n_services)):
            self.services.append(add(name, catalog.Template(name, (), (price, price + 1)), "SERVICE"))
        mod_names = catalog.name_stream(tuple(t for t, _, _ in catalog.MODIFIED), rng)
        attrs = {t.pattern: (attr, choices) for t, attr, choices in catalog.MODIFIED}
        for _ in range(n_mod_groups):
            name, t = next(mod_names)
            attr, choices = attrs[t.pattern]
            attr_id, group_id = _uuid(rng), _uuid(rng)
            choice_ids = [_uuid(rng) for _ in choices]
            self.groups.append({"id": group_id, "name": name, "attributes": [
                {"id": attr_id, "name": attr, "choices": [{"id": c, "name": v} for c, v in zip(choice_ids, choices)]}]})
            for cid, value in zip(choice_ids, choices):
                add(f"{name}, {value}", t, parent_id=group_id, attributes_choices={attr_id: cid})
        weight = catalog.name_stream(catalog.WEIGHT, rng)
        for _ in range(n_weight):
            add(*next(weight), weight=True)
        beer, marked = catalog.name_stream((catalog.BEER,), rng), catalog.name_stream((catalog.MARKED_ALCOHOL,), rng)
        for _ in range(n_beer):
            add(*next(beer), "ALCOHOL_NOT_MARKED", alcohol={"alcohol_by_volume": 4.7, "tare_volume": 0.5})
        for _ in range(n_marked):
            add(*next(marked), "ALCOHOL_MARKED", alcohol={"alcohol_by_volume": 40.0, "tare_volume": 0.5,
                                                        "alcohol_product_kind_code": 200, "alcocodes": [f"{rng.randrange(10**19):019d}"]})
        piece = catalog.name_stream(catalog.PIECE, rng)
        while len(made) < n:
            add(*next(piece))
        # Ordinary goods sit in category groups (so parent_id alone does not mean "modification").
        categories = [{"id": _uuid(rng), "name": c} for c in catalog.CATEGORIES]
        self.groups.extend(categories)
        for p in made:
            if p.parent_id is None and p.type != "SERVICE" and rng.random() < 0.3:
                p.parent_id = rng.choice(categories)["id"]
        self.products = made

    # -- timeline --

    def _make_sessions(self, n_devices: int, n_sessions: int) -> list[_Session]:
        rng = self.rng
        first_day = self.created_ms // DAY_MS + 1
        days = max(1, (self.now - first_day * DAY_MS) // DAY_MS + 1)
        p = min(1.0, n_sessions / (days * n_devices))
        sessions = []
        for day in range(first_day, first_day + days):
            for dev in range(n_devices):
                if rng.random() >= p:
                    continue
                open_ms = day * DAY_MS + 5 * HOUR_MS + rng.randrange(90 * 60_000)
                close_ms = day * DAY_MS + 17 * HOUR_MS + rng.randrange(150 * 60_000)
                if close_ms < self.now - 60_000:
                    sessions.append(_Session(dev, open_ms, close_ms))
        if not sessions:
            raise ValueError("the shop's time span has room for no terminal session")
        sessions.sort(key=lambda s: s.open_ms)
        per_device: dict[int, int] = {}
        for s in sessions:
            s.id = _uuid(rng)
            s.number = per_device[s.device] = per_device.get(s.device, 0) + 1
            if rng.random() < 0.03:  # the terminal was offline: its documents arrive hours or days later
                s.offline_release = min(self.now - 1, s.close_ms + rng.randint(HOUR_MS, 3 * DAY_MS))
        mid = [s for s in sessions if s.device == n_devices - 1 and s.open_ms > self.created_ms + self.span // 2]
        if self.index == 0 and n_devices > 1 and mid:
            mid[0].resets_numbers = True  # a program reset: this terminal's numbering restarts at 1
        return sessions

    def build(self) -> StoreData:
        spec, rng = self.spec, self.rng
        n_docs = spec.documents_per_store
        n_devices = 2 + n_docs // 100_000
        self._make_products()
        sessions = self._make_sessions(n_devices, max(1, n_docs // 20))
        self.devices = [_dated_id(rng, self.created_ms + DAY_MS) for _ in range(n_devices)]
        self.employees = [_dated_id(rng, self.created_ms + DAY_MS) for _ in range(3)]
        opens = [s.open_ms for s in sessions]
        events: list[tuple[int, int, str, Any, _Session | None]] = []  # (ms, order, kind, payload, session)

        def session_at_or_after(ms: int) -> _Session:
            return sessions[min(bisect.bisect_left(opens, ms), len(sessions) - 1)]

        def in_session(s: _Session) -> int:
            return rng.randint(s.open_ms + 60_000, s.close_ms - 120_000)

        def plan(kind: str, payload: Any = None, session: _Session | None = None, ms: int | None = None) -> None:
            s = session or rng.choice(sessions)
            events.append((in_session(s) if ms is None else ms, len(events), kind, payload, s))

        # Product creation: most at the start, the rest in batches, each followed by an acceptance.
        goods = [p for p in self.products if p.type != "SERVICE"]
        rng.shuffle(goods)
        n_no_doc = max(2, len(goods) * 3 // 100)
        batch_at = [0.2, 0.4, 0.55, 0.75, 0.9]
        complete_at = [0.15, 0.65] if self.index == 0 and self.spec.complete_inventories else []
        initial = goods[: len(goods) * 80 // 100]
        later = goods[len(initial):]
        if self.index == 0:  # doc-less goods appear after the last complete inventory
            no_doc, later = later[:n_no_doc], later[n_no_doc:]
        else:
            no_doc = later[-n_no_doc:]
        batches = [initial] + [later[i::len(batch_at)] for i in range(len(batch_at))]
        if self.index == 0:
            batches[-1] = no_doc + batches[-1]
        for p in no_doc:
            p.no_doc = True
        for p in rng.sample(goods, max(1, len(goods) // 30)):
            p.no_restock = True
        start = sessions[0].open_ms - HOUR_MS
        for i, batch in enumerate(batches):
            t = start if i == 0 else self.created_ms + int(self.span * batch_at[i - 1])
            events.append((t, len(events), "create", batch + (self.services if i == 0 else []), None))
            stocked = [p for p in batch if not p.no_doc]
            s = session_at_or_after(t + HOUR_MS)
            if s.open_ms < t:  # no session left after this batch: its goods get no documents
                continue
            for k, chunk in enumerate(range(0, len(stocked), 60)):  # first thing in the session
                plan("ACCEPT", {"products": stocked[chunk:chunk + 60]}, s, s.open_ms + 30_000 + k * 100)
        for i, frac in enumerate(complete_at):
            plan("INVENTORY", {"complete": True, "omit_flag": i == 0},
                 session_at_or_after(self.created_ms + int(self.span * frac)))
        events.append((self.now - 45 * DAY_MS, len(events), "snapshot", None, None))
        # A handful of goods whose newest document is a receipt with a non-full settlement method.
        tail_ms = self.now - 6 * DAY_MS
        tail_sessions = [s for s in sessions if s.open_ms > tail_ms]
        if tail_sessions:
            tail = [p for p in initial if not p.no_doc][: 6 if self.index == 0 else 3]
            events.append((tail_ms, len(events), "tail", tail, None))
            methods = ("PREPAYMENT_FULL", "ADVANCE", "PREPAYMENT_PARTIAL", "CREDIT", "PREPAYMENT_FULL", "ADVANCE")
            for p, method in zip(tail, methods):
                plan("SELL", {"products": [p], "method": method}, rng.choice(tail_sessions))
        # Session documents.
        n_session_docs = 0
        for s in sessions:
            kinds = ["OPEN_SESSION"] + (["POS_OPEN_SESSION"] if rng.random() < 0.05 else [])
            for k, kind in enumerate(kinds):
                events.append((s.open_ms + k * 5000, len(events), kind, None, s))
            for kind, prob in (("X_REPORT", 0.08), ("CASH_INCOME", 0.05), ("CASH_OUTCOME", 0.05)):
                if rng.random() < prob:
                    plan(kind, None, s)
                    n_session_docs += 1
            events.append((s.close_ms - 2000, len(events), "CLOSE_SESSION", None, s))
            events.append((s.close_ms, len(events), "Z_REPORT", None, s))
            n_session_docs += len(kinds) + 2
        # Other documents, then receipts fill the requested total.
        counts = {"ACCEPT": max(10, n_docs * 3 // 100), "WRITE_OFF": max(4, n_docs * 8 // 1000),
                  "RETURN": max(3, n_docs * 4 // 1000), "PAYBACK": max(4, n_docs // 100),
                  "BUY": max(2, n_docs * 2 // 1000), "BUYBACK": max(2, n_docs // 1000),
                  "REVALUATION": max(2, n_docs * 3 // 1000), "OPEN_TARE": max(2, n_docs * 2 // 1000),
                  "INVENTORY": max(3, int(spec.months * 1.5)), "FPRINT": 3, "SOME_NEW_TYPE": 2}
        for kind, n in counts.items():
            for _ in range(n):
                plan(kind)
        planned = sum(1 for e in events if e[2] not in ("create", "snapshot", "tail"))
        n_sells = max(10, n_docs - planned)
        self.restock_size = max(3, round(n_sells * 2.2 / 20 / counts["ACCEPT"]))
        for _ in range(n_sells):
            plan("SELL")
        events.sort(key=lambda e: (e[0], e[1]))
        self._simulate(events)
        return self._result()

    # -- running the terminals --

    def _simulate(self, events: list) -> None:
        rng, stock = self.rng, self.stock
        self.moved: set[int] = set()          # id(product) seen in a stock-moving document
        self.covered: set[int] = set()        # id(product) created before a complete inventory
        self.newest_uncertain: dict[int, bool] = {}
        self.snapshot: dict[int, int] = {}
        self.oob: list[tuple[str, int]] = []
        self.recent_sells: list[tuple[str, int]] = []
        self.numbers = [0] * len(self.devices)
        self.seen_session: set[int] = set()
        self.existing: list[_Product] = []
        old_until = self.created_ms + self.span * 4 // 10
        last = -1
        for ms, _, kind, payload, session in events:
            ms = max(ms, last + 1)
            last = ms
            if kind == "create":
                for p in payload:
                    p.created_ms = p.updated_ms = ms
                    stock[id(p)] = rng.randint(0, 20) * 1000 if p.no_doc else 0
                self.existing.extend(payload)
                self.picker.add([p for p in payload if not p.no_doc and p.type != "SERVICE"])
            elif kind == "snapshot":
                self.snapshot = dict(stock)
            elif kind == "tail":
                self.picker.remove(payload)
            else:
                self.omit_settlement = ms < old_until and rng.random() < 0.25
                body = getattr(self, "_body_" + kind.lower(), self._body_empty)(payload or {}, ms)
                self._emit(kind, body, ms, session)

    def _emit(self, kind: str, body: dict, ms: int, s: _Session) -> None:
        rng = self.rng
        if id(s) not in self.seen_session:
            self.seen_session.add(id(s))
            if s.resets_numbers:
                self.numbers[s.device] = 0
        self.numbers[s.device] += 1
        if s.offline_release is not None:
            created = max(ms + 500, s.offline_release + self.numbers[s.device] % 1000 * 40)
        elif rng.random() < 0.005:
            created = ms + rng.randint(HOUR_MS, 2 * DAY_MS)
        else:
            created = ms + rng.randint(300, 4000)
        created = max(ms, min(created, self.now - 1))
        doc = {"type": kind, "id": _uuid(rng), "extras": {}, "number": self.numbers[s.device],
               "close_date": iso_ms(ms), "created_at": iso_ms(created), "time_zone_offset": MSK_OFFSET_MS,
               "session_id": s.id, "session_number": s.number, "close_user_id": rng.choice(self.employees),
               "device_id": self.devices[s.device], "store_id": self.store_id, "user_id": self.user_id,
               "version": "V2", "body": body}
        if kind == "SELL":
            self.recent_sells = (self.recent_sells + [(doc["id"], doc["number"])])[-50:]
        self.docs.append(doc, ms, created)

    # -- positions --

    def _before(self, p: _Product, ms: int) -> int:
        """True stock just before a stock-moving document; now and then someone edited it in the cloud
        since the product's previous document (so this document's initial_quantity reveals the edit)."""
        if self.rng.random() < 0.004 and id(p) in self.moved:
            delta = self.rng.choice((-3, -2, -1, 1, 2, 5, 10)) * (250 if p.weight else 1000)
            self.stock[id(p)] += delta
            self.oob.append((p.id, ms))
        return self.stock[id(p)]

    def _sale_qty(self, p: _Product) -> int:
        if p.weight:
            return self.rng.randint(150, 2500)
        r = self.rng.random()
        return 1000 if r < 0.75 else 2000 if r < 0.9 else self.rng.randint(3, 6) * 1000

    def _position(self, p: _Product, q: int, s0: int, cost: bool = False) -> dict:
        rng = self.rng
        pos: dict[str, Any] = {"id": _uuid(rng), "uuid": _uuid(rng), "product_id": p.id}
        if p.attributes_choices:
            pos["parent_id"] = p.parent_id
        pos.update(product_name=p.name, product_type=p.type, measure_name=p.measure, quantity=qty_json(q),
                   initial_quantity=qty_json(s0), price=p.price)
        if cost:
            pos["cost_price"] = p.cost
        pos["sum"] = _money(p.price * q / 1000)
        pos["code"] = p.code
        if p.barcodes:
            pos["bar_code"] = p.barcodes[0]
        pos["sub_positions"] = []
        return pos

    def _stock_positions(self, doc_type: str, items: list[tuple[_Product, int]], ms: int, *,
                         moves: bool = True, uncertain: bool = False, cost: bool = False) -> list[dict]:
        """Positions for (product, quantity) pairs; repeated products share initial_quantity, effects add up."""
        before: dict[int, int] = {}
        for p, _ in items:
            if id(p) not in before:
                before[id(p)] = self._before(p, ms)
        positions = [self._position(p, q, before[id(p)], cost=cost) for p, q in items]
        sign = effect_sign(doc_type) if moves else 0
        for p, q in items:
            self.stock[id(p)] += sign * q
            self.moved.add(id(p))
            self.newest_uncertain[id(p)] = uncertain
        return positions

    def _distinct(self, pick, n: int) -> list[_Product]:
        """n random picks without repeats, in a deterministic order."""
        return list({id(p): p for p in (pick() for _ in range(n))}.values())

    def _wrap(self, body: dict, *keys: str) -> dict:
        """About one document in five uses the documentation's wrapped shape: {"position": {...}}."""
        if self.rng.random() < 0.2:
            for key in keys:
                singular = key[:-1]
                body[key] = [{singular: x} for x in body[key]]
        return body

    # -- document bodies --

    def _body_empty(self, payload: dict, ms: int) -> dict:
        return {}

    def _body_cash_income(self, payload: dict, ms: int) -> dict:
        return {"sum": _money(self.rng.randint(5, 50) * 100), "description": "Размен"}

    def _body_cash_outcome(self, payload: dict, ms: int) -> dict:
        return {"sum": _money(self.rng.randint(10, 300) * 100), "description": "Инкассация"}

    def _sale(self, doc_type: str, items: list[tuple[_Product, int]], ms: int, method: str = FULL_SETTLEMENT,
              extra: list[dict] = ()) -> dict:
        rng = self.rng
        moves = method not in PREPAYMENT_METHODS or self.spec.prepayment_moves_stock
        positions = self._stock_positions(doc_type, items, ms, moves=moves, uncertain=method in NON_FULL_METHODS)
        positions += extra
        with_settlement = not (self.omit_settlement and method == FULL_SETTLEMENT and doc_type == "SELL")
        for pos in positions:
            if pos["product_type"] == "ALCOHOL_MARKED":
                pos["mark"] = f"22N{rng.getrandbits(128):032X}"
            if with_settlement:
                pos["settlement_method"] = ({"type": method, "amount": _money(pos["sum"] / 2)}
                                            if method == "PREPAYMENT_PARTIAL" else {"type": method})
        total = _money(sum(p["sum"] for p in positions))
        if method == "PREPAYMENT_PARTIAL":
            total = _money(total / 2)
        pay_type = "CREDIT" if method == "CREDIT" else rng.choice(("CASH", "ELECTRON", "ELECTRON"))
        body = {"positions": positions, "doc_discounts": [],
                "payments": [{"id": _uuid(rng), "type": pay_type, "sum": total}],
                "sum": total, "result_sum": total}
        return self._wrap(body, "positions", "payments")

    def _body_sell(self, payload: dict, ms: int) -> dict:
        rng = self.rng
        if "products" in payload:
            return self._sale("SELL", [(p, self._sale_qty(p)) for p in payload["products"]], ms, payload["method"])
        if rng.random() < 0.012:  # a prepayment / advance / credit receipt among ordinary ones
            method = rng.choice(("PREPAYMENT_FULL", "PREPAYMENT_FULL", "PREPAYMENT_PARTIAL", "ADVANCE", "CREDIT"))
            goods = self._distinct(self.picker.popular, rng.randint(1, 2))
            return self._sale("SELL", [(p, self._sale_qty(p)) for p in goods], ms, method)
        r = rng.random()
        n = 1 if r < 0.45 else 2 if r < 0.7 else 3 if r < 0.85 else rng.randint(4, 7)
        items = [(p, self._sale_qty(p)) for p in (self.picker.popular() for _ in range(n))]
        if rng.random() < 0.015:  # the same product scanned twice
            items.append((items[0][0], self._sale_qty(items[0][0])))
        extra = []
        if rng.random() < 0.03:  # services never move stock
            extra.append(self._position(rng.choice(self.services), 1000, 0))
        if rng.random() < 0.02:  # "free price" item: no product_id at all
            price = _money(rng.randint(20, 500))
            extra.append({"id": _uuid(rng), "uuid": _uuid(rng), "product_name": LEGACY_FREE_PRICE_NAME,
                          "product_type": "NORMAL", "measure_name": "шт", "quantity": 1, "initial_quantity": 0,
                          "price": price, "sum": price, "sub_positions": []})
        return self._sale("SELL", items, ms, extra=extra)

    def _body_payback(self, payload: dict, ms: int) -> dict:
        p = self.picker.popular()
        body = self._sale("PAYBACK", [(p, 1000 if not p.weight else self.rng.randint(200, 1500))], ms)
        if self.recent_sells:
            base_id, base_number = self.rng.choice(self.recent_sells)
            body.update(base_document_id=base_id, base_document_number=base_number)
        return body

    def _body_buy(self, payload: dict, ms: int) -> dict:
        return self._sale("BUY", [(self.picker.uniform(), self.rng.randint(1, 2) * 1000)], ms)

    def _body_buyback(self, payload: dict, ms: int) -> dict:
        body = self._sale("BUYBACK", [(self.picker.uniform(), 1000)], ms)
        if self.recent_sells:
            body["base_document_id"], body["base_document_number"] = self.recent_sells[-1]
        return body

    def _supplier_doc(self, doc_type: str, items: list[tuple[_Product, int]], ms: int, **extra: Any) -> dict:
        positions = self._stock_positions(doc_type, items, ms, cost=True)
        for pos in positions:
            pos["sum"] = _money(pos["cost_price"] * float(pos["quantity"]))
        body = {"positions": positions, "sum": _money(sum(p["sum"] for p in positions))}
        body.update((k, v) for k, v in extra.items() if v is not None)  # empty fields are omitted
        return self._wrap(body, "positions")

    def _body_accept(self, payload: dict, ms: int) -> dict:
        rng, stock = self.rng, self.stock
        if "products" in payload:
            items = [(p, p.target + rng.randint(0, 10) * 1000) for p in payload["products"]]
        else:
            items = []
            for _ in range(self.restock_size * 3):
                p = self.picker.popular()
                if not p.no_restock and stock[id(p)] < p.target // 3 and all(p is not q for q, _ in items):
                    items.append((p, p.target - stock[id(p)]))
                if len(items) >= self.restock_size:
                    break
            if not items:
                p = self.picker.popular()
                items = [(p, p.target)]
        return self._supplier_doc("ACCEPT", items, ms, supplier_id=_uuid(rng) if rng.random() < 0.5 else None,
                                  description="Поставка" if rng.random() < 0.3 else None)

    def _few(self, qty: Callable[[_Product], int]) -> list[tuple[_Product, int]]:
        return [(p, qty(p)) for p in self._distinct(self.picker.popular, self.rng.randint(1, 3))]

    def _body_write_off(self, payload: dict, ms: int) -> dict:
        return self._supplier_doc("WRITE_OFF", self._few(
            lambda p: self.rng.randint(100, 1500) if p.weight else self.rng.randint(1, 2) * 1000), ms)

    def _body_return(self, payload: dict, ms: int) -> dict:
        return self._supplier_doc("RETURN", self._few(lambda p: self.rng.randint(1, 5) * 1000), ms,
                                  supplier_id=_uuid(self.rng))

    def _count(self, p: _Product, book: int) -> int:
        """What the counting staff found: usually the book stock, sometimes a bit off; always positive."""
        rng, unit = self.rng, (250 if p.weight else 1000)
        counted = book if rng.random() < 0.7 else book + rng.choice((-3, -2, -1, 1, 2)) * unit
        return counted if counted > 0 else rng.randint(1, 5) * unit

    def _body_inventory(self, payload: dict, ms: int) -> dict:
        rng, stock = self.rng, self.stock
        complete = payload.get("complete", False)
        if complete:
            goods = [p for p in self.existing if p.type != "SERVICE"]
            listed = [p for p in goods if not p.no_doc and (
                (stock[id(p)] > 0 and rng.random() < 0.95) or rng.random() < 0.03)]
        else:
            listed = self._distinct(self.picker.uniform, rng.randint(5, 30))
        before = {id(p): self._before(p, ms) for p in listed}
        positions = []
        for p in listed:
            counted = self._count(p, before[id(p)])
            pos = {"id": _uuid(rng), "uuid": _uuid(rng), "product_id": p.id, "product_name": p.name,
                   "product_type": p.type, "measure_name": p.measure, "code": p.code,
                   "quantity": qty_json(counted), "initial_quantity": qty_json(before[id(p)])}
            positions.append(pos)
            stock[id(p)] = counted
            self.moved.add(id(p))
            self.newest_uncertain[id(p)] = False
        if complete:
            listed_ids = {id(p) for p in listed}
            for p in goods:
                self.covered.add(id(p))
                self.newest_uncertain[id(p)] = False
                if id(p) not in listed_ids:
                    stock[id(p)] = 0
        body: dict[str, Any] = {"positions": positions}
        if not payload.get("omit_flag"):
            body["complete_inventory"] = complete
        return self._wrap(body, "positions")

    def _body_open_tare(self, payload: dict, ms: int) -> dict:
        alcohol = [p for p in self.picker.active if p.type == "ALCOHOL_MARKED"] or self.picker.active
        p = self.rng.choice(alcohol)
        return {"positions": [self._position(p, 1000, self.stock[id(p)])]}

    def _body_some_new_type(self, payload: dict, ms: int) -> dict:
        p = self.picker.uniform()
        return {"positions": [self._position(p, 1000, self.stock[id(p)])], "note": "a type this client has never seen"}

    def _body_revaluation(self, payload: dict, ms: int) -> dict:
        rng, positions = self.rng, []
        for p in self._distinct(self.picker.uniform, rng.randint(1, 5)):
            before, p.price = p.price, _money(p.price * rng.uniform(1.02, 1.15))
            p.updated_ms = ms
            positions.append({"id": _uuid(rng), "uuid": _uuid(rng), "product_id": p.id, "product_name": p.name,
                              "price": {"before": before, "after": p.price}})
        return {"positions": positions}

    # -- the result --

    def _result(self) -> StoreData:
        rng = self.rng
        goods = [p for p in self.products if p.type != "SERVICE"]
        truth = {p.id: Decimal(self.stock[id(p)]) / 1000 for p in goods}
        no_doc = {p.id for p in goods if id(p) not in self.moved and id(p) not in self.covered}
        uncertain = {p.id for p in goods if self.newest_uncertain.get(id(p))}
        cards = []
        for p in self.products:
            if p.type != "SERVICE" and rng.random() < 0.3:  # card edits in the back office
                p.updated_ms = rng.randint(p.updated_ms, self.now - 1)
            true_qty = self.stock.get(id(p), 0)
            r = rng.random()
            if p.no_doc:
                cloud = true_qty if r < 0.5 else 0
            else:
                cloud = 0 if r < 0.6 else self.snapshot.get(id(p), 0) if r < 0.85 else true_qty
            cards.append(p.card(self.store_id, self.user_id, cloud))
        groups = [dict(g, store_id=self.store_id, user_id=self.user_id, created_at=iso_ms(self.created_ms + HOUR_MS),
                       updated_at=iso_ms(self.created_ms + HOUR_MS)) for g in self.groups]
        name, address = self.STORE_NAMES[self.index % len(self.STORE_NAMES)]
        if self.index >= len(self.STORE_NAMES):
            name = f"{name} {self.index + 1}"
        return StoreData(id=self.store_id, name=name, address=address, created_at=iso_ms(self.created_ms),
                         user_id=self.user_id, updated_at=iso_ms(self.created_ms + DAY_MS), products=cards,
                         documents=self.docs, truth=truth, no_document_ids=no_doc, uncertain_newest_ids=uncertain,
                         product_groups=groups, out_of_band_edits=self.oob, device_ids=list(self.devices))
