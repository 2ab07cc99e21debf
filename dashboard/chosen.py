"""The value believed for each side of each series, as PostgreSQL keeps it (`ChosenSide`).

Why a table kept by triggers: choosing among a zone's figures means sorting all of them (45,000 for
the largest zone of a million), on every page; the triggers of migration metrics.0007 choose again
only the groups a write touched, in the writing statement, so the table is as current as the
figures whatever wrote them, and a page reads its sides by index.

One row per side: zone × metric (or, outside the catalogue, the words) × kind × stance × period as
stated, with the most credible figure (`progress.credibility`: reviewed first, stated over derived,
latest published, highest id), the number of articles stating one and how many of those agree
with it (each article counted by its own most credible figure, as `progress.choose_value` does).
`dashboard.progress` stays the definition: the pairing and judging run in Python on these rows,
and a test compares this path with `progress.zone_progress_rows` on generated figures.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.models import Q, QuerySet

from dashboard.progress import Period, stated_period
from metrics.models import ChosenSide, Indicator


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


CHOSEN_COLUMNS = [
    "indicator_id",
    "zone_id",
    "metric_id",
    "metric_text",
    "words",
    "kind",
    "stance",
    "period_label",
    "period_start",
    "period_end",
    "article_id",
    "value",
    "unit",
    "base_value",
    "qualifier",
    "derived",
    "quote",
    "reviewed",
    "published_on",
    "sources",
    "agreeing",
    "article_ids",
]


class Narrowing(enum.Enum):
    """Which sides a page needs: every side, or only those that can reach the rows it shows. Each
    keeps every side of a series with a period left to its label (its dates are read in Python)."""

    ALL = "all"
    # The zone summary (`selectors.latest_rows`): per series, the sides ending last, and the
    # results inside the plans ending then (a plan may start in the year it was set).
    LATEST_PERIOD = "latest period"
    # Each zone's latest figure (`across_years.latest_first`): per series, the results ending last
    # and the targets ending no earlier (those that can hold them); every target without results.
    LATEST_RESULT = "latest result"


PLAN_START = (
    "CASE WHEN stance = 'target'"
    " THEN LEAST(period_start, make_date(extract(year FROM published_on)::int, 1, 1)) END"
)
SERIES = "PARTITION BY zone_id, metric_id, words, kind"
# (plans: the targets whose possible starts bound the results kept; kept: the sides kept)
NARROWINGS = {
    Narrowing.LATEST_PERIOD: (
        "stance = 'target' AND period_end = latest_end",
        "period_end = latest_end OR (stance = 'achievement' AND period_start >= earliest_plan_start)",
    ),
    Narrowing.LATEST_RESULT: (
        "FALSE",
        "stance = 'achievement' AND period_end = latest_result_end"
        " OR stance = 'target' AND (latest_result_end IS NULL OR period_end >= latest_result_end)",
    ),
}
# With a year: the targets whose plan can include it (their rows), the results inside those plans
# and the year's own results. Placeholders: the year's last day, then its last and first days.
YEAR_PLANS = "stance = 'target' AND plan_start <= %s"
YEAR_KEPT = (
    "stance = 'target' AND plan_start <= %s"
    " OR stance = 'achievement' AND (period_end >= %s OR period_start >= earliest_plan_start)"
)
NARROWED_SQL = f"""
WITH side AS (
    SELECT chosen.*, period_start IS NULL OR period_end IS NULL AS undated, {PLAN_START} AS plan_start
    FROM ({{sides}}) AS chosen
), series AS (
    SELECT side.*, bool_or(undated) OVER series AS series_undated, max(period_end) OVER series AS latest_end,
           max(period_end) FILTER (WHERE stance = 'achievement') OVER series AS latest_result_end
    FROM side WINDOW series AS ({SERIES})
), bounded AS (
    SELECT series.*, min(plan_start) FILTER (WHERE {{plans}}) OVER ({SERIES}) AS earliest_plan_start
    FROM series
)
SELECT {", ".join(CHOSEN_COLUMNS)} FROM bounded WHERE series_undated OR {{kept}}
"""


def chosen_figures(
    *,
    zone_ids=None,
    metric_ids=None,
    kind: str | None = None,
    year: int | None = None,
    narrowing: Narrowing = Narrowing.ALL,
) -> list[ChosenFigure]:
    """The chosen figure of every side (see chosen_sides) that the rows asked for can use: with a
    year, those the rules of that year can reach (`progress.progress_rows`); without, as `narrowing`
    says."""
    with connection.cursor() as cursor:
        cursor.execute(*chosen_query(zone_ids, metric_ids, kind, year, narrowing))
        return [ChosenFigure(*row) for row in cursor.fetchall()]


def chosen_query(zone_ids, metric_ids, kind, year, narrowing: Narrowing) -> tuple[str, tuple]:
    """The SQL and parameters of chosen_figures."""
    sides = chosen_sides(zone_ids=zone_ids, metric_ids=metric_ids, kind=kind, year=year)
    sql, params = sides.values_list(*CHOSEN_COLUMNS).query.sql_with_params()
    if year is None and narrowing is Narrowing.ALL:
        return sql, params
    if year is None:
        plans, kept = NARROWINGS[narrowing]
    else:
        first, last = date(year, 1, 1), date(year, 12, 31)
        plans, kept, params = YEAR_PLANS, YEAR_KEPT, (*params, last, last, first)
    return NARROWED_SQL.format(sides=sql, plans=plans, kept=kept), params


def chosen_sides(*, zone_ids=None, metric_ids=None, kind=None, year=None) -> QuerySet[ChosenSide]:
    """The sides of these zones (or all zones), on these metrics (or all), of this kind (or every
    compared kind). With `year`, sides that cannot matter for it are left out: results that end
    after it and targets that end before it."""
    sides = ChosenSide.objects.order_by()
    if zone_ids is not None:
        sides = sides.filter(zone_id__in=list(zone_ids))
    if metric_ids is not None:
        sides = sides.filter(metric_id__in=list(metric_ids))
    if kind is not None:
        sides = sides.filter(kind=kind)
    if year is not None:
        sides = sides.exclude(
            Q(stance=Indicator.Stance.ACHIEVEMENT, period_end__gt=date(year, 12, 31))
            | Q(stance=Indicator.Stance.TARGET, period_end__lt=date(year, 1, 1))
        )
    return sides
