"""Statistics tables pasted as text, a row per line (how Word uploads read
tables; normalisation leaves one space between cells): a header row names
the unit column and the growth column; each row below it is one metric with
its amount and growth.

Only a plain layout is read: one column of amounts (its period is the
table's, from the title or the header) and growth columns. A table with
amounts for several periods or places is left alone rather than guessed. A
row with fewer cells than its header lost its last cells (empty cells at the
end of a pasted row vanish; one in the middle is kept as — ). The unit may
stand in the caption instead of a column (表2 分行业营业收入(单位:亿元、%)):
the amount column's header then names the metric of each row."""

from __future__ import annotations

import re
from typing import NamedTuple

from .numbers import NumberMention
from .units import unit_family
from .vocabulary import Kind

# The unit column's header as a cell of its own: where a table can start.
# Each form opens with its literal first character and then looks back for
# the blank before it, so re skips to 计 and 单 instead of trying every position.
UNIT_HEADER = re.compile(r"计量单位(?<=[ \t]计量单位)(?=[ \t])|单位(?<=[ \t]单位)(?=[ \t])")
CELL = re.compile(r"[^ \t\n]+")
GROWTH_HEADER = re.compile(r"增长|增速|增幅|同比|比上年")
# Columns that are neither the metric, its amount nor its growth.
OTHER_HEADER = re.compile(r"排名|排位|位次|占比|比重|增减|目标|计划|完成率|上年同期|去年同期")
NUMBER = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")
METRIC_NAME = re.compile(r"[\u4e00-\u9fff()、]{2,30}")
# 其中:工业总产值 — a part of the row above, named without the 其中.
PART_OF = re.compile(r"其中[:：]?")
# A caption giving the table's unit: 表2 分行业营业收入(单位:亿元、%).
CAPTION_UNIT = re.compile(r"单位[:：]\s*([^\s、,，)]+)")
# Page markup a pasted table may keep between its cells.
MARKUP = re.compile(r"&nbsp;|<[^<>\n]{0,100}>")


class TableFigure(NamedTuple):
    mention: NumberMention
    kind: str  # Kind.LEVEL, Kind.SHARE (an amount in %), Kind.GROWTH or Kind.RANK
    metric: str
    metric_start: int
    zone: str | None = None  # a row per zone (ranking tables): the row's zone
    registered: bool = False
    row_end: int = 0  # where the row's quote ends, if after the cell


class _Layout(NamedTuple):
    columns: int
    unit: int | str  # the unit column, or the caption's unit
    amount: int
    growths: tuple[int, ...]
    amount_name: str = ""  # with a caption's unit: the amount column's header, the rows' metric


def _layout(cells: list[str]) -> _Layout | None:
    """Column indices of a header row, or None if it is not one we read."""
    if any(NUMBER.fullmatch(cell) for cell in cells):
        return None
    units = [i for i, cell in enumerate(cells) if cell in ("单位", "计量单位")]
    if len(units) != 1 or units[0] == 0:
        return None
    growths = tuple(i for i, cell in enumerate(cells) if i and GROWTH_HEADER.search(cell))
    amounts = [
        i
        for i, cell in enumerate(cells)
        if i and i != units[0] and i not in growths and not OTHER_HEADER.search(cell)
    ]
    if len(amounts) != 1:
        return None
    return _Layout(len(cells), units[0], amounts[0], growths)


def _caption_layout(cells: list[str], caption: str) -> _Layout | None:
    """A header row without a unit column under a caption that gives the unit."""
    unit = CAPTION_UNIT.search(caption)
    if not unit or unit_family(unit.group(1)) is None or any(NUMBER.fullmatch(cell) for cell in cells):
        return None
    growths = tuple(i for i, cell in enumerate(cells) if i and GROWTH_HEADER.search(cell))
    amounts = [i for i, cell in enumerate(cells) if i and i not in growths and not OTHER_HEADER.search(cell)]
    if len(amounts) != 1 or not METRIC_NAME.fullmatch(cells[amounts[0]]):
        return None
    return _Layout(len(cells), unit.group(1), amounts[0], growths, cells[amounts[0]])


def _cells(text: str, start: int, end: int) -> list[re.Match]:
    return list(CELL.finditer(text, start, end))


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def _row_figures(cells: list[re.Match], layout: _Layout) -> list[TableFigure]:
    part_of = PART_OF.match(cells[0].group())
    metric = cells[0].group()[part_of.end() :] if part_of else cells[0].group()
    metric_start = cells[0].start() + (part_of.end() if part_of else 0)
    unit = layout.unit if isinstance(layout.unit, str) else cells[layout.unit].group()
    if not METRIC_NAME.fullmatch(metric) or unit_family(unit) is None:
        return []
    metric += layout.amount_name
    columns = [(layout.amount, Kind.SHARE if unit == "%" else Kind.LEVEL, unit)]
    columns += [(index, Kind.GROWTH, "%") for index in layout.growths]
    found = []
    for index, kind, cell_unit in columns:
        cell = cells[index] if index < len(cells) else None
        if cell and NUMBER.fullmatch(cell.group()):
            value = float(cell.group().replace(",", ""))
            mention = NumberMention(cell.start(), cell.end(), cell.start(), value, cell_unit, None)
            found.append(TableFigure(mention, kind, metric, metric_start))
    return found


def blank_markup(text: str) -> str:
    """`text` with page markup (&nbsp;, <br/>) blanked, same length: cells keep their offsets."""
    if "&" not in text and "<" not in text:
        return text
    return MARKUP.sub(lambda m: " " * len(m.group()), text)


def _rows(text: str, line_end: int, layout: _Layout) -> tuple[list[TableFigure], int]:
    """Rows follow the header line by line until a line that is not one."""
    found = []
    while line_end < len(text):
        row_start = line_end + 1
        line_end = _line_end(text, row_start)
        cells = _cells(text, row_start, line_end)
        if len(cells) < 2:
            break
        if layout.amount < len(cells) <= layout.columns:
            found += _row_figures(cells, layout)
    return found, line_end


def _headers(text: str):
    """(start, end) of each line that may head a table: one with a unit cell, or under a caption
    stating the unit."""
    for unit_header in UNIT_HEADER.finditer(text):
        line_start = text.rfind("\n", 0, unit_header.start()) + 1
        yield line_start, _line_end(text, line_start), None
    for caption in CAPTION_UNIT.finditer(text):
        caption_start = text.rfind("\n", 0, caption.start()) + 1
        caption_end = _line_end(text, caption.end())
        if caption_end < len(text):
            yield caption_end + 1, _line_end(text, caption_end + 1), text[caption_start:caption_end]


def table_figures(text: str) -> list[TableFigure]:
    """Figures of the tables in `text`, in text order."""
    text = blank_markup(text)
    found: list[TableFigure] = []
    read: list[tuple[int, int]] = []
    for line_start, line_end, caption in sorted(_headers(text)):
        if any(start <= line_start < end for start, end in read):
            continue  # inside a table already read
        cells = [cell.group() for cell in _cells(text, line_start, line_end)]
        layout = _layout(cells) if caption is None else _caption_layout(cells, caption)
        if layout is None:
            continue
        rows, table_end = _rows(text, line_end, layout)
        found += rows
        read.append((line_start, table_end))
    return sorted(found, key=lambda table: table.mention.start)
