"""Products the documents could not settle, and the values the owner types for them.

Every change is written at once (with who and when, and an append-only history), so nothing the
owner typed is lost by a crash.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from stockdesk.context import AppContext
from stockdesk.core.quantity import QuantityError, format_qty
from stockdesk.core.validation import is_weighted, validate_stock_input
from stockdesk.errors import QT_TRANSLATE_NOOP, UserError
from stockdesk.store import utc_now

ACTIONS = ("set", "keep_cloud", "skip")
CSV_COLUMNS = ["store_id", "product_id", "name", "article", "code", "barcode", "unit", "reason",
               "cloud_value", "new_value"]


@dataclass
class ReviewItem:
    store_id: str
    product_id: str
    name: str
    article: str | None
    code: str | None
    barcodes: list[str]
    measure_name: str | None
    weighted: bool
    reason: str                      # no_documents | uncertain_effect
    reason_detail: str | None        # e.g. settlement:PREPAYMENT_FULL
    last_doc_type: str | None
    last_doc_number: int | None
    last_doc_close_ms: int | None
    cloud_value: int | None
    suggested: int | None            # uncertain receipt: the stock if it did move stock
    action: str | None               # the owner's decision: set | keep_cloud | skip
    manual_value: int | None
    mismatches: int = 0
    before_value: int | None = None  # uncertain receipt: the stock if it did not


_REVIEW_SQL = """
SELECT p.store_id, p.id, p.name, p.article_number, p.code, p.barcodes, p.measure_name, r.reason, r.klass,
       r.doc_type, r.doc_number, r.doc_close_ms, p.cloud_qty, r.s0, r.q, m.action, m.value, r.mismatches,
       r.after
FROM results r
JOIN products p ON p.store_id = r.store_id AND p.id = r.product_id
LEFT JOIN owner_values m ON m.store_id = r.store_id AND m.product_id = r.product_id
WHERE r.status = 'unresolved' {where}
ORDER BY p.store_id, p.name
"""


def review_items(ctx: AppContext, store_id: str | None = None) -> list[ReviewItem]:
    where, args = ("AND r.store_id = ?", [store_id]) if store_id else ("", [])
    items = []
    for row in ctx.db.execute(_REVIEW_SQL.format(where=where), args):
        (sid, pid, name, article, code, barcodes, unit, reason, klass, doc_type, doc_number, close_ms,
         cloud, s0, q, action, value, mismatches, after) = row
        items.append(ReviewItem(
            sid, pid, name, article, code, json.loads(barcodes or "[]"), unit, is_weighted(unit), reason, klass,
            doc_type, doc_number, close_ms, cloud, after if klass else None, action, value, mismatches,
            before_value=s0 if klass else None))
    return items


def _product(db: Database, store_id: str, product_id: str) -> dict:
    row = next(db["products"].rows_where("store_id = ? AND id = ?", [store_id, product_id]), None)
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Product {product} is not in store {store}."),
                        code="unknown_product", product=product_id, store=store_id)
    if row["is_service"]:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "“{name}” is a service: services have no stock."),
                        code="service", name=row["name"])
    return row


_QUANTITY_MESSAGES = {
    "empty": QT_TRANSLATE_NOOP("Errors", "Type a number."),
    "not_a_number": QT_TRANSLATE_NOOP("Errors", "“{text}” is not a number."),
    "too_many_decimals": QT_TRANSLATE_NOOP("Errors", "At most 3 digits after the decimal point."),
    "not_whole": QT_TRANSLATE_NOOP("Errors", "“{name}” is sold by the piece: type a whole number."),
    "too_large": QT_TRANSLATE_NOOP("Errors", "Too large: Evotor accepts at most 7 digits before the decimal point."),
}


def quantity_error(exc: QuantityError, *, name: str = "", text: str = "") -> UserError:
    """A QuantityError as a message for the owner."""
    return UserError(_QUANTITY_MESSAGES.get(exc.code, _QUANTITY_MESSAGES["not_a_number"]),
                     code=exc.code, name=name, text=text or exc.text)


def parse_owner_value(text: str, *, measure_name: str | None, name: str = "") -> int:
    """Thousandths from what the owner typed, unit-aware; raises UserError with a clear message."""
    try:
        return validate_stock_input(text, weighted=is_weighted(measure_name)).milli
    except QuantityError as exc:
        raise quantity_error(exc, name=name, text=text) from None


def set_manual(ctx: AppContext, store_id: str, product_id: str, *, action: str = "set",
               value_milli: int | None = None, by: str = "owner") -> None:
    """Record the owner's decision for a product: a value, keep the cloud's value, or skip it."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    product = _product(ctx.db, store_id, product_id)
    if action == "set":
        if value_milli is None:
            raise quantity_error(QuantityError("empty"))
        try:
            validate_stock_input(format_qty(value_milli), weighted=is_weighted(product["measure_name"]))
        except QuantityError as exc:
            raise quantity_error(exc, name=product["name"], text=format_qty(value_milli)) from None
    else:
        value_milli = None
    now = utc_now()
    with ctx.db.atomic():
        ctx.db["manual_values"].upsert({"store_id": store_id, "product_id": product_id, "action": action,
                                        "value": value_milli, "by": by, "at": now}, pk=("store_id", "product_id"))
        ctx.db["manual_history"].insert({"store_id": store_id, "product_id": product_id, "action": action,
                                         "value": value_milli, "by": by, "at": now})


def clear_manual(ctx: AppContext, store_id: str, product_id: str, *, by: str = "owner") -> None:
    with ctx.db.atomic():
        ctx.db.execute("DELETE FROM manual_values WHERE store_id = ? AND product_id = ?", [store_id, product_id])
        ctx.db["manual_history"].insert({"store_id": store_id, "product_id": product_id, "action": None,
                                         "value": None, "by": by, "at": utc_now()})


def export_csv(ctx: AppContext, path: str | Path, store_id: str | None = None) -> int:
    """Write the review list (UTF-8 with BOM and ';' so Excel opens it right); returns the row count."""
    items = review_items(ctx, store_id)
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(CSV_COLUMNS)
        for i in items:
            new = format_qty(i.manual_value) if i.action == "set" else ""
            out.writerow([i.store_id, i.product_id, i.name, i.article or "", i.code or "",
                          i.barcodes[0] if i.barcodes else "", i.measure_name or "", i.reason,
                          format_qty(i.cloud_value), new])
    return len(items)


@dataclass
class ImportReport:
    applied: int
    errors: list[tuple[int, str]]  # (line number, message)


def import_csv(ctx: AppContext, path: str | Path, *, by: str = "owner") -> ImportReport:
    """Apply new_value from a CSV written by export_csv (and edited, e.g. in Excel).

    Rows with an empty new_value are left alone; a bad row is reported and the others still apply.
    """
    with open(path, newline="", encoding="utf-8-sig") as f:
        sample = f.read(4096)
        f.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t") if sample else csv.excel
        reader = csv.DictReader(f, dialect=dialect)
        missing = {"store_id", "product_id", "new_value"} - set(reader.fieldnames or [])
        if missing:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "The file has no column {column}: export the list first and edit that file."),
                            code="csv_columns", column=sorted(missing)[0])
        applied, errors = 0, []
        for line, row in enumerate(reader, start=2):
            text = (row.get("new_value") or "").strip()
            if not text:
                continue
            try:
                product = _product(ctx.db, row["store_id"], row["product_id"])
                milli = parse_owner_value(text, measure_name=product["measure_name"], name=product["name"])
                set_manual(ctx, row["store_id"], row["product_id"], value_milli=milli, by=by)
                applied += 1
            except UserError as exc:
                errors.append((line, exc.render()))
    if applied:
        ctx.log_activity("review", QT_TRANSLATE_NOOP("Activity", "%n value(s) imported from {file}"), n=applied, file=Path(path).name)
    return ImportReport(applied, errors)
