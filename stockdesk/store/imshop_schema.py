"""Schema for the IMSHOP availability webhook and feed: a migration set of its own.

Settings (offer id field, price on/off, listen address) live in the shared ``settings`` table under
``imshop.*`` keys; see stockdesk.imshop.config.
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("stockdesk.imshop")


@migrations()
def m001_imshop(db: Database) -> None:
    db.executescript(
        """
        -- IMSHOP warehouses ("магазины / склады"), each showing the stock of one Evotor store.
        CREATE TABLE imshop_warehouses (
            warehouse_id TEXT PRIMARY KEY,      -- the id IMSHOP knows the warehouse by
            store_id TEXT NOT NULL,             -- Evotor store whose balances it shows
            name TEXT NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL,
            lat REAL,
            lon REAL,
            online INTEGER NOT NULL DEFAULT 0,  -- online-shop warehouse delivering to other cities
            delivery_cities TEXT NOT NULL DEFAULT '[]',  -- JSON; online only; [] = every city
            subway TEXT,
            mall TEXT,
            public INTEGER                      -- NULL: not sent (IMSHOP shows it by default)
        );
        -- Offer ids (YML feed ids) the configured product field does not give, per Evotor store.
        CREATE TABLE imshop_offers (
            offer_id TEXT NOT NULL,
            store_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            PRIMARY KEY (offer_id, store_id)
        ) WITHOUT ROWID;
        """
    )
