import datetime as dt

import pytest

from extraction.periods import period_bounds, reference_year, resolve_period

PUBLISHED = dt.date(2023, 11, 20)


@pytest.mark.parametrize(
    "phrase, label",
    [
        ("今年", "2023"),
        ("今年以来", "2023"),
        ("去年", "2022"),
        ("明年", "2024"),
        ("上半年", "2023-H1"),
        ("下半年", "2023-H2"),
        ("前三季度", "2023-Q1..Q3"),
        ("一季度", "2023-Q1"),
        ("第二季度", "2023-Q2"),
        ("今年上半年", "2023-H1"),
        ("去年前三季度", "2022-Q1..Q3"),
        ("1-9月", "2023-01..2023-09"),
        ("1至8月份", "2023-01..2023-08"),
        ("2021年3-5月", "2021-03..2021-05"),
        ("2022年", "2022"),
        ("2022年度", "2022"),
        ("2021年上半年", "2021-H1"),
        ("2020年一季度", "2020-Q1"),
        ("2023年6月", "2023-06"),
        ("2023—2025年", "2023..2025"),
        ("到2027年", "2027"),
        ("到“十四五”末", "2025"),
        ("十五五期末", "2030"),
        ("十四五期间", "2021..2025"),
        ("截至目前", "cumulative"),
        ("累计", "cumulative"),
        ("近三年来", "cumulative"),
        ("截至9月底", "2023-01..2023-09"),
        ("2021年以来", "2021..2023"),
        ("“十四五”以来", "2021..2023"),
        ("2023年以来", "2023"),
        ("截止2022年11月末", "2022-01..2022-11"),
        ("全年", "2023"),
        ("年底", "2023"),
        ("连续三年", "2021..2023"),
        ("连续八年", "2016..2023"),
        ("连续12年", "2012..2023"),
        ("连续十年", "2014..2023"),
        ("连续十一年", "2013..2023"),
        ("3月份", "2023-03"),
        ("5月19日", None),
    ],
)
def test_labels(phrase, label):
    assert resolve_period(phrase, PUBLISHED) == label


def test_months_after_the_publication_month_are_last_year():
    assert resolve_period("1-12月", dt.date(2024, 1, 20)) == "2023-01..2023-12"


def test_comparison_bases_are_not_periods():
    assert resolve_period("比上年", PUBLISHED) is None
    assert resolve_period("较去年同期", PUBLISHED) is None


def test_relative_words_need_a_date():
    assert resolve_period("今年", None) is None
    assert resolve_period("2022年", None) == "2022"


def test_reference_year_of_a_review_published_early_in_the_year():
    text = "2022年,开发区营收增长。2022年全年新增企业。2023年将继续。"
    assert reference_year(text, dt.date(2023, 1, 15)) == 2022
    assert reference_year(text, dt.date(2023, 8, 15)) == 2023
    assert reference_year(text, None) == 2022


@pytest.mark.parametrize(
    "label, start, end",
    [
        ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("2024..2026", dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
        ("2022-01..2022-10", dt.date(2022, 1, 1), dt.date(2022, 10, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2022-Q1..Q3", dt.date(2022, 1, 1), dt.date(2022, 9, 30)),
        ("2024-Q2", dt.date(2024, 4, 1), dt.date(2024, 6, 30)),
        ("2021-H1", dt.date(2021, 1, 1), dt.date(2021, 6, 30)),
        ("2021-H2", dt.date(2021, 7, 1), dt.date(2021, 12, 31)),
        ("cumulative", None, None),
        (None, None, None),
        ("soon", None, None),
    ],
)
def test_bounds(label, start, end):
    assert period_bounds(label) == (start, end)
