# The function that recomputes chosen sides (migration 0007) runs inside the statement that wrote
# the figures, planned with the tables' statistics of before it. After rows were deleted and
# autovacuum counted a table empty, every table looked one row long: a statement inserting
# thousands of figures was planned as nested scans of whole tables and ran for minutes (60,000
# figures: over ten minutes). Each lookup now goes from the touched groups to their figures, from a
# figure to its article and metric, as a lateral subquery kept apart from the join order
# (OFFSET 0), which PostgreSQL can only run by index, whatever the statistics say.

import importlib

from django.db import migrations

chosen_sides = importlib.import_module("metrics.migrations.0007_chosen_sides")

BY_JOINS = chosen_sides.REFRESH_FUNCTION

# (as 0007 wrote it, by lateral lookups)
LOOKUPS = [
    (
        """    SELECT i.id FROM touched g JOIN metrics_indicator i
      ON i.zone_id = g.zone_id AND i.metric_id = g.metric_id AND i.kind = g.kind AND i.stance = g.stance
    UNION ALL
    SELECT i.id FROM touched g JOIN metrics_indicator i
      ON i.zone_id = g.zone_id AND g.metric_id IS NULL AND i.metric_id IS NULL AND i.kind = g.kind
         AND i.stance = g.stance
""",
        """    SELECT i.id FROM touched g CROSS JOIN LATERAL (
        SELECT id FROM metrics_indicator
        WHERE zone_id = g.zone_id AND metric_id = g.metric_id AND kind = g.kind AND stance = g.stance
        OFFSET 0
    ) i
    WHERE g.metric_id IS NOT NULL
    UNION ALL
    SELECT i.id FROM touched g CROSS JOIN LATERAL (
        SELECT id FROM metrics_indicator
        WHERE zone_id = g.zone_id AND metric_id IS NULL AND kind = g.kind AND stance = g.stance
        OFFSET 0
    ) i
    WHERE g.metric_id IS NULL
""",
    ),
    (
        """    FROM figure f
    JOIN metrics_indicator i ON i.id = f.id
    JOIN articles_article a ON a.id = i.article_id
    LEFT JOIN metrics_metric m ON m.id = i.metric_id
""",
        """    FROM figure f
    CROSS JOIN LATERAL (SELECT * FROM metrics_indicator WHERE id = f.id OFFSET 0) i
    CROSS JOIN LATERAL (SELECT published_on FROM articles_article WHERE id = i.article_id OFFSET 0) a
    LEFT JOIN LATERAL (SELECT unit FROM metrics_metric WHERE id = i.metric_id OFFSET 0) m ON true
""",
    ),
    (
        """FROM counted c
JOIN metrics_indicator i ON i.id = c.id
""",
        """FROM counted c
CROSS JOIN LATERAL (
    SELECT metric_text, base_value, qualifier, quote FROM metrics_indicator WHERE id = c.id OFFSET 0
) i
""",
    ),
]


def by_lookups(function: str) -> str:
    for joined, looked_up in LOOKUPS:
        assert joined in function, joined
        function = function.replace(joined, looked_up)
    return function


class Migration(migrations.Migration):
    dependencies = [("metrics", "0009_indexes_of_figures_that_count")]

    operations = [migrations.RunSQL(by_lookups(BY_JOINS), BY_JOINS)]
