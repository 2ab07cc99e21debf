"""Statistics tables pasted as text, a row per line (how Word uploads read
tables; normalisation leaves one space between cells): a header row names
the unit column and the growth column; each row below it is one metric with
its amount and growth.

Only a plain layout is read: one column of amounts (its period is the
table's, from the title or the header) and growth columns. A table with
amounts for several periods or places is left alone rather than guessed, and
so is a row with fewer cells than its header (an empty cell collapses and
would shift the columns)."""
from __future__ import annotations

import re
from typing import NamedTuple

from .numbers import NumberMention
from .units import unit_family

# The unit column's header as a cell of its own: where a table can start.
# Each form opens with its literal first character and then looks back for
# the blank before it, so re skips to 计 and 单 instead of trying every position.
UNIT_HEADER = re.compile(r"计量单位(?<=[ \t]计量单位)(?=[ \t])|单位(?<=[ \t]单位)(?=[ \t])")
CELL = re.compile(r"[^ \t\n]+")
GROWTH_HEADER = re.compile(r"增长|增速|增幅|同比|比上年")
# Columns that are neither the metric, its amount nor its growth.
OTHER_HEADER = re.compile(r"排名|排位|位次|占比|比重|增减|目标|计划|完成率|上年同期|去年同期")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
METRIC_NAME = re.compile(r"[\u4e00-\u9fff()、]{2,30}")


class TableFigure(NamedTuple):
    mention: NumberMention
    kind: str          # "level", "share" (an amount in %), "growth" or "rank"
    metric: str
    metric_start: int
    zone: str | None = None   # a row per zone (ranking tables): the row's zone
    registered: bool = False
    row_end: int = 0          # where the row's quote ends, if after the cell


class _Layout(NamedTuple):
    columns: int
    unit: int
    amount: int
    growths: tuple[int, ...]


def _layout(cells: list[str]) -> _Layout | None:
    """Column indices of a header row, or None if it is not one we read."""
    if any(NUMBER.fullmatch(cell) for cell in cells):
        return None
    units = [i for i, cell in enumerate(cells) if cell in ("单位", "计量单位")]
    if len(units) != 1 or units[0] == 0:
        return None
    growths = tuple(i for i, cell in enumerate(cells) if i and GROWTH_HEADER.search(cell))
    amounts = [i for i, cell in enumerate(cells)
               if i and i != units[0] and i not in growths and not OTHER_HEADER.search(cell)]
    if len(amounts) != 1:
        return None
    return _Layout(len(cells), units[0], amounts[0], growths)


def _cells(text: str, start: int, end: int) -> list[re.Match]:
    return list(CELL.finditer(text, start, end))


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def _row_figures(cells: list[re.Match], layout: _Layout) -> list[TableFigure]:
    metric, unit = cells[0].group(), cells[layout.unit].group()
    if not METRIC_NAME.fullmatch(metric) or unit_family(unit) is None:
        return []
    columns = [(layout.amount, "share" if unit == "%" else "level", unit)]
    columns += [(index, "growth", "%") for index in layout.growths]
    found = []
    for index, kind, cell_unit in columns:
        cell = cells[index]
        if NUMBER.fullmatch(cell.group()):
            mention = NumberMention(cell.start(), cell.end(), cell.start(), float(cell.group()), cell_unit, None)
            found.append(TableFigure(mention, kind, metric, cells[0].start()))
    return found


def table_figures(text: str) -> list[TableFigure]:
    """Figures of the tables in `text`, in text order."""
    found: list[TableFigure] = []
    searched_to = 0
    for unit_header in UNIT_HEADER.finditer(text):
        if unit_header.start() < searched_to:
            continue  # inside a table already read
        line_start = text.rfind("\n", 0, unit_header.start()) + 1
        line_end = _line_end(text, line_start)
        layout = _layout([cell.group() for cell in _cells(text, line_start, line_end)])
        searched_to = line_end
        if layout is None:
            continue
        # Rows follow the header line by line until a line that is not one.
        while line_end < len(text):
            row_start = line_end + 1
            line_end = _line_end(text, row_start)
            cells = _cells(text, row_start, line_end)
            if len(cells) < 2:
                break
            if len(cells) == layout.columns:
                found += _row_figures(cells, layout)
        searched_to = line_end
    return found
