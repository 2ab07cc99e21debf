"""What the Chart.js charts draw, as plain data for `json_script`; static/js/charts.js draws it.

Labels are translated here so that the script holds no user-visible words.
"""

from decimal import Decimal
from itertools import groupby

from django.utils.translation import gettext as _

from dashboard.progress import Status, TargetProgress
from dashboard.selectors import Comparison
from metrics.models import Indicator
from metrics.templatetags.figures import unit_name
from zones.templatetags.places import zone_name


def as_number(amount: Decimal | None) -> float | None:
    return None if amount is None else float(amount)


def series_title(metric_name: str, kind: str) -> str:
    return f"{metric_name} · {Indicator.Kind(kind).label}"


def zone_charts(rows: list[TargetProgress]) -> list[dict]:
    """One chart per metric and kind over time: the target as a line, the achievement as bars.
    Rows whose units cannot be compared are left out, and words outside the catalogue, which keep
    the unit as written (亿元 one year, 万元 the next), get a chart per unit: one axis, one unit.
    A lone figure gets none; the table already says it better than a chart of one bar."""
    charts = []
    for (metric_name, kind), rows_of_metric in groupby(rows, key=lambda row: (row.metric_name, row.kind)):
        by_unit: dict[str, list[TargetProgress]] = {}
        for row in rows_of_metric:
            if row.status != Status.NOT_COMPARABLE:
                by_unit.setdefault(row.unit, []).append(row)
        for unit, series in by_unit.items():
            if sum(len(row.chosen_values) for row in series) < 2:
                continue
            charts.append(
                {
                    "id": f"zone-chart-{len(charts) + 1}",
                    "type": "progress",
                    "title": series_title(metric_name, kind),
                    "unit": unit_name(unit),
                    "labels": [row.period_label for row in series],
                    "datasets": [
                        {
                            "label": _("Target"),
                            "values": [as_number(row.target and row.target.amount) for row in series],
                        },
                        {
                            "label": _("Achieved"),
                            "values": [
                                as_number(row.achievement and row.achievement.amount) for row in series
                            ],
                        },
                    ],
                }
            )
    return charts


def comparison_chart(comparison: Comparison) -> dict | None:
    """Grouped bars: the completion rate (%) of each zone on each metric; rates, unlike the
    figures themselves, share one axis across metrics. None when no rate is known."""
    rows = [
        row
        for row in comparison.rows + comparison.uncatalogued_rows
        if any(percent(cell.progress) is not None for cell in row.cells)
    ]
    if not rows:
        return None
    return {
        "id": "comparison-chart",
        "type": "grouped",
        "title": _("Completion rate"),
        "unit": "%",
        "labels": [series_title(row.title, row.kind) for row in rows],
        "datasets": [
            {"label": zone_name(zone), "values": [percent(row.cells[position].progress) for row in rows]}
            for position, zone in enumerate(comparison.zones)
        ],
    }


def percent(progress: TargetProgress | None) -> float | None:
    if progress is None or progress.progress is None:
        return None
    return round(float(progress.progress) * 100, 1)


def targets_charts(comparison: Comparison) -> list[dict]:
    """The zones' targets side by side, one chart per unit (a bar per zone for each metric): what
    zones aim at can be compared before any result is in. Drawn when at least two targets share a unit."""
    by_unit: dict[str, list] = {}
    for row in comparison.rows + comparison.uncatalogued_rows:
        targets = [cell.progress.target if cell.progress else None for cell in row.cells]
        units = {target.amount_unit for target in targets if target and target.amount is not None}
        if len(units) == 1:
            by_unit.setdefault(units.pop(), []).append((row, targets))
    charts = []
    for unit, rows in by_unit.items():
        if sum(1 for _row, targets in rows for target in targets if target) < 2:
            continue
        charts.append(
            {
                "id": f"targets-chart-{len(charts) + 1}",
                "type": "grouped",
                "title": _("Targets side by side"),
                "unit": unit_name(unit),
                "labels": [series_title(row.title, row.kind) for row, _targets in rows],
                "datasets": [
                    {
                        "label": zone_name(zone),
                        "values": [
                            as_number(targets[position] and targets[position].amount) for _r, targets in rows
                        ],
                    }
                    for position, zone in enumerate(comparison.zones)
                ],
            }
        )
    return charts
