"""What the main window shows: per-store counts, every product with where its number comes from."""

from __future__ import annotations

import json
from dataclasses import dataclass

from stockdesk.context import AppContext, render_activity


@dataclass
class StoreOverview:
    store_id: str
    name: str
    products: int
    resolved: int
    needs_review: int       # unresolved and without the owner's decision
    pushed: int             # products whose balance a push set
    last_reconstruction: str | None
    last_push: str | None


_OVERVIEW_SQL = """
SELECT s.id, s.name,
  (SELECT COUNT(*) FROM products p WHERE p.store_id = s.id AND p.is_service = 0),
  (SELECT COUNT(*) FROM results r WHERE r.store_id = s.id AND r.status = 'resolved'),
  (SELECT COUNT(*) FROM results r LEFT JOIN owner_values m ON m.store_id = r.store_id AND m.product_id = r.product_id
     WHERE r.store_id = s.id AND r.status = 'unresolved' AND m.action IS NULL),
  (SELECT COUNT(DISTINCT i.product_id) FROM push_items i JOIN push_runs u ON u.id = i.run_id
     WHERE u.channel = 'evotor' AND i.store_id = s.id AND i.status = 'ok'),
  (SELECT finished_at FROM scans c WHERE c.store_id = s.id),
  (SELECT MAX(u.finished_at) FROM push_runs u JOIN push_items i ON i.run_id = u.id
     WHERE u.channel = 'evotor' AND i.store_id = s.id)
FROM stores s WHERE s.selected = 1 ORDER BY s.name
"""


def store_overview(ctx: AppContext) -> list[StoreOverview]:
    return [StoreOverview(*row) for row in ctx.db.execute(_OVERVIEW_SQL)]


@dataclass
class ProductRow:
    store_id: str
    product_id: str
    name: str
    article: str | None
    code: str | None
    barcodes: list[str]
    measure_name: str | None
    is_service: bool
    cloud_value: int | None
    value: int | None        # what StockDesk holds the stock to be (None: unknown)
    status: str              # resolved | review | manual | service
    doc_type: str | None     # provenance: the document the value comes from
    doc_number: int | None
    doc_close_ms: int | None
    s0: int | None
    q: int | None
    rule: str | None


_PRODUCTS_SQL = """
SELECT p.store_id, p.id, p.name, p.article_number, p.code, p.barcodes, p.measure_name, p.is_service, p.cloud_qty,
       r.status, r.value, m.action, m.value, r.doc_type, r.doc_number, r.doc_close_ms, r.s0, r.q, r.rule
FROM products p
LEFT JOIN results r ON r.store_id = p.store_id AND r.product_id = p.id
LEFT JOIN owner_values m ON m.store_id = p.store_id AND m.product_id = p.id
WHERE p.store_id = ? ORDER BY p.name
"""


def product_rows(ctx: AppContext, store_id: str) -> list[ProductRow]:
    rows = []
    for (sid, pid, name, article, code, barcodes, unit, is_service, cloud, r_status, r_value, action, m_value,
         doc_type, doc_number, close_ms, s0, q, rule) in ctx.db.execute(_PRODUCTS_SQL, [store_id]):
        if is_service:
            status, value = "service", None
        elif action == "set":
            status, value = "manual", m_value
        elif action == "keep_cloud":
            status, value = "manual", cloud
        elif r_status == "resolved":
            status, value = "resolved", r_value
        else:
            status, value = "review", None
        rows.append(ProductRow(sid, pid, name, article, code, json.loads(barcodes or "[]"), unit, bool(is_service),
                               cloud, value, status, doc_type, doc_number, close_ms, s0, q, rule))
    return rows


def activity(ctx: AppContext, limit: int = 200) -> list[dict]:
    """The newest entries first, each message in the current language."""
    return [{"at": at, "kind": kind, "message": render_activity(message, json.loads(params) if params else None)}
            for at, kind, message, params in ctx.db.execute(
                "SELECT at, kind, message, params FROM activity ORDER BY id DESC LIMIT ?", [limit])]
