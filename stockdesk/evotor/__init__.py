"""The Evotor cloud client."""

from stockdesk.evotor.client import DEFAULT_URL, MEDIA_TYPE, DocumentPage, EvotorClient
from stockdesk.evotor.errors import EvotorError

__all__ = ["DEFAULT_URL", "MEDIA_TYPE", "DocumentPage", "EvotorClient", "EvotorError"]
