"""The metric a figure measures: a short noun phrase cut from the words around
the number, and the catalogue code it maps to.

Only short windows around numbers are segmented (jieba on a whole article is
the slow part of naive pipelines); the tokenizer is built once, lazily, with
the catalogue's names and synonyms as a domain dictionary.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import jieba

from .clauses import PHRASE_BREAK
from .reference import read_metric_rows
from .segmenter import RouteSegmenter
from .units import unit_family
from .vocabulary import Kind

# Domain words jieba must keep whole so stripping works on real word edges.
DOMAIN_WORDS = (
    "在库",
    "完成率",
    "开工率",
    "增长率",
    "占比",
    "比重",
    "总投资",
    "高企",
    "规上",
    "新签约",
    "营收",
    "同比增长",
    "同比下降",
    "增加值",
    "产值",
    "总数",
    "累计",
    "力争",
    "确保",
    "全区",
    "全年",
)
# Tokens that open a clause without belonging to the metric.
LEADING_FILLER = frozenset(
    (
        "( 其中 区内 同期 全年 全区 今年 去年 当年 年内 年底 同比 实现 完成 共 共计 力争 确保 争取 预计 "
        "计划 将 要 已 已有 目前 截至 截至目前 该区 我区 全力 推动 着力 积极 加快 持续 深入 大力 动态 "
        "实施 统筹 开发 落实 主动 推进 和 及 与 或 的 也 并 还 此外 同时 达 达到 其 以 在 为 上半年 "
        "下半年 前三季度 一季度 而 且 有 是 中 等 又 到 分别 此次 本次 该 继续 共有 拥有 现有 一是 二是 "
        "三是 四是 五是 六是 首先 其次 最后 一 二 三 四 五 六 七 八 九 十"
    ).split()
)
# Tokens that link the metric to its number.
TRAILING_FILLER = frozenset(
    (
        "可 多 少 增长 成长 同比增长 同比下降 下降 同比 达到 达 突破 超过 超 为 实现 共 约 近 是 有 已有 "
        "已 保持 分别 完成 了 合计 共计 总计 累计 至 到 提高 提升 上升 增加 减少 力争 确保 争取 逾 不少于 "
        "不低于 至少 新增 净增 新台币 台币 港币 港元 欧元 日元 英镑"
    ).split()
)
LEADING_EDGES = tuple(LEADING_FILLER) + tuple(" \t“”\"'‘’《》【「")
TRAILING_EDGES = (*TRAILING_FILLER, " ", "\t")
# Single-character links that also end names (欣旺达, 华为超...): kept when a
# noun follows the number, since then the number is inside a name phrase.
NAME_ENDINGS = frozenset("达超近约逾")
# Ranking words carry no subject of their own: 增速居全市第一 needs the figure before it.
SUBJECTLESS = re.compile(
    r"^(年均|按年|超(时间|序时|时序)进度|增速|增幅|增长|总数|占比|比重|完成率|总额|同比|也|分别|位居|稳居|居|排名?|列|位列|"
    r"高出|高于|低于|超出|(全省|全市|全国|省市)(高新区|开发区)?|平均水平|平均|[比较](全省|全市|全国|全区|省|市)[\u4e00-\u9fff]{0,8}?(高出?|低|快|慢)|当月|当季|单月|占(全市|全省|全国|全区)的?|按可比价格?计算|[比较](去年|上年|上月|\d{4}年|\d{1,2}(-\d{1,2})?月份?|[一二三四]季度|上半年|前三季度)(同期|底|末)?|加快|放缓|[占为]?(年度?|全年)?[\u4e00-\u9fff]{0,2}?(目标任务|目标|计划)的?|年度|[,，、;；])*$"
)
NOISE = re.compile(r"[\s“”\"'‘’《》【】「」]")
HAN = re.compile(r"[\u4e00-\u9fff]")
ABBREVIATION = re.compile(r"^[A-Za-z&]+$")

_lock = threading.Lock()


@dataclass(frozen=True)
class MetricEntry:
    code: str
    name_zh: str
    unit: str
    family: str
    synonyms: tuple[str, ...]


def _field(row, name, default=""):
    value = row.get(name, default) if isinstance(row, dict) else getattr(row, name, default)
    return default if value is None else value


class MetricCatalogue:
    def __init__(self, entries: Iterable[MetricEntry]):
        self.entries = tuple(entries)
        self._by_word = {}
        for entry in self.entries:
            for word in (entry.name_zh, *entry.synonyms):
                self._by_word.setdefault(word.lower(), []).append(entry)
        self._words = sorted(self._by_word, key=len, reverse=True)
        # Words by first character, in _words order: a phrase is checked only
        # against the words that can start at one of its characters.
        self._words_by_initial: dict[str, list[str]] = {}
        for word in self._words:
            self._words_by_initial.setdefault(word[:1], []).append(word)
        self._rank = {word: i for i, word in enumerate(self._words)}
        self._abbreviations = [w for w in self._words if ABBREVIATION.match(w)]
        self._reader: MetricReader | None = None
        # Phrases recur across figures and articles; bounded, per catalogue.
        self.match = lru_cache(maxsize=4096)(self._match)

    @classmethod
    def from_records(cls, rows: Iterable) -> MetricCatalogue:
        entries = []
        for row in rows:
            synonyms = _field(row, "synonyms", ())
            if isinstance(synonyms, str):
                synonyms = [s for s in synonyms.split("|") if s]
            entries.append(
                MetricEntry(
                    _field(row, "code"),
                    _field(row, "name_zh"),
                    _field(row, "unit"),
                    _field(row, "family"),
                    tuple(synonyms),
                )
            )
        return cls(entries)

    @classmethod
    def from_csv(cls, path) -> MetricCatalogue:
        return cls.from_records(read_metric_rows(path))

    def words(self) -> list[str]:
        return list(self._words)

    def reader(self) -> MetricReader:
        """The phrase reader for this catalogue's vocabulary, made once."""
        if self._reader is None:
            self._reader = MetricReader(self)
        return self._reader

    def _candidates(self, lowered: str) -> list[str]:
        """The words that may occur in `lowered`, longest first as in _words."""
        found = [word for initial in {*lowered, ""} for word in self._words_by_initial.get(initial, ())]
        return sorted(found, key=self._rank.__getitem__)

    def _match(self, phrase: str, unit: str, kind: str) -> MetricEntry | None:
        """Entry whose longest name/synonym occurs in the phrase and whose unit
        measures the same thing as the figure (a % is a share only for share metrics)."""
        lowered = phrase.lower()
        family = unit_family(unit)
        word_starts: set[int] | None = None
        for word in self._candidates(lowered):
            at = lowered.find(word)
            if at < 0:
                continue
            entry = next((e for e in self._by_word[word] if _measures(e, family, kind)), None)
            if entry is None:
                continue
            if at > 0 and HAN.match(lowered, at - 1):
                # 进出口额 holds 出口 but is not about exports: a synonym inside a
                # phrase must start a word of it. Asked only of a word whose unit
                # fits, since segmenting the phrase is the costly part.
                if word_starts is None:
                    word_starts = _word_starts(self.reader().tokens(phrase))
                if at not in word_starts:
                    continue
            return entry
        return None

    def display_name(self, phrase: str) -> str:
        """Expand abbreviations to the catalogue name (gdp -> 地区生产总值)."""
        lowered = phrase.lower()
        for word in self._abbreviations:
            if word in lowered:
                start = lowered.index(word)
                return phrase[:start] + self._by_word[word][0].name_zh + phrase[start + len(word) :]
        return phrase


def _measures(entry: MetricEntry, family: str | None, kind: str) -> bool:
    """Whether a figure of this unit family and kind can be of the entry's metric."""
    if kind in (Kind.LEVEL, Kind.DELTA, Kind.SHARE, Kind.RANK) and unit_family(entry.unit) == family:
        return True
    return kind == Kind.GROWTH and family == "percent" and entry.family != "share"


@lru_cache(maxsize=8)
def _tokenizer(domain_words: tuple[str, ...]) -> jieba.Tokenizer:
    with _lock:
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        for word in domain_words:
            tokenizer.add_word(word)  # jieba suggests a frequency that keeps it whole
    return tokenizer


def _word_starts(tokens: list[str]) -> set[int]:
    starts, pos = set(), 0
    for token in tokens:
        starts.add(pos)
        pos += len(token)
    return starts


class MetricReader:
    """Cuts metric phrases from text windows with a shared domain tokenizer."""

    def __init__(self, catalogue: MetricCatalogue):
        words = [w for w in catalogue.words() if not ABBREVIATION.match(w)]
        self._domain = tuple(sorted(set(words) | set(DOMAIN_WORDS)))
        self._segmenter: RouteSegmenter | None = None
        # Windows are short and recur (the same wording before many numbers); bounded.
        self._segmented = lru_cache(maxsize=8192)(self._segment)

    def tokens(self, window: str) -> list[str]:
        return list(self._segmented(window))

    def _segment(self, window: str) -> tuple[str, ...]:
        if self._segmenter is None:  # built on first use: loading jieba takes a while
            self._segmenter = RouteSegmenter(_tokenizer(self._domain))
        return tuple(self._segmenter.lcut(window))

    def before(
        self, text: str, start: int, end: int, skipped: bytes = b"", names_follow: bool = False
    ) -> tuple[str, int]:
        """Metric words in text[start:end] (the clause before a number): fillers,
        and places or time words (nonzero bytes in `skipped`, one per char of
        text), stripped at the front; linking words stripped at the back, but
        not 达/超... when a noun follows the number (欣旺达30GWh电池: 达 ends
        a name). Returns (phrase, offset of its start)."""
        window = text[start:end]
        if not self._needs_segmenting(window, start, skipped):
            return window, start
        tokens = self.tokens(window)
        lead, trail, offset = 0, len(tokens), start
        while lead < trail and (
            tokens[lead] in LEADING_FILLER
            or not tokens[lead].strip()
            or NOISE.fullmatch(tokens[lead])
            or (skipped and skipped.find(0, offset, offset + len(tokens[lead])) == -1)
        ):
            offset += len(tokens[lead])
            lead += 1
        while trail > lead and (
            not tokens[trail - 1].strip()
            or (
                tokens[trail - 1] in TRAILING_FILLER
                and not (names_follow and tokens[trail - 1] in NAME_ENDINGS)
            )
        ):
            trail -= 1
        return "".join(tokens[lead:trail]), offset

    @staticmethod
    def _needs_segmenting(window: str, start: int, skipped: bytes) -> bool:
        """Only a window whose edges could be filler, blank, or a place/time
        word needs word boundaries; a filler token at an edge implies the
        window starts or ends with that filler's characters."""
        return (
            not window
            or window.startswith(LEADING_EDGES)
            or window.endswith(TRAILING_EDGES)
            or bool(skipped and skipped[start])
        )

    def after(self, text: str, start: int, limit: int) -> str:
        """Noun after a counted number (发放3轮消费券, 40幢产业大楼)."""
        window = text[start:limit].lstrip("的级")
        cut = NOUN_END.search(window)
        window = window[: cut.start()] if cut else window
        return window.rstrip("和及与、").strip()


# The counted noun ends at a clause break, the next number, or a 的 that starts
# a description of it (百亿级税收”的高能级平台).
NOUN_END = re.compile(PHRASE_BREAK.pattern + r"|\d|的")


def clean(phrase: str) -> str:
    return NOISE.sub("", phrase)


def is_subjectless(phrase: str) -> bool:
    return bool(SUBJECTLESS.match(clean(phrase)))
