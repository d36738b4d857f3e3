"""What went wrong with the Yandex Market Partner API, said so the owner knows what to do."""

from __future__ import annotations

import httpx

from stockdesk.errors import QT_TRANSLATE_NOOP
from stockdesk.net.api_errors import ApiError, ErrorTexts, error_entries


class YandexError(ApiError):
    """``code``, ``status``, ``retryable``: see ApiError; ``api_errors`` the (code, message) pairs of a
    {"status":"ERROR","errors":[...]} body."""

    def __init__(self, text: str, *, code: str, status: int | None = None, retryable: bool = False,
                 api_errors: list[tuple[str, str]] | None = None, **params):
        super().__init__(text, code=code, status=status, retryable=retryable, **params)
        self.api_errors = api_errors or []


_BY_STATUS: dict[int, tuple[str, str]] = {
    401: ("unauthorized", QT_TRANSLATE_NOOP(
        "Errors", "Yandex Market did not accept the API key. Create one in the seller cabinet (Settings → "
                  "API and modules → Authorization tokens) with access to offers and stocks, and paste it.")),
    403: ("forbidden", QT_TRANSLATE_NOOP(
        "Errors", "Yandex Market refused access: the API key lacks the rights for offers and stocks, or "
                  "belongs to another cabinet. Check the key's access groups in the seller cabinet.")),
    404: ("not_found", QT_TRANSLATE_NOOP(
        "Errors", "Yandex Market does not know this campaign or business id. Check the ids in the seller "
                  "cabinet (Settings → API and modules) and connect again.")),
    423: ("wrong_mode", QT_TRANSLATE_NOOP(
        "Errors", "Yandex Market says this stock method does not suit the cabinet (warehouse groups changed?). "
                  "Connect Yandex Market again so StockDesk detects the right one.")),
}
_BAD_REQUEST = QT_TRANSLATE_NOOP("Errors", "Yandex Market rejected the data: {reasons}.")
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Errors", "Yandex Market answered with an unexpected error (HTTP {status}). Try again later.")
_EXHAUSTED: dict[str, tuple[str, str]] = {
    "throttled": ("rate_limited", QT_TRANSLATE_NOOP(
        "Errors", "Yandex Market is limiting requests and kept refusing for too long. Try again in a few "
                  "minutes; items already sent are kept.")),
    "server": ("server", QT_TRANSLATE_NOOP(
        "Errors", "Yandex Market is having trouble (HTTP {status}). Try again later; items already sent are kept.")),
    "network": ("network", QT_TRANSLATE_NOOP(
        "Errors", "No connection to Yandex Market. Check the internet connection and try again.")),
    "timeout": ("network", QT_TRANSLATE_NOOP(
        "Errors", "Yandex Market did not answer in time. Check the internet connection and try again.")),
    "invalid_response": ("invalid_response", QT_TRANSLATE_NOOP(
        "Errors", "Yandex Market kept sending unreadable answers. Try again later.")),
}
ERRORS = ErrorTexts(YandexError, _BY_STATUS, _BAD_REQUEST, _UNEXPECTED, _EXHAUSTED)


def api_errors(response: httpx.Response) -> list[tuple[str, str]]:
    """(code, message) pairs from {"status":"ERROR","errors":[{"code","message"}]}; [] if not that shape."""
    return [(str(e.get("code") or ""), str(e.get("message") or "")) for e in error_entries(response)]


def error_for_response(response: httpx.Response) -> YandexError:
    errors = api_errors(response)
    return ERRORS.for_response(response, bad_request=response.status_code == 400, api_errors=errors,
                               reasons=lambda: "; ".join(m or c for c, m in errors) or "HTTP 400")
