"""Versioned schema. Migrations only ever append: never edit one that has shipped.

Quantities are INTEGER thousandths (see stockdesk.core.quantity); times are epoch milliseconds
(``*_ms``) or ISO-8601 UTC text (``*_at``).
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("stockdesk")


@migrations(transactional=False)
def m000_wal(db: Database) -> None:
    db.enable_wal()


@migrations()
def m001_evotor(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY,            -- 'evotor', 'yandex', 'moysklad', 'imshop'
            system TEXT NOT NULL,
            user_id TEXT,
            label TEXT,
            connected_at TEXT NOT NULL
        );
        CREATE TABLE stores (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            address TEXT,
            created_ms INTEGER,             -- store creation: how far back history goes
            selected INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE products (
            store_id TEXT NOT NULL,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            parent_id TEXT,
            type TEXT,
            measure_name TEXT,
            article_number TEXT,
            code TEXT,
            barcodes TEXT NOT NULL DEFAULT '[]',   -- JSON array
            price REAL,
            is_service INTEGER NOT NULL DEFAULT 0,
            cloud_qty INTEGER,              -- the cloud's current value; NULL for services
            created_ms INTEGER,
            updated_at TEXT,
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (store_id, id)
        );
        -- Inventories: a complete one settles every product created before it.
        CREATE TABLE inventories (
            store_id TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            close_ms INTEGER NOT NULL,
            complete INTEGER NOT NULL,
            window_ms INTEGER NOT NULL,     -- the scan window it was read in (its since)
            PRIMARY KEY (store_id, doc_id)
        );
        -- Documents already saved, by a 64-bit hash of store and document id: overlapping reads
        -- (a repeat run, a window read again) skip them. An integer key keeps inserts cheap.
        CREATE TABLE seen_documents (key INTEGER PRIMARY KEY);
        -- What one document did to one product (positions of a product in a document summed).
        -- Append-only and unindexed: hundreds of thousands of rows go in fast; results are
        -- computed in one sorted read.
        CREATE TABLE movements (
            store_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            close_ms INTEGER NOT NULL,
            doc_id TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            device_id TEXT NOT NULL DEFAULT '',
            number INTEGER,
            s0 INTEGER NOT NULL,            -- initial_quantity: stock before the document
            q INTEGER NOT NULL,             -- quantity (always positive)
            after INTEGER NOT NULL,         -- stock after, if the document moves stock
            klass TEXT NOT NULL DEFAULT '', -- '' certain; else why its effect is uncertain
            window_ms INTEGER NOT NULL      -- the scan window it was read in (its since)
        );
        CREATE TABLE scans (
            store_id TEXT PRIMARY KEY,
            status TEXT NOT NULL,           -- running, done
            started_at TEXT NOT NULL,
            finished_at TEXT,
            until_ms INTEGER NOT NULL,      -- documents are read up to here
            from_ms INTEGER NOT NULL,       -- ...and back to here at most
            boundary_ms INTEGER,            -- everything at or after this is read
            floor_ms INTEGER,               -- results use windows from here on (see core.scan.stop_boundary)
            stop_reason TEXT,               -- all_resolved, complete_inventory, store_created, incremental
            kind TEXT NOT NULL,             -- full: back to the store's creation at most; incremental
            products_fetched INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE scan_windows (
            store_id TEXT NOT NULL,
            since_ms INTEGER NOT NULL,
            until_ms INTEGER NOT NULL,
            cursor TEXT,                    -- next page to read; NULL before the first page
            pages INTEGER NOT NULL DEFAULT 0,
            documents INTEGER NOT NULL DEFAULT 0,
            done INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (store_id, since_ms)
        );
        -- Documents read per window and type (saved with each page's checkpoint, so never twice).
        CREATE TABLE window_types (
            store_id TEXT NOT NULL,
            since_ms INTEGER NOT NULL,
            type TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (store_id, since_ms, type)
        );
        CREATE TABLE learned (
            store_id TEXT NOT NULL,
            klass TEXT NOT NULL,
            moves INTEGER NOT NULL,
            stays INTEGER NOT NULL,
            verdict TEXT,                   -- 'moves', 'stays' or NULL (history does not tell)
            PRIMARY KEY (store_id, klass)
        );
        CREATE TABLE results (
            store_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            status TEXT NOT NULL,           -- resolved, unresolved
            value INTEGER,                  -- reconstructed stock (NULL when unresolved)
            reason TEXT,                    -- why unresolved: no_documents, uncertain_effect
            rule TEXT,                      -- which rule gave value: sell, accept, inventory, ...
            doc_id TEXT,
            doc_type TEXT,
            doc_number INTEGER,
            doc_close_ms INTEGER,
            s0 INTEGER,
            q INTEGER,
            after INTEGER,                  -- the newest document's stock after, had it moved stock
            klass TEXT,
            mismatches INTEGER NOT NULL DEFAULT 0,
            mismatch_detail TEXT,           -- JSON: the newest few mismatching pairs
            computed_at TEXT NOT NULL,
            PRIMARY KEY (store_id, product_id)
        );
        CREATE TABLE manual_values (
            store_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            action TEXT NOT NULL,           -- set, keep_cloud, skip
            value INTEGER,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (store_id, product_id)
        );
        CREATE TABLE manual_history (
            id INTEGER PRIMARY KEY,
            store_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            action TEXT,                    -- NULL: the manual value was cleared
            value INTEGER,
            by TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE push_runs (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL,          -- evotor, yandex, ...
            status TEXT NOT NULL,           -- running, done
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE push_items (
            run_id INTEGER NOT NULL,
            store_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            target TEXT,                    -- channel-side id (SKU, offer id); NULL for Evotor
            old_value INTEGER,
            new_value INTEGER NOT NULL,
            status TEXT NOT NULL,           -- pending, ok, failed
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT,
            PRIMARY KEY (run_id, store_id, product_id)
        );
        CREATE INDEX push_items_status ON push_items (run_id, status);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE activity (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,             -- connect, reconstruct, review, push, sync, error
            message TEXT NOT NULL
        );
        """
    )


@migrations()
def m002_balances_view(db: Database) -> None:
    # The shop's stock of record for sales channels: the Evotor cloud value, which a push updates.
    db.execute(
        """
        CREATE VIEW balances AS
        SELECT store_id, id AS product_id, cloud_qty AS qty
        FROM products WHERE is_service = 0
        """
    )


@migrations()
def m003_activity_params(db: Database) -> None:
    # Activity entries are translatable templates plus their values, shown in the reader's language.
    db.execute("ALTER TABLE activity ADD COLUMN params TEXT")


@migrations()
def m004_keeping_the_cloud_in_step(db: Database) -> None:
    db.executescript(
        """
        -- The owner's decisions still in force: a document closed after the decision supersedes it
        -- (the terminals sell from the value the decision set, so their documents carry on from it).
        CREATE VIEW owner_values AS
        SELECT m.* FROM manual_values m
        LEFT JOIN results r ON r.store_id = m.store_id AND r.product_id = m.product_id
        WHERE r.doc_close_ms IS NULL OR r.doc_close_ms <= CAST(strftime('%s', m.at) AS INTEGER) * 1000;

        -- The cloud balance StockDesk last knew to be right (after its push or its sync): a later
        -- cloud value that differs and that no document explains was changed behind its back.
        CREATE TABLE cloud_known (
            store_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            qty INTEGER,
            at TEXT NOT NULL,
            PRIMARY KEY (store_id, product_id)
        );

        -- Every cloud balance a sync found changed with no document, what it did, what the owner said.
        CREATE TABLE cloud_drift (
            id INTEGER PRIMARY KEY,
            store_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            found_at TEXT NOT NULL,
            known_qty INTEGER,              -- the value StockDesk knew ...
            known_at TEXT NOT NULL,         -- ... as of then: the change happened between then and found_at
            cloud_qty INTEGER,              -- what the cloud held instead
            cloud_updated_at TEXT,          -- the product card's updated_at, as the cloud gave it
            value INTEGER NOT NULL,         -- StockDesk's value, written back
            restored INTEGER NOT NULL DEFAULT 0,
            repeated INTEGER NOT NULL DEFAULT 0,  -- it had been written back before: something else writes
            accepted_at TEXT                -- the owner said the cloud was right
        );
        CREATE INDEX cloud_drift_product ON cloud_drift (store_id, product_id, id);
        """
    )


@migrations()
def m005_job_claims(db: Database) -> None:
    db.executescript(
        """
        -- The job that holds each outside account now (see store.claims): one at a time, across processes.
        CREATE TABLE job_claims (
            resource TEXT PRIMARY KEY,      -- evotor, yandex, moysklad
            job TEXT NOT NULL,
            token TEXT NOT NULL,            -- one per holding job
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            holder TEXT NOT NULL,           -- window, cli, schedule
            started_at TEXT NOT NULL,
            heartbeat_ms INTEGER NOT NULL
        );
        -- A push that finishes an interrupted one continues it: counts for the whole push add up the chain.
        ALTER TABLE push_runs ADD COLUMN continues INTEGER;
        """
    )
