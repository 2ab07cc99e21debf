"""When each figure applies: the time word that dates it, the year carried
from its paragraph or section heading, or the article's reference year."""

from __future__ import annotations

import bisect
import re

from .article import Article
from .figures import STATIC_FAMILIES, Figure, respective_runs
from .numbers import NumberMention
from .periods import TimeExpression, part_label, period_bounds, undated_target_year
from .units import unit_family
from .vocabulary import CUMULATIVE, Kind, Stance

# Attributes of one project or place are not figures of a period: capacities
# and sizes (年产80万套, 占地300亩, but not 占地区生产总值比重), areas, and
# investment totals used attributively (总投资200亿元的X).
ATTRIBUTE_WORDS = re.compile(r"年产(?!值)|产能|占地(?!区)|建筑面积|规划面积")
# 总投资200亿元的欣旺达基地 / 总投资300亿元、总建筑面积300万平方米的产业大楼 (but
# 总投资855.5亿元的94个重点项目 is the total of a year's project list).
ATTRIBUTIVE_TOTAL = re.compile(r"(、[^，,。；;的]{1,20})?的(?![\d一二三四五六七八九十])")
STATIC_UNITS = ("平方公里", "平方米", "万平方米", "公顷")
# 已集聚69个: a stock reached so far.
ALREADY = re.compile(r"已")
# A section heading: a short line that is not a sentence (二、2024年工作计划).
HEADING_MAX = 30
HEADING_PUNCTUATION = re.compile(r"[。,;!?]")
# Until October, a figure for the whole current year cannot have been reached yet.
YEAR_MOSTLY_AHEAD_UNTIL_MONTH = 10
# The year of a month or quarter label (2022-01..2022-10 -> 2022).
SUB_YEAR = re.compile(r"^(\d{4})-")
# Statistical reporting periods (一季度, 上半年, 前三季度, 1-9月) that can frame
# a whole article. A single month (3月) more often dates an event.
REPORTING_PERIOD = re.compile(r"^\d{4}-(?:Q|H|\d{2}\.\.)")
SPAN = re.compile(r"^\d{4}\.\.\d{4}$")
SINGLE_MONTH = re.compile(r"^\d{4}-\d{2}$")
# Evaluations of zones (综合评价, 考核) are made once a year: a position in one
# is the year's even in a sentence dated 1-9月.
EVALUATION = re.compile(r"评价|考核|评估|评比|测评")


class Dating:
    """Time words of one article and the years they carry."""

    def __init__(self, article: Article):
        self.body, self.times = article.body, article.times
        self.sentences, self.clauses, self.paragraphs = article.sentences, article.clauses, article.paragraphs
        self.published, self.reference_year = article.published, article.reference_year
        self.document, self.zone_rows = article.frame, article.zone_rows
        self.time_starts = [t.start for t in self.times]
        pub_year = self.published.year if self.published else None
        self.year_marks = [
            t
            for t in self.times
            if t.year and not t.weak and (pub_year is None or pub_year - 1 <= t.year <= pub_year)
        ]
        self.year_mark_ends = [t.end for t in self.year_marks]
        self.heading_years = [t for t in self.year_marks if self._is_heading(t.start)]
        self.heading_year_ends = [t.end for t in self.heading_years]
        self.respective_times = self._respective_times(article.mentions)
        self.frame = self._frame(article.mentions)

    def _respective_times(self, mentions: list[NumberMention]) -> dict[NumberMention, TimeExpression]:
        """一季度、上半年GDP分别增长5.2%、6.1% / 营收分别于2019年和2022年突破2万亿元
        和3万亿元: one period per listed value."""
        found = {}
        for marker, run in respective_runs(self.body, mentions):
            clause_start, _ = self.clauses.around(marker.start())
            listed = [t for t in self.times if clause_start <= t.start and t.end <= marker.start()] or [
                t for t in self.times if marker.end() <= t.start and t.end <= mentions[run[0]].start
            ]
            if len(listed) == len(run):
                found.update((mentions[index], time) for index, time in zip(run, listed, strict=False))
        return found

    def _time_word(self, mention: NumberMention) -> TimeExpression | str | None:
        """The time expression a figure is dated by, or "cumulative" for a
        bare 已/累计, or None when its sentence has none."""
        if (
            self.respective_times and mention in self.respective_times
        ):  # hashing a mention costs; most articles have none
            return self.respective_times[mention]
        sentence_start, _ = self.sentences.around(mention.start)
        clause_start, clause_end = self.clauses.around(mention.start)
        nearby = self.times[
            bisect.bisect_left(self.time_starts, sentence_start) : bisect.bisect_left(
                self.time_starts, clause_end
            )
        ]
        before = [t for t in nearby if t.end <= mention.start and (not t.local or t.start >= clause_start)]
        strong = [t for t in before if not t.weak]
        in_clause = [t for t in before if t.start >= clause_start]
        # 累计 only speaks for its own clause; there it makes a count a running
        # total (累计达到65家) even after 全年, but money stays a flow of the
        # period (1-10月份,累计完成投资122亿元).
        if (
            in_clause
            and all(t.weak for t in in_clause)
            and unit_family(mention.unit) == "count"
            and not (strong and SPAN.match(strong[-1].label or ""))
        ):  # 十四五以来,累计…: the span's total
            return in_clause[-1]
        if strong:
            return strong[-1]
        if in_clause:
            return in_clause[-1]
        after = [t for t in nearby if mention.end <= t.start]
        if after:
            return after[0]
        return CUMULATIVE if ALREADY.search(self.body[clause_start : mention.start]) else None

    def year_ahead(self, period: str | None) -> bool:
        """A whole calendar year most of which is still to come at publication."""
        start, _ = period_bounds(period)
        return bool(
            self.published
            and start
            and start.year == self.published.year
            and self.published.month <= YEAR_MOSTLY_AHEAD_UNTIL_MONTH
        )

    def _carried_mark(self, pos: int) -> TimeExpression | None:
        """The last time word of a calendar year (within a year of
        publication) before `pos` in its paragraph, or else in the heading of
        its section: 全年 after '2023年,...' or under '一、2023年工作总结' is 2023."""
        index = bisect.bisect_right(self.year_mark_ends, pos)
        paragraph_start, _ = self.paragraphs.around(pos)
        if index and self.year_marks[index - 1].start >= paragraph_start:
            return self.year_marks[index - 1]
        index = bisect.bisect_right(self.heading_year_ends, pos)
        return self.heading_years[index - 1] if index else None

    def _frame(self, mentions: list[NumberMention]) -> TimeExpression | None:
        """The reporting period of the whole article: the first time word of
        its headline and lead (up to the end of the first paragraph with a
        number), when that is a part of the reference year ('前三季度主要经济
        指标' / '今年前三季度,全省高新区…'). The paragraphs of a roundup then
        give each zone's figures without repeating it."""
        if not mentions:
            return None
        _, lead_end = self.paragraphs.around(mentions[0].start)
        for time in self.times:
            if time.start >= lead_end:
                break
            if time.label and time.label != CUMULATIVE:
                start, end = period_bounds(time.label)
                is_frame = (
                    REPORTING_PERIOD.match(time.label)
                    and time.label[:4] == str(self.reference_year)
                    and (start.month, end.month) != (1, 12)
                )  # 1-12月 is the whole year
                return time if is_frame else None
        return None

    def _yields_to_frame(self, carried: TimeExpression | None) -> bool:
        """No time word of its own paragraph, the frame repeated (1-8月,全区…),
        or a single month inside it (其中8月当月…), which dates its own clause."""
        if carried is None or carried.label == self.frame.label:
            return True
        start, end = period_bounds(carried.label)
        frame_start, frame_end = period_bounds(self.frame.label)
        return bool(SINGLE_MONTH.match(carried.label)) and frame_start <= start and end <= frame_end

    def _is_heading(self, pos: int) -> bool:
        start, end = self.paragraphs.around(pos)
        line = self.body[start:end].strip()
        return len(line) <= HEADING_MAX and not HEADING_PUNCTUATION.search(line)

    def period(self, figure: Figure, stance: str) -> tuple[str | None, TimeExpression | None]:
        mention = figure.mention
        if self.zone_rows and mention in self.zone_rows:
            return (str(self.reference_year) if self.reference_year else None), None  # the table's year
        word = self._time_word(mention)
        cumulative = word == CUMULATIVE or (word is not None and word.label == CUMULATIVE)
        if stance == Stance.TARGET and cumulative:
            word = None  # 目前/眼下 date the sentence's present, not when a goal is due
        if word == CUMULATIVE:
            return CUMULATIVE, None
        if word is not None and word.as_of and unit_family(mention.unit) == "count":
            return CUMULATIVE, word  # 截至11月底,共有企业680家: a stock at that date
        if word is not None and word.local and word.label and figure.kind == Kind.RANK:
            return word.label[-4:], word  # 连续八年位列第一: this year's position, held for eight years
        if word is not None:
            carried = self._carried_mark(word.start)
            if word.relative and stance == Stance.ACHIEVEMENT and carried:
                return part_label(carried.year, word.part), word
            if word.relative and stance == Stance.TARGET and (year := self._planned_year(mention.start)):
                return part_label(year, word.part), word  # 全年 under 二、2022年工作思路
            return word.label, word
        clause_start, _ = self.clauses.around(mention.start)
        if self._is_static(mention, self.body[clause_start : mention.start]):
            return None, None
        if stance == Stance.TARGET:
            year = self._planned_year(mention.start) or undated_target_year(self.published)
            return (str(year) if year else None), None
        carried = self._carried_mark(mention.start)
        if self.frame and self._yields_to_frame(carried):
            return self.frame.label, None
        year = carried.year if carried else self.reference_year
        return (str(year) if year else None), None

    def _planned_year(self, pos: int) -> int | None:
        """The year a plan section's heading names, else the year the document plans for."""
        section = self.document.section_at(pos)
        if section and section.role == "plans" and section.year:
            return section.year
        return self.document.planned_year

    def is_yearly_rank(self, figure: Figure) -> bool:
        clause_start, _ = self.clauses.around(figure.mention.start)
        return figure.kind == Kind.RANK and bool(
            EVALUATION.search(self.body, clause_start, figure.mention.start)
        )

    def _is_static(self, mention: NumberMention, before: str) -> bool:
        attributive_money = mention.unit.endswith("元") and bool(
            ATTRIBUTIVE_TOTAL.match(self.body, mention.end, mention.end + 30)
        )
        return (
            mention.unit in STATIC_UNITS
            or unit_family(mention.unit) in STATIC_FAMILIES
            or bool(ATTRIBUTE_WORDS.search(before))
            or attributive_money
        )
