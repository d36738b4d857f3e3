"""A real SQLite file with two Evotor stores and IMSHOP warehouses, and a live webhook server."""

from __future__ import annotations

import json
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio

from stockdesk.imshop import AvailabilityServer, Warehouse
from stockdesk.jobs import imshop
from stockdesk.store import open_db, utc_now

KEY = "s3cret-ключ"
MSK, SPB = "store-msk", "store-spb"


def add_product(db, store_id: str, product_id: str, *, qty: int | None, code: str | None = None,
                article: str | None = None, barcodes: list[str] | None = None, price: float | None = None,
                service: bool = False, measure: str = "шт") -> None:
    db["products"].insert({
        "store_id": store_id, "id": product_id, "name": f"Product {product_id}", "type": "SERVICE" if service else "NORMAL",
        "measure_name": measure, "article_number": article, "code": code,
        "barcodes": json.dumps(barcodes or []), "price": price, "is_service": int(service),
        "cloud_qty": None if service else qty, "fetched_at": utc_now()})


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Moscow shop (pickup), Moscow online warehouse delivering to Tula, St Petersburg shop."""
    path = tmp_path / "stockdesk.db"
    db = open_db(path)
    db["stores"].insert_all([{"id": MSK, "name": "Москва"}, {"id": SPB, "name": "Питер"}])
    add_product(db, MSK, "p1", qty=10_000, code="100", article="A-1", barcodes=["4600000000001"], price=99.5)
    add_product(db, MSK, "p2", qty=2_700, code="200", measure="кг", price=350.0)    # 2.7 kg
    add_product(db, MSK, "p3", qty=-3_000, code="300")                              # negative
    add_product(db, MSK, "p4", qty=None, code="400")                                # unknown
    add_product(db, MSK, "svc", qty=None, code="500", service=True)                 # a service
    add_product(db, MSK, "d1", qty=5_000, code="600")                               # two products,
    add_product(db, MSK, "d2", qty=7_000, code="600")                               # one code
    add_product(db, SPB, "q1", qty=4_000, code="100", price=105.0)
    imshop.save_warehouse(db, Warehouse("1", MSK, "ТЦ Авиапарк", "Москва", address="Ходынский б-р, 4",
                                        lat=55.7905543, lon=37.5319846, subway="ЦСКА", mall="Авиапарк",
                                        public=True))
    imshop.save_warehouse(db, Warehouse("web", MSK, "Интернет-магазин", "Москва", online=True,
                                        delivery_cities=("Тула",)))
    imshop.save_warehouse(db, Warehouse("spb", SPB, "Невский & Co <1>", "Санкт-Петербург",
                                        address='Невский пр., 1 "угол"'))
    db.conn.close()
    return path


@pytest_asyncio.fixture
async def server(db_path: Path):
    srv = AvailabilityServer(db_path, KEY)
    await srv.start()
    yield srv
    await srv.stop()


@pytest_asyncio.fixture
async def http():
    async with aiohttp.ClientSession() as session:
        yield session


def auth(key: str = KEY) -> dict:
    return {"Authorization": f"Bearer {key}"}
