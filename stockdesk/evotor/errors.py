"""What went wrong with the Evotor cloud, said so that the owner knows what to do about it."""

from __future__ import annotations

import json

import httpx

from stockdesk.errors import QT_TRANSLATE_NOOP
from stockdesk.net.api_errors import ApiError, ErrorTexts


class EvotorError(ApiError):
    """A problem with the Evotor cloud (``code``, ``status``, ``retryable``: see ApiError)."""


# Final answers from the cloud: status -> (code, text).
_BY_STATUS: dict[int, tuple[str, str]] = {
    401: ("unauthorized", QT_TRANSLATE_NOOP(
        "Errors", "Evotor did not accept the token. Copy it again from the Evotor cabinet "
                  "(My apps → StockDesk → Settings tab) and paste it into StockDesk.")),
    402: ("not_installed", QT_TRANSLATE_NOOP(
        "Errors", "StockDesk is not installed on your Evotor terminals. Install it on the terminals "
                  "from the Evotor cabinet (My apps → StockDesk), then try again.")),
    403: ("forbidden", QT_TRANSLATE_NOOP(
        "Errors", "Evotor refused access: StockDesk lacks the rights it needs or is not installed in "
                  "your Evotor cabinet. Install (or reinstall) StockDesk there, allow access to stock, "
                  "then try again.")),
    404: ("not_found", QT_TRANSLATE_NOOP(
        "Errors", "Evotor could not find the store or product asked for: it may have been deleted in "
                  "the Evotor cabinet. Connect Evotor again to refresh the list of stores, then repeat.")),
    406: ("not_acceptable", QT_TRANSLATE_NOOP(
        "Errors", "Evotor refused the request format (HTTP 406). This StockDesk version may be out of "
                  "date: install the latest version and try again.")),
}

_BAD_REQUEST = QT_TRANSLATE_NOOP(
    "Errors", "Evotor rejected the data StockDesk sent: {reasons}. Correct the value and try again.")
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Errors", "The Evotor cloud answered with an unexpected error (HTTP {status}). Try again later; "
              "if it keeps happening, contact StockDesk support.")

# Retries used up: RetriesExhausted.kind -> (code, text).
_EXHAUSTED: dict[str, tuple[str, str]] = {
    "throttled": ("rate_limited", QT_TRANSLATE_NOOP(
        "Errors", "Evotor is limiting how often StockDesk may ask and kept refusing for too long. "
                  "Wait a few minutes and try again; work already done is kept.")),
    "server": ("server", QT_TRANSLATE_NOOP(
        "Errors", "The Evotor cloud is having trouble (HTTP {status}). Try again later; work already "
                  "done is kept.")),
    "network": ("network", QT_TRANSLATE_NOOP(
        "Errors", "No connection to the Evotor cloud. Check the internet connection and try again.")),
    "timeout": ("network", QT_TRANSLATE_NOOP(
        "Errors", "The Evotor cloud did not answer in time. Check the internet connection and try again.")),
    "invalid_response": ("invalid_response", QT_TRANSLATE_NOOP(
        "Errors", "The Evotor cloud kept sending incomplete or unreadable answers. Try again later.")),
}

ERRORS = ErrorTexts(EvotorError, _BY_STATUS, _BAD_REQUEST, _UNEXPECTED, _EXHAUSTED)


def error_for_response(response: httpx.Response) -> EvotorError:
    """The error for a final (not retried) non-2xx answer."""
    return ERRORS.for_response(response, bad_request=response.status_code == 400, reasons=lambda: _reasons(response))


def _reasons(response: httpx.Response) -> str:
    """Reasons from a 400 body {"code", "message", "violations": [{"reason", "subject"}]}."""
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return "HTTP 400"
    violations = [f"{v['subject']}: {v['reason']}" if v.get("subject") else str(v["reason"])
                  for v in body.get("violations") or [] if isinstance(v, dict) and v.get("reason")]
    message = str(body.get("message") or body.get("code") or "HTTP 400")
    return f"{message} ({'; '.join(violations)})" if violations else message
