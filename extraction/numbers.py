"""Numbers with units in normalised text: Arabic and Chinese numerals, the
qualifier words around them, ranks (第二, 前30名, 10强), shares in 成, 翻番,
and the filters that drop numbers which are not measurements.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import cn2an

from .units import COUNT_CLASSIFIERS, canonical_unit

# A numeral starts where no digit or numeral character precedes it: no figure
# inside another, and no quadratic retrying along a long run of digits.
ARABIC = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"
# No 万/亿 inside a Chinese numeral: 百亿元 is 100 亿元, not 1e10 元.
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"
CHINESE = rf"(?<![{NUMERAL_CHARS}])[{NUMERAL_CHARS}]+"
# ARABIC|CHINESE written to open with a bare character class (its first character, the
# look-behinds checked after it): re then skips in C to the characters that can start a
# numeral, where a pattern opening with a look-ahead or look-behind is entered at every position.
# The same matches as (?:ARABIC|CHINESE), checked on the corpora and on random text.
NUMERAL = (
    rf"[\d{NUMERAL_CHARS}](?:(?<=\d)(?<![\d.]\d)(?:\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)|\d*(?:\.\d+)?)"
    rf"|(?<=[{NUMERAL_CHARS}])(?<![{NUMERAL_CHARS}][{NUMERAL_CHARS}])[{NUMERAL_CHARS}]*)"
)
UNITS = sorted(
    [
        "万亿元",
        "亿美元",
        "万美元",
        "亿元",
        "万元",
        "千元",
        "美元",
        "元",
        "个百分点",
        "百分点",
        "%",
        "万平方米",
        "平方米",
        "平方公里",
        "万亩",
        "亩",
        "公顷",
        "家次",
        "万家",
        "家",
        "万户",
        "户",
        "项",
        "件",
        "名",
        "万人次",
        "人次",
        "万人",
        "人",
        "万套",
        "台套",
        "套",
        "万辆",
        "辆",
        "台",
        "幢",
        "栋",
        "座",
        "轮",
        "所",
        "万吨",
        "吨",
        "万千瓦时",
        "亿千瓦时",
        "千瓦时",
        "万千瓦",
        "千瓦",
        "gwh",
        "mwh",
        "kwh",
        "gw",
        "mw",
    ],
    key=len,
    reverse=True,
)
# 个 is not a unit in 三个季度 / 6个月 / 个百分点 (handled as its own unit).
COUNTER_GE = r"个(?!月|季度|工作日|小时|年头|百分点)"
# 千亿级规模 / 百亿级税收, 营收1.2亿,: a bare 亿/万 before 级 or a break is money.
SCALE_ONLY = r"[亿万](?=级|[,，。;；、)]|$)"
UNIT = "|".join(re.escape(u) for u in UNITS) + "|" + COUNTER_GE + "|" + SCALE_ONLY

BEFORE_QUALIFIERS = {
    "突破": "突破",
    "超过": "超过",
    "超": "超过",
    "逾": "超过",
    "近": "近",
    "将近": "近",
    "约": "约",
    "大约": "约",
    "达到": "达到",
    "达": "达到",
    "不少于": "不少于",
    "不低于": "不少于",
    "至少": "不少于",
}
BEFORE_QUALIFIER = "|".join(sorted(BEFORE_QUALIFIERS, key=len, reverse=True))
AFTER_QUALIFIERS = {"以上": "以上", "左右": "左右", "以下": "以下", "以内": "以下"}

CURRENCY_BEFORE = re.compile(r"(新台币|台币|港币|港元|澳门元|欧元|日元|英镑|韩元|卢布)$")
CURRENCY_REACH = 3
QUALIFIER_BEFORE = re.compile(rf"(?:{BEFORE_QUALIFIER})$")
ATTRIBUTIVE_NOUN = re.compile(r"[\u4e00-\u9fff](?<!以)(?<!左)")
QUALIFIER_REACH = max(len(q) for q in BEFORE_QUALIFIERS)
NUMBER = re.compile(
    rf"(?P<num>{NUMERAL})(?P<approx>余|多)? ?(?P<unit>{UNIT})(?P<after>以上|左右|以下|以内)?",
    re.IGNORECASE,
)
# 位列全省第二, 居全市第一, 前30名, 前三位, 10强, 前进14位 (but 500强企业 and 百强县 are names)
RANK = re.compile(
    r"(?=[第前\d零〇一二两三四五六七八九十百千])"
    rf"(?:(?P<prefix>第|前)(?P<num1>{ARABIC}|{CHINESE})(?P<suffix1>位|名|强)?"
    rf"|(?P<num2>{ARABIC}|{CHINESE})(?P<suffix2>强(?![\u4e00-\u9fff])|位(?!数)|名(?=[,，。;；、]|$)))"
)
RANK_CONTEXT = re.compile(
    r"(位列|位居|名列|排名|排在|排|居|列|进入|保持在|保持|入围|跻身|前进|进位|上升|提升|跃居|稳居|全省|全市|全国|全区)\S{0,6}$"
)
# A money amount that names a class of projects (10亿元以上项目2个, 过10亿元项目,
# 50亿元8个, 500万元以上技改项目) is part of the metric, not a figure.
CLASS_OF_THINGS = re.compile(
    r"^(?:以上|及以上)?[\u4e00-\u9fff“”\"]{0,8}?(?:项目|企业|工程)|^(?:以上)?\d|^级别"
)
LIST_JOINER = re.compile(r"^[、和及与或至到~-]$")
# A count of actions or of categories is not an indicator (10项攻坚行动, 21个大类).
ACTION_NOUNS = re.compile(
    r"^[\u4e00-\u9fff“”\"]{0,6}?(行动|任务|工作|举措|措施|改革|活动|实事|整治|攻坚|政策|制度|机制|战略|指标)"
    r"|^(个)?(级别|大类|类|方面|领域|方向|指标|环节|板块|条|批次)"
)
# People at an event (200余名代表参加会议) are not a measure of the zone.
EVENT_PEOPLE = re.compile(r"[\u4e00-\u9fff]{0,4}?(代表|嘉宾|来宾|观众|选手|学员|与会|参会|参赛|记者)")
# Those taking part in it (5家企业代表作了交流发言, 300个项目参赛, 80家企业参展).
EVENT_PART = re.compile(
    r"[\u4e00-\u9fff“”\"]{0,8}?(参加(会议|活动|大会|论坛)|出席|参会|参赛|参展|交流发言|作了?[\u4e00-\u9fff]{0,4}发言)"
)
# 10-15亿元: the second number of a range.
RANGE_START = re.compile(r"\d\s*[-~～—至到]\s*$")
# 增长-3.2%: a sign, not a dash.
MINUS = re.compile(r"(?<![\dA-Za-z])[-−]$")
NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+#_")


class NumberMention(NamedTuple):  # a tuple: many are made per article, cheaply
    start: int  # first char of the qualifier or number
    end: int  # end of unit / trailing qualifier
    num_start: int
    value: float
    unit: str
    qualifier: str | None
    is_rank: bool = False
    is_doubling: bool = False


@lru_cache(maxsize=4096)  # cn2an takes ~10 µs a numeral; the same numerals recur
def parse_numeral(text: str) -> float | None:
    """Arabic or Chinese numeral as a float (三十 -> 30, 百 -> 100, 两 -> 2)."""
    text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        pass
    if text[0] in "十百千":
        text = "一" + text
    try:
        return float(cn2an.cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _chinese_allowed(numeral: str, unit: str) -> bool:
    """Single Chinese digits are mostly words (一家企业, 三个作用, 两大网底);
    keep them only for money and area, and for 两/二..九 enterprises."""
    if any(c in numeral for c in "十百千") or len(numeral) > 1:
        return True
    if numeral in "一〇零":
        return False
    return unit.endswith(("元", "亩", "平方公里", "家"))


def _is_name_part(text: str, start: int, end: int) -> bool:
    """PM2.5, 5G, 3+1, COVID-19: digits glued to Latin letters or '+'."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before in NAME_CHARS or after in NAME_CHARS or before == "."


def _qualifier_before(text: str, start: int, end: int) -> tuple[int, str | None]:
    """(start of the figure including its qualifier, the qualifier) for a
    number spanning text[start:end]."""
    before = QUALIFIER_BEFORE.search(text, max(0, start - QUALIFIER_REACH), start)
    if before and len(before.group()) == 1 and ATTRIBUTIVE_NOUN.match(text, end):
        return start, None  # 欣旺达30GWh动力电池: the 达 ends a name, it does not qualify the figure
    return (before.start(), BEFORE_QUALIFIERS[before.group()]) if before else (start, None)


def _numbers(text: str) -> list[NumberMention]:
    found = []
    # A figure with nothing but blanks after it is cut off at the end of a truncated page.
    text_end = len(text.rstrip())
    for m in NUMBER.finditer(text):
        # Each group and position read once: this loop runs for every number of the article.
        numeral, approx, raw_unit, after = m.group("num", "approx", "unit", "after")
        match_start, num_start, end = m.start(), m.start("num"), m.end()
        unit = canonical_unit(raw_unit)
        is_arabic = numeral[0].isdigit()
        if not is_arabic and not _chinese_allowed(numeral, unit):
            continue
        if _is_name_part(text, num_start, end) or end >= text_end:
            continue
        if is_arabic and len(numeral.replace(".", "")) >= 7 and "." not in numeral:
            continue  # licence, phone, ID numbers
        if RANGE_START.search(text, max(0, match_start - 4), match_start):
            continue  # 10-15亿元: a range is no single figure
        value = parse_numeral(numeral)
        if value is None:
            continue
        if MINUS.search(text, max(0, match_start - 2), match_start):
            value = -value  # 同比增长-3.2%
        start, qualifier = _qualifier_before(text, match_start, end)
        currency = CURRENCY_BEFORE.search(text, max(0, start - CURRENCY_REACH), start)
        if currency and unit.endswith("元"):
            unit = unit[:-1] + currency.group()  # 新台币6,420亿元 is not 亿元 (yuan)
        if approx:
            qualifier = "超过"
        if after:
            qualifier = AFTER_QUALIFIERS[after]
        if unit in ("个", "项", "件") and ACTION_NOUNS.match(text[end : end + 8]):
            continue
        if unit in ("名", "人", "位", "人次") and EVENT_PEOPLE.match(text, end):
            continue
        if unit in COUNT_CLASSIFIERS and EVENT_PART.match(text, end):
            continue
        is_rank = unit == "名" and text[num_start - 1 : num_start] == "前"
        found.append(
            NumberMention(start, end, num_start, value, "位" if is_rank else unit, qualifier, is_rank=is_rank)
        )
    return found


def _ranks(text: str, taken: set[int]) -> list[NumberMention]:
    found = []
    for m in RANK.finditer(text):
        if not taken.isdisjoint(range(m.start(), m.end())):
            continue
        numeral = m.group("num1") or m.group("num2")
        after = text[m.end() : m.end() + 1]
        if m.group("prefix") == "第" and not m.group("suffix1") and re.match(r"[\u4e00-\u9fff]", after):
            continue  # 第二届, 第一季度, 第一方阵
        if m.group("prefix") == "前" and not m.group("suffix1"):
            continue  # 前三季度
        if (
            m.group("num2")
            and m.group("suffix2") == "位"
            and not RANK_CONTEXT.search(text[max(0, m.start() - 12) : m.start()])
        ):
            continue
        if not RANK_CONTEXT.search(text[max(0, m.start() - 12) : m.start()]) and m.group("prefix") == "第":
            continue
        if (
            _is_name_part(text, m.start(), m.end())
            or text[m.start() - 1 : m.start()] == "“"
            or text.startswith("榜", m.end())
            or (m.group("suffix2") == "强" and after in "”\"’'")
        ):
            continue  # 5G, “十强”产业, 百强榜, “三类500强”项目: names, not ranks
        value = parse_numeral(numeral)
        if value is None or value <= 0 or value > 1000:
            continue
        found.append(
            NumberMention(
                m.start(),
                m.end(),
                m.start("num1") if m.group("num1") else m.start("num2"),
                value,
                "位",
                None,
                is_rank=True,
            )
        )
    return found


# 近3成: tenths as a share (30%), 七成 after a comparison word or 占全市的 only
# (一成不变 is an idiom).
SHARE_TENTHS = re.compile(
    r"(?P<qual>近|约|超|逾|超过|达|占|的)(?P<num>\d|[一二两三四五六七八九])成(?![本功立为果])"
    r"(?P<after>以上|左右)?"
)
# 百分之十二点五: a percentage in words.
PERCENT_WORDS = re.compile(r"百分之(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百点]+)")
# 三分之一 / 4分之3: a fraction as a percentage (33.33). The literal 分之 opens the pattern (the
# denominator is looked behind for after it), so re skips to it: a pattern opening with the
# look-behind is entered at every position; 百分之 is PERCENT_WORDS'.
FRACTION = re.compile(
    r"分之(?<=[二三四五六七八九十\d]分之)(?P<num>[一二三四五六七八九]|\d)"
    r"(?![\d一二三四五六七八九十])"
)
# 翻番 / 翻两番: doublings as growth rates.
DOUBLING = re.compile(r"翻(?P<times>一|两|二|三)?番")
DOUBLING_GROWTH = {None: 100.0, "一": 100.0, "两": 300.0, "二": 300.0, "三": 700.0}
# 增长1.5倍: a rise of 150% (but 是全市的2倍 is a ratio, not a growth).
# The rise word is matched, not looked behind for, so re skips to its first
# characters; the figure is the `times` group after it.
TIMES_GROWTH = re.compile(rf"(?:增长|提高|增加|提升)(?P<times>了?(?P<num>{ARABIC}|{CHINESE})倍)")


def _percent_forms(text: str) -> list[NumberMention]:
    """近4成 (40%), 百分之十二点五 (12.5%), 翻番 and 增长1.5倍 (growths of 100% and 150%)."""
    found = []
    for m in SHARE_TENTHS.finditer(text):
        value = parse_numeral(m.group("num"))
        qualifier = BEFORE_QUALIFIERS.get(m.group("qual")) or AFTER_QUALIFIERS.get(m.group("after"))
        found.append(NumberMention(m.start(), m.end(), m.start("num"), value * 10, "%", qualifier))
    for m in PERCENT_WORDS.finditer(text):
        value = parse_numeral(m.group("num"))
        if value is not None:
            start, qualifier = _qualifier_before(text, m.start(), m.end())
            found.append(NumberMention(start, m.end(), m.start(), value, "%", qualifier))
    for m in FRACTION.finditer(text):
        denominator, numerator = parse_numeral(text[m.start() - 1]), parse_numeral(m.group("num"))
        if text[m.start() - 2 : m.start() - 1].isdigit() or not denominator or numerator >= denominator:
            continue  # 12分之 or 3分之5: no fraction of a whole
        start, qualifier = _qualifier_before(text, m.start() - 1, m.end())
        percent = round(100 * numerator / denominator, 2)
        found.append(NumberMention(start, m.end(), m.start() - 1, percent, "%", qualifier))
    for m in TIMES_GROWTH.finditer(text):
        value = parse_numeral(m.group("num"))
        if value is not None:
            found.append(
                NumberMention(
                    m.start("times"), m.end(), m.start("times"), value * 100, "%", None, is_doubling=True
                )
            )
    for m in DOUBLING.finditer(text):
        found.append(
            NumberMention(
                m.start(), m.end(), m.start(), DOUBLING_GROWTH[m.group("times")], "%", None, is_doubling=True
            )
        )
    return found


def _spread_list_units(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """增幅分别高出省市2个、1.7个百分点: the first item's 个 is the list's unit."""
    spread = list(mentions)
    for i in range(len(spread) - 1):
        this, nxt = spread[i], spread[i + 1]
        if (
            nxt.unit != this.unit
            and nxt.unit.startswith(this.unit)
            and LIST_JOINER.match(text[this.end : nxt.num_start])
        ):
            spread[i] = NumberMention(
                this.start, this.end, this.num_start, this.value, nxt.unit, this.qualifier
            )
    return spread


def find_numbers(text: str) -> list[NumberMention]:
    """All measurement-like numbers, in text order, class descriptors removed."""
    mentions = _numbers(text)
    mentions += _ranks(text, {pos for m in mentions for pos in range(m.num_start, m.end)})
    mentions += _percent_forms(text)
    mentions.sort(key=lambda m: m.start)
    mentions = _spread_list_units(text, mentions)
    # Right to left, so a list of money classes (10亿元、50亿元和100亿元3个级别) is
    # recognised from its last item.
    kept, descriptor_next = [], False
    for i in range(len(mentions) - 1, -1, -1):
        mention = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        is_class = mention.unit.endswith("元") and (
            bool(CLASS_OF_THINGS.match(text[mention.end : mention.end + 12]))
            or (
                descriptor_next
                and nxt is not None
                and LIST_JOINER.match(text[mention.end : nxt.start]) is not None
            )
        )
        descriptor_next = is_class
        if not is_class:
            kept.append(mention)
    kept.reverse()
    return kept
