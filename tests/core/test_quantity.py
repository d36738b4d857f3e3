from decimal import Decimal

import pytest

from stockdesk.core.quantity import QuantityError, format_qty, from_api, parse, to_decimal, to_json


@pytest.mark.parametrize("value, milli", [(0, 0), (12, 12000), (0.1, 100), (1.005, 1005), (-492, -492000),
                                          ("2.250", 2250), (Decimal("0.001"), 1)])
def test_from_api_is_exact(value, milli):
    assert from_api(value) == milli


def test_float_noise_never_accumulates():
    assert sum(from_api(0.1) for _ in range(10)) == 1000


@pytest.mark.parametrize("text, milli", [("12", 12000), (" 12,5 ", 12500), ("1 234,5", 1234500), ("-3", -3000),
                                         ("0.125", 125), ("9999999.999", 9999999999)])
def test_parse_accepts_what_people_type(text, milli):
    assert parse(text) == milli


@pytest.mark.parametrize("text, code", [("", "empty"), ("abc", "not_a_number"), ("1.2345", "too_many_decimals"),
                                        ("10000000", "too_large"), ("nan", "not_a_number"), ("1e400", "too_large")])
def test_parse_rejects_with_a_code(text, code):
    with pytest.raises(QuantityError) as err:
        parse(text)
    assert err.value.code == code


@pytest.mark.parametrize("milli, text, json_value", [(12000, "12", 12), (-1500, "-1.5", -1.5), (125, "0.125", 0.125),
                                                     (-1, "-0.001", -0.001)])
def test_format_and_json(milli, text, json_value):
    assert format_qty(milli) == text
    assert to_json(milli) == json_value
    assert to_decimal(milli) == Decimal(text)
