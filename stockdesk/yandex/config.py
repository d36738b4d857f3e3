"""What the owner configures for Yandex Market, kept in the settings table (the API key is in the keychain).

Two ways to send stock, depending on the cabinet (reference §2.2):
- ``campaign``: the cabinet has warehouse groups -> PUT /v2/campaigns/{campaignId}/offers/stocks, for
  the one campaign configured (a group shares one stock: sending it for one warehouse updates all);
- ``business``: no warehouse groups -> POST /v3/businesses/{businessId}/offers/stocks/update with the
  warehouse id from POST /v3/businesses/{businessId}/warehouses.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from stockdesk.context import AppContext
from stockdesk.yandex.client import DEFAULT_URL

KEY_NAME = "yandex"
URL_ENV = "STOCKDESK_YANDEX_URL"
MODES = ("campaign", "business")
_KEYS = {"campaign_id": "yandex.campaign_id", "business_id": "yandex.business_id", "mode": "yandex.mode",
         "warehouse_id": "yandex.warehouse_id", "store_id": "yandex.store_id", "enabled": "yandex.enabled"}


def base_url(ctx: AppContext) -> str:
    return os.environ.get(URL_ENV) or ctx.setting("yandex.url") or DEFAULT_URL


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().lstrip("-").isdigit() else None


@dataclass
class YandexConfig:
    campaign_id: int | None = None
    business_id: int | None = None
    mode: str | None = None          # campaign | business
    warehouse_id: int | None = None  # business mode: partnerWarehouseId
    store_id: str | None = None      # the Evotor store whose stock this campaign sells
    enabled: bool = False            # the owner's switch: nothing is pushed while off

    @classmethod
    def load(cls, ctx: AppContext) -> "YandexConfig":
        get = lambda name: ctx.setting(_KEYS[name])  # noqa: E731
        return cls(_int(get("campaign_id")), _int(get("business_id")), get("mode"), _int(get("warehouse_id")),
                   get("store_id"), get("enabled") == "1")

    def save(self, ctx: AppContext) -> None:
        values = {"campaign_id": self.campaign_id, "business_id": self.business_id, "mode": self.mode,
                  "warehouse_id": self.warehouse_id, "store_id": self.store_id, "enabled": "1" if self.enabled else "0"}
        for name, value in values.items():
            ctx.set_setting(_KEYS[name], None if value is None else str(value))

    def missing(self) -> list[str]:
        """Settings a push still needs."""
        need = ["campaign_id", "mode", "store_id"]
        if self.mode == "business":
            need += ["business_id", "warehouse_id"]
        return [n for n in need if getattr(self, n) is None]


@dataclass
class Detection:
    mode: str
    warehouse_id: int | None                      # business mode, when exactly one fits
    choices: list[dict] = field(default_factory=list)  # business mode: warehouses to choose from


def detect_mode(warehouses: dict, campaign_id: int) -> Detection:
    """From POST /v3/businesses/{id}/warehouses: groups mean ``campaign``, none ``business``."""
    if warehouses.get("warehouseGroups"):
        return Detection("campaign", None)
    all_ = [w for w in warehouses.get("warehouses") or [] if isinstance(w, dict) and isinstance(w.get("id"), int)]
    own = [w for w in all_ if w.get("campaignId") == campaign_id] or all_
    return Detection("business", own[0]["id"] if len(own) == 1 else None, own)
