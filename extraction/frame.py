"""The document frame: what kind of report an article is, the zone(s) it is about, the year it
reports and the year it plans, and its sections (results or plans). Read once per article before
any figure: a figure's own words override the frame, the frame fills what they leave open.

The frame is serialisable (`to_json` / `from_json`) so that a caller can show it, let an editor
correct it, and pass the corrected frame back to `extract(..., frame=...)`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property

from .sections import Sections
from .zones import SHORT_SUFFIX, ZoneGazetteer

# Report kinds, tried in this order on the title (then on the header lines).
KIND_PATTERNS = (
    ("bulletin", re.compile(r"统计公报")),
    ("ranking", re.compile(r"评价结果|排名|排行|榜单|评估结果|考核结果|综合评价|百强|\d+强")),
    ("government_report", re.compile(r"政府工作报告")),
    ("summary_and_plan", re.compile(r"总结.{0,8}(?:思路|要点|计划|打算)")),
    ("plan", re.compile(r"工作思路|工作要点|工作计划|工作打算|行动计划|行动方案|实施方案|规划")),
    ("summary", re.compile(r"工作总结|工作报告|年度报告|成绩单|回顾")),
    (
        "part_year",
        re.compile(
            r"(?:\d{1,2}[-~至]\d{1,2}月|前三季度|上半年|[一二三四]季度|\d{1,2}月份?)"
            r"[^。]{0,16}(?:经济运行|经济指标|主要指标|统计|运行情况|指标完成|经济数据)"
        ),
    ),
)
KIND_LABELS = {
    "bulletin": "统计公报",
    "ranking": "评价排名",
    "government_report": "政府工作报告",
    "summary_and_plan": "工作总结和工作思路",
    "plan": "工作思路/计划",
    "summary": "工作总结",
    "part_year": "经济运行(年内)",
    "news": "新闻",
}
HEADER_CHARS = 800
SIGN_OFF_LINES = 4
LINE_MAX = 60
HTML_TAG = re.compile(r"<[^<>\n]{0,200}>|&[a-z]{2,6};")
# Lines that state who publishes the page: 来源:X, 发布机构:X, 信息来源:X.
PUBLISHER_LINE = re.compile(r"(?:来源|发布机构|发文机关|发布单位|供稿)")
# Navigation above the headline: 首页 > 新闻中心 (the > may be gone with the page's markup).
BREADCRUMB = re.compile(r"^(?:首页|当前位置|您的位置)|>")
# A labelled field of an index block (索引号:…, 组配分类:…): not a title.
FIELD_LINE = re.compile(r"^[^:：]{1,8}[:：]")
# The top of the page naming the zone's own administration: 聊城高新技术产业开发区管理委员会.
INSTITUTION = re.compile(r"(?:管理委员会|管委会|人民政府|政府办公室|办公室|统计局|[厅局委办])$")
# Time words of a headline, taken out before a zone name is looked for (2023年上半年滨江区…).
HEADLINE_TIME = re.compile(
    r"\d{4}年度?|\d{1,2}[-~至]\d{1,2}月份?|\d{1,2}月份?|前三季度|上半年|下半年|"
    r"[一二三四]季度|今年|去年|全年|年度"
)
# A zone or district by its shape: a place of two to six characters and a zone ending, or a
# district (区) of two or three characters.
ZONE_SHAPE = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{2,6}?)(?P<suffix>高新技术产业开发区|高新技术产业园区|"
    r"高技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|开发区|工业园区|新区)"
    r"|(?P<district>[\u4e00-\u9fff]{2,3}?区)"
)
# Words that make the place part a description or an institution, not a name.
NOT_A_PLACE = re.compile(
    r"[全本该我各省市县州区园\d]|开发|高新|经济|技术|产业|国家|关于|主要|发展|工作|"
    r"统计|政府|部门|年度|季度|运行|指标|情况|通报|公布|结果|评价"
)
# The plans of a report: a heading that announces goals (二、2021年工作思路).
PLAN_HEADING = re.compile(r"目标|计划|打算|安排|思路|展望|预期|要点|下步|下一步|明年")
RESULT_HEADING = re.compile(r"完成|情况|回顾|总结|成效|成绩|进展|执行")
YEAR = re.compile(r"((?:19|20)\d{2})年")
PLAN_YEAR = re.compile(
    r"((?:19|20)\d{2})年[^。\n]{0,6}"
    r"(?:工作思路|工作要点|工作计划|工作打算|工作安排|目标|计划)"
)


@dataclass(frozen=True)
class Section:
    start: int
    heading: str
    role: str  # "results" or "plans"
    year: int | None  # the year its heading names
    zone: str | None = None  # the zone its heading names ((一)嘉善经济开发区。…): the subject of its figures


@dataclass(frozen=True)
class DocumentFrame:
    kind: str = "news"
    zones: tuple[str, ...] = ()  # the zone(s) the article is about, main first
    reported_year: int | None = None  # the year its results are of
    planned_year: int | None = None  # the year its plans are for
    title: str | None = None
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def zone(self) -> str | None:
        return self.zones[0] if self.zones else None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def to_json(self) -> dict:
        record = asdict(self)
        record["zones"], record["sections"] = list(self.zones), [asdict(s) for s in self.sections]
        return record

    @classmethod
    def from_json(cls, record: dict) -> DocumentFrame:
        return cls(
            kind=record.get("kind") or "news",
            zones=tuple(record.get("zones") or ()),
            reported_year=record.get("reported_year"),
            planned_year=record.get("planned_year"),
            title=record.get("title"),
            sections=tuple(Section(**s) for s in record.get("sections") or ()),
        )

    def corrected(self, overrides: DocumentFrame | dict | None) -> DocumentFrame:
        """This frame with what an editor corrected (kind, zones, years) put in its place."""
        if overrides is None:
            return self
        if isinstance(overrides, DocumentFrame):
            overrides = overrides.to_json()
        changes = {
            k: v
            for k, v in overrides.items()
            if k in ("kind", "reported_year", "planned_year", "title") and v is not None
        }
        if overrides.get("zones"):
            changes["zones"] = tuple(overrides["zones"])
        if overrides.get("sections") is not None and "sections" in overrides:
            changes["sections"] = DocumentFrame.from_json({"sections": overrides["sections"]}).sections
        return replace(self, **changes)

    @cached_property
    def _section_starts(self) -> list[int]:
        return [section.start for section in self.sections]

    def section_at(self, pos: int) -> Section | None:
        index = bisect.bisect_right(self._section_starts, pos)
        return self.sections[index - 1] if index else None


def _plain(line: str) -> str:
    return HTML_TAG.sub(" ", line).strip()


def header_lines(text: str) -> list[str]:
    """The short lines above the article's first paragraph of prose: title, page header, source."""
    lines = []
    for raw in text[:HEADER_CHARS].split("\n"):
        line = _plain(raw)
        if not line:
            continue
        if len(line) > LINE_MAX or "。" in line:
            break
        lines.append(line)
    return lines


def find_title(lines: list[str]) -> str | None:
    """The first header line that reads as a headline: Han text, not a labelled field, not a
    breadcrumb, not the name of an institution."""
    for line in lines:
        if (
            len(re.findall(r"[\u4e00-\u9fff]", line)) < 6
            or FIELD_LINE.match(line)
            or BREADCRUMB.search(line)
            or "|" in line
            or INSTITUTION.search(line)
            or PUBLISHER_LINE.search(line)
        ):
            continue
        return line
    return None


def sign_off_lines(body: str) -> list[str]:
    """The article's last short lines: the issuing office and date, (XX 供稿)."""
    lines = [_plain(line) for line in body.rstrip().rsplit("\n", SIGN_OFF_LINES * 2)[-SIGN_OFF_LINES * 2 :]]
    return [line for line in lines if line and len(line) <= 30 and "。" not in line][-SIGN_OFF_LINES:]


def zone_names(line: str, gazetteer: ZoneGazetteer, districts: bool = True) -> dict[str, str]:
    """Zones a header line names, {as written: name}: registered ones, else the first name of a
    zone's (or, with `districts`, a district's) shape."""
    registered = {line[p.start : p.end]: p.name for p in gazetteer.find_places(line) if p.scope == "zone"}
    return registered or shaped_zone(line, gazetteer, districts)


def shaped_zone(line: str, gazetteer: ZoneGazetteer, districts: bool = True) -> dict[str, str]:
    """The first name of a zone's (or a district's) shape in a line, {as written: name}."""
    line = HEADLINE_TIME.sub(" ", line)
    for match in ZONE_SHAPE.finditer(line):
        place = match.group("place") or match.group("district")[:-1]
        if NOT_A_PLACE.search(place) or (match.group("district") and not districts):
            continue
        if match.group("district"):
            return {match.group(): match.group()}
        name = place + SHORT_SUFFIX.get(match.group("suffix"), match.group("suffix"))
        record = gazetteer.record(name) or gazetteer.record(match.group())
        return {match.group(): record.short_name if record else name}
    return {}


def first_line_zones(lines: list[str], gazetteer: ZoneGazetteer) -> dict[str, str]:
    """The zones of the first of `lines` that names any (registered, else of a zone's shape); the
    registry is asked once, for all the lines together."""
    joined = "\n".join(lines)
    zones = [p for p in gazetteer.find_places(joined) if p.scope == "zone"]
    start = 0
    for line in lines:
        end = start + len(line)
        if here := {joined[p.start : p.end]: p.name for p in zones if start <= p.start < end}:
            return here
        if shaped := shaped_zone(line, gazetteer):
            return shaped
        start = end + 1
    return {}


def read_kind(title: str | None, lines: list[str]) -> str:
    for text in (title or "", " ".join(lines)):
        for kind, pattern in KIND_PATTERNS:
            if pattern.search(text):
                return kind
    return "news"


def read_years(kind: str, title: str | None) -> tuple[int | None, int | None]:
    """(reported, planned) year named by the title: 2020年工作总结和2021年工作思路 -> (2020, 2021);
    2021年工作要点 -> (2020, 2021); 2015年…统计公报 -> (2015, None)."""
    if not title:
        return None, None
    planned = PLAN_YEAR.search(title)
    years = [int(y) for y in YEAR.findall(title)]
    planned_year = int(planned.group(1)) if planned else None
    reported = [y for y in years if y != planned_year]
    if reported:
        return reported[0], planned_year
    if planned_year and kind in ("plan", "summary_and_plan"):
        return planned_year - 1, planned_year
    return None, planned_year


def _role(heading: str) -> str:
    return "plans" if PLAN_HEADING.search(heading) and not RESULT_HEADING.search(heading) else "results"


def read_sections(headings: Sections, gazetteer: ZoneGazetteer) -> tuple[tuple[Section, ...], dict[str, str]]:
    """Top-level sections (一、…) with their role and year, and subsections whose heading names a
    zone (they keep their section's role and year); and those zones as written."""
    top = [
        (start, heading, True)
        for start, heading in zip(headings.top_starts, headings.top_headings, strict=True)
    ]
    sub = [
        (start, heading, False)
        for start, heading in zip(headings.sub_starts, headings.sub_headings, strict=True)
    ]
    sections, written, current = [], {}, None
    for start, heading, is_top in sorted(top + sub):
        if is_top:
            year = YEAR.search(heading)
            current = Section(start, heading, _role(heading), int(year.group(1)) if year else None)
            sections.append(current)
        elif names := zone_names(heading, gazetteer, districts=False):
            written.update(names)
            sections.append(
                Section(
                    start,
                    heading,
                    current.role if current else "results",
                    current.year if current else None,
                    next(iter(names.values())),
                )
            )
    return tuple(sections), written


def read_frame(
    text: str, body: str, headings: Sections, gazetteer: ZoneGazetteer
) -> tuple[DocumentFrame, dict[str, str]]:
    """The frame of an article (`text` normalised, `body` the same with page furniture blanked, its
    enumerated headings), and its zones as written there ({written: name}), for finding them in the body."""
    lines = header_lines(text)
    title = find_title(lines)
    publisher = [line for line in lines if PUBLISHER_LINE.search(line) or INSTITUTION.search(line)]
    # The headline first, then who publishes, the page header, the sign-off: the first that names one.
    written = first_line_zones([title or "", *publisher, *lines, *sign_off_lines(body)], gazetteer)
    kind = read_kind(title, lines)
    reported, planned = read_years(kind, title)
    sections, section_zones = read_sections(headings, gazetteer)
    frame = DocumentFrame(
        kind=kind,
        zones=tuple(dict.fromkeys(written.values())),
        reported_year=reported,
        planned_year=planned,
        title=title,
        sections=sections,
    )
    return frame, {**section_zones, **written}
