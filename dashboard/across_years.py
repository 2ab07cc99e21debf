"""Comparisons that are not locked to one year: zones rarely report the same years (枣庄 2022,
慈湖 2023), so the compare page can show each zone's latest figures, the years each zone has figures
for, and one metric zone by year.

Reads only: the indicators come from `dashboard.selectors`, the rules from `dashboard.progress`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from dashboard.chosen import Narrowing
from dashboard.progress import TargetProgress, stated_period, zone_progress_rows
from dashboard.selectors import (
    Comparison,
    ComparisonCell,
    ComparisonRow,
    headline,
    period_years,
    progress_by_zone,
    zone_indicators,
)
from metrics.models import Indicator, Metric
from zones.models import Zone


def latest_first(row: TargetProgress):
    """The row to show when no year is asked for: the latest result (a whole year before its last
    quarter), else the latest target."""
    achieved = row.achievement.period if row.achievement else None
    return (
        achieved is not None,
        (achieved.end or date.min) if achieved else date.min,
        -((achieved.start or date.min).toordinal()) if achieved else 0,
        row.period.end or date.min,
    )


def latest_rows(zones: list[Zone], progress, *, metric=None, metric_text="") -> list[ComparisonRow]:
    """One row per kind of one metric (or wording): each zone's latest figure on it."""
    by_kind: dict[str, dict[int, list[TargetProgress]]] = defaultdict(lambda: defaultdict(list))
    for zone in zones:
        for row in progress[zone.pk]:
            if row.metric == metric and (metric is not None or row.metric_text == metric_text):
                by_kind[row.kind][zone.pk].append(row)
    return [
        ComparisonRow(
            metric,
            kind,
            [
                ComparisonCell(zone, max(by_kind[kind][zone.pk], key=latest_first, default=None))
                for zone in zones
            ],
            metric_text,
        )
        for kind in Indicator.Kind.values
        if kind in by_kind
    ]


def compare_latest(zones: list[Zone], metrics: list[Metric], *, uncatalogued: bool = False) -> Comparison:
    """Like `selectors.compare_zones`, but each cell holds the zone's latest figure, whatever its
    year (the cell says which): `year` is None."""
    progress = progress_by_zone(
        zones, metrics=None if uncatalogued else metrics, narrowing=Narrowing.LATEST_RESULT
    )
    rows = []
    for metric in metrics:
        rows += latest_rows(zones, progress, metric=metric) or [
            ComparisonRow(metric, Indicator.Kind.LEVEL, [ComparisonCell(zone, None) for zone in zones])
        ]
    wordings = sorted({row.metric_text for zone in zones for row in progress[zone.pk] if row.metric is None})
    other_rows = [row for words in wordings for row in latest_rows(zones, progress, metric_text=words)]
    return Comparison(zones, metrics, None, rows, other_rows)


@dataclass(frozen=True)
class YearMatrix:
    """One metric and kind, a row per zone and a column per year."""

    metric: Metric
    kind: str
    years: list[int]
    rows: list[tuple[Zone, list[TargetProgress | None]]]

    @property
    def kind_label(self) -> str:
        return Indicator.Kind(self.kind).label


def year_matrices(zones: list[Zone], metric: Metric) -> list[YearMatrix]:
    """Zone × year for one metric, one matrix per kind reported; each cell as the comparison for
    that year shows it. One query, whatever the number of zones and years."""
    by_zone: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in zone_indicators(zones, [metric]):
        by_zone[indicator.zone_id].append(indicator)
    years = sorted(
        {y for figures in by_zone.values() for figure in figures for y in period_years(stated_period(figure))}
    )
    cells: dict[str, dict[int, list]] = defaultdict(lambda: {zone.pk: [] for zone in zones})
    for zone in zones:
        for year in years:
            rows = zone_progress_rows(zone, by_zone[zone.pk], year=year)
            for kind in {row.kind for row in rows}:
                cells[kind][zone.pk].append((year, headline([r for r in rows if r.kind == kind], year)))
    return [
        YearMatrix(
            metric,
            kind,
            years,
            [(zone, [dict(cells[kind][zone.pk]).get(year) for year in years]) for zone in zones],
        )
        for kind in Indicator.Kind.values
        if kind in cells
    ]
