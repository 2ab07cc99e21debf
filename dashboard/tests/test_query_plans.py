"""The pages' main queries reach a zone's or a metric's sides (and figures) through an index, not by
reading a whole table: checked on enough generated figures, ANALYZEd, with the planner's
sequential scans left on."""

import pytest
from django.db import connection

from dashboard.chosen import Narrowing, chosen_query
from dashboard.selectors import count_per, zone_article_ids, zone_articles_query
from factories import make_article, make_metric, make_zone
from metrics.models import Indicator
from zones.models import Zone

pytestmark = pytest.mark.django_db

ZONES, METRICS, FIGURES = 150, 30, 60_000


@pytest.fixture
def many_figures():
    """60,000 figures over 150 zones, 30 metrics and 300 articles, written in one statement."""
    zones = [make_zone(f"量{n}高新区") for n in range(ZONES)]
    metrics = [make_metric(f"plan_metric_{n}", f"计划指标{n}", "家") for n in range(METRICS)]
    articles = [make_article() for _ in range(300)]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO metrics_indicator (article_id, zone_id, scope, place, metric_id, metric_text, value,
                unit, base_value, kind, stance, period_label, period_start, period_end, qualifier, quote,
                derived, review_state, extraction_key, version, created_at, updated_at)
            SELECT (%(articles)s::int[])[1 + n %% 300], (%(zones)s::int[])[1 + n %% %(zone_count)s],
                   'zone', '', (%(metrics)s::int[])[1 + (n / 7) %% %(metric_count)s], '指标', n %% 500,
                   '家', n %% 500, (ARRAY['level', 'growth', 'share'])[1 + n %% 3],
                   (ARRAY['target', 'achievement'])[1 + n %% 2],
                   (2015 + n %% 12)::text, make_date(2015 + n %% 12, 1, 1), make_date(2015 + n %% 12, 12, 31),
                   '', '引文', false, 'auto', '', 1, now(), now()
            FROM generate_series(1, %(figures)s) AS n
            """,
            {
                "articles": [a.pk for a in articles],
                "zones": [z.pk for z in zones],
                "metrics": [m.pk for m in metrics],
                "zone_count": ZONES,
                "metric_count": METRICS,
                "figures": FIGURES,
            },
        )
        cursor.execute("ANALYZE metrics_indicator, metrics_chosenside, articles_article, zones_zone")
    return zones, metrics


def test_pages_main_queries_never_scan_the_whole_indicator_table(many_figures):
    zones, metrics = many_figures
    zone_ids, metric_ids = [z.pk for z in zones[:3]], [m.pk for m in metrics[:4]]
    queries = {
        "zone page": chosen_query([zones[3].pk], None, None, None, Narrowing.ALL),
        "zone summary": chosen_query([zones[3].pk], None, None, None, Narrowing.LATEST_PERIOD),
        "compare": chosen_query(zone_ids, metric_ids, None, 2024, Narrowing.ALL),
        "compare, latest": chosen_query(zone_ids, None, None, None, Narrowing.LATEST_RESULT),
        "metric ranking": chosen_query(None, [metrics[5].pk], "level", 2024, Narrowing.ALL),
    }
    for page, (sql, params) in queries.items():
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql, params)
            found = "\n".join(row[0] for row in cursor.fetchall())
        assert "Seq Scan" not in found, f"{page}:\n{found}"
        assert "Index" in found, f"{page}:\n{found}"
    articles = zone_articles_query(zones[3]).explain()
    assert "Seq Scan on metrics_indicator" not in articles, articles


@pytest.mark.django_db(transaction=True)  # VACUUM runs outside a transaction
def test_a_zones_figures_that_count_are_listed_counted_and_their_reports_found_from_indexes(many_figures):
    zones, _metrics = many_figures
    with connection.cursor() as cursor:
        cursor.execute("VACUUM metrics_indicator")  # as autovacuum leaves it: rows marked visible
    listed = Indicator.objects.active().filter(zone=zones[3]).order_by("pk")[:101].explain()
    assert "indicator_zone_active" in listed and "Sort" not in listed, listed
    counted = Zone.objects.filter(pk__in=[z.pk for z in zones[:50]]).annotate(
        n=count_per(Indicator.objects.active(), "zone")
    )
    plan = counted.explain()
    assert "Index Only Scan using indicator_zone_active" in plan, plan
    reports = zone_article_ids(zones[3]).explain()
    assert "Index Only Scan using indicator_zone_article" in reports, reports
