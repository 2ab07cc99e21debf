"""Which zones (and which cities, provinces, groups of zones) a text talks about.

`ZoneGazetteer` recognises registered zones by name, short name, aliases,
former names and the districts run together with them (滨江区 is 杭州高新区),
and zones missing from the registry by their shape (XX高新区, XX经济技术开发区,
XX新区...) when XX starts with a known place name: a city or province of the
registry, or any unit of the place table (GB/T 2260, former names included).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from .clauses import CLAUSE_BREAK
from .reference import PlaceTable, read_reference

ZONE_SUFFIXES = (
    "高新技术产业开发区",
    "高新技术产业园区",
    "高技术产业开发区",
    "经济技术开发区",
    "经济开发区",
    "高新区",
    "经开区",
    "工业园区",
    "产业基地",
    "开发区",
    "新区",
)
# Long official suffixes are reported in their customary short form.
SHORT_SUFFIX = {
    "高新技术产业开发区": "高新区",
    "高新技术产业园区": "高新区",
    "高技术产业开发区": "高新区",
    "经济技术开发区": "经开区",
    "经济开发区": "经开区",
}
UNREGISTERED = re.compile(r"(?P<suffix>" + "|".join(ZONE_SUFFIXES) + ")")
UNREGISTERED_PREFIX_MAX = 6
HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# A zone opening a line with a 2-4 character place name: 射洪经开区.
HEADLINE_ZONE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,4}?)(?P<suffix>" + "|".join(ZONE_SUFFIXES) + ")")
HEADER_MAX = 12
# The place a zone is named after: 遂宁 in 遂宁高新区 (two characters, as most city names).
HOME_PLACE = re.compile(r"[\u4e00-\u9fff]{2}(?=[\u4e00-\u9fff]*(?:" + "|".join(ZONE_SUFFIXES) + ")$)")
# Words that make such a prefix a description, not a place (园区, 全区, 推进, 建设...).
GENERIC_WORDS = re.compile(
    r"园区|全区|本区|该区|我区|各|新|推进|建设|打造|加快|位于|国家|省级|市级|区级|综合|特色|产业|重点|"
    r"示范|城区|社区|多地|全省|全市|全国|省内|我国|我省|我市|部分|多家|多个|首批|一批|一些|这些|上述|[\d一二三四五六七八九十百]"
)
# Place-table short names that are words too (市中区, 城区, 郊区...): no zone is named after them.
GENERIC_PLACE_NAMES = frozenset(
    {
        "市中",
        "城区",
        "郊区",
        "矿区",
        "新区",
        "城关",
        "新城",
        "中区",
        "东区",
        "西区",
        "南区",
        "北区",
        "开发",
        "高新",
        "经济",
        "工业",
        "园区",
        "市区",
        "县城",
    }
)
# Words that make a "zone name" generic: 国家高新区, 全省高新区, 该高新区.
GENERIC_PREFIX = re.compile(
    r"(国家|省级|国家级|全省|全国|全市|各|该|本|我|两|多个|\d+家|\d+个|[一二三四五六七八九十百]+家)$"
)
# The text's own zone referred to without a name.
SELF_REFERENCE = re.compile(r"全区|该区|我区|本区|全园|高新区|开发区|园区|新区")
# A mention is the subject of its clause when only these precede it there.
OPENER_REACH = 40
CLAUSE_OPENERS = re.compile(
    r"^(?:[\s·•\-—“”\"'‘’《》()【\[]|今年以来|今年|去年|全年|年末|年底|当年|本年|目前|截至目前|同时|此外|其中|另外|而|"
    r"在|据悉|近年来|近日|日前|截至|截止|(?:19|20)\d{2}年(?:度|末|底|以来)?|\d{1,2}月\d{1,2}日(?:上午|下午)?|\d{1,2}[-—至]\d{1,2}月份?|"
    r"前三季度|上半年|下半年|[一二三四]季度|"
    r"会议提出|会议指出|会议要求|会上获悉|[\u4e00-\u9fff]{2,4}讯)*$"
)
# 枣庄市委 / 市政府 are institutions, not the city as the subject of a figure.
INSTITUTION = re.compile(r"^(委|政府|人民|人大|政协|党|领导|统计局)")
# A group of zones as subject: 全国178家国家高新区, 全省高新区, 各开发区, 国家高新区.
# 全市/全省 as a whole; not a count of its zones, nor a ranking frame (全省排名第二, 全市领先).
WHOLE_PLACE = re.compile(
    r"(全市|全省|全国)(?![\d一二三四五六七八九十百]*[家个]?(?:国家级?|省级)?(?:高新区|开发区|经开区|园区|新区)"
    r"|排名|排|第|前|领先|首位)"
)
WHOLE_PLACE_SCOPE = {"全市": "city", "全省": "province", "全国": "national"}
# The leading class covers both forms, so most positions fail on one test.
GROUP = re.compile(
    r"(?=[全省各国\d一二三四五六七八九十百])(?:(?:(?P<where>全国|全省|全市|省内|各)[\d一二三四五六七八九十百]*[家个]?"
    r"|(?<![\d一二三四五六七八九十百])[\d一二三四五六七八九十百]+[家个])"
    r"(?P<level>国家级?|省级)?(?:以上)?(?:高新区|开发区|经开区|园区|新区)"
    r"|(?P<national>国家级?)(?:高新区|经开区|经济技术开发区))"
)


@dataclass(frozen=True)
class ZoneRecord:
    name: str
    short_name: str
    aliases: tuple[str, ...] = ()
    city: str = ""
    province: str = ""
    level: str = ""
    former_names: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()  # run together with the zone: a report of one is the other's


class PlaceMention(NamedTuple):  # a tuple: many are made per article, cheaply
    """A zone, city, province or group named in the text."""

    start: int
    end: int
    name: str
    scope: str  # zone / city / province / group / national / self
    registered: bool = False
    subject: bool = False  # opens its clause, so later figures are about it


def _field(record, name, default=""):
    value = record.get(name, default) if isinstance(record, dict) else getattr(record, name, default)
    return default if value is None else value


def _aliases(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split("|") if a.strip())
    return tuple(a for a in value or () if a)


def _stem(place: str) -> str:
    for suffix in (
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "自治区",
        "特别行政区",
        "省",
        "市",
        "新区",
        "地区",
        "盟",
    ):
        if place.endswith(suffix) and len(place) > len(suffix) + 1:
            return place[: -len(suffix)]
    return place


class _PrefixIndex:
    """Where the first of many literal words starts in a short window, the
    longest word first at each position (as a regex alternation would, but a
    few set look-ups per position however many thousand words there are)."""

    def __init__(self, words: Iterable[str]):
        self.words = {w for w in words if len(w) >= 2}
        self.lengths = sorted({len(w) for w in self.words}, reverse=True)
        self.first_chars = {w[0] for w in self.words}

    def search(self, window: str) -> int | None:
        words, lengths = self.words, self.lengths
        for start, char in enumerate(window):
            if char in self.first_chars:
                for length in lengths:
                    if window[start : start + length] in words:
                        return start
        return None


class _SuffixIndex:
    """Finds many literal names fast: a one-character class finds where a
    name could end (区, 市, 省, 村...) after a character that ends some name
    but one (so 全区 is passed over in C), the two last characters pick the
    candidate lengths, and candidates are looked up in a set, longest first."""

    def __init__(self, names: Iterable[str]):
        self.names = {n for n in names if len(n) >= 2}
        by_ending: dict[str, set[int]] = {}
        for name in self.names:
            by_ending.setdefault(name[-2:], set()).add(len(name))
        self.lengths = {ending: sorted(lengths, reverse=True) for ending, lengths in by_ending.items()}
        last = "".join(map(re.escape, sorted({name[-1] for name in self.names})))
        second_last = "".join(map(re.escape, sorted({name[-2] for name in self.names})))
        self.last_char = re.compile(f"[{last}](?<=[{second_last}][{last}])") if last else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        if not self.last_char:
            return found
        lengths, names = self.lengths, self.names
        for m in self.last_char.finditer(text, 1):
            end = m.end()
            for length in lengths.get(text[end - 2 : end], ()):
                if length <= end and text[end - length : end] in names:
                    found.append((end - length, end, text[end - length : end]))
                    break
        return found


def _district_names(record: ZoneRecord, places: PlaceTable | None) -> Iterator[str]:
    """滨江区, 杭州滨江区, 杭州市滨江区: a district alone only where no other current unit has its name."""
    for district in record.districts:
        if record.city:
            yield from (record.city + district, _stem(record.city) + district)
        if places is None or places.named(district, record.province):
            yield district


@dataclass
class ZoneGazetteer:
    records: tuple[ZoneRecord, ...]
    places: PlaceTable | None = None
    _by_alias: dict[str, ZoneRecord] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for record in self.records:
            for alias in (record.name, record.short_name, *record.aliases):
                self._by_alias.setdefault(alias, record)
        # Former names and districts give way to any zone's current name.
        for record in self.records:
            for alias in (*record.former_names, *_district_names(record, self.places)):
                self._by_alias.setdefault(alias, record)
        self._alias_index = _SuffixIndex(self._by_alias)
        self._cities = {c for r in self.records for c in (r.city,) if c.endswith("市")}
        self._provinces = {r.province for r in self.records if r.province}
        places = self._cities | self._provinces
        self._place_index = _SuffixIndex(places)
        stems = {_stem(p) for p in places}
        if self.places is not None:
            stems |= {name for name in self.places.names() if name not in GENERIC_PLACE_NAMES}
        self._stems = _PrefixIndex(stems)
        self._city_stems = {_stem(c) for c in self._cities}
        self._province_stems = {_stem(p) for p in self._provinces}

    @classmethod
    def from_records(cls, records: Iterable, places: PlaceTable | None = None) -> ZoneGazetteer:
        return cls(
            tuple(
                ZoneRecord(
                    name=_field(r, "name"),
                    short_name=_field(r, "short_name") or _field(r, "name"),
                    aliases=_aliases(_field(r, "aliases", ())),
                    city=_field(r, "city"),
                    province=_field(r, "province"),
                    level=_field(r, "level"),
                    former_names=_aliases(_field(r, "former_names", ())),
                    districts=_aliases(_field(r, "districts", ())),
                )
                for r in records
            ),
            places,
        )

    @classmethod
    def from_csv(cls, paths: Iterable) -> ZoneGazetteer:
        """From reference files of any kind (reference.read_reference): zone lists, the place
        table, districts and zone changes."""
        reference = read_reference(paths)
        return cls.from_records(reference.zones, reference.places)

    def record(self, name: str) -> ZoneRecord | None:
        return self._by_alias.get(name)

    def home_of(self, zone_name: str):
        """The place an unregistered zone is named after (浏阳 of 浏阳高新区: 浏阳市 in 长沙市), if the
        place table knows it."""
        return self.places.at_start(zone_name) if self.places is not None else None

    def _registered(self, text: str) -> list[PlaceMention]:
        return [
            PlaceMention(start, end, self._by_alias[alias].short_name, "zone", True)
            for start, end, alias in self._alias_index.find(text)
        ]

    def _unregistered(self, text: str, taken: list[PlaceMention]) -> list[PlaceMention]:
        found = []
        inside_taken = _span_index(taken)
        for m in UNREGISTERED.finditer(text):
            if inside_taken(m.start()):
                continue
            start = self._name_start(text, m.start())
            if start is None:
                continue
            place = text[start : m.start()]
            if place in self._provinces or place in self._province_stems:
                continue  # 四川省高新区: the province's zones as a group, not one zone
            name = place + SHORT_SUFFIX.get(m.group("suffix"), m.group("suffix"))
            record = self._registered_variant(name)
            if record:
                found.append(PlaceMention(start, m.end(), record.short_name, "zone", True))
            else:
                found.append(PlaceMention(start, m.end(), name, "zone", False))
        return found

    def _name_start(self, text: str, suffix_start: int) -> int | None:
        """Where the place part of an unregistered zone name begins: at a known
        city or province stem (南京江北新区), else None."""
        window_start = max(0, suffix_start - UNREGISTERED_PREFIX_MAX)
        window = text[window_start:suffix_start]
        if GENERIC_PREFIX.search(window):
            return None
        stem = self._stems.search(window)
        return window_start + stem if stem is not None and HAN_ONLY.fullmatch(window[stem:]) else None

    def _headline_names(self, text: str) -> dict[str, str]:
        """Zones with no known place in their name, named where a name stands
        alone: opening the first line (射洪经开区:一季度…) or as a whole short
        line (a section header). Returns {name as written: short name}."""
        names = {}
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        for index, line in enumerate(lines):
            if index and len(line) > HEADER_MAX:
                continue
            m = HEADLINE_ZONE.match(line)
            if m and not GENERIC_WORDS.search(m.group("place")) and (index == 0 or m.end() == len(line)):
                names[m.group()] = m.group("place") + SHORT_SUFFIX.get(m.group("suffix"), m.group("suffix"))
        return names

    def _home_cities(self, text: str, zones: list[PlaceMention]) -> list[PlaceMention]:
        """遂宁市 for an unregistered 遂宁高新区: the city a zone is named after,
        so its figures are not taken for the zone's."""
        stems = {
            HOME_PLACE.match(z.name).group() for z in zones if not z.registered and HOME_PLACE.match(z.name)
        }
        found = []
        for stem in stems - self._city_stems:
            for m in re.finditer(re.escape(stem) + "市", text):
                if not INSTITUTION.match(text, m.end()):
                    found.append(PlaceMention(m.start(), m.end(), m.group(), "city"))
        return found

    def _headline_zones(
        self, text: str, taken: list[PlaceMention], named: dict[str, str] | None = None
    ) -> list[PlaceMention]:
        found = []
        for written, name in {**self._headline_names(text), **(named or {})}.items():
            for m in re.finditer(re.escape(written), text):
                if not any(p.start <= m.start() < p.end for p in taken):
                    found.append(PlaceMention(m.start(), m.end(), name, "zone", False))
        return found

    def _registered_variant(self, name: str) -> ZoneRecord | None:
        """潍坊市高新区 / 潍坊市国家高新区 are the registry's 潍坊高新区."""
        for variant in (
            name,
            name.replace("市", "", 1),
            name.replace("国家", "", 1),
            name.replace("市", "", 1).replace("国家", "", 1),
        ):
            if variant in self._by_alias:
                return self._by_alias[variant]
        return None

    def _places(self, text: str) -> list[PlaceMention]:
        found = []
        for start, end, place in self._place_index.find(text):
            if not INSTITUTION.match(text[end : end + 3]) and not UNREGISTERED.match(text, end):
                scope = "province" if place in self._provinces else "city"
                found.append(PlaceMention(start, end, place, scope))
        for m in WHOLE_PLACE.finditer(text):
            found.append(PlaceMention(m.start(), m.end(), m.group(), WHOLE_PLACE_SCOPE[m.group()]))
        for m in GROUP.finditer(text):
            national = (
                m.group("where") == "全国"
                or m.group("national")
                or ((m.group("level") or "").startswith("国家") and m.group("where") != "全省")
            )
            found.append(PlaceMention(m.start(), m.end(), m.group(), "national" if national else "group"))
        return found

    def _self_references(self, text: str) -> list[PlaceMention]:
        return [PlaceMention(m.start(), m.end(), m.group(), "self") for m in SELF_REFERENCE.finditer(text)]

    def find_places(
        self, text: str, clause_breaks: list[int] | None = None, named: dict[str, str] | None = None
    ) -> list[PlaceMention]:
        """Every place mention, longest first where they overlap, each marked
        as subject when nothing but time words and openers precede it in its clause.
        `clause_breaks`: the positions of the text's clause breaks, when already known;
        `named`: zones the caller knows the text is about, {as written: name} (its document frame)."""
        zones = self._registered(text)
        zones += self._unregistered(text, zones)
        zones += self._headline_zones(text, zones, named)
        candidates = sorted(
            zones + self._places(text) + self._home_cities(text, zones) + self._self_references(text),
            key=lambda p: (p.start, -(p.end - p.start)),
        )
        mentions, covered_until = [], -1
        if clause_breaks is None:
            clause_breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
        breaks = [pos + 1 for pos in clause_breaks]  # where each clause starts
        for place in candidates:
            if place.start < covered_until:
                continue
            covered_until = place.end
            index = bisect.bisect_right(breaks, place.start)
            opener_start = max(breaks[index - 1] if index else 0, place.start - OPENER_REACH)
            # A bracket opens an aside with a subject of its own: 7.8%(全市平均为3.1%)
            opener = text[opener_start : place.start].rsplit("(", 1)[-1]
            # 在全省21家国家开发区中…: a place after 在 frames the figure, it is not its subject.
            framed = place.scope != "zone" and "在" in opener
            subject = bool(CLAUSE_OPENERS.match(opener)) and not framed
            mentions.append(
                PlaceMention(place.start, place.end, place.name, place.scope, place.registered, subject)
            )
        return mentions


def _span_index(spans: list[PlaceMention]):
    """covered(position): whether a position lies inside one of `spans`, by bisection, so that a
    long text's checks stay linear rather than scanning every earlier mention."""
    ordered = sorted(spans, key=lambda span: span.start)
    starts = [span.start for span in ordered]
    reach = list(itertools.accumulate((span.end for span in ordered), max))

    def covered(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and position < reach[index]

    return covered
