"""Ranking tables pasted as text: rows of rank, zone and perhaps a region, a score and a grade,
one cell per line or run together on one line (1 中关村科技园区 北京 2 深圳市高新技术产业园区 …).
Each row is the zone's position, and its score when the header names a score column."""

from __future__ import annotations

import re

from .frame import zone_names
from .numbers import NumberMention
from .tables import TableFigure, blank_markup
from .vocabulary import Kind
from .zones import ZoneGazetteer

# A cell: a run of text between blanks (page markup blanked first, offsets kept).
CELL = re.compile(r"\S+")
RANK = re.compile(r"\d{1,3}")
SCORE = re.compile(r"\d{1,3}\.\d{1,3}")
# What a ranking announces itself with (a header cell or the sentence before it).
RANKING_WORDS = re.compile(r"排名|名次|位次|排序|前\d+名|前\d+位")
SCORE_HEADER = re.compile(r"[\u4e00-\u9fff]{0,4}(?:得分|分数|分值)")
EVALUATION = re.compile(r"综合评价|发展评价|综合发展水平|考核评价|综合排名|评价|考核")
# A cell that can name a zone, tested before asking the registry.
ZONE_ENDING = re.compile(r"[区园]")
# Cells between one row's zone and the next row's rank: region, score, grade.
EXTRA_CELLS = 4
MIN_ROWS = 3
HEADER_REACH = 300
# How far after 排名/名次 a ranking's rows are looked for.
RANKING_REACH = 3000


def _zone(cell: str, gazetteer: ZoneGazetteer) -> str | None:
    if not ZONE_ENDING.search(cell):
        return None
    names = zone_names(cell, gazetteer)
    return next(iter(names.values()), None)


class _CellZones:
    """The zone each cell names, asked of the registry once per cell text: finding a row's
    zone, checking the next row and making the row's figures ask about the same cells."""

    def __init__(self, gazetteer: ZoneGazetteer):
        self.gazetteer = gazetteer
        self._zones: dict[str, str | None] = {}

    def __call__(self, cell: str) -> str | None:
        if cell not in self._zones:
            self._zones[cell] = _zone(cell, self.gazetteer)
        return self._zones[cell]


def _next_row(cells: list[re.Match], after: int, rank: int, zone_of: _CellZones) -> int | None:
    """Index of the rank cell of the row ranked `rank`, within a few cells after `after`."""
    for index in range(after, min(after + EXTRA_CELLS + 1, len(cells) - 1)):
        if cells[index].group() == str(rank) and zone_of(cells[index + 1].group()):
            return index
    return None


def _run(cells: list[re.Match], first: int, zone_of: _CellZones) -> list[int]:
    """Rank-cell indices of the rows ranked n, n+1, n+2 … starting at `first`."""
    rows = [first]
    rank = int(cells[first].group())
    while (index := _next_row(cells, rows[-1] + 2, rank + len(rows), zone_of)) is not None:
        rows.append(index)
    return rows


def _score_offset(cells: list[re.Match], rows: list[int]) -> int | None:
    """Where after the zone cell the first row has its score (a decimal), if it has one."""
    first_extras = cells[rows[0] + 2 : rows[1]]
    return next((offset for offset, cell in enumerate(first_extras) if SCORE.fullmatch(cell.group())), None)


def rank_metric(title: str, header: str) -> str:
    """综合评价排名 when the article's title or the table's header names the evaluation."""
    evaluation = EVALUATION.search(title) or EVALUATION.search(header)
    word = evaluation.group() if evaluation else ""
    return word if word.endswith("排名") else word + "排名"


def ranking_rows(text: str, gazetteer: ZoneGazetteer, title: str = "") -> list[TableFigure]:
    """Rank (and score) figures of the ranking tables in `text`, each with its row's zone."""
    found = []
    text = blank_markup(text)
    zone_of = _CellZones(gazetteer)
    for start, end in _windows(text):
        found += _window_rows(text, list(CELL.finditer(text, start, end)), zone_of, title)
    return found


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text after the words a ranking is announced with, merged where they overlap."""
    windows: list[tuple[int, int]] = []
    for match in RANKING_WORDS.finditer(text):
        if windows and match.start() <= windows[-1][1]:
            windows[-1] = (windows[-1][0], match.start() + RANKING_REACH)
        else:
            windows.append((match.start(), match.start() + RANKING_REACH))
    return windows


def _window_rows(text: str, cells: list[re.Match], zone_of: _CellZones, title: str) -> list[TableFigure]:
    found, index = [], 0
    while index < len(cells) - 1:
        if not RANK.fullmatch(cells[index].group()) or not zone_of(cells[index + 1].group()):
            index += 1
            continue
        rows = _run(cells, index, zone_of)
        if len(rows) < MIN_ROWS:
            index += 1
            continue
        found += _row_figures(text, cells, rows, zone_of, title)
        index = rows[-1] + 2
    return found


def _row_figures(
    text: str, cells: list[re.Match], rows: list[int], zone_of: _CellZones, title: str
) -> list[TableFigure]:
    header = text[max(0, cells[rows[0]].start() - HEADER_REACH) : cells[rows[0]].start()]
    metric = rank_metric(title, header)
    score_header = SCORE_HEADER.search(header)
    offset = _score_offset(cells, rows) if score_header else None
    found = []
    for row in rows:
        rank_cell, zone_cell = cells[row], cells[row + 1]
        zone = zone_of(zone_cell.group())
        registered = zone_of.gazetteer.record(zone) is not None
        rank = NumberMention(
            rank_cell.start(),
            rank_cell.end(),
            rank_cell.start(),
            float(rank_cell.group()),
            "位",
            None,
            is_rank=True,
        )
        found.append(
            TableFigure(rank, Kind.RANK, metric, rank_cell.start(), zone, registered, zone_cell.end())
        )
        score_index = row + 2 + offset if offset is not None else len(cells)
        # Rows run on into a list without scores (第11至21名) have a rank cell there, not a decimal.
        if score_index < len(cells) and SCORE.fullmatch(cells[score_index].group()):
            cell = cells[score_index]
            score = NumberMention(cell.start(), cell.end(), cell.start(), float(cell.group()), "分", None)
            found.append(
                TableFigure(
                    score, Kind.LEVEL, score_header.group(), zone_cell.start(), zone, registered, cell.end()
                )
            )
    return found
