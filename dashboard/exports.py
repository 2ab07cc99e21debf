"""The zone, compare and metric pages' tables as CSV or XLSX: the rows the page shows, with the
same chosen values, amounts and progress the API gives, and the address of each figure's quote."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.translation import gettext as _

from dashboard.progress import ChosenValue, TargetProgress
from lib.spreadsheets import csv_bytes, xlsx_bytes
from metrics.templatetags.figures import as_written

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class ExportRow:
    """One table row of a page: its own first columns (zone; rank and zone) and its progress row;
    a comparison cell without a figure names its metric and kind still."""

    leading: list
    progress: TargetProgress | None
    metric_name: str = ""
    kind_label: str = ""


def progress_header() -> list[str]:
    return [
        _("Metric"),
        _("Kind"),
        _("Period"),
        _("Target"),
        _("Achieved"),
        _("Target amount"),
        _("Achieved amount"),
        _("Amount unit"),
        _("Progress"),
        _("Status"),
        _("Target source"),
        _("Achievement source"),
    ]


def progress_cells(export: ExportRow, absolute) -> list:
    row = export.progress
    if row is None:
        return [str(export.metric_name), str(export.kind_label)] + [None] * (len(progress_header()) - 2)

    def side(chosen: ChosenValue | None):
        return (as_written(chosen), chosen.amount, absolute(chosen.url)) if chosen else (None, None, None)

    target, achieved = side(row.target), side(row.achievement)
    return [
        str(row.metric_name),
        str(row.kind_label),  # labels are lazy translations; files take plain text
        str(row.period_label),
        target[0],
        achieved[0],
        target[1],
        achieved[1],
        row.unit,
        row.progress,
        str(row.status_label),
        target[2],
        achieved[2],
    ]


def export_response(request, *, name: str, leading_header: list[str], rows: list[ExportRow]) -> HttpResponse:
    """The file for `?format=csv|xlsx`; `name` (ASCII) names it."""
    file_format = request.GET.get("format")
    header = [*leading_header, *progress_header()]
    table = [[*row.leading, *progress_cells(row, request.build_absolute_uri)] for row in rows]
    if file_format == "xlsx":
        sources = len(header) - 2  # the last two columns: the quotes' addresses
        content = xlsx_bytes(name, header, table, link_columns=(sources, sources + 1))
    else:
        content = csv_bytes(header, table)
    response = HttpResponse(content, content_type=FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


def wants_export(request) -> bool:
    return request.GET.get("format") in FORMATS
