"""An article prepared for reading figures: normalised text with boilerplate
masked, its boundaries, numbers, places and time words, found once."""

from __future__ import annotations

import datetime as dt
import re

from .boilerplate import strip_boilerplate
from .clauses import boundaries
from .frame import DocumentFrame, read_frame
from .metadata import ArticleMetadata, extract_metadata
from .normalise import NormalisedText, normalise
from .numbers import NumberMention, find_numbers
from .periods import find_time_expressions, reference_year
from .rankings import ranking_rows
from .sections import Sections
from .tables import TableFigure, table_figures
from .zones import ZoneGazetteer

PLACE_GLOSS = re.compile(r"\([\u4e00-\u9fff]{1,6}\)")


class Article:
    def __init__(
        self,
        text: str,
        gazetteer: ZoneGazetteer,
        published: dt.date | None,
        frame: DocumentFrame | dict | None = None,
    ):
        self.normalised: NormalisedText = normalise(text)
        self.body = strip_boilerplate(self.normalised.text)
        self.metadata = extract_metadata(self.normalised.text, self.body)
        if self.metadata.published is None and published is not None:
            self.metadata = ArticleMetadata(self.metadata.title, self.metadata.source, published)
        self.published = self.metadata.published
        self.sentences, self.clauses, self.items, self.paragraphs = boundaries(self.body)
        self.sections = Sections(self.body, self.paragraphs)
        self.gazetteer = gazetteer
        found, written = read_frame(self.normalised.text, self.body, self.sections, gazetteer)
        # An editor's correction (`frame`) replaces what was read; its zones are then looked for too.
        self.frame = found.corrected(frame)
        named = {*self.frame.zones, *(section.zone for section in self.frame.sections)}
        written = {w: name for w, name in written.items() if name in named}
        written.update({zone: zone for zone in self.frame.zones if zone not in written.values()})
        self.places = gazetteer.find_places(self.body, self.clauses.positions, written)
        rankings = ranking_rows(self.body, gazetteer, self.frame.title or "")
        self.table_figures = sorted(
            table_figures(self.body) + rankings, key=lambda table: table.mention.start
        )
        # Rows that are a zone's own (ranking tables): their zone, year and stance are the row's.
        self.zone_rows = {table.mention: table for table in self.table_figures if table.zone}
        self.mentions = _with_table_numbers(find_numbers(self.body), self.table_figures)
        self.reference_year = self.frame.reported_year or reference_year(
            self._dated_figure_text(), self.published, self.normalised.text
        )
        self.times = find_time_expressions(self.body, self.published, self.reference_year)
        # Places and time words open clauses but are not part of a metric, nor
        # is a place's gloss in brackets (杭州高新区(滨江)).
        skipped = bytearray(len(self.body))
        glossed = [
            (place.start, gloss.end() if (gloss := PLACE_GLOSS.match(self.body, place.end)) else place.end)
            for place in self.places
        ]
        for start, end in [*glossed, *((time.start, time.end) for time in self.times)]:
            skipped[start:end] = b"\x01" * (end - start)
        self.skipped = bytes(skipped)

    def _dated_figure_text(self) -> str:
        """The sentences that date a number with a year: what the article
        reports on, without datelines and meeting names ('2024年工作会议')."""
        sentences = []
        for start, end in sorted({self.sentences.around(m.start) for m in self.mentions}):
            sentences.append(self.body[start:end])
        return "\n".join(sentences)


def _with_table_numbers(mentions: list[NumberMention], tables: list[TableFigure]) -> list[NumberMention]:
    """The numbers of the text and of its tables' cells, in text order."""
    if not tables:
        return mentions
    cells = [table.mention for table in tables]
    taken = {cell.start for cell in cells}
    return sorted([m for m in mentions if m.start not in taken] + cells, key=lambda m: m.start)
