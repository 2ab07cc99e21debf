"""Figures: each number with the kind of statement it makes, the metric
phrase that names it, and the span to quote."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import takewhile

from .article import Article
from .kinds import classify_kind
from .metric import MetricReader, clean, is_subjectless
from .numbers import NumberMention
from .units import unit_family
from .vocabulary import CUMULATIVE, Kind

# A noun right after the number is what is counted (发放3轮消费券, 40幢产业大楼,
# 300亿元级产业集群); 以上/左右 close the figure instead.
ATTRIBUTIVE = re.compile(r"^(?!以上|左右|以下|以内)[的级]?[\u4e00-\u9fff“‘\"]")
# Words before a counted number this short are a verb or modifier of the noun after it.
SHORT_PREFIX = 4
# List numbering before a field label: 1. / (二) / 一、/ ③
ENUMERATOR = re.compile(r"\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）.、．]|[①-⑳])\s*")
# 对每家企业给予最高100万元奖励: what a policy pays per case.
PER_CASE_AWARD = re.compile(
    r"(给予|奖励|补贴|补助|资助)[^，,。；;]{0,6}$|最高(不超过)?|每家|每个|每项|每人|一次性"
)
# 提升1位: a move in a ranking, not a position.
RANK_MOVEMENT = re.compile(r"(提升|上升|前进|进位|下降|后退|跃升|攀升|下滑)了?$")
# It ends right before the number (or before a newline there, as $ allows):
# looking further back costs a scan of the text so far per rank.
RANK_MOVEMENT_REACH = 4
# 分别 lists: A、B和C分别达到x、y和z.
RESPECTIVELY = re.compile(r"分别")
JOINER = re.compile(r"[、和及与]")
LIST_SEPARATOR = re.compile(r"[、,和及与]|、和")
LIST_ITEM_BREAK = re.compile(r"、|和|及|与")
# An amount named only as such (总投资, 合计金额) belongs to the set counted before it.
AMOUNT_OF_SET = re.compile(r"(总投资|投资总额|计划总投资|协议投资|合同金额|合计金额|总金额|金额)")
# A total named only as such takes its subject from the figure before it.
TOTAL_WORDS = re.compile(r"总数|总量|累计|共计|合计|总计")
ADDITION = re.compile(r"^(新增|净增|新引进|新认定|新培育)")
# Metric phrases are short; a longer stretch before a number is narrative.
METRIC_WINDOW = 24
# A rate's difference said in its own words (比全国低), not a bare list item.
OWN_COMPARISON = re.compile(r"[比较高低]")
# Rates and the differences between them.
RATE_UNITS = ("%", "个百分点")
# 分别高出省市2个、1.7个百分点: the listed values compare one rate with several places.
SEVERAL_PLACES = re.compile(r"[、和及与]|省市|市区")
# Verbs whose object is the counted noun: 连续两年获批3个资质, 注册成立3家公司.
VERB_BEFORE_COUNT = re.compile(r"(获批|成立|发放|形成|打造|建成|引进|培育|认定|入选|获得|新建|组建|招引)$")
# The ranking a bare 位列全省第二 refers to, named earlier in the sentence.
RANKING_NOUN = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:评价|排名|考核|评比|评估|榜单)+")  # 考核评价 whole
# Capacities (10GWh, 5GW): named by the thing after them, and undated.
STATIC_FAMILIES = ("energy", "power")


# What follows 前N名 when it sizes a list of ranked zones: 的高新区, a closing bracket, 见表1.
RANK_CUTOFF_AFTER = re.compile(r"[名位]?(?:的|\)|见|以内|名单)")


@dataclass
class Figure:
    """A number being turned into an indicator."""

    mention: NumberMention
    kind: str
    sign: float
    metric: str
    metric_start: int
    quote_end: int
    sentence_start: int
    introduces_next: bool = False  # 29个省重点项目累计完成投资122.2亿元: the count names a set


def respective_runs(body: str, mentions: list[NumberMention]) -> list[tuple[re.Match, list[int]]]:
    """Each 分别 with the indices of the listed values after it (two or more)."""
    starts = [m.start for m in mentions]
    runs = []
    for marker in RESPECTIVELY.finditer(body):
        first = bisect.bisect_left(starts, marker.end())
        run = [first] if first < len(mentions) else []
        while (
            run
            and run[-1] + 1 < len(mentions)
            and LIST_SEPARATOR.fullmatch(body[mentions[run[-1]].end : mentions[run[-1] + 1].start])
        ):
            run.append(run[-1] + 1)
        if len(run) >= 2:
            runs.append((marker, run))
    return runs


class FigureReader:
    """Reads the figures of one article."""

    def __init__(self, article: Article, reader: MetricReader):
        self.body, self.reader = article.body, reader
        self.sentences, self.clauses, self.items = article.sentences, article.clauses, article.items
        self.mentions, self.skipped = article.mentions, article.skipped
        self.table_cells = {table.mention: table for table in article.table_figures}
        self.time_ends = sorted(t.end for t in article.times if t.label != CUMULATIVE)

    def _after_time_words(self, start: int, end: int) -> int:
        """该公司今年一季度实现营业收入: the metric starts after the last time word
        inside the window, since what comes before it is the subject."""
        index = bisect.bisect_right(self.time_ends, end)
        last = self.time_ends[index - 1] if index else -1
        return last if start < last < end else start

    def _counted_noun(self, mention: NumberMention, limit: int) -> tuple[str, int]:
        """Noun after the number (up to `limit`, the next number) and the end of its span."""
        noun = self.reader.after(self.body, mention.end, min(limit, mention.end + 20))
        end = self.body.find(noun, mention.end) + len(noun) if noun else mention.end
        return noun, end

    def _respective_metrics(self, mentions: list[NumberMention]) -> dict[int, tuple[str, int]]:
        """电子信息、生物医药、数字经济三大产业规模分别达到3800亿元、1200亿元和2100亿元:
        one metric per value, each item with the list's shared tail (三大产业规模).
        Returns {mention index: (phrase, phrase start)}."""
        found = {}
        for marker, run in respective_runs(self.body, mentions):
            clause_start, _ = self.clauses.around(marker.start())
            subjects, start = self.reader.before(self.body, clause_start, marker.start(), self.skipped)
            items = [item for item in LIST_ITEM_BREAK.split(subjects) if item]
            if len(items) != len(run):
                continue
            # The last item carries the shared tail; the other items show how long an item is.
            item_length = max(len(item) for item in items[:-1])
            head = items[-1][:item_length] if len(items[-1]) > item_length else items[-1]
            tail = items[-1][len(head) :]
            items[-1] = head
            for index, item in zip(run, items, strict=False):
                found[index] = (item + tail, start)
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
        noun = (
            self.reader.before(self.body, nouns[-1].start(), nouns[-1].end(), self.skipped)[0]
            if nouns
            else ""
        )
        return phrase if noun in phrase else noun + phrase.removeprefix(noun[-2:])

    def read(self) -> list[Figure]:
        """Figures in text order, with kind, metric phrase and quote span."""
        figures: list[Figure] = []
        previous_end = 0
        respective = self._respective_metrics(self.mentions)
        # 分别增长5.2%、6.1%: later items of a list state what the first one does.
        list_heads = {
            item: run[0] for _, run in respective_runs(self.body, self.mentions) for item in run[1:]
        }
        for index, mention in enumerate(self.mentions):
            next_start = self.mentions[index + 1].start if index + 1 < len(self.mentions) else len(self.body)
            item_start, _ = self.items.around(mention.start)
            window_start = max(
                item_start,
                previous_end if previous_end <= mention.start else item_start,
                mention.start - METRIC_WINDOW,
            )
            window_start = self._after_time_words(window_start, mention.start)
            figure = self._figure(mention, window_start, next_start, figures, respective.get(index))
            if index in list_heads:  # figures[i] is the figure of mentions[i]
                head = figures[list_heads[index]]
                figure.kind, figure.sign = head.kind, head.sign
            figures.append(figure)
            # The noun after a count also names the next figure (29个省重点项目累计完成投资122.2亿元),
            # unless a joiner starts another counted item (50家优秀企业和100名优秀人才).
            joined = figure.quote_end > mention.end and JOINER.fullmatch(
                self.body[figure.quote_end : next_start]
            )
            previous_end = next_start if joined else mention.end
        self._compare_listed_rates(figures)
        return [
            f
            for i, f in enumerate(figures)
            if f.metric
            and not self._is_rank_movement(i, figures)
            and not self._is_policy_amount(f)
            and not self._is_rank_cutoff(f)
        ]

    def _compare_listed_rates(self, figures: list[Figure]) -> None:
        """规上工业增加值增长8.3%,固定资产投资增长12.5%,分别高于全市1.2个、2.4个百分点:
        a 分别 list of rates that names nothing of its own compares, in order,
        the rates stated just before it in the sentence."""
        for _, run in respective_runs(self.body, self.mentions):
            listed = [figures[index] for index in run]
            head = listed[0]
            if head.mention.unit not in RATE_UNITS or len({f.metric for f in listed}) > 1:
                continue
            rates = [f for f in figures[: run[0]] if f.sentence_start == head.sentence_start]
            compared = rates[-len(run) :]
            if (
                len(compared) < len(run)
                or any(f.mention.unit != "%" for f in compared)
                or len({f.metric for f in compared}) < len(run)
                or not head.metric.startswith(compared[-1].metric)
            ):
                continue
            comparison = head.metric.removeprefix(compared[-1].metric)
            if SEVERAL_PLACES.search(comparison):
                continue
            for figure, rate in zip(listed, compared, strict=False):
                figure.metric, figure.metric_start = rate.metric + comparison, rate.metric_start

    def _figure(
        self,
        mention: NumberMention,
        window_start: int,
        next_start: int,
        figures: list[Figure],
        listed: tuple[str, int] | None,
    ) -> Figure:
        """One number read with the words of its clause; `listed` is its
        metric from a 分别 list, if any."""
        sentence_start, _ = self.sentences.around(mention.start)
        if (cell := self.table_cells.get(mention)) is not None:
            quote_end = max(mention.end, cell.row_end)
            return Figure(mention, cell.kind, 1.0, cell.metric, cell.metric_start, quote_end, sentence_start)
        kind, sign = classify_kind(
            mention, self.body[self.clauses.around(mention.start)[0] : mention.num_start]
        )
        if listed:
            return Figure(mention, kind, sign, clean(listed[0]), listed[1], mention.end, sentence_start)
        counted = not mention.is_rank and bool(ATTRIBUTIVE.match(self.body[mention.end : mention.end + 2]))
        phrase, phrase_start = self.reader.before(
            self.body, window_start, mention.start, self.skipped, counted
        )
        quote_end, introduces_next = mention.end, False
        named_list = phrase.endswith("等")  # 华润三九等24家企业: names, then the counted noun
        if counted and (
            not phrase
            or named_list
            or len(phrase) <= SHORT_PREFIX
            or self.body[mention.end] == "级"
            or phrase.endswith("的")
            or unit_family(mention.unit) in STATIC_FAMILIES
            or mention.unit.startswith("万")
        ):
            noun, quote_end = self._counted_noun(mention, next_start)
            keep_prefix = phrase and not named_list and self.body[mention.end] != "级"
            phrase = (phrase if keep_prefix else "") + noun
            introduces_next = bool(noun) and self.body[quote_end:next_start].strip() == ""
        elif counted and (verb := VERB_BEFORE_COUNT.search(phrase)):
            noun, quote_end = self._counted_noun(mention, next_start)
            phrase, phrase_start = verb.group() + noun, phrase_start + verb.start()
        elif not phrase or (kind != Kind.LEVEL and is_subjectless(phrase)) or TOTAL_WORDS.fullmatch(phrase):
            phrase, phrase_start = self._phrase_from_context(
                mention, kind, phrase, phrase_start, window_start, sentence_start, figures
            )
        elif kind == Kind.LEVEL and AMOUNT_OF_SET.fullmatch(phrase):
            phrase, phrase_start = self._amount_of_set(mention, phrase, phrase_start, sentence_start, figures)
        if not phrase:
            phrase, phrase_start = self._field_label(window_start)
        return Figure(
            mention, kind, sign, clean(phrase), phrase_start, quote_end, sentence_start, introduces_next
        )

    def _amount_of_set(
        self,
        mention: NumberMention,
        phrase: str,
        phrase_start: int,
        sentence_start: int,
        figures: list[Figure],
    ) -> tuple[str, int]:
        """签约项目128个,总投资1056亿元: the total belongs to the counted set before it."""
        counted = next(takewhile(lambda f: f.sentence_start == sentence_start, reversed(figures)), None)
        if (
            counted is None
            or counted.kind != Kind.LEVEL
            or unit_family(counted.mention.unit) != "count"
            or unit_family(mention.unit) == "count"
        ):
            return phrase, phrase_start
        return counted.metric + phrase, min(counted.metric_start, phrase_start)

    def _phrase_from_context(
        self,
        mention: NumberMention,
        kind: str,
        phrase: str,
        phrase_start: int,
        window_start: int,
        sentence_start: int,
        figures: list[Figure],
    ) -> tuple[str, int]:
        """A metric for a number whose own words name no subject: the figure
        before it in the sentence, or the ranking the sentence names."""
        previous = figures[-1] if figures and figures[-1].sentence_start == sentence_start else None
        # 高出省市2个、1.7个百分点: a list item names what the item before it named.
        # (but 比全国低1.5个百分点 after 比全省高3个百分点 makes a comparison of its own).
        if (
            previous
            and previous.kind == kind not in (Kind.LEVEL, Kind.RANK)
            and previous.mention.unit == mention.unit
            and not OWN_COMPARISON.search(phrase)
        ):
            return previous.metric, min(previous.metric_start, phrase_start)
        in_sentence = takewhile(lambda f: f.sentence_start == sentence_start, reversed(figures))
        earlier = next((f for f in in_sentence if f.kind in (Kind.LEVEL, Kind.GROWTH, Kind.SHARE)), None)
        if earlier is not None and kind != Kind.LEVEL:
            # 完成年计划的82% after 工业总产值95.6亿元: 工业总产值完成率
            suffix = "完成率" if kind == Kind.COMPLETION else clean(phrase)
            return earlier.metric + suffix, min(earlier.metric_start, phrase_start)
        if earlier is not None and (
            earlier.kind == Kind.GROWTH or unit_family(earlier.mention.unit) == unit_family(mention.unit)
        ):
            # 新增上市公司8家,累计达到65家 / 净增高企28家,总数170家: the running total;
            # 营业收入增长9.5%,力争全年突破1300亿元: the amount of what grew.
            total = TOTAL_WORDS.search(self.body, window_start, mention.start)
            phrase = ADDITION.sub("", earlier.metric) + total.group() if total else earlier.metric
            return phrase, min(earlier.metric_start, phrase_start)
        if kind == Kind.RANK:
            return self._ranking_noun(sentence_start, mention.start, clean(phrase)), phrase_start
        return phrase, phrase_start

    def _is_policy_amount(self, figure: Figure) -> bool:
        """对每家企业给予最高100万元奖励: what a policy pays per case is not a
        measure of the zone."""
        clause_start, _ = self.clauses.around(figure.mention.start)
        return figure.mention.unit.endswith("元") and bool(
            PER_CASE_AWARD.search(self.body, clause_start, figure.mention.num_start)
        )

    def _is_rank_cutoff(self, figure: Figure) -> bool:
        """前25位的国家高新区如下 / 综合评价结果(前10名): the size of a list of ranked zones, not a
        position."""
        mention = figure.mention
        return (
            figure.kind == Kind.RANK
            and self.body[mention.num_start - 1 : mention.num_start] == "前"
            and bool(RANK_CUTOFF_AFTER.match(self.body, mention.end))
        )

    def _is_rank_movement(self, index: int, figures: list[Figure]) -> bool:
        """较上年提升1位 right after 居全国第5位: the position is the figure, not the
        move; a move with no position next to it is the only figure and stays."""
        figure = figures[index]
        num_start = figure.mention.num_start
        if figure.kind != Kind.RANK or not RANK_MOVEMENT.search(
            self.body, max(0, num_start - RANK_MOVEMENT_REACH), num_start
        ):
            return False
        neighbours = figures[max(0, index - 1) : index] + figures[index + 1 : index + 2]
        return any(f.kind == Kind.RANK and f.sentence_start == figure.sentence_start for f in neighbours)
