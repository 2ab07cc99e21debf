"""A metric where less is better (PM2.5, energy per unit of output) is judged and ranked that way."""

from datetime import date

import pytest

from dashboard.selectors import metric_ranking, zone_progress
from factories import make_article, make_indicator, make_zone
from metrics.models import Indicator, Metric

pytestmark = pytest.mark.django_db


@pytest.fixture
def pm25():
    return Metric.objects.create(
        code="pm25", name_zh="PM2.5平均浓度", name_en="PM2.5", unit="微克/立方米", direction="lower"
    )


def reported(zone, metric, target, achieved):
    make_indicator(
        make_article(published_on=date(2024, 1, 5)),
        zone=zone,
        metric=metric,
        value=target,
        stance=Indicator.Stance.TARGET,
    )
    make_indicator(make_article(published_on=date(2025, 1, 5)), zone=zone, metric=metric, value=achieved)


def test_staying_under_a_ceiling_is_met_and_going_over_it_is_behind(pm25):
    under, over = make_zone("净高新区"), make_zone("霾高新区")
    reported(under, pm25, 30, 28)
    reported(over, pm25, 30, 36)
    (row,) = zone_progress(under)
    assert (row.status, float(row.progress)) == ("met", pytest.approx(30 / 28, abs=1e-4))
    assert zone_progress(over)[0].status == "behind"


def test_the_ranking_puts_the_lowest_first_where_less_is_better(pm25):
    zones = [make_zone(f"{name}高新区") for name in ("甲", "乙", "丙")]
    for zone, achieved in zip(zones, [41, 22, 35], strict=True):
        reported(zone, pm25, 30, achieved)
    ranking = metric_ranking(pm25, year=2024)
    assert [(entry.rank, entry.progress.achievement.amount) for entry in ranking] == [
        (1, 22),
        (2, 35),
        (3, 41),
    ]
