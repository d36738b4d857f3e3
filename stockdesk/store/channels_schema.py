"""Schema for sales channels (Yandex Market, MoySklad): a migration set of its own."""

from sqlite_utils.migrations import Migrations

migrations = Migrations("stockdesk.channels")
