"""Errors the shop owner reads. Each carries translatable text and what caused it, never a token."""

from __future__ import annotations

from stockdesk import i18n
from stockdesk.i18n import QT_TRANSLATE_NOOP

__all__ = ["UserError", "QT_TRANSLATE_NOOP"]


class UserError(Exception):
    """An error with a message for the owner.

    ``text`` is an English source string marked with QT_TRANSLATE_NOOP("Errors", ...) at the raise
    site; ``params`` fill its {placeholders}; ``code`` is a stable identifier for programs and tests.
    """

    context = "Errors"

    def __init__(self, text: str, /, *, code: str = "error", **params):
        self.text = text
        self.code = code
        self.params = params
        super().__init__(self._format(text))

    def _format(self, template: str) -> str:
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return template

    def render(self) -> str:
        """The message in the current language."""
        return self._format(i18n.tr(self.context, self.text))
