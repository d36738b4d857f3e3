"""The IMSHOP availability feed («Фид наличия товаров»), for shops that cannot expose the webhook.

``<inventory><outlets><outlet id=…><name/><city/><address/>…</outlet></outlets>
<availability><product id=… outlet=… quantity=… [price=…]/></availability></inventory>``

Same data and quantity rules as the webhook (stockdesk.imshop.snapshot). The file is replaced
atomically: IMSHOP (or the web server publishing it) never reads a half-written feed.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from stockdesk.imshop.config import Warehouse
from stockdesk.imshop.snapshot import Snapshot, load_snapshot, price_number

# Characters XML 1.0 cannot carry even escaped; ElementTree would write them and break the file.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class FeedResult:
    path: Path
    outlets: int
    products: int  # availability rows


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def _outlet(parent: ET.Element, warehouse: Warehouse) -> None:
    outlet = ET.SubElement(parent, "outlet", id=_text(warehouse.warehouse_id))
    fields = [("name", warehouse.name), ("city", warehouse.city), ("address", warehouse.address),
              ("subway", warehouse.subway), ("lat", warehouse.lat), ("lon", warehouse.lon)]
    for tag, value in fields:
        if value is not None and value != "":
            ET.SubElement(outlet, tag).text = _text(value)
    ET.SubElement(outlet, "online").text = "true" if warehouse.online else "false"


def build_feed(snapshot: Snapshot) -> ET.ElementTree:
    root = ET.Element("inventory")
    outlets = ET.SubElement(root, "outlets")
    for warehouse in snapshot.warehouses:
        _outlet(outlets, warehouse)
    availability = ET.SubElement(root, "availability")
    for offer_id, warehouse, stock in snapshot.all_rows():
        attrs = {"id": _text(offer_id), "outlet": _text(warehouse.warehouse_id),
                 "quantity": str(stock.quantity)}
        if snapshot.send_price and stock.price is not None:
            attrs["price"] = str(price_number(stock.price))
        ET.SubElement(availability, "product", attrs)
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def write_feed(db: Database | sqlite3.Connection, path: str | os.PathLike) -> FeedResult:
    """Write the feed to ``path`` (temp file in the same folder, then rename over the old one)."""
    conn = db.conn if isinstance(db, Database) else db
    snapshot = load_snapshot(conn)
    tree = build_feed(snapshot)
    target = Path(path)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            tree.write(f, encoding="utf-8", xml_declaration=True)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, 0o644)  # a feed is published: readable by the web server that serves it
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    root = tree.getroot()
    return FeedResult(target, outlets=len(root.find("outlets")), products=len(root.find("availability")))
