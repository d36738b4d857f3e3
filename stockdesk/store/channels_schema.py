"""Schema for sales channels (Yandex Market, MoySklad): a migration set of its own.

Non-secret settings (campaign, warehouse, mode, stock type, on/off switches) live in the shared
``settings`` table under ``yandex.*`` / ``moysklad.*`` keys; see stockdesk.yandex.config and
stockdesk.moysklad.config. Quantities are INTEGER thousandths, times ISO-8601 UTC text.
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("stockdesk.channels")


@migrations()
def m001_channels(db: Database) -> None:
    db.executescript(
        """
        -- What a channel sells: Yandex SKUs (offerId), MoySklad assortment rows. Refreshed whole.
        CREATE TABLE channel_items (
            channel TEXT NOT NULL,              -- yandex, moysklad
            target TEXT NOT NULL,               -- Yandex SKU; MoySklad assortment id
            name TEXT,
            article TEXT,
            code TEXT,
            barcodes TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
            kind TEXT,                          -- MoySklad meta.type: product, variant, bundle, service
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (channel, target)
        ) WITHOUT ROWID;
        -- Which Evotor product each channel item is, per Evotor store. Only auto and manual rows with a
        -- product are ever sent or read as stock; ambiguous and unmatched rows never are.
        CREATE TABLE channel_map (
            channel TEXT NOT NULL,
            store_id TEXT NOT NULL,             -- Evotor store
            target TEXT NOT NULL,
            product_id TEXT,                    -- NULL: unmatched, ambiguous, or the owner said "none"
            status TEXT NOT NULL,               -- auto, ambiguous, unmatched, manual
            matched_by TEXT,                    -- article, code, barcode, owner
            candidates TEXT NOT NULL DEFAULT '[]',  -- JSON product ids the owner chooses from
            updated_at TEXT NOT NULL,
            PRIMARY KEY (channel, store_id, target)
        ) WITHOUT ROWID;
        CREATE INDEX channel_map_product ON channel_map (channel, store_id, product_id);
        -- MoySklad stores (склады) and the Evotor store each one counts for (NULL: not used).
        CREATE TABLE moysklad_stores (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0,
            store_id TEXT
        );
        -- The brief report's absolute values. A (store, assortment) pair without a row is unknown,
        -- never zero. ms_store_id '' holds the report's "storeId": null rows (reserve or in-transit
        -- of orders without a store): kept and reported, never counted for any Evotor store.
        CREATE TABLE moysklad_stock (
            ms_store_id TEXT NOT NULL,
            assortment_id TEXT NOT NULL,
            qty INTEGER NOT NULL,
            stock_type TEXT NOT NULL,           -- stock, freeStock, quantity
            seen_at TEXT NOT NULL,              -- when MoySklad reported this value
            PRIMARY KEY (ms_store_id, assortment_id)
        ) WITHOUT ROWID;
        -- MoySklad as stock of record: per Evotor product, the sum over the MoySklad stores mapped to
        -- its store; NULL when MoySklad reported no row for it (unknown).
        CREATE VIEW moysklad_balances AS
        SELECT m.store_id, m.product_id, SUM(s.qty) AS qty, MAX(s.seen_at) AS seen_at
        FROM channel_map m
        JOIN moysklad_stores ms ON ms.store_id = m.store_id
        LEFT JOIN moysklad_stock s ON s.assortment_id = m.target AND s.ms_store_id = ms.id
        WHERE m.channel = 'moysklad' AND m.status IN ('auto', 'manual') AND m.product_id IS NOT NULL
        GROUP BY m.store_id, m.product_id;
        """
    )


@migrations()
def m002_balances_follow_stock_source(db: Database) -> None:
    # Every channel (IMSHOP included) reads `balances`: make it the owner's chosen stock of record.
    db.executescript(
        """
        DROP VIEW balances;
        CREATE VIEW balances AS
        SELECT p.store_id, p.id AS product_id,
               CASE WHEN (SELECT value FROM settings WHERE key = 'channels.stock_source') = 'moysklad'
                    THEN mb.qty ELSE p.cloud_qty END AS qty
        FROM products p
        LEFT JOIN moysklad_balances mb ON mb.store_id = p.store_id AND mb.product_id = p.id
        WHERE p.is_service = 0;
        """
    )
