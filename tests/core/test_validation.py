import pytest

from stockdesk.core.quantity import QuantityError
from stockdesk.core.validation import is_weighted, validate_stock_input


@pytest.mark.parametrize("unit, weighted", [("кг", True), ("КГ.", True), ("литр", True), ("л", True), ("kg", True),
                                            ("шт", False), ("шт.", False), ("Штука", False), (None, False), ("", False)])
def test_weighted_units(unit, weighted):
    assert is_weighted(unit) is weighted


def test_piece_goods_take_whole_numbers_only():
    assert validate_stock_input("5", weighted=False).milli == 5000
    with pytest.raises(QuantityError) as err:
        validate_stock_input("2.5", weighted=False)
    assert err.value.code == "not_whole"


def test_weight_goods_take_three_decimals():
    assert validate_stock_input("2,125", weighted=True).milli == 2125
    with pytest.raises(QuantityError) as err:
        validate_stock_input("2.1255", weighted=True)
    assert err.value.code == "too_many_decimals"


def test_negative_is_allowed_with_a_warning():
    v = validate_stock_input("-3", weighted=False)
    assert (v.milli, v.warning) == (-3000, "negative")


def test_seven_integer_digits_at_most():
    assert validate_stock_input("9999999", weighted=False).milli == 9_999_999_000
    with pytest.raises(QuantityError) as err:
        validate_stock_input("10000000", weighted=False)
    assert err.value.code == "too_large"
