"""Connecting the owner's Evotor account: check the token live, keep it in the keychain, list stores."""

from __future__ import annotations

from dataclasses import dataclass

from stockdesk.context import AppContext
from stockdesk.errors import QT_TRANSLATE_NOOP, UserError
from stockdesk.evotor import EvotorClient
from stockdesk.store import utc_now
from stockdesk.store.evotor_state import save_stores

TOKEN_NAME = "evotor"


@dataclass
class StoreInfo:
    id: str
    name: str
    address: str | None
    created_ms: int | None
    selected: bool


@dataclass
class ConnectResult:
    stores: list[StoreInfo]
    token_storage: str  # keychain | session | env


def evotor_client(ctx: AppContext, token: str | None = None) -> EvotorClient:
    token = token or ctx.secrets.get(TOKEN_NAME)
    if not token:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "No Evotor token yet: connect your Evotor account first."),
                        code="no_token")
    return EvotorClient(token, ctx.evotor_url())


def evotor_connected(ctx: AppContext) -> bool:
    return bool(ctx.db["accounts"].count_where("id = ?", [TOKEN_NAME])) and ctx.secrets.get(TOKEN_NAME) is not None


async def connect_evotor(ctx: AppContext, token: str | None = None, *, session_only: bool = False) -> ConnectResult:
    """Verify the token with GET /stores, then remember the account, its stores and the token.

    Raises UserError(code='no_keychain') when the system has no keychain and session_only is False:
    the caller should ask whether to keep the token for this run only.
    """
    async with evotor_client(ctx, token) as client:
        stores = await client.stores()
    from_env = token is None and ctx.secrets.source(TOKEN_NAME) == "env"
    if from_env:
        storage = "env"
    else:
        token = token or ctx.secrets.get(TOKEN_NAME)
        if not session_only and not ctx.secrets.keychain_available():
            raise UserError(QT_TRANSLATE_NOOP(
                "Errors", "This computer has no password keychain, so the token cannot be saved. "
                          "It can be kept for this run only."), code="no_keychain")
        storage = ctx.secrets.set(TOKEN_NAME, token, session_only=session_only)
    await ctx.worker.run(save_stores, stores)
    user_id = next((s.get("user_id") for s in stores if s.get("user_id")), None)
    ctx.db["accounts"].upsert({"id": TOKEN_NAME, "system": "evotor", "user_id": user_id,
                               "label": user_id, "connected_at": utc_now()}, pk="id")
    ctx.log_activity("connect", QT_TRANSLATE_NOOP("Activity", "Evotor connected: %n store(s)"), n=len(stores))
    return ConnectResult(list_stores(ctx), storage)


def list_stores(ctx: AppContext) -> list[StoreInfo]:
    return [StoreInfo(r["id"], r["name"], r["address"], r["created_ms"], bool(r["selected"]))
            for r in ctx.db["stores"].rows_where(order_by="name")]


def select_stores(ctx: AppContext, store_ids: list[str]) -> None:
    with ctx.db.atomic():
        ctx.db.execute("UPDATE stores SET selected = 0")
        ctx.db.execute(f"UPDATE stores SET selected = 1 WHERE id IN ({','.join('?' * len(store_ids))})", store_ids)


__all__ = ["StoreInfo", "ConnectResult", "connect_evotor", "evotor_client", "evotor_connected",
           "list_stores", "select_stores"]
