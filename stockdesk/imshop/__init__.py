"""IMSHOP.IO: the live availability webhook and the availability feed, both from local balances."""

from stockdesk.imshop.config import OFFER_FIELDS, Override, Settings, Warehouse
from stockdesk.imshop.errors import ImshopError
from stockdesk.imshop.feed import FeedResult, write_feed
from stockdesk.imshop.server import AvailabilityServer, ServerStatus

__all__ = ["OFFER_FIELDS", "AvailabilityServer", "FeedResult", "ImshopError", "Override", "ServerStatus",
           "Settings", "Warehouse", "write_feed"]
