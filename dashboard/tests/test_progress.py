"""The comparison rules of `dashboard.progress` on indicators built in memory: no database, so each
rule is seen on its own, away from how the selectors load the figures."""

import itertools
from datetime import date
from decimal import Decimal

import pytest

from articles.models import Article
from dashboard.progress import Period, Status, elapsed_share, stated_period, zone_progress_rows
from metrics.models import Indicator, Metric
from zones.models import Zone

TARGET, ACHIEVEMENT = Indicator.Stance.TARGET, Indicator.Stance.ACHIEVEMENT
ZONE = Zone(pk=1, name="甲高新技术产业开发区", short_name="甲高新区", slug="jia")
COUNT = Metric(pk=1, code="enterprises", name_zh="企业数", name_en="enterprises", unit="家")
MONEY = Metric(pk=2, code="revenue", name_zh="营业收入", name_en="revenue", unit="亿元")
_serial = itertools.count(1)


def figure(
    value,
    *,
    stance=ACHIEVEMENT,
    period="2024",
    published=date(2025, 1, 20),
    metric=COUNT,
    kind=Indicator.Kind.LEVEL,
    unit=None,
    base_value="same",
    **fields,
) -> Indicator:
    """An unsaved indicator with its own unsaved article, as the selectors hand them to the rules."""
    number = next(_serial)
    value = Decimal(str(value))
    article = Article(pk=number, raw_text=f"第{number}篇", published_on=published)
    return Indicator(
        pk=number,
        article=article,
        zone=ZONE,
        metric=metric,
        metric_text=metric.name_zh if metric else "词",
        value=value,
        unit=unit if unit is not None else metric.unit,
        kind=kind,
        stance=stance,
        base_value=value if base_value == "same" else base_value,
        period_label=period,
        **fields,
    )


def only_row(indicators, **options):
    rows = zone_progress_rows(ZONE, indicators, **options)
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(("achieved", "status"), [(100, Status.MET), (99, Status.BEHIND), (130, Status.MET)])
def test_a_year_target_is_met_when_the_year_reaches_it(achieved, status):
    row = only_row([figure(100, stance=TARGET, published=date(2024, 2, 1)), figure(achieved)])
    assert row.status == status
    assert row.progress == Decimal(achieved) / 100
    assert row.gap == 100 - achieved


def test_an_amount_part_way_through_the_year_is_judged_against_the_time_gone():
    nine_months = {"period_start": date(2024, 1, 1), "period_end": date(2024, 9, 30)}
    on_track = only_row([figure(100, stance=TARGET), figure(80, period="2024-01..2024-09", **nine_months)])
    behind = only_row([figure(100, stance=TARGET), figure(60, period="2024-01..2024-09", **nine_months)])
    assert (on_track.status, behind.status) == (Status.ON_TRACK, Status.BEHIND)
    assert Decimal("0.74") < on_track.elapsed < Decimal("0.76")


def test_a_rate_part_way_through_the_year_is_judged_as_it_stands():
    growth = {"kind": Indicator.Kind.GROWTH, "unit": "%", "base_value": None}
    half = {"period_start": date(2024, 1, 1), "period_end": date(2024, 6, 30)}
    row = only_row([figure(8, stance=TARGET, **growth), figure(9, period="2024-H1", **growth, **half)])
    assert row.status == Status.ON_TRACK


def test_a_target_set_years_ahead_runs_from_the_year_it_was_set():
    row = only_row([figure(300, stance=TARGET, period="2026", published=date(2024, 3, 1)), figure(110)])
    assert row.period.display == "2024–2026"
    assert Decimal("0.33") < row.elapsed < Decimal("0.34")
    assert row.status == Status.ON_TRACK


def test_the_most_credible_source_is_chosen_and_disagreement_counted():
    reviewed = figure(100, stance=TARGET, published=date(2024, 1, 5), review_state="confirmed")
    later = figure(120, stance=TARGET, published=date(2024, 6, 1))
    agreeing = figure("100.3", stance=TARGET, published=date(2024, 3, 1))  # rounding: the same figure
    row = only_row([reviewed, later, agreeing, figure(100)])
    assert row.target.indicator_id == reviewed.pk
    assert (row.target.sources, row.target.agreeing, row.target.disagreeing) == (3, 2, 1)


def test_a_stated_target_beats_one_implied_by_a_completion_ratio():
    stated = figure(110, stance=TARGET, published=date(2024, 2, 1))
    implied = figure(100, stance=TARGET, published=date(2024, 12, 1), derived=True)
    assert only_row([implied, stated, figure(100)]).target.indicator_id == stated.pk


def test_amounts_meet_in_the_metrics_base_unit_and_other_units_are_refused_with_a_reason():
    trillion = figure(1, stance=TARGET, metric=MONEY, unit="万亿元", base_value=Decimal(10000))
    assert only_row([trillion, figure(9000, metric=MONEY)]).status == Status.BEHIND
    dollars = figure(5, stance=TARGET, metric=MONEY, unit="亿美元", base_value=None)
    refused = only_row([dollars, figure(30, metric=MONEY)])
    assert refused.status == Status.NOT_COMPARABLE and "亿美元" in refused.reason


def test_a_fall_asked_for_is_met_by_falling_further_and_a_rank_by_a_smaller_number():
    fall = {"kind": Indicator.Kind.GROWTH, "unit": "%", "base_value": None}
    assert only_row([figure(-3, stance=TARGET, **fall), figure(-4, **fall)]).status == Status.MET
    assert only_row([figure(-3, stance=TARGET, **fall), figure(-1, **fall)]).status == Status.BEHIND
    rank = {"kind": Indicator.Kind.RANK, "unit": "位"}
    assert only_row([figure(5, stance=TARGET, **rank), figure(3, **rank)]).status == Status.MET


def test_a_result_without_a_target_and_a_target_without_a_result_stand_alone():
    no_target = only_row([figure(100)])
    no_result = only_row([figure(100, stance=TARGET, period="2030", published=date(2025, 3, 1))])
    assert (no_target.status, no_result.status) == (Status.NO_TARGET, Status.NO_RESULT)


def test_a_year_keeps_the_targets_covering_it_judged_on_results_up_to_its_end():
    plan = figure(300, stance=TARGET, period="2024..2026", published=date(2024, 1, 10))
    results = [figure(100, period="2024"), figure(200, period="2025", published=date(2026, 1, 20))]
    assert only_row([plan, *results], year=2024).achievement.value == 100
    assert only_row([plan, *results], year=2025).achievement.value == 200


def test_completion_ratios_are_not_compared_themselves():
    ratio = figure(95, kind=Indicator.Kind.COMPLETION, unit="%", base_value=None)
    assert zone_progress_rows(ZONE, [ratio]) == []


@pytest.mark.parametrize(
    ("label", "shown"),
    [("2024", "2024"), ("2024..2026", "2024–2026"), ("2024-Q1", "2024-Q1"), ("cumulative", "")],
)
def test_a_stated_period_takes_its_dates_from_the_label(label, shown):
    period = stated_period(figure(1, period=label))
    assert period.is_dated == (label != "cumulative")
    if shown:
        assert period.display == shown


def test_elapsed_share_is_the_part_of_the_target_period_covered():
    year = Period("2024", date(2024, 1, 1), date(2024, 12, 31))
    assert elapsed_share(year, Period("2024-H1", date(2024, 1, 1), date(2024, 6, 30))) == Decimal("0.4973")
    assert elapsed_share(year, Period("2025", date(2025, 1, 1), date(2025, 12, 31))) == 1
    assert elapsed_share(year, Period("cumulative")) == 1
