"""The value believed for each side of each series, chosen in PostgreSQL.

Why a query and not a summary table: the choice depends on review states, article dates and the
catalogue, which ingestion, review and the metric-word mapping all change; a query over the indexed
figures of a few zones (or one metric) is always current and costs a single sort of those rows,
while a summary table would need every writer to refresh it in the same transaction.

One row per side: zone × metric (or, outside the catalogue, the words) × kind × stance × period as
stated, with the most credible figure (`progress.credibility`: reviewed first, stated over derived,
latest published, highest id), the number of articles stating one and how many of those agree
with it (each article counted by its own most credible figure, as `progress.choose_value` does).
`dashboard.progress` stays the definition: the pairing and judging run in Python on these rows,
and a test compares this path with `progress.zone_progress_rows` on generated figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection

from dashboard.progress import AGREEMENT_TOLERANCE, COMPARED_KINDS, Period, stated_period
from metrics.models import Indicator

# What str.strip() removes from the words and units people will meet in reports.
SPACES = " \t\n\r\f\v\u3000\u00a0"

# Text keys compared byte by byte: the sides only need grouping, not an order people read.
SIDE = (
    'zone_id, metric_id, words COLLATE "C", kind COLLATE "C", stance COLLATE "C", period_label COLLATE "C",'
    " period_start, period_end"
)
MOST_CREDIBLE_FIRST = "reviewed DESC, derived, COALESCE(published_on, DATE '0001-01-01') DESC, id DESC"

# The sorts carry only what choosing needs; the chosen figures' texts are read after, by id.
CHOSEN_SQL = f"""
WITH candidate AS (
    SELECT i.id, i.zone_id, i.metric_id,
           CASE WHEN i.metric_id IS NULL THEN btrim(i.metric_text, %(spaces)s) ELSE '' END AS words,
           i.kind, i.stance, i.period_label, i.period_start, i.period_end, i.article_id, i.value, i.unit,
           i.derived, i.review_state <> %(auto)s AS reviewed, a.published_on,
           CASE WHEN i.metric_id IS NOT NULL AND i.kind = ANY(%(base_unit_kinds)s)
                THEN i.base_value ELSE i.value END AS amount,
           CASE WHEN i.metric_id IS NOT NULL AND i.kind = ANY(%(base_unit_kinds)s)
                THEN m.unit ELSE btrim(i.unit, %(spaces)s) END AS amount_unit
    FROM metrics_indicator i
    JOIN articles_article a ON a.id = i.article_id
    LEFT JOIN metrics_metric m ON m.id = i.metric_id
    WHERE {{conditions}}
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
    SELECT ranked.*,
           CASE WHEN amount IS NULL OR chosen_amount IS NULL OR amount_unit <> chosen_amount_unit
                THEN value = chosen_value AND unit = chosen_unit
                ELSE abs(amount - chosen_amount) <= %(tolerance)s * greatest(abs(amount), abs(chosen_amount))
           END AS agrees
    FROM ranked
), counted AS (
    SELECT compared.*, count(*) FILTER (WHERE agrees) OVER (PARTITION BY {SIDE}) AS agreeing
    FROM compared
)
SELECT c.id, c.zone_id, c.metric_id, i.metric_text, c.words, c.kind, c.stance, c.period_label, c.period_start,
       c.period_end, c.article_id, c.value, c.unit, i.base_value, i.qualifier, c.derived, i.quote, c.reviewed,
       c.published_on, c.sources, c.agreeing, c.article_ids
FROM counted c
JOIN metrics_indicator i ON i.id = c.id
WHERE c.position = 1
"""


@dataclass(frozen=True)
class ChosenFigure:
    """The figure chosen for one side, with the counts of its sources."""

    id: int
    zone_id: int
    metric_id: int | None
    metric_text: str
    words: str  # the metric words, without surrounding spaces, for a figure outside the catalogue
    kind: str
    stance: str
    period_label: str
    period_start: date | None
    period_end: date | None
    article_id: int
    value: Decimal
    unit: str
    base_value: Decimal | None
    qualifier: str
    derived: bool
    quote: str
    reviewed: bool
    published_on: date | None
    sources: int
    agreeing: int
    article_ids: list[int]  # the reports giving this side (a target and its result may share one)

    @property
    def period(self) -> Period:
        return stated_period(self)

    @property
    def metric_key(self) -> tuple:
        return ("metric", self.metric_id) if self.metric_id else ("text", self.words)


def chosen_figures(
    *, zone_ids=None, metric_ids=None, kind: str | None = None, year: int | None = None
) -> list[ChosenFigure]:
    """The chosen figure of every side: see chosen_query."""
    with connection.cursor() as cursor:
        cursor.execute(*chosen_query(zone_ids=zone_ids, metric_ids=metric_ids, kind=kind, year=year))
        return [ChosenFigure(*row) for row in cursor.fetchall()]


def chosen_query(*, zone_ids=None, metric_ids=None, kind=None, year=None) -> tuple[str, dict]:
    """The SQL and parameters choosing the figure of every side of the zones' (or all zones')
    figures that count, on these metrics (or all), of this kind (or every compared kind). With
    `year`, sides that cannot matter for it are left out: results that end after it and targets
    that end before it."""
    conditions = [
        "i.scope = %(zone_scope)s",
        "i.zone_id IS NOT NULL",
        "i.review_state <> %(rejected)s",
        "i.kind = ANY(%(kinds)s)",
    ]
    params = {
        "spaces": SPACES,
        "auto": Indicator.ReviewState.AUTO,
        "rejected": Indicator.ReviewState.REJECTED,
        "zone_scope": Indicator.Scope.ZONE,
        "kinds": [kind] if kind else sorted(COMPARED_KINDS),
        "base_unit_kinds": [Indicator.Kind.LEVEL, Indicator.Kind.DELTA],
        "tolerance": AGREEMENT_TOLERANCE,
    }
    if zone_ids is not None:
        conditions.append("i.zone_id = ANY(%(zone_ids)s)")
        params["zone_ids"] = list(zone_ids)
    if metric_ids is not None:
        conditions.append("i.metric_id = ANY(%(metric_ids)s)")
        params["metric_ids"] = list(metric_ids)
    if year is not None:
        conditions.append(
            "NOT COALESCE(i.stance = %(achievement)s AND i.period_end > %(year_end)s, FALSE)"
            " AND NOT COALESCE(i.stance = %(target)s AND i.period_end < %(year_start)s, FALSE)"
        )
        params.update(
            achievement=Indicator.Stance.ACHIEVEMENT,
            target=Indicator.Stance.TARGET,
            year_start=date(year, 1, 1),
            year_end=date(year, 12, 31),
        )
    return CHOSEN_SQL.format(conditions=" AND ".join(conditions)), params
