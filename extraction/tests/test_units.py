import pytest

from extraction.units import canonical_unit, to_base, unit_family


@pytest.mark.parametrize(
    "value, unit, base, expected",
    [
        (650, "万元", "亿元", 0.065),
        (1.2, "万亿元", "亿元", 12000),
        (3, "亿美元", "万美元", 30000),
        (2, "个", "家", 2),
        (1.5, "万家", "家", 15000),
        (1, "平方公里", "亩", 1500),
        (15, "亩", "平方米", 10000),
        (40, "%", "%", 40),
        (2, "GWh", "kWh", 2e6),
    ],
)
def test_conversions_within_a_family(value, unit, base, expected):
    assert to_base(value, unit, base) == pytest.approx(expected)


@pytest.mark.parametrize(
    "unit, base",
    [("亿元", "家"), ("%", "亿元"), ("亿美元", "亿元"), ("个百分点", "%"), ("亩", "吨"), ("斤", "亿元")],
)
def test_different_families_never_mix(unit, base):
    assert to_base(1, unit, base) is None


def test_spellings_are_canonical():
    assert canonical_unit("30gwh"[2:]) == "GWh"
    assert canonical_unit("百分点") == "个百分点"
    assert canonical_unit("亿") == "亿元"
    assert unit_family("家次") == "count"
