"""The chosen side of every series, kept by PostgreSQL (see metrics.models.ChosenSide).

`metrics_refresh_chosen_sides` recomputes the sides of the (zone, metric, kind, stance) groups it is
given; statement-level triggers hand it the groups each statement touched: indicators inserted,
updated (before and after) or deleted, and those of articles whose publication date changed. A
metric's base unit needs none: a side's figures are all of one metric and kind, so they are all
compared in that unit or all as written. Last, the sides of the figures already stored are filled in.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models

# What str.strip() removes from the words and units people will meet in reports.
SPACES = "' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(12288) || chr(160)"

# Text keys compared byte by byte: the sides only need grouping, not an order people read.
SIDE = (
    'zone_id, metric_id, words COLLATE "C", kind COLLATE "C", stance COLLATE "C", period_label COLLATE "C",'
    " period_start, period_end"
)
MOST_CREDIBLE_FIRST = "reviewed DESC, derived, COALESCE(published_on, DATE '0001-01-01') DESC, id DESC"

# The groups arrive as four arrays of equal length (zone, metric or NULL, kind, stance). The figures
# that count in them (of the zone itself, not rejected, of a compared kind) are found through the
# indicator index (zone, metric, kind, stance): figures outside the catalogue by metric IS NULL,
# a condition the index can use, which `IS NOT DISTINCT FROM` is not.
REFRESH_FUNCTION = f"""
CREATE OR REPLACE FUNCTION metrics_refresh_chosen_sides(
    zone_ids bigint[], metric_ids bigint[], kinds text[], stances text[]
) RETURNS void LANGUAGE sql AS $$
DELETE FROM metrics_chosenside s
USING unnest(zone_ids, metric_ids, kinds, stances) AS g(zone_id, metric_id, kind, stance)
WHERE s.zone_id = g.zone_id AND s.metric_id = g.metric_id AND s.kind = g.kind AND s.stance = g.stance;
DELETE FROM metrics_chosenside s
USING unnest(zone_ids, metric_ids, kinds, stances) AS g(zone_id, metric_id, kind, stance)
WHERE s.zone_id = g.zone_id AND g.metric_id IS NULL AND s.metric_id IS NULL AND s.kind = g.kind
  AND s.stance = g.stance;
WITH touched AS (
    SELECT DISTINCT zone_id, metric_id, kind, stance
    FROM unnest(zone_ids, metric_ids, kinds, stances) AS g(zone_id, metric_id, kind, stance)
    WHERE zone_id IS NOT NULL AND kind IN ('level', 'growth', 'share', 'rank', 'delta')
), figure AS (
    SELECT i.id FROM touched g JOIN metrics_indicator i
      ON i.zone_id = g.zone_id AND i.metric_id = g.metric_id AND i.kind = g.kind AND i.stance = g.stance
    UNION ALL
    SELECT i.id FROM touched g JOIN metrics_indicator i
      ON i.zone_id = g.zone_id AND g.metric_id IS NULL AND i.metric_id IS NULL AND i.kind = g.kind
         AND i.stance = g.stance
), candidate AS (
    SELECT i.id, i.zone_id, i.metric_id,
           CASE WHEN i.metric_id IS NULL THEN btrim(i.metric_text, {SPACES}) ELSE '' END AS words,
           i.kind, i.stance, i.period_label, i.period_start, i.period_end, i.article_id, i.value, i.unit,
           i.derived, i.review_state <> 'auto' AS reviewed, a.published_on,
           CASE WHEN i.metric_id IS NOT NULL AND i.kind IN ('level', 'delta')
                THEN i.base_value ELSE i.value END AS amount,
           CASE WHEN i.metric_id IS NOT NULL AND i.kind IN ('level', 'delta')
                THEN m.unit ELSE btrim(i.unit, {SPACES}) END AS amount_unit
    FROM figure f
    JOIN metrics_indicator i ON i.id = f.id
    JOIN articles_article a ON a.id = i.article_id
    LEFT JOIN metrics_metric m ON m.id = i.metric_id
    WHERE i.scope = 'zone' AND i.review_state <> 'rejected'
), per_article AS (
    SELECT DISTINCT ON ({SIDE}, article_id) *
    FROM candidate
    ORDER BY {SIDE}, article_id, {MOST_CREDIBLE_FIRST}
), ranked AS (
    SELECT per_article.*, row_number() OVER side AS position, count(*) OVER (PARTITION BY {SIDE}) AS sources,
           array_agg(article_id) OVER (PARTITION BY {SIDE}) AS article_ids,
           first_value(amount) OVER side AS chosen_amount,
           first_value(amount_unit) OVER side AS chosen_amount_unit,
           first_value(value) OVER side AS chosen_value, first_value(unit) OVER side AS chosen_unit
    FROM per_article
    WINDOW side AS (PARTITION BY {SIDE} ORDER BY {MOST_CREDIBLE_FIRST})
), compared AS (
    -- Reports round: two sources within half a percent of each other state the same figure.
    SELECT ranked.*,
           CASE WHEN amount IS NULL OR chosen_amount IS NULL OR amount_unit <> chosen_amount_unit
                THEN value = chosen_value AND unit = chosen_unit
                ELSE abs(amount - chosen_amount) <= 0.005 * greatest(abs(amount), abs(chosen_amount))
           END AS agrees
    FROM ranked
), counted AS (
    SELECT compared.*, count(*) FILTER (WHERE agrees) OVER (PARTITION BY {SIDE}) AS agreeing
    FROM compared
)
INSERT INTO metrics_chosenside (
    zone_id, metric_id, words, kind, stance, period_label, period_start, period_end, indicator_id,
    article_id, metric_text, value, unit, base_value, qualifier, derived, quote, reviewed, published_on,
    sources, agreeing, article_ids
)
SELECT c.zone_id, c.metric_id, c.words, c.kind, c.stance, c.period_label, c.period_start, c.period_end,
       c.id, c.article_id, i.metric_text, c.value, c.unit, i.base_value, i.qualifier, c.derived, i.quote,
       c.reviewed, c.published_on, c.sources, c.agreeing, c.article_ids
FROM counted c
JOIN metrics_indicator i ON i.id = c.id
WHERE c.position = 1;
$$;
"""

# The groups of a set of indicator rows, as the refresh function's four arguments.
GROUPS_OF = "array_agg(zone_id), array_agg(metric_id), array_agg(kind::text), array_agg(stance::text)"
DISTINCT_GROUPS = "SELECT DISTINCT zone_id, metric_id, kind, stance FROM {rows} WHERE zone_id IS NOT NULL"

TRIGGERS = f"""
CREATE OR REPLACE FUNCTION metrics_indicator_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_refresh_chosen_sides({GROUPS_OF}) FROM ({DISTINCT_GROUPS.format(rows="new_rows")}) g;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION metrics_indicator_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_refresh_chosen_sides({GROUPS_OF})
    FROM ({DISTINCT_GROUPS.format(rows="old_rows")} UNION {DISTINCT_GROUPS.format(rows="new_rows")}) g;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION metrics_indicator_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_refresh_chosen_sides({GROUPS_OF}) FROM ({DISTINCT_GROUPS.format(rows="old_rows")}) g;
    RETURN NULL;
END $$;

-- A publication date decides which source is believed.
CREATE OR REPLACE FUNCTION metrics_article_dated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_refresh_chosen_sides({GROUPS_OF})
    FROM (
        SELECT DISTINCT i.zone_id, i.metric_id, i.kind, i.stance
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        JOIN metrics_indicator i ON i.article_id = n.id
        WHERE o.published_on IS DISTINCT FROM n.published_on AND i.zone_id IS NOT NULL
    ) g;
    RETURN NULL;
END $$;

-- TRUNCATE fires no DELETE trigger: the sides go with the figures.
CREATE OR REPLACE FUNCTION metrics_indicator_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM metrics_chosenside;
    RETURN NULL;
END $$;

CREATE TRIGGER chosen_sides_on_truncate AFTER TRUNCATE ON metrics_indicator
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_indicator_truncated();
CREATE TRIGGER chosen_sides_on_insert AFTER INSERT ON metrics_indicator
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_indicator_inserted();
CREATE TRIGGER chosen_sides_on_update AFTER UPDATE ON metrics_indicator
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_indicator_updated();
CREATE TRIGGER chosen_sides_on_delete AFTER DELETE ON metrics_indicator
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_indicator_deleted();
CREATE TRIGGER chosen_sides_on_article_date AFTER UPDATE ON articles_article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_article_dated();
"""

DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS chosen_sides_on_insert ON metrics_indicator;
DROP TRIGGER IF EXISTS chosen_sides_on_update ON metrics_indicator;
DROP TRIGGER IF EXISTS chosen_sides_on_delete ON metrics_indicator;
DROP TRIGGER IF EXISTS chosen_sides_on_truncate ON metrics_indicator;
DROP TRIGGER IF EXISTS chosen_sides_on_article_date ON articles_article;
DROP FUNCTION IF EXISTS metrics_indicator_inserted, metrics_indicator_updated, metrics_indicator_deleted,
    metrics_indicator_truncated, metrics_article_dated;
"""

FILL = f"SELECT metrics_refresh_chosen_sides({GROUPS_OF}) FROM ({DISTINCT_GROUPS.format(rows='metrics_indicator')}) g"


class Migration(migrations.Migration):
    dependencies = [
        ("metrics", "0006_metric_direction"),
        ("zones", "0002_zone_levels_history_search"),
        ("articles", "0003_article_frame"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChosenSide",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("words", models.TextField()),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("level", "level"),
                            ("growth", "growth"),
                            ("completion", "completion"),
                            ("share", "share"),
                            ("rank", "rank"),
                            ("delta", "delta"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "stance",
                    models.CharField(
                        choices=[("target", "target"), ("achievement", "achievement")], max_length=11
                    ),
                ),
                ("period_label", models.CharField(max_length=30)),
                ("period_start", models.DateField(null=True)),
                ("period_end", models.DateField(null=True)),
                ("article_id", models.IntegerField()),
                ("metric_text", models.CharField(max_length=200)),
                ("value", models.DecimalField(decimal_places=6, max_digits=24)),
                ("unit", models.CharField(max_length=20)),
                ("base_value", models.DecimalField(decimal_places=8, max_digits=30, null=True)),
                ("qualifier", models.CharField(max_length=10)),
                ("derived", models.BooleanField()),
                ("quote", models.TextField()),
                ("reviewed", models.BooleanField()),
                ("published_on", models.DateField(null=True)),
                ("sources", models.PositiveIntegerField()),
                ("agreeing", models.PositiveIntegerField()),
                (
                    "article_ids",
                    django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), size=None),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="metrics.indicator",
                    ),
                ),
                (
                    "metric",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="metrics.metric",
                    ),
                ),
                (
                    "zone",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="zones.zone",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["zone", "metric", "kind", "stance"], name="chosen_side_zone"),
                    models.Index(fields=["metric", "kind", "stance"], name="chosen_side_metric"),
                ],
            },
        ),
        migrations.RunSQL(REFRESH_FUNCTION, "DROP FUNCTION metrics_refresh_chosen_sides"),
        migrations.RunSQL(TRIGGERS, DROP_TRIGGERS),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
