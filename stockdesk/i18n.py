"""Language choice and translation for code outside widgets (CLI, jobs, error messages).

All owner-facing text goes through Qt Linguist catalogues in resources/i18n. QTranslator works
without a QApplication, so the command line speaks Russian too.
"""

from __future__ import annotations

import os

from stockdesk.paths import resources_dir

# QtCore is imported where it is used, so processes that never translate (the database
# process that parses documents) do not load Qt.

LANGUAGES = ("en", "ru")
_state: dict = {"lang": None, "translator": None}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks text for pyside6-lupdate; translated later with tr(context, text)."""
    return text


def system_language() -> str:
    """'ru' when STOCKDESK_LANG or the system locale says Russian, else 'en'."""
    forced = os.environ.get("STOCKDESK_LANG", "").lower()[:2]
    if forced in LANGUAGES:
        return forced
    from PySide6.QtCore import QLocale

    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def set_language(lang: str | None) -> str:
    lang = lang if lang in LANGUAGES else system_language()
    # English loads its catalogue too: it holds the English plural forms ("1 store", "2 stores").
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(resources_dir() / "i18n" / f"stockdesk_{lang}.qm")):
        translator = None
    _state.update(lang=lang, translator=translator)
    return lang


def language() -> str:
    if _state["lang"] is None:
        set_language(None)
    return _state["lang"]


def tr(context: str, text: str, n: int = -1) -> str:
    """Translate like QCoreApplication.translate, including %n plurals, without needing an app."""
    language()
    translator = _state["translator"]
    result = (translator.translate(context, text, None, n) if translator else "") or text
    return result.replace("%n", str(n)) if n >= 0 else result
