"""What went wrong with the MoySklad JSON API, said so the owner knows what to do."""

from __future__ import annotations

import httpx

from stockdesk.errors import QT_TRANSLATE_NOOP
from stockdesk.net.api_errors import ApiError, ErrorTexts, error_entries

PARALLEL_LIMIT = 1073   # "too many parallel requests"
RATE_LIMIT = 1049       # "too many requests per unit of time"


class MoySkladError(ApiError):
    """``code``, ``status``, ``retryable``: see ApiError; ``api_codes`` the numeric codes of an
    {"errors":[{"error","code"}]} body."""

    def __init__(self, text: str, *, code: str, status: int | None = None, retryable: bool = False,
                 api_codes: list[int] | None = None, **params):
        super().__init__(text, code=code, status=status, retryable=retryable, **params)
        self.api_codes = api_codes or []


_BY_STATUS: dict[int, tuple[str, str]] = {
    401: ("unauthorized", QT_TRANSLATE_NOOP(
        "Errors", "MoySklad did not accept the token. It may have been revoked (a new token for the same "
                  "user revokes older ones). Create a token in MoySklad and paste it into StockDesk.")),
    403: ("forbidden", QT_TRANSLATE_NOOP(
        "Errors", "MoySklad refused access: the user needs the right to see stock (Остатки) and goods. "
                  "Ask the account administrator to grant it.")),
    415: ("unsupported", QT_TRANSLATE_NOOP(
        "Errors", "MoySklad refused the request format (HTTP 415). This StockDesk version may be out of date.")),
}
_BAD_REQUEST = QT_TRANSLATE_NOOP("Errors", "MoySklad rejected the request: {reasons}.")
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Errors", "MoySklad answered with an unexpected error (HTTP {status}). Try again later.")
_EXHAUSTED: dict[str, tuple[str, str]] = {
    "throttled": ("rate_limited", QT_TRANSLATE_NOOP(
        "Errors", "MoySklad is limiting requests (other programs may use the same account) and kept "
                  "refusing for too long. Try again in a few minutes.")),
    "server": ("server", QT_TRANSLATE_NOOP(
        "Errors", "MoySklad is having trouble (HTTP {status}). Try again later.")),
    "network": ("network", QT_TRANSLATE_NOOP(
        "Errors", "No connection to MoySklad. Check the internet connection and try again.")),
    "timeout": ("network", QT_TRANSLATE_NOOP(
        "Errors", "MoySklad did not answer in time. Check the internet connection and try again.")),
    "invalid_response": ("invalid_response", QT_TRANSLATE_NOOP(
        "Errors", "MoySklad kept sending unreadable answers. Try again later.")),
}
ERRORS = ErrorTexts(MoySkladError, _BY_STATUS, _BAD_REQUEST, _UNEXPECTED, _EXHAUSTED)


def api_errors(response: httpx.Response) -> list[tuple[str, int | None]]:
    """(error, code) pairs; [] for a body that is not the documented JSON (e.g. an HTML error page)."""
    return [(str(e.get("error") or ""), e.get("code") if isinstance(e.get("code"), int) else None)
            for e in error_entries(response)]


def error_for_response(response: httpx.Response) -> MoySkladError:
    status = response.status_code
    errors = api_errors(response)
    return ERRORS.for_response(response, bad_request=400 <= status < 500,
                               api_codes=[c for _, c in errors if c is not None],
                               reasons=lambda: "; ".join(e for e, _ in errors if e) or f"HTTP {status}")
