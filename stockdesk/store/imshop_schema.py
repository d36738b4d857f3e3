"""Schema for the IMSHOP availability webhook and feed: a migration set of its own."""

from sqlite_utils.migrations import Migrations

migrations = Migrations("stockdesk.imshop")
