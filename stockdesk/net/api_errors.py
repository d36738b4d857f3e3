"""Turning an API's refusals and used-up retries into the owner-facing error of that system.

Each system keeps its own wording: its texts stay marked with QT_TRANSLATE_NOOP("Errors", ...) in its
own errors module. What is shared is how an HTTP status or a RetriesExhausted picks one of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Generic, TypeVar

import httpx

from stockdesk.errors import UserError
from stockdesk.net.retry import RetriesExhausted


class ApiError(UserError):
    """``code`` names the problem; ``status`` is the HTTP status when there was one (messages may say
    {status}); ``retryable`` says that trying again later may work (nothing is wrong with the token,
    rights or data)."""

    def __init__(self, text: str, *, code: str, status: int | None = None, retryable: bool = False, **params):
        super().__init__(text, code=code, status=status, **params)
        self.status = status
        self.retryable = retryable


E = TypeVar("E", bound=ApiError)


def error_entries(response: httpx.Response) -> list[dict]:
    """The objects of a JSON body's "errors" list; [] for any other body (e.g. an HTML error page)."""
    try:
        body = json.loads(response.content)
    except ValueError:
        return []
    errors = body.get("errors") if isinstance(body, dict) else None
    return [e for e in errors or [] if isinstance(e, dict)]


@dataclass(frozen=True)
class ErrorTexts(Generic[E]):
    """One system's wording and the error class that carries it."""
    error: type[E]
    by_status: dict[int, tuple[str, str]]   # final answers: status -> (code, text)
    bad_request: str                        # the data was refused; says {reasons}
    unexpected: str                         # any other status; says {status}
    exhausted: dict[str, tuple[str, str]]   # retries used up: RetriesExhausted.kind -> (code, text)

    def for_response(self, response: httpx.Response, *, bad_request: bool, reasons: Callable[[], str],
                     **extra: Any) -> E:
        """The error for a final (not retried) non-2xx answer. ``bad_request``: this status means the
        data was refused (then ``reasons()`` says why); ``extra`` goes to the error class as it is."""
        status = response.status_code
        if status in self.by_status:
            code, text = self.by_status[status]
            return self.error(text, code=code, status=status, **extra)
        if bad_request:
            return self.error(self.bad_request, code="bad_request", status=status, reasons=reasons(), **extra)
        return self.error(self.unexpected, code="http_error", status=status, **extra)

    def for_exhausted(self, exc: RetriesExhausted) -> E:
        code, text = self.exhausted[exc.kind]
        status = exc.response.status_code if exc.response is not None else None
        return self.error(text, code=code, status=status, retryable=True)

    def rejected(self) -> E:
        """For a token or key that cannot be valid (empty, spaces inside): the same advice as a 401."""
        code, text = self.by_status[401]
        return self.error(text, code=code)

    def invalid_response(self) -> E:
        """For a readable answer without the documented shape: as if retries had run out on it."""
        code, text = self.exhausted["invalid_response"]
        return self.error(text, code=code, retryable=True)
