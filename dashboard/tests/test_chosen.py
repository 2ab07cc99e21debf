"""The values chosen in PostgreSQL (`dashboard.chosen`) against the rules themselves
(`progress.zone_progress_rows` on every figure), on randomly generated figures."""

import random
from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from dashboard.across_years import latest_first
from dashboard.chosen import Narrowing, chosen_figures
from dashboard.progress import zone_progress_rows
from dashboard.selectors import (
    latest_rows,
    progress_by_zone,
    rows_from_chosen,
    zone_indicators,
    zone_progress,
)
from extraction import period_bounds
from factories import make_article, make_indicator, make_metric, make_zone
from metrics.models import Indicator, Metric
from zones.models import Zone

pytestmark = pytest.mark.django_db

LABELS = [
    "2022",
    "2023",
    "2024",
    "2025",
    "2023..2025",
    "2021..2025",
    "2024-Q1",
    "2024-H1",
    "2024-03",
    "cumulative",
]
VALUES = [100, 100.2, 101, 90, 0, -3]
STATES = ["auto", "auto", "confirmed", "corrected", "rejected"]


def generated_zone(seed: int, *, mixed_dates: bool, labels=LABELS, dated: bool = False):
    """A zone with ~150 figures from 8 articles on 2 catalogue metrics and one wording, every kind
    and stance. Without `mixed_dates` a figure's dates are left to its label or differ from it;
    with, some figures store exactly their label's dates (a period the rules read as one). `dated`:
    every figure stores dates (its label's, as ingestion does, unless they differ from it)."""
    rng = random.Random(seed)
    zone, other = make_zone(f"随{seed}高新区"), make_zone(f"邻{seed}高新区")
    metrics = [make_metric("gen_money", "生成产值", "亿元"), make_metric("gen_count", "生成企业", "家"), None]
    articles = [
        make_article(published_on=rng.choice([None, date(2022 + rng.randrange(4), 1 + rng.randrange(12), 1)]))
        for _ in range(8)
    ]
    for _ in range(200):
        metric = rng.choice(metrics)
        label = rng.choice(labels)
        fields = {}
        if rng.random() < 0.15 and label == "2024":
            fields.update(period_start=date(2024, 1, 1), period_end=date(2024, 6, 30))
        elif dated:
            fields.update(zip(("period_start", "period_end"), period_bounds(label), strict=True))
        elif mixed_dates and rng.random() < 0.3 and label == "2023":
            fields.update(period_start=date(2023, 1, 1), period_end=date(2023, 12, 31))
        state = rng.choice(STATES)
        if state != "auto":
            fields.update(review_state=state, reviewed_at=timezone.now())
        value = rng.choice(VALUES)
        make_indicator(
            rng.choice(articles),
            zone=rng.choice([zone, zone, zone, other]),
            metric=metric,
            metric_text="" if metric else rng.choice(["园区营收", " 园区营收 "]),
            value=value,
            unit=rng.choice(["亿元", "万元", "%", "家"]),
            base_value=rng.choice([value, value * 10000, None]),
            kind=rng.choice(["level", "level", "growth", "rank", "delta", "share", "completion"]),
            stance=rng.choice(["target", "achievement"]),
            period=label,
            derived=rng.random() < 0.2,
            quote=f"测试数字{rng.random()}",
            **fields,
        )
    return zone


def outcome(rows):
    def side(chosen):
        if chosen is None:
            return None
        return (
            chosen.indicator_id,
            chosen.amount,
            chosen.amount_unit,
            chosen.sources,
            chosen.agreeing,
            chosen.period,
        )

    return sorted(
        (
            (
                *(row.metric is None, row.metric_name.strip(), row.kind, row.period.sort_key()),
                *(row.status, row.progress, row.gap, row.elapsed, side(row.target), side(row.achievement)),
            )
            for row in rows
        ),
        key=repr,
    )


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("year", [None, 2023, 2024, 2025])
def test_values_chosen_in_postgresql_follow_the_rules(seed, year):
    zone = generated_zone(seed, mixed_dates=False)
    by_rules = zone_progress_rows(zone, list(zone_indicators([zone])), year=year)
    metrics = Metric.objects.in_bulk()
    chosen = rows_from_chosen(zone, chosen_figures(zone_ids=[zone.pk], year=year), metrics, year=year)
    assert chosen is not None, "these figures never put two stored periods on one stated period"
    assert by_rules, "the generated figures give rows to compare"
    assert outcome(chosen) == outcome(by_rules)
    sides = [side for row in by_rules for side in row.chosen_values]
    assert any(side.sources > side.agreeing > 0 for side in sides), "sources that disagree are compared"


@pytest.mark.parametrize("seed", range(3))
def test_periods_stored_both_ways_are_judged_by_the_rules(seed):
    zone = generated_zone(100 + seed, mixed_dates=True)
    by_rules = zone_progress_rows(zone, list(zone_indicators([zone])), year=None)
    assert outcome(zone_progress(zone)) == outcome(by_rules)


def test_a_rejected_figure_or_one_of_another_scope_is_never_chosen():
    zone, metric = make_zone("丁高新区"), make_metric()
    article = make_article(published_on=date(2025, 1, 1))
    make_indicator(article, zone=zone, metric=metric, value=7)
    make_indicator(
        make_article(published_on=date(2025, 2, 1)),
        zone=zone,
        metric=metric,
        value=9,
        review_state=Indicator.ReviewState.REJECTED,
        reviewed_at=timezone.now(),
    )
    make_indicator(
        make_article(published_on=date(2025, 3, 1)), zone=zone, metric=metric, value=8, scope="city"
    )
    [figure] = chosen_figures(zone_ids=[zone.pk])
    assert (figure.value, figure.sources, figure.article_id) == (7, 1, article.pk)


def latest_per_series(rows):
    """Each series' row as the compare page without a year picks it."""
    best = {}
    for row in rows:
        key = (row.metric is None, row.metric_name.strip(), row.kind)
        if key not in best or latest_first(row) > latest_first(best[key]):
            best[key] = row
    return list(best.values())


@pytest.mark.parametrize("seed", range(8))
def test_the_sides_narrowed_to_a_summary_give_its_rows(seed):
    """The zone summary and each zone's latest figure, from only the sides that can reach them,
    are those the rules give on every figure."""
    # Half the zones with every period dated (a series with an undated one is kept whole).
    dated_only = seed % 2 == 0
    labels = [label for label in LABELS if label != "cumulative"] if dated_only else LABELS
    zone = generated_zone(200 + seed, mixed_dates=seed % 4 == 1, labels=labels, dated=dated_only)
    by_rules = zone_progress_rows(zone, list(zone_indicators([zone])), year=None)
    summary = progress_by_zone([zone], narrowing=Narrowing.LATEST_PERIOD)[zone.pk]
    assert outcome(latest_rows(summary)) == outcome(latest_rows(by_rules))
    latest = progress_by_zone([zone], narrowing=Narrowing.LATEST_RESULT)[zone.pk]
    assert outcome(latest_per_series(latest)) == outcome(latest_per_series(by_rules))
    if dated_only:
        every_side = len(chosen_figures(zone_ids=[zone.pk]))
        for narrowing in (Narrowing.LATEST_PERIOD, Narrowing.LATEST_RESULT):
            assert len(chosen_figures(zone_ids=[zone.pk], narrowing=narrowing)) < every_side, narrowing


def test_the_chosen_sides_follow_every_kind_of_write():
    """The sides PostgreSQL keeps stay those of the rules after each write that can change them,
    whatever makes it: a review, a new publication date, an article removed, a figure moved to
    another zone or mapped to a metric, a figure added. Each write changes what the pages show (an
    earlier date makes one-year targets plans run from then)."""
    zone = generated_zone(300, mixed_dates=False, dated=True)
    other = Zone.objects.filter(indicators__isnull=False).exclude(pk=zone.pk).distinct().get()
    metric = Metric.objects.get(code="gen_money")
    figures = Indicator.objects.filter(zone=zone).exclude(kind="completion").order_by("pk")
    busiest = Counter(figures.values_list("article_id", flat=True)).most_common(2)

    def shown():
        return [outcome(zone_progress(z)) for z in (zone, other)]

    def assert_current_after(write):
        before = shown()
        write()
        assert shown() != before, "the write changes what the pages show"
        for z in (zone, other):
            assert outcome(zone_progress(z)) == outcome(zone_progress_rows(z, list(zone_indicators([z]))))

    rejected = list(figures.filter(review_state="auto").values_list("pk", flat=True)[:3])
    assert_current_after(
        lambda: Indicator.objects.filter(pk__in=rejected).update(
            review_state="rejected", reviewed_at=timezone.now()
        )
    )
    assert_current_after(
        lambda: Article.objects.filter(pk=busiest[0][0]).update(published_on=date(2020, 6, 1))
    )
    assert_current_after(lambda: Article.objects.get(pk=busiest[1][0]).delete())
    assert_current_after(lambda: Indicator.objects.filter(pk=figures.last().pk).update(zone=other))
    assert_current_after(lambda: Indicator.objects.filter(zone=zone, metric=None).update(metric=metric))
    assert_current_after(
        lambda: make_indicator(figures.first().article, zone=zone, metric=metric, value=1, period="2031")
    )


def test_figures_emptied_at_once_take_their_sides_with_them():
    zone = generated_zone(400, mixed_dates=False, dated=True)
    assert chosen_figures(zone_ids=[zone.pk])
    with connection.cursor() as cursor:
        # The deferred foreign-key checks of the figures just written first: TRUNCATE waits for none.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE; TRUNCATE metrics_indicator CASCADE")
    assert chosen_figures(zone_ids=[zone.pk]) == []
