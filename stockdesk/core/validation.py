"""Checking a stock value the owner typed, before it is saved."""

from __future__ import annotations

import re
from dataclasses import dataclass

from stockdesk.core.quantity import SCALE, QuantityError, parse

# measure_name is free text on Evotor ("кг", "КГ.", "килограмм", "л", "литр", "kg"...).
_FRACTIONAL_UNIT = re.compile(r"^\s*(кг|килограмм\w*|г|гр|грамм\w*|л|литр\w*|мл|м|метр\w*|м2|м3|kg|g|l|m)\.?\s*$", re.I)


def is_weighted(measure_name: str | None) -> bool:
    """Goods sold in fractions (weight, volume, length) take up to 3 decimals; others whole numbers."""
    return bool(measure_name and _FRACTIONAL_UNIT.match(measure_name))


@dataclass(frozen=True)
class Validated:
    milli: int
    warning: str | None = None  # 'negative': allowed (stock can be negative) but worth a second look


def validate_stock_input(text: str, *, weighted: bool) -> Validated:
    """Raises QuantityError(code): empty, not_a_number, too_many_decimals, not_whole, too_large."""
    milli = parse(text, max_decimals=3)
    if not weighted and milli % SCALE:
        raise QuantityError("not_whole", text)
    return Validated(milli, "negative" if milli < 0 else None)
