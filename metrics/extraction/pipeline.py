"""extract(): article text in, indicators with exact quotes out.

Stages: normalise -> mask boilerplate -> metadata -> numbers -> for each number
its kind, metric, place, stance and period -> implied targets -> dedup.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from .boilerplate import strip_boilerplate
from .clauses import boundaries
from .kinds import classify_kind
from .metadata import ArticleMetadata, extract_metadata
from .metric import MetricCatalogue, MetricReader, clean, is_subjectless
from .normalise import NormalisedText, normalise
from .numbers import NumberMention, find_numbers
from .periods import (TimeExpression, find_time_expressions, part_label, period_bounds, reference_year,
                      undated_target_year)
from .stance import classify_stance
from .units import to_base, unit_family
from .zones import WHOLE_PLACE_SCOPE, PlaceMention, ZoneGazetteer

# A count of zones (全省21家国家开发区, 230个国家级经济技术开发区) describes a group.
ZONE_GROUP_NOUN = re.compile(r"^(国家级|省级以上|省级|国家|省)?(经济技术开发区|高新技术产业开发区|高新区|开发区|经开区|新区|园区)")
COUNTY_SCOPE = re.compile(r"县域|全县")
# Attributes of one project or place, not figures of a period: capacities,
# sizes, and investment totals used attributively (总投资200亿元的X).
CAPACITY = re.compile(r"年产(?!值)|产能")
# 总投资200亿元的欣旺达基地 / 总投资300亿元、总建筑面积300万平方米的产业大楼 (but
# 总投资855.5亿元的94个重点项目 is the total of a year's project list).
ATTRIBUTIVE_TOTAL = re.compile(r"(、[^，,。；;的]{1,20})?的(?![\d一二三四五六七八九十])")
SUB_YEAR = re.compile(r"^(\d{4})-")
STATIC_UNITS = ("平方公里", "平方米", "万平方米", "公顷")
STATIC_FAMILIES = ("energy", "power")
# A noun right after the number is what is counted (发放3轮消费券, 40幢产业大楼,
# 300亿元级产业集群); 以上/左右 close the figure instead.
ATTRIBUTIVE = re.compile(r"^(?!以上|左右|以下|以内)[的级]?[\u4e00-\u9fff“‘\"]")
SHORT_PREFIX = 4
# List numbering before a field label: 1. / (二) / 一、/ ③
ENUMERATOR = re.compile(r"\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）.、．]|[①-⑳])\s*")
PER_CASE_AWARD = re.compile(r"(给予|奖励|补贴|补助|资助)[^，,。；;]{0,6}$|最高(不超过)?|每家|每个|每项|每人|一次性")
RANK_MOVEMENT = re.compile(r"(提升|上升|前进|进位|下降|后退|跃升|攀升|下滑)了?$")
RESPECTIVELY = re.compile(r"分别")
JOINER = re.compile(r"[、和及与]")
LIST_SEPARATOR = re.compile(r"[、,和及与]|、和")
LIST_ITEM_BREAK = re.compile(r"、|和|及|与")
# A total named only as such takes its subject from the figure before it.
TOTAL_WORDS = re.compile(r"总数|总量|累计|共计|合计|总计")
ADDITION = re.compile(r"^(新增|净增|新引进|新认定|新培育)")
# Metric phrases are short; a longer stretch before a number is narrative.
METRIC_WINDOW = 24
# Verbs whose object is the counted noun: 连续两年获批3个资质, 注册成立3家公司.
VERB_BEFORE_COUNT = re.compile(r"(获批|成立|发放|形成|打造|建成|引进|培育|认定|入选|获得|新建|组建|招引)$")
# The ranking a bare 位列全省第二 refers to, named earlier in the sentence.
RANKING_NOUN = re.compile(r"[\u4e00-\u9fff]{0,10}?(评价|排名|考核|评比|评估|榜单)")
ALREADY = re.compile(r"已")
UNKNOWN_ZONE = "*"
# A section heading: a short line that is not a sentence (二、2024年工作计划).
HEADING_MAX = 30
HEADING_PUNCTUATION = re.compile(r"[。,;!?]")
# Until October, a figure for the whole current year cannot have been reached yet.
YEAR_MOSTLY_AHEAD_UNTIL_MONTH = 10


@dataclass(frozen=True)
class ExtractedIndicator:
    zone: str
    zone_registered: bool
    scope: str
    metric: str
    metric_code: str | None
    value: float
    unit: str
    base_value: float | None
    base_unit: str | None
    kind: str
    stance: str
    period: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    qualifier: str | None
    quote: str
    start: int
    end: int
    derived: bool = False

    def to_json(self, doc: str) -> dict:
        """The GUIDE.md record, plus metric_code, derived and quote offsets."""
        record = {"doc": doc, "zone": self.zone, "scope": self.scope, "metric": self.metric,
                  "value": self.value, "unit": self.unit, "kind": self.kind, "stance": self.stance,
                  "period": self.period, "qualifier": self.qualifier, "quote": self.quote}
        record.update(metric_code=self.metric_code, base_value=self.base_value, base_unit=self.base_unit,
                      start=self.start, end=self.end, derived=self.derived)
        return record


@dataclass(frozen=True)
class ZoneFound:
    name: str
    registered: bool


@dataclass(frozen=True)
class ExtractionResult:
    metadata: ArticleMetadata
    text: str  # the normalised text (simplified script, boilerplate kept) the figures were read from
    zones: list[ZoneFound] = field(default_factory=list)
    indicators: list[ExtractedIndicator] = field(default_factory=list)

    def to_json(self, doc: str) -> list[dict]:
        return [indicator.to_json(doc) for indicator in self.indicators]


@dataclass
class _Figure:
    """A number being turned into an indicator."""
    mention: NumberMention
    kind: str
    sign: float
    metric: str
    metric_start: int
    quote_end: int
    sentence_start: int
    introduces_next: bool = False   # 29个省重点项目累计完成投资122.2亿元: the count names a set


def _round_like(value: float, decimals: int) -> float:
    return round(value, max(1, decimals))


class _ArticleExtractor:
    def __init__(self, text: str, gazetteer: ZoneGazetteer, catalogue: MetricCatalogue,
                 reader: MetricReader, published: dt.date | None, default_zone: str | None):
        self.normalised: NormalisedText = normalise(text)
        self.body = strip_boilerplate(self.normalised.text)
        self.metadata = extract_metadata(self.normalised.text, self.body)
        if self.metadata.published is None and published is not None:
            self.metadata = ArticleMetadata(self.metadata.title, self.metadata.source, published)
        self.published = self.metadata.published
        self.catalogue, self.reader = catalogue, reader
        self.sentences, self.clauses, self.items, self.paragraphs = boundaries(self.body)
        self.places = gazetteer.find_places(self.body)
        self.mentions = find_numbers(self.body)
        self.reference_year = reference_year(self._dated_figure_text(), self.published, self.normalised.text)
        self.times = find_time_expressions(self.body, self.published, self.reference_year)
        # Places and time words open clauses but are not part of a metric.
        skipped = bytearray(len(self.body))
        for span in [*self.places, *self.times]:
            skipped[span.start:span.end] = b"\x01" * (span.end - span.start)
        self.skipped = bytes(skipped)
        self.time_starts = [t.start for t in self.times]
        pub_year = self.published.year if self.published else None
        self.year_marks = [t for t in self.times if t.year and not t.weak
                           and (pub_year is None or pub_year - 1 <= t.year <= pub_year)]
        self.year_mark_ends = [t.end for t in self.year_marks]
        self.heading_years = [t for t in self.year_marks if self._is_heading(t.start)]
        self.heading_year_ends = [t.end for t in self.heading_years]
        self.subjects = [p for p in self.places if p.subject]
        self.subject_starts = [p.start for p in self.subjects]
        self.zone_subjects = [p for p in self.subjects if p.scope == "zone"]
        self.zone_subject_starts = [p.start for p in self.zone_subjects]
        self.respective_zones = {self.mentions[i]: zone
                                 for i, zone in self._respective_zones(self.mentions).items()}
        zones = [p for p in self.places if p.scope == "zone"]
        self.main_zone = (next((p for p in zones if p.registered), None) or (zones[0] if zones else None))
        self.default_zone = default_zone

    def _dated_figure_text(self) -> str:
        """The sentences that date a number with a year: what the article
        reports on, without datelines and meeting names ('2024年工作会议')."""
        sentences = []
        for start, end in sorted({self.sentences.around(m.start) for m in self.mentions}):
            sentences.append(self.body[start:end])
        return "\n".join(sentences)

    # -- places -------------------------------------------------------------
    def zones_found(self) -> list[ZoneFound]:
        seen = {}
        for place in self.places:
            if place.scope == "zone":
                seen.setdefault(place.name, ZoneFound(place.name, place.registered))
        if not seen and self.default_zone:
            seen[self.default_zone] = ZoneFound(self.default_zone, False)
        return list(seen.values())

    def _section_zone(self, pos: int) -> PlaceMention | None:
        index = bisect.bisect_left(self.zone_subject_starts, pos)
        if index:
            return self.zone_subjects[index - 1]
        # Figures before any zone is named are not credited to one named later.
        return self.main_zone if self.main_zone and self.main_zone.start < pos else None

    def _place(self, figure: _Figure) -> tuple[str, bool, str]:
        """(zone or place name, registered, scope) for a figure."""
        mention = figure.mention
        if mention in self.respective_zones:
            zone = self.respective_zones[mention]
            return zone.name, zone.registered, "zone"
        after = self.body[mention.end:mention.end + 12]
        if unit_family(mention.unit) == "count" and ZONE_GROUP_NOUN.match(after):
            before = self.body[max(0, mention.start - 4):mention.start]
            noun = ZONE_GROUP_NOUN.match(after).group()
            scope = "province" if "全省" in before else "national" if "全国" in before or noun.startswith("国家") \
                else "group"
            return noun, False, scope
        if COUNTY_SCOPE.search(figure.metric):
            return figure.metric, False, "city"
        paragraph_start, _ = self.paragraphs.around(mention.start)
        sentence_start, _ = self.sentences.around(mention.start)
        # A named place stays the subject for its paragraph; 全市/全省 only for its sentence.
        subject = None
        for place in reversed(self.subjects[:bisect.bisect_left(self.subject_starts, mention.start)]):
            if place.start < paragraph_start:
                break
            if place.name not in WHOLE_PLACE_SCOPE or place.start >= sentence_start:
                subject = place
                break
        if subject and subject.scope in ("city", "province", "group", "national"):
            return subject.name, False, subject.scope
        zone = subject if subject and subject.scope == "zone" else self._section_zone(mention.start)
        if zone is not None:
            return zone.name, zone.registered, "zone"
        return (self.default_zone or UNKNOWN_ZONE), False, "zone"

    # -- time ---------------------------------------------------------------
    def _time_word(self, mention: NumberMention) -> TimeExpression | None | str:
        """The time expression a figure is dated by, or "cumulative" for a
        bare 已/累计, or None when its sentence has none."""
        sentence_start, _ = self.sentences.around(mention.start)
        clause_start, clause_end = self.clauses.around(mention.start)
        nearby = self.times[bisect.bisect_left(self.time_starts, sentence_start):
                            bisect.bisect_left(self.time_starts, clause_end)]
        before = [t for t in nearby if t.end <= mention.start]
        strong = [t for t in before if not t.weak]
        in_clause = [t for t in before if t.start >= clause_start]
        # 累计 only speaks for its own clause; there it makes a count a running
        # total (累计达到65家) even after 全年, but money stays a flow of the
        # period (1-10月份,累计完成投资122亿元).
        if in_clause and all(t.weak for t in in_clause) and unit_family(mention.unit) == "count":
            return in_clause[-1]
        if strong:
            return strong[-1]
        if in_clause:
            return in_clause[-1]
        after = [t for t in nearby if mention.end <= t.start]
        if after:
            return after[0]
        return "cumulative" if ALREADY.search(self.body[clause_start:mention.start]) else None

    def _year_ahead(self, period: str | None) -> bool:
        """A whole calendar year most of which is still to come at publication."""
        start, _ = period_bounds(period)
        return bool(self.published and start and start.year == self.published.year
                    and self.published.month <= YEAR_MOSTLY_AHEAD_UNTIL_MONTH)

    def _carried_year(self, pos: int) -> int | None:
        """The last calendar year (within a year of publication) named before
        `pos` in its paragraph, or else in the heading of its section:
        全年 after '2023年,...' or under '一、2023年工作总结' is 2023."""
        index = bisect.bisect_right(self.year_mark_ends, pos)
        paragraph_start, _ = self.paragraphs.around(pos)
        if index and self.year_marks[index - 1].start >= paragraph_start:
            return self.year_marks[index - 1].year
        index = bisect.bisect_right(self.heading_year_ends, pos)
        return self.heading_years[index - 1].year if index else None

    def _is_heading(self, pos: int) -> bool:
        start, end = self.paragraphs.around(pos)
        line = self.body[start:end].strip()
        return len(line) <= HEADING_MAX and not HEADING_PUNCTUATION.search(line)

    def _period(self, figure: _Figure, stance: str) -> tuple[str | None, TimeExpression | None]:
        mention = figure.mention
        word = self._time_word(mention)
        if word == "cumulative":
            return "cumulative", None
        if word is not None:
            carried = self._carried_year(word.start)
            if word.relative and stance == "achievement" and carried:
                return part_label(carried, word.part), word
            return word.label, word
        clause_start, _ = self.clauses.around(mention.start)
        if self._is_static(mention, self.body[clause_start:mention.start]):
            return None, None
        if stance == "target":
            year = undated_target_year(self.published)
            return (str(year) if year else None), None
        year = self._carried_year(mention.start) or self.reference_year
        return (str(year) if year else None), None

    def _is_static(self, mention: NumberMention, before: str) -> bool:
        attributive_money = mention.unit.endswith("元") and bool(
            ATTRIBUTIVE_TOTAL.match(self.body, mention.end, mention.end + 30))
        return (mention.unit in STATIC_UNITS or unit_family(mention.unit) in STATIC_FAMILIES
                or bool(CAPACITY.search(before)) or attributive_money)

    # -- metric -------------------------------------------------------------
    def _counted_noun(self, mention: NumberMention, limit: int) -> tuple[str, int]:
        """Noun after the number (up to `limit`, the next number) and the end of its span."""
        noun = self.reader.after(self.body, mention.end, min(limit, mention.end + 20))
        end = self.body.find(noun, mention.end) + len(noun) if noun else mention.end
        return noun, end

    def _respective_runs(self, mentions: list[NumberMention]) -> list[tuple[re.Match, list[int]]]:
        """Each 分别 with the indices of the listed values after it (two or more)."""
        starts = [m.start for m in mentions]
        runs = []
        for marker in RESPECTIVELY.finditer(self.body):
            first = bisect.bisect_left(starts, marker.end())
            run = [first] if first < len(mentions) else []
            while run and run[-1] + 1 < len(mentions) and LIST_SEPARATOR.fullmatch(
                    self.body[mentions[run[-1]].end:mentions[run[-1] + 1].start]):
                run.append(run[-1] + 1)
            if len(run) >= 2:
                runs.append((marker, run))
        return runs

    def _respective_metrics(self, mentions: list[NumberMention]) -> dict[int, tuple[str, int]]:
        """电子信息、生物医药、数字经济三大产业规模分别达到3800亿元、1200亿元和2100亿元:
        one metric per value, each item with the list's shared tail (三大产业规模).
        Returns {mention index: (phrase, phrase start)}."""
        found = {}
        for marker, run in self._respective_runs(mentions):
            clause_start, _ = self.clauses.around(marker.start())
            subjects, start = self.reader.before(self.body, clause_start, marker.start(), self.skipped)
            items = [item for item in LIST_ITEM_BREAK.split(subjects) if item]
            if len(items) != len(run):
                continue
            # The last item carries the shared tail; the other items show how long an item is.
            item_length = max(len(item) for item in items[:-1])
            head = items[-1][:item_length] if len(items[-1]) > item_length else self.reader.tokens(items[-1])[0]
            tail = items[-1][len(head):]
            items[-1] = head
            for index, item in zip(run, items):
                found[index] = (item + tail, start)
        return found

    def _respective_zones(self, mentions: list[NumberMention]) -> dict[int, PlaceMention]:
        """郑州高新区和洛阳高新区分别实现营业收入820亿元、560亿元: one zone per value."""
        found = {}
        for marker, run in self._respective_runs(mentions):
            sentence_start, _ = self.sentences.around(marker.start())
            zones = [p for p in self.places if p.scope == "zone" and sentence_start <= p.start < marker.start()]
            if len(zones) == len(run):
                found.update(zip(run, zones))
        return found

    def _field_label(self, pos: int) -> tuple[str, int]:
        """'1.营业收入:完成120亿元': the label before the colon names the figure."""
        colon = pos - 1
        if colon < 0 or self.body[colon] != ":":
            return "", pos
        start, _ = self.items.around(colon - 1) if colon else (0, 0)
        label = ENUMERATOR.match(self.body, start, colon)
        start = label.end() if label else start
        return self.body[start:colon].strip(), start

    def _ranking_noun(self, sentence_start: int, pos: int, phrase: str) -> str:
        """The ranking named last before `pos` in the sentence, joined to what
        the clause says (位列全省 -> 综合评价位列全省), without repeating it."""
        nouns = list(RANKING_NOUN.finditer(self.body, sentence_start, pos))
        noun = self.reader.before(self.body, nouns[-1].start(), nouns[-1].end(), self.skipped)[0] if nouns else ""
        return phrase if noun in phrase else noun + phrase.removeprefix(noun[-2:])

    def _figures(self) -> list[_Figure]:
        figures: list[_Figure] = []
        previous_end = 0
        mentions = self.mentions
        respective = self._respective_metrics(mentions)
        for index, mention in enumerate(mentions):
            next_start = mentions[index + 1].start if index + 1 < len(mentions) else len(self.body)
            item_start, _ = self.items.around(mention.start)
            sentence_start, _ = self.sentences.around(mention.start)
            window_start = max(item_start, previous_end if previous_end <= mention.start else item_start,
                               mention.start - METRIC_WINDOW)
            before_clause = self.body[self.clauses.around(mention.start)[0]:mention.num_start]
            kind, sign = classify_kind(mention, before_clause)
            phrase, phrase_start = self.reader.before(self.body, window_start, mention.start, self.skipped)
            quote_end, introduces_next = mention.end, False
            if index in respective:
                phrase, phrase_start = respective[index]
                figures.append(_Figure(mention, kind, sign, clean(phrase), phrase_start, quote_end, sentence_start))
                previous_end = mention.end
                continue
            counted = not mention.is_rank and ATTRIBUTIVE.match(self.body[mention.end:mention.end + 2])
            listed = phrase.endswith("等")  # 华润三九等24家企业: names, then the counted noun
            if counted and (not phrase or listed or len(phrase) <= SHORT_PREFIX or self.body[mention.end] == "级"
                            or phrase.endswith("的")
                            or unit_family(mention.unit) in STATIC_FAMILIES or mention.unit.startswith("万")):
                noun, quote_end = self._counted_noun(mention, next_start)
                keep_prefix = phrase and not listed and self.body[mention.end] != "级"
                phrase = (phrase if keep_prefix else "") + noun
                introduces_next = bool(noun) and self.body[quote_end:next_start].strip() == ""
            elif counted and (verb := VERB_BEFORE_COUNT.search(phrase)):
                noun, quote_end = self._counted_noun(mention, next_start)
                phrase, phrase_start = verb.group() + noun, phrase_start + verb.start()
            elif not phrase or (kind != "level" and is_subjectless(phrase)) or TOTAL_WORDS.fullmatch(phrase):
                earlier = next((f for f in reversed(figures) if f.sentence_start == sentence_start
                                and f.kind in ("level", "growth", "share")), None)
                if earlier is not None and kind != "level":
                    # 完成年计划的82% after 工业总产值95.6亿元: 工业总产值完成率
                    suffix = "完成率" if kind == "completion" else clean(phrase)
                    phrase, phrase_start = earlier.metric + suffix, min(earlier.metric_start, phrase_start)
                elif earlier is not None and unit_family(earlier.mention.unit) == unit_family(mention.unit):
                    # 新增上市公司8家,累计达到65家 / 净增高企28家,总数170家: the running total.
                    total = TOTAL_WORDS.search(self.body, window_start, mention.start)
                    phrase = ADDITION.sub("", earlier.metric) + total.group() if total else earlier.metric
                    phrase_start = min(earlier.metric_start, phrase_start)
                elif kind == "rank":
                    phrase = self._ranking_noun(sentence_start, mention.start, clean(phrase))
            if not phrase:
                phrase, phrase_start = self._field_label(window_start)
            figures.append(_Figure(mention, kind, sign, clean(phrase), phrase_start, quote_end, sentence_start,
                                   introduces_next))
            # The noun after a count also names the next figure (29个省重点项目累计完成投资122.2亿元),
            # unless a joiner starts another counted item (50家优秀企业和100名优秀人才).
            joined = quote_end > mention.end and JOINER.fullmatch(self.body[quote_end:next_start])
            previous_end = next_start if joined else mention.end
        return [f for f in figures if f.metric and not self._is_rank_movement(f, figures)
                and not self._is_policy_amount(f)]

    def _is_policy_amount(self, figure: _Figure) -> bool:
        """对每家企业给予最高100万元奖励: what a policy pays per case is not a
        measure of the zone."""
        clause_start, _ = self.clauses.around(figure.mention.start)
        return figure.mention.unit.endswith("元") and bool(
            PER_CASE_AWARD.search(self.body, clause_start, figure.mention.num_start))

    def _is_rank_movement(self, figure: _Figure, figures: list[_Figure]) -> bool:
        """较上年提升1位 right after 居全国第5位: the position is the figure, not the
        move; a move with no position next to it is the only figure and stays."""
        if figure.kind != "rank" or not RANK_MOVEMENT.search(self.body, 0, figure.mention.num_start):
            return False
        index = figures.index(figure)
        neighbours = figures[max(0, index - 1):index] + figures[index + 1:index + 2]
        return any(f.kind == "rank" and f.sentence_start == figure.sentence_start for f in neighbours)

    def _indicator(self, figure: _Figure) -> ExtractedIndicator:
        mention = figure.mention
        sentence_start, sentence_end = self.sentences.around(mention.start)
        clause_start, clause_end = self.clauses.around(mention.start)
        stance = classify_stance(self.body[sentence_start:mention.start], self.body[clause_start:mention.start],
                                 self.body[mention.end:clause_end])
        period, word = self._period(figure, stance)
        if stance == "achievement" and word is not None and word.whole_year and self._year_ahead(period):
            stance = "target"  # 2024年营收增长7%, said in February 2024: a goal
        if figure.introduces_next and period and SUB_YEAR.match(period):
            # The set a count introduces is the year's (the year's list of key projects),
            # even when the figure after it covers months of that year.
            period = SUB_YEAR.match(period).group(1)
        period_start, period_end = period_bounds(period)
        if self.published and period_start and period_start > self.published:
            stance = "target"
        zone, registered, scope = self._place(figure)
        entry = self.catalogue.match(figure.metric, mention.unit, figure.kind)
        base_value = to_base(mention.value * figure.sign, mention.unit, entry.unit) \
            if entry and figure.kind == "level" else None
        start = min(figure.metric_start, mention.start)
        quote, orig_start, orig_end = self.normalised.quote(start, max(figure.quote_end, mention.end))
        return ExtractedIndicator(
            zone=zone, zone_registered=registered, scope=scope,
            metric=self.catalogue.display_name(figure.metric), metric_code=entry.code if entry else None,
            value=mention.value * figure.sign, unit=mention.unit,
            base_value=base_value, base_unit=entry.unit if base_value is not None else None,
            kind=figure.kind, stance=stance, period=period, period_start=period_start, period_end=period_end,
            qualifier=mention.qualifier, quote=quote, start=orig_start, end=orig_end)

    def _implied_target(self, achieved: ExtractedIndicator, ratio: ExtractedIndicator) -> ExtractedIndicator | None:
        """完成投资122.2亿元，完成年度投资计划的149.6% -> a plan of 81.7亿元."""
        if ratio.value <= 0 or achieved.kind != "level" or unit_family(achieved.unit) in (None, "percent"):
            return None
        decimals = len(f"{achieved.value}".split(".")[1].rstrip("0")) if "." in f"{achieved.value}" else 0
        value = _round_like(achieved.value * 100 / ratio.value, decimals)
        yearly = "年度" in ratio.quote or "全年" in ratio.quote
        period = str(ratio.period_start.year) if yearly and ratio.period_start else ratio.period
        period_start, period_end = period_bounds(period)
        start, end = min(achieved.start, ratio.start), max(achieved.end, ratio.end)
        scale = value / achieved.value if achieved.value else None
        return ExtractedIndicator(
            zone=achieved.zone, zone_registered=achieved.zone_registered, scope=achieved.scope,
            metric=achieved.metric, metric_code=achieved.metric_code, value=value, unit=achieved.unit,
            base_value=achieved.base_value * scale if achieved.base_value is not None and scale else None,
            base_unit=achieved.base_unit, kind="level", stance="target", period=period,
            period_start=period_start, period_end=period_end, qualifier=None,
            quote=self.normalised.original[start:end], start=start, end=end, derived=True)

    def run(self) -> ExtractionResult:
        figures = self._figures()
        indicators = [self._indicator(f) for f in figures]
        implied = []
        for i, (figure, indicator) in enumerate(zip(figures, indicators)):
            if indicator.kind != "completion" or indicator.stance != "achievement":
                continue
            achieved = next((a for f, a in reversed(list(zip(figures[:i], indicators[:i])))
                             if a.kind == "level" and f.sentence_start == figure.sentence_start), None)
            target = self._implied_target(achieved, indicator) if achieved else None
            if target:
                implied.append(target)
        return ExtractionResult(self.metadata, self.normalised.text, self.zones_found(), _dedup(indicators + implied))


def _dedup(indicators: list[ExtractedIndicator]) -> list[ExtractedIndicator]:
    seen, unique = set(), []
    for indicator in indicators:
        key = (indicator.zone, indicator.scope, indicator.metric_code or indicator.metric, indicator.value,
               indicator.unit, indicator.kind, indicator.period, indicator.stance)
        if key not in seen:
            seen.add(key)
            unique.append(indicator)
    return unique


def extract(text: str, gazetteer: ZoneGazetteer | None = None, catalogue: MetricCatalogue | None = None,
            published: dt.date | None = None, default_zone: str | None = None) -> ExtractionResult:
    """Indicators stated in an article (see GUIDE.md for the fields)."""
    from . import defaults  # the project's CSVs, loaded on first use
    gazetteer = gazetteer or defaults.gazetteer()
    catalogue = catalogue or defaults.catalogue()
    return _ArticleExtractor(text or "", gazetteer, catalogue, catalogue.reader(), published, default_zone).run()

