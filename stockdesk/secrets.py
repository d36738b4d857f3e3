"""Account tokens: the OS keychain via keyring, never the database or a file.

Order of lookup for a token named ``evotor`` (likewise yandex, moysklad, imshop):
1. the environment variable STOCKDESK_EVOTOR_TOKEN - used as is, never stored;
2. this process's memory (a token the owner chose to keep "for this run only");
3. the OS keychain.
Where no keychain backend exists (headless Linux), ``set`` keeps the token in memory and says so.
"""

from __future__ import annotations

import logging
import os

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

SERVICE = "StockDesk"
log = logging.getLogger(__name__)


def env_var(name: str) -> str:
    return f"STOCKDESK_{name.upper()}_TOKEN"


class Secrets:
    def __init__(self, service: str = SERVICE):
        self.service = service
        self._session: dict[str, str] = {}

    def keychain_available(self) -> bool:
        try:
            backend = keyring.get_keyring()
        except Exception:  # a broken backend configuration is the same as none
            return False
        priority = getattr(backend, "priority", 0)
        return not type(backend).__module__.startswith("keyring.backends.fail") and priority > 0

    def keychain_name(self) -> str:
        try:
            return type(keyring.get_keyring()).__name__
        except Exception:
            return "none"

    def get(self, name: str) -> str | None:
        value = os.environ.get(env_var(name))
        if value:
            return value.strip()
        if name in self._session:
            return self._session[name]
        if not self.keychain_available():
            return None
        try:
            return keyring.get_password(self.service, name)
        except KeyringError as exc:
            log.warning("keychain read failed for %s: %s", name, type(exc).__name__)
            return None

    def source(self, name: str) -> str | None:
        """Where the token comes from now: 'env', 'session', 'keychain' or None."""
        if os.environ.get(env_var(name)):
            return "env"
        if name in self._session:
            return "session"
        return "keychain" if self.get(name) else None

    def set(self, name: str, value: str, *, session_only: bool = False) -> str:
        """Keep a token. Returns 'keychain' or 'session' (memory only, lost when the app exits)."""
        value = value.strip()
        if not session_only and self.keychain_available():
            try:
                keyring.set_password(self.service, name, value)
                self._session.pop(name, None)
                return "keychain"
            except KeyringError as exc:
                log.warning("keychain write failed for %s: %s", name, type(exc).__name__)
        self._session[name] = value
        return "session"

    def delete(self, name: str) -> None:
        self._session.pop(name, None)
        if self.keychain_available():
            try:
                keyring.delete_password(self.service, name)
            except (PasswordDeleteError, KeyringError):
                pass
