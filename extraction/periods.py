"""Time expressions and the period labels of GUIDE.md.

Labels: "2023", "2024..2026", "2022-01..2022-10", "2022-03", "2022-Q1..Q3",
"2024-Q1", "2021-H1", "cumulative", or None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from .vocabulary import CUMULATIVE

YEAR = r"(?:19|20)\d{2}"
DASH = r"\s*[-—–~至到]\s*"
SMALL_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
PART_OF_YEAR = r"前三季度|前两季度|上半年|下半年|第?[一二三四1-4]季度"
# Relative year words; 全年/年内/当年 mean the year the article reports on, which
# for a review published in January is the previous calendar year.
THIS_YEAR = "今年以来|今年|本年度|本年"
# 全年目标 / 年度计划 name the year's goal, not the period of a figure.
REFERENCE_YEAR = "全年(?!的?(?:目标|任务|计划))|年内|当年|年底|年末|(?<!完成)年度(?!的?(?:目标|任务|计划))"
LAST_YEAR = r"(?<![比较])(?:去年|上年|上一年)(?!同期)"
RUNNING_TOTAL_WORDS = (
    r"截至目前|截止目前|截至当前|截至|截止|目前|至今|迄今|眼下|现有|近年来|多年来|"
    r"近[两二三四五\d]年来?|[两二三\d]年多来|累计"
)
FIVE_YEAR_PLAN_END = r"十([一二三四五六七八九])五[’”\"']?\s*(?:规划)?\s*(?:末|期末)"
FIVE_YEAR_PLAN_SPAN = r"十([一二三四五六七八九])五[’”\"']?\s*(?:规划)?\s*(?:期间|时期)"
# 2021年以来 / 十四五以来: from that year (or the plan's first) to the year reported on.
SINCE = rf"(?:(?P<since_y>{YEAR})年|十(?P<since_plan>[一二三四五六七八九])五[’”\"']?\s*(?:规划)?\s*)以来"
CONSECUTIVE_YEARS = r"连续(?P<years>\d{1,2}|十[一二三四五六七八九]?|[两二三四五六七八九])年"

# Where a time expression can start. The one-character class lets re pass
# over most text in C; the pairs (the first two characters of each alternative
# of TIME) then turn away the common 一/上/年/digits that start no time word
# before re tries the seventeen alternatives there.
TIME_FIRST_CHAR = r"(?=[\d今本去上下明十连全年当前第一二三四截目至迄眼现近多两累])"
TIME_FIRST_PAIR = (
    r"(?=\d{1,2}(?:\s*[-—–~至到]|[月年])|[1-4]季|(?:19|20)\d\d|今年|本年|去年|上[年一半]|明年|十[一二三四五六七八九]"
    r"|连续|截[至止]|全年|年[内底末度]|当年|前[三两]|下半|第[一二三四1-4]|[一二三四]季|目前|至今|迄今|眼下|现有"
    r"|近[年两二三四五\d]|多年|[两二三]年|累计)"
)
TIME = re.compile(
    TIME_FIRST_CHAR + TIME_FIRST_PAIR + rf"(?:(?P<since>{SINCE})"
    rf"|(?P<yrange>(?P<y1>{YEAR}){DASH}(?P<y2>{YEAR})年?)"
    rf"|(?P<ymonths>(?P<ym_y>{YEAR})年(?P<ym_m1>\d{{1,2}}){DASH}(?P<ym_m2>\d{{1,2}})月份?)"
    rf"|(?P<months>(?<![\d.])(?P<m1>\d{{1,2}}){DASH}(?P<m2>\d{{1,2}})月份?)"
    rf"|(?P<month>(?<![\d.年-])(?P<mo>\d{{1,2}})月份?(?![\d日底末]))"
    rf"|(?P<ymonth>(?P<ymo_y>{YEAR})年(?P<ymo_m>\d{{1,2}})月(?!\d{{1,2}}日|份?[-—–~至到]))"
    rf"|(?P<year>(?P<y>{YEAR})年(?!\d{{1,2}}月\d{{1,2}}日)度?(?:的)?(?P<ypart>{PART_OF_YEAR}|年底|年末|全年)?)"
    rf"|(?P<this>(?:{THIS_YEAR})(?P<tpart>{PART_OF_YEAR})?)"
    rf"|(?P<last>(?:{LAST_YEAR})(?P<lpart>{PART_OF_YEAR})?)"
    rf"|(?P<next>明年)"
    rf"|(?P<plan>{FIVE_YEAR_PLAN_END})"
    rf"|(?P<planspan>{FIVE_YEAR_PLAN_SPAN})"
    rf"|(?P<consecutive>{CONSECUTIVE_YEARS})"
    rf"|(?P<asof>(?:截至|截止)(?:(?P<as_y>{YEAR})年)?(?P<as_m>\d{{1,2}})月(?:底|末|份)?)"
    rf"|(?P<ref>(?:{REFERENCE_YEAR})(?P<rpart>{PART_OF_YEAR})?)"
    rf"|(?P<part>{PART_OF_YEAR})"
    rf"|(?P<cumulative>{RUNNING_TOTAL_WORDS}))"
)
# A full date (2024年3月1日) is a dateline or an event, not the year reported on.
EVENT_NAME = re.compile(
    r"[^,，。;；\n]{0,10}?(大会|会议|工作会|论坛|博览会|展览会|交易会|峰会|年会|大赛|比赛|表彰会|活动)"
)
EXPLICIT_YEAR = re.compile(rf"({YEAR})年(?!\d{{1,2}}月\d{{1,2}}日)")
COMPARISON_WORDS = "比较"
# Annual reviews and the year's plans are published in the first months of a year.
REVIEW_SEASON_LAST_MONTH = 4


def undated_target_year(published: dt.date | None) -> int | None:
    """Year of a goal stated without any time word: the publication year for
    a year-start plan or review; unknowable for an article later in the year."""
    if published and published.month <= REVIEW_SEASON_LAST_MONTH:
        return published.year
    return None


class TimeExpression(NamedTuple):  # a tuple: many are made per article, cheaply
    start: int
    end: int
    label: str | None
    weak: bool = False  # 累计: only used when the sentence has no other time word
    relative: bool = False  # 全年, 上半年: a part of the year the article reports on
    part: str | None = None  # that part (上半年, 前三季度...; None for the whole year)
    whole_year: bool = False  # a full calendar year named as such (2024年, 全年, 年内)
    local: bool = False  # 连续5年: dates only its own clause
    as_of: bool = False  # 截至11月底: the months so far for a flow, a stock's date for a count

    @property
    def year(self) -> int | None:
        """Calendar year of an absolute single-year expression."""
        if self.relative or not self.label or not self.label[:4].isdigit() or self.label[4:6] == "..":
            return None  # relative, cumulative, or a span of years
        return int(self.label[:4])


def reference_year(text: str, published: dt.date | None, fallback_text: str = "") -> int | None:
    """The year an article reports on: the publication year, or the year
    before for a review published in the first months that names that year
    more often than the publication year. Years are counted in `text`, or in
    `fallback_text` when `text` names none."""
    years = Counter(int(y) for y in EXPLICIT_YEAR.findall(text)) or Counter(
        int(y) for y in EXPLICIT_YEAR.findall(fallback_text)
    )
    if published is None:
        return years.most_common(1)[0][0] if years else None
    year = published.year
    if published.month <= REVIEW_SEASON_LAST_MONTH and years[year - 1] > years[year]:
        return year - 1
    return year


def part_label(year: int, part: str | None) -> str:
    """Label of a part of a year (None, 全年, 年底: the whole year)."""
    if not part or part in ("年底", "年末", "全年"):
        return str(year)
    if part == "前三季度":
        return f"{year}-Q1..Q3"
    if part == "前两季度" or part == "上半年":
        return f"{year}-H1"
    if part == "下半年":
        return f"{year}-H2"
    return f"{year}-Q{QUARTER_WORDS[part.lstrip('第')[0]]}"


def _year_of_month(month: int, published: dt.date | None) -> int | None:
    """A month named without its year: the last one not after publication."""
    if published is None:
        return None
    return published.year - 1 if month > published.month else published.year


def _month_range(year: int, first: int, last: int) -> str | None:
    if not (1 <= first <= last <= 12):
        return None
    return f"{year}-{first:02d}..{year}-{last:02d}"


def _five_year_plan_end(ordinal: str) -> int:
    # The 3rd plan started in 1966 after a three-year adjustment; every later
    # plan is five years long (十四五 = 2021-2025).
    number = 10 + "一二三四五六七八九".index(ordinal) + 1
    return 1966 + 5 * (number - 3) + 4


def _label(m: re.Match, published: dt.date | None, ref_year: int | None) -> tuple[str | None, bool]:
    pub_year = published.year if published else None
    if m.group("since"):
        start = (
            int(m.group("since_y")) if m.group("since_y") else _five_year_plan_end(m.group("since_plan")) - 4
        )
        if ref_year is None or ref_year < start:
            return None, False
        return (f"{start}..{ref_year}" if start < ref_year else str(start)), False
    if m.group("yrange"):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        return (f"{y1}..{y2}" if y1 < y2 else str(y1)), False
    if m.group("ymonths"):
        return _month_range(int(m.group("ym_y")), int(m.group("ym_m1")), int(m.group("ym_m2"))), False
    if m.group("asof"):
        month = int(m.group("as_m"))
        year = int(m.group("as_y")) if m.group("as_y") else _year_of_month(month, published)
        return (_month_range(year, 1, month) if year else None), False
    if m.group("months") or m.group("month"):
        first, last = (
            (int(m.group("m1")), int(m.group("m2"))) if m.group("months") else (int(m.group("mo")),) * 2
        )
        year = _year_of_month(last, published)
        if year is None:
            return None, False
        if first == last:
            return (f"{year}-{first:02d}" if 1 <= first <= 12 else None), False
        return _month_range(year, first, last), False
    if m.group("ymonth"):
        month = int(m.group("ymo_m"))
        return (f"{m.group('ymo_y')}-{month:02d}" if 1 <= month <= 12 else None), False
    if m.group("year"):
        return part_label(int(m.group("y")), m.group("ypart")), False
    if m.group("this"):
        return (part_label(pub_year, m.group("tpart")) if pub_year else None), False
    if m.group("last"):
        return (part_label(pub_year - 1, m.group("lpart")) if pub_year else None), False
    if m.group("next"):
        return (str(pub_year + 1) if pub_year else None), False
    if m.group("plan"):
        return str(_five_year_plan_end(_plan_ordinal(m.group("plan")))), False
    if m.group("planspan"):
        end = _five_year_plan_end(_plan_ordinal(m.group("planspan")))
        return f"{end - 4}..{end}", False
    if m.group("consecutive"):
        count = _small_number(m.group("years"))
        return (f"{ref_year - count + 1}..{ref_year}" if ref_year and count > 1 else None), False
    if m.group("ref"):
        return (part_label(ref_year, m.group("rpart")) if ref_year else None), False
    if m.group("part"):
        return (part_label(ref_year, m.group("part")) if ref_year else None), False
    weak = m.group("cumulative") == "累计"
    return CUMULATIVE, weak


def _plan_ordinal(phrase: str) -> str:
    return re.search(r"十(.)五", phrase).group(1)


def _small_number(numeral: str) -> int:
    """2, 12, 两, 八, 十, 十二."""
    if numeral.isdigit():
        return int(numeral)
    if numeral.startswith("十"):
        return 10 + (SMALL_NUMBERS[numeral[1]] if len(numeral) > 1 else 0)
    return SMALL_NUMBERS[numeral]


def find_time_expressions(
    text: str, published: dt.date | None, reference: int | None = None
) -> list[TimeExpression]:
    """Time expressions in text order; 全年, 上半年... resolve against
    `reference` (default: reference_year of the text)."""
    ref_year = reference if reference is not None else reference_year(text, published)
    found = []
    for m in TIME.finditer(text):
        label, weak = _label(m, published, ref_year)
        relative = bool(m.group("ref") or m.group("part"))
        part = m.group("rpart") or m.group("part") if relative else None
        whole_year = bool(
            (m.group("year") and m.group("ypart") in (None, "全年", "年底", "年末"))
            or (m.group("ref") and not m.group("rpart") and not m.group("ref").endswith("年度"))
        )
        if m.group("year") and EVENT_NAME.match(text, m.end()):
            continue  # 2023年科技创新大会 names a meeting, it does not date a figure
        if m.start() and text[m.start() - 1] in COMPARISON_WORDS:
            continue  # 较1-2月提高2.1个百分点 / 比2020年翻一番: the base compared with
        found.append(
            TimeExpression(
                m.start(),
                m.end(),
                label,
                weak,
                relative,
                part,
                whole_year,
                local=bool(m.group("consecutive")),
                as_of=bool(m.group("asof")),
            )
        )
    return found


def resolve_period(phrase: str, published: dt.date | None, reference: int | None = None) -> str | None:
    """Label of the first time expression in `phrase` (None if there is none)."""
    m = TIME.search(phrase)
    if not m:
        return None
    ref_year = reference if reference is not None else (published.year if published else None)
    return _label(m, published, ref_year)[0]


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


LABEL_YEAR = re.compile(r"^(\d{4})$")
LABEL_YEARS = re.compile(r"^(\d{4})\.\.(\d{4})$")
LABEL_MONTHS = re.compile(r"^(\d{4})-(\d{2})(?:\.\.(\d{4})-(\d{2}))?$")
LABEL_QUARTERS = re.compile(r"^(\d{4})-Q([1-4])(?:\.\.Q([1-4]))?$")
LABEL_HALF = re.compile(r"^(\d{4})-H([12])$")


@lru_cache(maxsize=1024)  # asked several times per figure, for a few labels per article
def period_bounds(label: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day covered by a period label; (None, None) for
    'cumulative', None or an unknown label."""
    if not label:
        return None, None
    if m := LABEL_YEAR.match(label):
        year = int(m.group(1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := LABEL_YEARS.match(label):
        return dt.date(int(m.group(1)), 1, 1), dt.date(int(m.group(2)), 12, 31)
    if m := LABEL_MONTHS.match(label):
        year, month = int(m.group(1)), int(m.group(2))
        end_year, end_month = (int(m.group(3)), int(m.group(4))) if m.group(3) else (year, month)
        return dt.date(year, month, 1), _last_day(end_year, end_month)
    if m := LABEL_QUARTERS.match(label):
        year, first = int(m.group(1)), int(m.group(2))
        last = int(m.group(3) or first)
        return dt.date(year, 3 * first - 2, 1), _last_day(year, 3 * last)
    if m := LABEL_HALF.match(label):
        year, half = int(m.group(1)), int(m.group(2))
        return dt.date(year, 6 * half - 5, 1), _last_day(year, 6 * half)
    return None, None
