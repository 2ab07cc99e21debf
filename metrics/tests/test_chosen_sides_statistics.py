"""The chosen sides' refresh runs inside the statement writing the figures, planned with the
statistics of before it: it must stay a lookup by index even when they say the table is empty."""

import pytest
from django.db import connection

from factories import make_article, make_metric, make_zone
from metrics.models import ChosenSide

pytestmark = pytest.mark.django_db


def test_thousands_of_figures_written_into_a_table_counted_empty_refresh_their_sides_by_index():
    zones = [make_zone(f"统计{n}高新区") for n in range(20)]
    metrics = [make_metric(f"stat_metric_{n}", f"统计指标{n}", "家") for n in range(10)]
    article = make_article()
    with connection.cursor() as cursor:
        # What autovacuum leaves after the rows were deleted: pages, but no rows counted.
        cursor.execute(
            "UPDATE pg_class SET reltuples = 0, relpages = 1000"
            " WHERE relname IN ('metrics_indicator', 'metrics_chosenside', 'articles_article')"
        )
        # A guard, not a measure: by index this takes a fraction of a second, planned as nested
        # sequential scans it ran for minutes.
        cursor.execute("SET LOCAL statement_timeout = '60s'")
        cursor.execute(
            """
            INSERT INTO metrics_indicator (article_id, zone_id, scope, place, metric_id, metric_text,
                value, unit, base_value, kind, stance, period_label, period_start, period_end, qualifier,
                quote, derived, review_state, extraction_key, version, created_at, updated_at)
            SELECT %(article)s, (%(zones)s::bigint[])[1 + n %% 20], 'zone', '',
                   (%(metrics)s::bigint[])[1 + (n / 20) %% 10], '指标', n, '家', n, 'level',
                   (ARRAY['target', 'achievement'])[1 + n %% 2], (2015 + n %% 12)::text,
                   make_date(2015 + n %% 12, 1, 1), make_date(2015 + n %% 12, 12, 31), '', '引文', false,
                   'auto', '', 1, now(), now()
            FROM generate_series(1, 5000) AS n
            """,
            {"article": article.pk, "zones": [z.pk for z in zones], "metrics": [m.pk for m in metrics]},
        )
    sides = {(n % 20, n // 20 % 10, n % 2, n % 12) for n in range(1, 5001)}  # zone, metric, stance, year
    assert ChosenSide.objects.count() == len(sides)
