"""How numbers, dates, documents and reasons read in the window, in the current language.

Text is translated with QCoreApplication.translate in the "Format" context (the application's
translators are installed before any widget exists).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from stockdesk import i18n
from stockdesk.core.quantity import format_qty
from stockdesk.i18n import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

DOC_TYPES = {
    "SELL": QT_TRANSLATE_NOOP("Format", "Sale"),
    "PAYBACK": QT_TRANSLATE_NOOP("Format", "Customer return"),
    "ACCEPT": QT_TRANSLATE_NOOP("Format", "Acceptance"),
    "WRITE_OFF": QT_TRANSLATE_NOOP("Format", "Write-off"),
    "RETURN": QT_TRANSLATE_NOOP("Format", "Return to supplier"),
    "BUY": QT_TRANSLATE_NOOP("Format", "Purchase from a customer"),
    "BUYBACK": QT_TRANSLATE_NOOP("Format", "Buyback"),
    "INVENTORY": QT_TRANSLATE_NOOP("Format", "Inventory"),
    "OPEN_TARE": QT_TRANSLATE_NOOP("Format", "Tare opening"),
    "REVALUATION": QT_TRANSLATE_NOOP("Format", "Revaluation"),
}

# What a document did, for the provenance line: "{movement}" with the quantity filled in.
MOVEMENTS = {
    "SELL": QT_TRANSLATE_NOOP("Format", "sold {q}"),
    "PAYBACK": QT_TRANSLATE_NOOP("Format", "returned by a customer {q}"),
    "ACCEPT": QT_TRANSLATE_NOOP("Format", "accepted {q}"),
    "WRITE_OFF": QT_TRANSLATE_NOOP("Format", "written off {q}"),
    "RETURN": QT_TRANSLATE_NOOP("Format", "returned to the supplier {q}"),
    "BUY": QT_TRANSLATE_NOOP("Format", "bought from a customer {q}"),
    "BUYBACK": QT_TRANSLATE_NOOP("Format", "bought back {q}"),
    "INVENTORY": QT_TRANSLATE_NOOP("Format", "counted {q}"),
}

REASONS = {
    "no_documents": QT_TRANSLATE_NOOP("Format", "No document mentions it"),
    "uncertain_effect": QT_TRANSLATE_NOOP("Format", "A document's effect on stock is unclear"),
}

STATUSES = {
    "resolved": QT_TRANSLATE_NOOP("Format", "From documents"),
    "review": QT_TRANSLATE_NOOP("Format", "Needs your decision"),
    "manual": QT_TRANSLATE_NOOP("Format", "Entered by you"),
    "service": QT_TRANSLATE_NOOP("Format", "Service"),
}

DECISIONS = {
    "keep_cloud": QT_TRANSLATE_NOOP("Format", "keep the cloud value"),
    "skip": QT_TRANSLATE_NOOP("Format", "skipped"),
}

QUANTITY_ERRORS = {
    "empty": QT_TRANSLATE_NOOP("Format", "Enter a number."),
    "not_a_number": QT_TRANSLATE_NOOP("Format", "This is not a number."),
    "too_many_decimals": QT_TRANSLATE_NOOP("Format", "At most 3 digits after the decimal point."),
    "not_whole": QT_TRANSLATE_NOOP("Format", "This product is sold by the piece: enter a whole number."),
    "too_large": QT_TRANSLATE_NOOP("Format", "Too large: at most 7 digits before the decimal point."),
}

STOP_REASONS = {
    "all_resolved": QT_TRANSLATE_NOOP("Format", "stopped early: every product was resolved"),
    "complete_inventory": QT_TRANSLATE_NOOP("Format", "stopped at a complete inventory"),
    "store_created": QT_TRANSLATE_NOOP("Format", "read back to the day the store was created"),
    "incremental": QT_TRANSLATE_NOOP("Format", "only what arrived since the last run"),
}


def _tr(table: dict[str, str], key: str | None, default: str = "") -> str:
    source = table.get(key or "")
    return translate("Format", source) if source else (default or (key or ""))


def qty(milli: int | None) -> str:
    """A quantity with the language's decimal separator ("1,5" in Russian)."""
    return format_qty(milli, decimal_sep="," if i18n.language() == "ru" else ".")


def locale() -> QLocale:
    return QLocale(QLocale.Language.Russian if i18n.language() == "ru" else QLocale.Language.English)


def datetime_ms(ms: int | None) -> str:
    """Epoch milliseconds as local time, "12.11.2026 14:02" (the form Russian receipts use)."""
    if ms is None:
        return ""
    return datetime.fromtimestamp(ms / 1000).strftime("%d.%m.%Y %H:%M")


def date_ms(ms: int | None) -> str:
    if ms is None:
        return ""
    return datetime.fromtimestamp(ms / 1000).strftime("%d.%m.%Y")


def iso_datetime(text: str | None) -> str:
    """An ISO-8601 UTC time from the database, as local time."""
    if not text:
        return ""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return (moment.astimezone() if moment.tzinfo else moment).strftime("%d.%m.%Y %H:%M")


def month_ms(ms: int) -> str:
    """ "November 2026" (stand-alone month name: "ноябрь 2026", not "ноября")."""
    moment = datetime.fromtimestamp(ms / 1000)
    return f"{locale().standaloneMonthName(moment.month)} {moment.year}"


def duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return translate("Format", "{h} h {m} min").format(h=hours, m=minutes)
    if minutes:
        return translate("Format", "{m} min {s} s").format(m=minutes, s=secs)
    return translate("Format", "{s} s").format(s=secs)


def doc_type(code: str | None) -> str:
    return _tr(DOC_TYPES, code)


def document(doc_type_code: str | None, number: int | None, close_ms: int | None) -> str:
    """ "Sale №123, 12.11.2026 14:02" """
    if not doc_type_code:
        return ""
    name = doc_type(doc_type_code)
    if number is not None:
        name = translate("Format", "{doc} №{number}").format(doc=name, number=number)
    if close_ms is not None:
        name = translate("Format", "{doc}, {date}").format(doc=name, date=datetime_ms(close_ms))
    return name


def provenance(status: str, doc_type_code: str | None, number: int | None, close_ms: int | None,
               s0: int | None, q: int | None, value: int | None) -> str:
    """Why a product has its number: "Sale №123, 12.11.2026 14:02: before 17, sold 2 → 15"."""
    if status == "service":
        return translate("Format", "A service: no stock is kept")
    if status == "manual":
        return translate("Format", "Entered by you: {value}").format(value=qty(value))
    head = document(doc_type_code, number, close_ms)
    if status == "review":
        if head:
            return translate("Format", "{document}: its effect on stock is unclear").format(document=head)
        return translate("Format", "No document mentions it")
    if not head:
        return ""
    movement = MOVEMENTS.get(doc_type_code or "")
    if movement and s0 is not None and q is not None:
        return translate("Format", "{document}: before {before}, {movement} → {after}").format(
            document=head, before=qty(s0), movement=translate("Format", movement).format(q=qty(q)),
            after=qty(value))
    return translate("Format", "{document} → {after}").format(document=head, after=qty(value))


def reason(code: str | None) -> str:
    return _tr(REASONS, code)


def status(code: str | None) -> str:
    return _tr(STATUSES, code)


def decision(action: str | None) -> str:
    return _tr(DECISIONS, action)


def quantity_error(code: str) -> str:
    return _tr(QUANTITY_ERRORS, code, translate("Format", "This value cannot be a stock balance."))


def negative_warning() -> str:
    return translate("Format", "Below zero: allowed, but please check it.")


def stop_reason(code: str | None) -> str:
    return _tr(STOP_REASONS, code)
