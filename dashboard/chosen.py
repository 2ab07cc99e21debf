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

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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


def chosen_figures(
    *, zone_ids=None, metric_ids=None, kind: str | None = None, year: int | None = None
) -> list[ChosenFigure]:
    """The chosen figure of every side: see chosen_sides."""
    rows = chosen_sides(zone_ids=zone_ids, metric_ids=metric_ids, kind=kind, year=year)
    return [ChosenFigure(*row) for row in rows.values_list(*CHOSEN_COLUMNS)]


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
