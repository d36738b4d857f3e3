"""Exact stock quantities.

Evotor quantities have at most 3 decimals and 7 integer digits. Internally every quantity is an
``int`` of thousandths ("milli-units"), so sums are exact and comparisons are cheap; ``Decimal`` is
used only at the edges (owner input, display, JSON for the API).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

SCALE = 1000
MAX_INTEGER_DIGITS = 7
MAX_ABS_MILLI = 10**MAX_INTEGER_DIGITS * SCALE - 1  # 9 999 999.999


class QuantityError(ValueError):
    """A quantity that cannot be a stock balance. ``code`` names the problem for messages."""

    def __init__(self, code: str, text: str = ""):
        super().__init__(f"{code}: {text}" if text else code)
        self.code = code
        self.text = text


def from_api(value: int | float | str | Decimal) -> int:
    """Thousandths from a number the Evotor API sent (JSON int/float or numeric string).

    Floats are rounded to the nearest thousandth: the API never sends more than 3 decimals,
    so rounding only removes binary representation noise (0.1 -> 100, never 99).
    """
    if isinstance(value, bool):
        raise QuantityError("not_a_number", repr(value))
    if isinstance(value, int):
        return value * SCALE
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise QuantityError("not_a_number", repr(value))
        return round(value * SCALE)
    return parse(str(value), max_decimals=3, check_range=False)


def parse(text: str, *, max_decimals: int = 3, check_range: bool = True) -> int:
    """Thousandths from text typed by a person: '12', '12.5', '12,500', ' -3 ', '1 234,5'.

    Raises QuantityError with code: empty, not_a_number, too_many_decimals, too_large.
    """
    cleaned = (text or "").strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        raise QuantityError("empty")
    try:
        dec = Decimal(cleaned)
    except InvalidOperation:
        raise QuantityError("not_a_number", text) from None
    if not dec.is_finite():
        raise QuantityError("not_a_number", text)
    exponent = dec.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > max_decimals:
        raise QuantityError("too_many_decimals", text)
    milli = int(dec * SCALE)
    if check_range and abs(milli) > MAX_ABS_MILLI:
        raise QuantityError("too_large", text)
    return milli


def to_decimal(milli: int) -> Decimal:
    return Decimal(format_qty(milli))


def to_json(milli: int) -> int | float:
    """A JSON number with at most 3 decimals: 12000 -> 12, 12500 -> 12.5."""
    if milli % SCALE == 0:
        return milli // SCALE
    return float(to_decimal(milli))


def format_qty(milli: int | None, *, decimal_sep: str = ".") -> str:
    """Shortest exact text: 12000 -> '12', -1500 -> '-1.5', 125 -> '0.125', None -> ''."""
    if milli is None:
        return ""
    sign = "-" if milli < 0 else ""
    whole, frac = divmod(abs(milli), SCALE)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}{decimal_sep}{frac:03d}".rstrip("0")


def in_range(milli: int) -> bool:
    return abs(milli) <= MAX_ABS_MILLI
