from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from dashboard.progress import Status
from dashboard.selectors import (
    InvalidSelection,
    compare_zones,
    comparison_selection,
    metric_ranking,
    zone_progress,
)
from factories import make_article, make_indicator, make_metric, make_zone
from metrics.models import Indicator

pytestmark = pytest.mark.django_db

TARGET = Indicator.Stance.TARGET


@pytest.fixture
def zone():
    return make_zone("甲高新区")


@pytest.fixture
def metric():
    return make_metric()


def only_row(zone, **kwargs):
    rows = zone_progress(zone, **kwargs)
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(
    ("achieved", "status", "progress"),
    [
        (120, Status.MET, Decimal("1.2")),
        (100, Status.MET, Decimal("1")),
        (80, Status.BEHIND, Decimal("0.8")),
    ],
)
def test_a_year_target_is_met_or_behind_by_its_full_year_result(zone, metric, achieved, status, progress):
    article = make_article(published_on=date(2024, 2, 1))
    make_indicator(article, zone=zone, metric=metric, value=100, stance=TARGET)
    make_indicator(make_article(published_on=date(2025, 2, 1)), zone=zone, metric=metric, value=achieved)

    row = only_row(zone)

    assert (row.status, row.progress, row.gap) == (status, progress, Decimal(100 - achieved))
    assert row.target.value == 100 and row.achievement.value == achieved
    assert row.period_label == "2024"


@pytest.mark.parametrize(
    ("achieved", "status"), [(250, Status.ON_TRACK), (50, Status.BEHIND), (330, Status.MET)]
)
def test_a_plan_set_years_ahead_is_judged_on_the_share_of_its_time_elapsed(zone, metric, achieved, status):
    # 到2026年 320家, written in 2024: one year of three has passed when the 2024 result is known.
    make_indicator(
        make_article(published_on=date(2024, 3, 1)),
        zone=zone,
        metric=metric,
        value=320,
        stance=TARGET,
        period="2026",
    )
    make_indicator(
        make_article(published_on=date(2025, 1, 20)), zone=zone, metric=metric, value=achieved, period="2024"
    )

    row = only_row(zone)

    assert row.period_label == "2024–2026"
    assert Decimal("0.33") < row.elapsed < Decimal("0.34")
    assert row.status == status
    assert row.achievement.period.label == "2024"


def test_a_plan_is_judged_on_its_latest_result(zone, metric):
    make_indicator(
        make_article(published_on=date(2024, 3, 1)),
        zone=zone,
        metric=metric,
        value=300,
        stance=TARGET,
        period="2024..2026",
    )
    make_indicator(
        make_article(published_on=date(2025, 1, 20)), zone=zone, metric=metric, value=90, period="2024"
    )
    make_indicator(
        make_article(published_on=date(2026, 1, 20)), zone=zone, metric=metric, value=210, period="2025"
    )

    row = only_row(zone)

    assert row.achievement.value == 210
    assert row.status == Status.ON_TRACK  # 70% done with two thirds of the time gone


def test_a_part_year_amount_is_judged_against_the_part_of_the_year_gone(zone, metric):
    make_indicator(make_article(), zone=zone, metric=metric, value=100, stance=TARGET)
    make_indicator(
        make_article(published_on=date(2024, 10, 20)),
        zone=zone,
        metric=metric,
        value=80,
        period="2024年1-9月",
        period_start=date(2024, 1, 1),
        period_end=date(2024, 9, 30),
    )

    row = only_row(zone)

    assert row.status == Status.ON_TRACK
    assert Decimal("0.74") < row.elapsed < Decimal("0.76")


def test_a_target_implied_by_a_completion_ratio_is_used_and_marked_derived(zone, metric):
    article = make_article(published_on=date(2024, 12, 1))
    make_indicator(article, zone=zone, metric=metric, value=90)
    make_indicator(article, zone=zone, metric=metric, value=100, stance=TARGET, derived=True)

    row = only_row(zone)

    assert row.target.derived is True
    assert row.status == Status.BEHIND and row.progress == Decimal("0.9")


def test_a_stated_target_is_preferred_to_an_implied_one(zone, metric):
    make_indicator(
        make_article(published_on=date(2024, 2, 1)), zone=zone, metric=metric, value=110, stance=TARGET
    )
    make_indicator(
        make_article(published_on=date(2024, 12, 1)),
        zone=zone,
        metric=metric,
        value=100,
        stance=TARGET,
        derived=True,
    )

    row = only_row(zone)

    assert (row.target.value, row.target.derived) == (110, False)
    assert (row.target.sources, row.target.agreeing, row.target.disagreeing) == (2, 1, 1)


def test_an_editor_reviewed_source_beats_a_later_one_and_disagreement_is_counted(zone, metric):
    reviewed = make_indicator(
        make_article(published_on=date(2024, 1, 10)),
        zone=zone,
        metric=metric,
        value=100,
        stance=TARGET,
        reviewed=True,
    )
    make_indicator(
        make_article(published_on=date(2024, 6, 1)), zone=zone, metric=metric, value=120, stance=TARGET
    )
    make_indicator(
        make_article(published_on=date(2024, 7, 1)), zone=zone, metric=metric, value="100.2", stance=TARGET
    )  # rounding: agrees

    row = only_row(zone)

    assert row.target.indicator_id == reviewed.pk
    assert (row.target.sources, row.target.agreeing, row.target.disagreeing) == (3, 2, 1)
    assert row.target.url == f"/articles/{reviewed.article_id}/#indicator-{reviewed.pk}"


def test_without_review_the_latest_published_source_is_chosen(zone, metric):
    make_indicator(
        make_article(published_on=date(2024, 1, 10)), zone=zone, metric=metric, value=100, stance=TARGET
    )
    latest = make_indicator(
        make_article(published_on=date(2024, 6, 1)), zone=zone, metric=metric, value=120, stance=TARGET
    )

    assert only_row(zone).target.indicator_id == latest.pk


def test_amounts_are_compared_in_the_base_unit(zone):
    money = make_metric("test_output", "测试产值", "亿元")
    make_indicator(
        make_article(), zone=zone, metric=money, value=1, unit="万亿元", base_value=10000, stance=TARGET
    )
    make_indicator(
        make_article(published_on=date(2025, 1, 5)), zone=zone, metric=money, value=9000, unit="亿元"
    )

    row = only_row(zone)

    assert (row.progress, row.gap, row.unit) == (Decimal("0.9"), Decimal(1000), "亿元")


def test_a_unit_that_cannot_be_converted_is_refused_with_a_reason(zone):
    money = make_metric("test_fdi", "测试外资", "亿美元")
    make_indicator(make_article(), zone=zone, metric=money, value=5, unit="亿美元", stance=TARGET)
    make_indicator(
        make_article(published_on=date(2025, 1, 5)),
        zone=zone,
        metric=money,
        value=30,
        unit="亿元",
        base_value=None,
    )

    row = only_row(zone)

    assert row.status == Status.NOT_COMPARABLE
    assert row.progress is None and row.gap is None
    assert "亿元" in str(row.reason) and "亿美元" in str(row.reason)


def test_figures_without_a_catalogue_metric_pair_on_the_same_words_and_unit(zone):
    article = make_article()
    make_indicator(
        article, zone=zone, metric=None, value=10, stance=TARGET, metric_text="数字化车间", unit="个"
    )
    make_indicator(
        make_article(published_on=date(2025, 1, 5)),
        zone=zone,
        metric=None,
        value=12,
        metric_text="数字化车间",
        unit="个",
    )
    make_indicator(article, zone=zone, metric=None, value=5, stance=TARGET, metric_text="智能工厂", unit="个")
    make_indicator(
        make_article(published_on=date(2025, 1, 6)),
        zone=zone,
        metric=None,
        value=4,
        metric_text="智能工厂",
        unit="家",
    )

    rows = {row.metric_text: row for row in zone_progress(zone)}

    assert rows["数字化车间"].status == Status.MET
    assert rows["智能工厂"].status == Status.NOT_COMPARABLE


def test_growth_is_never_paired_with_level(zone):
    gdp = make_metric("test_gdp", "测试生产总值", "亿元")
    make_indicator(
        make_article(),
        zone=zone,
        metric=gdp,
        value=8,
        unit="%",
        base_value=None,
        kind=Indicator.Kind.GROWTH,
        stance=TARGET,
    )
    make_indicator(make_article(published_on=date(2025, 1, 5)), zone=zone, metric=gdp, value=500)

    rows = {row.kind: row for row in zone_progress(zone)}

    assert rows[Indicator.Kind.GROWTH].status == Status.NO_RESULT
    assert rows[Indicator.Kind.LEVEL].status == Status.NO_TARGET


def test_growth_rates_are_compared_in_percent_even_for_a_money_metric(zone):
    gdp = make_metric("test_gdp", "测试生产总值", "亿元")
    make_indicator(
        make_article(),
        zone=zone,
        metric=gdp,
        value=8,
        unit="%",
        base_value=None,
        kind=Indicator.Kind.GROWTH,
        stance=TARGET,
    )
    make_indicator(
        make_article(published_on=date(2025, 1, 5)),
        zone=zone,
        metric=gdp,
        value="8.5",
        unit="%",
        base_value=None,
        kind=Indicator.Kind.GROWTH,
    )

    row = only_row(zone)

    assert row.status == Status.MET and row.unit == "%"


def test_rejected_figures_and_figures_of_other_places_do_not_count(zone, metric):
    make_indicator(make_article(), zone=zone, metric=metric, value=100, stance=TARGET)
    make_indicator(
        make_article(published_on=date(2025, 1, 5)),
        zone=zone,
        metric=metric,
        value=120,
        review_state=Indicator.ReviewState.REJECTED,
        reviewed_at=timezone.now(),
    )
    make_indicator(
        make_article(published_on=date(2025, 1, 6)),
        zone=zone,
        metric=metric,
        value=130,
        scope=Indicator.Scope.CITY,
    )

    assert only_row(zone).status == Status.NO_RESULT


def test_a_year_selects_the_targets_covering_it_judged_on_results_up_to_its_end(zone, metric):
    make_indicator(
        make_article(published_on=date(2024, 3, 1)),
        zone=zone,
        metric=metric,
        value=300,
        stance=TARGET,
        period="2026",
    )
    make_indicator(
        make_article(published_on=date(2023, 2, 1)),
        zone=zone,
        metric=metric,
        value=100,
        stance=TARGET,
        period="2023",
    )
    make_indicator(
        make_article(published_on=date(2025, 1, 20)), zone=zone, metric=metric, value=90, period="2024"
    )
    make_indicator(
        make_article(published_on=date(2026, 1, 20)), zone=zone, metric=metric, value=250, period="2025"
    )

    row = only_row(zone, year=2024)

    assert row.period_label == "2024–2026" and row.achievement.value == 90
    assert [r.period_label for r in zone_progress(zone, year=2023)] == ["2023"]


def test_compare_puts_zones_side_by_side_with_an_empty_row_for_an_unreported_metric(metric):
    first, second = make_zone("甲高新区"), make_zone("乙高新区")
    silent = make_metric("test_patents", "测试专利", "件")
    make_indicator(make_article(), zone=first, metric=metric, value=100, stance=TARGET)
    make_indicator(make_article(published_on=date(2025, 1, 5)), zone=first, metric=metric, value=120)
    make_indicator(make_article(), zone=second, metric=metric, value=50, stance=TARGET)

    comparison = compare_zones([first, second], [metric, silent], year=2024)

    assert [(row.metric, row.kind) for row in comparison.rows] == [(metric, "level"), (silent, "level")]
    first_cell, second_cell = comparison.rows[0].cells
    assert (first_cell.zone, first_cell.progress.status) == (first, Status.MET)
    assert (second_cell.zone, second_cell.progress.status) == (second, Status.NO_RESULT)
    assert all(cell.progress is None for cell in comparison.rows[1].cells)


def test_compare_shows_the_years_own_target_before_a_plan_covering_it(metric):
    first, second = make_zone("甲高新区"), make_zone("乙高新区")
    make_indicator(
        make_article(published_on=date(2024, 2, 1)),
        zone=first,
        metric=metric,
        value=500,
        stance=TARGET,
        period="2026",
    )
    make_indicator(
        make_article(published_on=date(2024, 2, 2)),
        zone=first,
        metric=metric,
        value=200,
        stance=TARGET,
        period="2024",
    )

    cell = compare_zones([first, second], [metric], year=2024).rows[0].cells[0]

    assert cell.progress.target.value == 200


def test_ranking_orders_zones_by_achievement_and_leaves_those_without_result_unranked(metric):
    small, large, waiting = make_zone("小高新区"), make_zone("大高新区"), make_zone("等高新区")
    make_indicator(make_article(), zone=small, metric=metric, value=10)
    make_indicator(make_article(), zone=large, metric=metric, value=90)
    make_indicator(make_article(), zone=waiting, metric=metric, value=50, stance=TARGET)
    make_indicator(make_article(), zone=make_zone("旧高新区"), metric=metric, value=999, period="2020")

    ranking = metric_ranking(metric, year=2024)

    assert [(entry.rank, entry.progress.zone) for entry in ranking] == [
        (1, large),
        (2, small),
        (None, waiting),
    ]


@pytest.mark.parametrize(
    ("zones", "message"),
    [
        (["a"], "you chose 1"),
        (["a,b,c,d,e,f,g"], "you chose 7"),
        (["test-nowhere,test-elsewhere"], "test-nowhere, test-elsewhere"),
        (["a\x00,b"], "No zone"),
    ],
)
def test_a_bad_selection_is_refused_with_a_message(zones, message):
    with translation.override("en"), pytest.raises(InvalidSelection) as refused:
        comparison_selection(zones, [], None)
    assert any(message in text for text in refused.value.messages)


def test_a_selection_accepts_commas_and_repeats_and_defaults_metrics_and_year(metric):
    first, second = make_zone("甲高新区"), make_zone("乙高新区")
    make_indicator(
        make_article(published_on=date(2024, 2, 1)), zone=first, metric=metric, value=5, period="2023"
    )

    selection = comparison_selection([f"{first.slug},{second.slug}", first.slug], [], None)

    assert (selection.zones, selection.metrics, selection.year) == ([first, second], [metric], 2023)
    with pytest.raises(InvalidSelection):
        comparison_selection([f"{first.slug},{second.slug}"], ["no-such-metric"], "20x4")


def test_compare_can_add_rows_for_words_not_in_the_catalogue(metric):
    first, second = make_zone("甲高新区"), make_zone("乙高新区")
    make_indicator(make_article(), zone=first, metric=metric, value=100, stance=TARGET)
    make_indicator(
        make_article(),
        zone=second,
        metric=None,
        value=12,
        stance=TARGET,
        metric_text="生物医药产业产值",
        unit="亿元",
    )

    assert compare_zones([first, second], [metric], year=2024).uncatalogued_rows == []
    comparison = compare_zones([first, second], [metric], year=2024, uncatalogued=True)

    [row] = comparison.uncatalogued_rows
    assert (row.title, row.metric, [cell.progress and cell.progress.target.value for cell in row.cells]) == (
        "生物医药产业产值",
        None,
        [None, 12],
    )
    assert [r.metric for r in comparison.rows] == [metric]


def test_compare_shows_the_whole_years_target_before_a_quarters(metric):
    first, second = make_zone("甲高新区"), make_zone("乙高新区")
    make_indicator(
        make_article(),
        zone=first,
        metric=metric,
        value=30,
        stance=TARGET,
        period="2024-Q1",
        period_start=date(2024, 1, 1),
        period_end=date(2024, 3, 31),
    )
    make_indicator(make_article(), zone=first, metric=metric, value=100, stance=TARGET)

    cell = compare_zones([first, second], [metric], year=2024).rows[0].cells[0]

    assert cell.progress.target.value == 100


@pytest.mark.parametrize(
    ("label", "dates", "shown"),
    [
        ("2024", None, "2024"),
        ("2022-01..2022-10", (date(2022, 1, 1), date(2022, 10, 31)), "2022-01–2022-10"),
        ("2024..2026", None, "2024–2026"),
        ("cumulative", None, "to date"),
    ],
)
def test_periods_are_shown_readably(zone, metric, label, dates, shown):
    start, end = dates or (None, None)
    make_indicator(
        make_article(), zone=zone, metric=metric, value=1, period=label, period_start=start, period_end=end
    )
    with translation.override("en"):
        assert only_row(zone).period_label == shown


@pytest.mark.parametrize(
    ("achieved", "status", "progress"),
    [
        ("-3.4", Status.MET, Decimal("1.1333")),
        ("-3", Status.MET, Decimal("1")),
        ("-1.5", Status.BEHIND, Decimal("0.5")),
    ],
)
def test_a_fall_asked_for_is_met_by_falling_as_far_or_further(zone, metric, achieved, status, progress):
    # PM2.5浓度下降3% set for 2024; the 2024 result 下降3.4% beats it, 下降1.5% falls short.
    kind = Indicator.Kind.GROWTH
    make_indicator(
        make_article(published_on=date(2024, 2, 1)),
        zone=zone,
        metric=metric,
        value=-3,
        stance=TARGET,
        kind=kind,
        unit="%",
    )
    make_indicator(
        make_article(published_on=date(2025, 2, 1)),
        zone=zone,
        metric=metric,
        value=Decimal(achieved),
        kind=kind,
        unit="%",
    )

    row = only_row(zone)

    assert (row.status, row.progress) == (status, progress)
