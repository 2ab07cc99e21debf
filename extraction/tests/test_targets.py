import datetime as dt

from extraction.indicator import ExtractedIndicator
from extraction.targets import implied_target

ORIGINAL = "完成投资122.2亿元,完成年度投资计划的149.6%"


def _indicator(**fields):
    base = {
        "zone": "甲高新区",
        "zone_registered": True,
        "scope": "zone",
        "metric": "投资",
        "metric_code": None,
        "value": 0.0,
        "unit": "亿元",
        "base_value": None,
        "base_unit": None,
        "kind": "level",
        "stance": "achievement",
        "period": "2022-01..2022-10",
        "period_start": dt.date(2022, 1, 1),
        "period_end": dt.date(2022, 10, 31),
        "qualifier": None,
        "quote": "",
        "start": 0,
        "end": 0,
    }
    return ExtractedIndicator(**{**base, **fields})


def test_plan_implied_by_an_amount_and_its_completion_ratio():
    achieved = _indicator(
        value=122.2, base_value=122.2, base_unit="亿元", quote="投资122.2亿元", start=2, end=11
    )
    ratio = _indicator(
        value=149.6,
        unit="%",
        kind="completion",
        quote="完成年度投资计划的149.6%",
        start=12,
        end=len(ORIGINAL),
    )
    target = implied_target(achieved, ratio, ORIGINAL)
    assert (target.value, target.unit, target.stance, target.period, target.derived) == (
        81.7,
        "亿元",
        "target",
        "2022",
        True,
    )
    assert target.base_value == 81.7
    assert ORIGINAL[target.start : target.end] == target.quote


def test_no_plan_from_a_share_or_a_zero_ratio():
    achieved = _indicator(value=50, unit="%", kind="share")
    ratio = _indicator(value=120, unit="%", kind="completion")
    assert implied_target(achieved, ratio, ORIGINAL) is None
    assert (
        implied_target(_indicator(value=10), _indicator(value=0, unit="%", kind="completion"), ORIGINAL)
        is None
    )
