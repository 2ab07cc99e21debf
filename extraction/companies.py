"""Figures a company states about itself (its sales, output, investment): they are the firm's, not
the zone's, and are left out (the gold has none)."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from .article import Article
from .numbers import NumberMention

# A firm by its registered name (华衡科技股份有限公司), or referred to (公司, 该企业, 一家汽车零部件企业).
# A bare …集团 is often the zone's own investment platform, whose figures are the zone's.
# Names are found from their ending (a literal, so re skips to it), then read backwards.
FIRM_END = re.compile(r"公司|企业|厂")
REGISTERED_FORM = re.compile(r"(?:股份有限|有限责任|有限|股份)$")
NAME_CHARS = re.compile(r"[\u4e00-\u9fff()]{2,30}$")
REFERENCE_WORD = re.compile(r"家|某|该")  # cheap test before REFERENCE, tried at every position
REFERENCE = re.compile(r"(?:一家|某|该|这家)[\u4e00-\u9fff]{0,12}$")
# Classes of firms, counted or described, are not a firm: 上市公司5家, 规上企业, 龙头企业.
FIRM_CLASS = re.compile(
    r"上市|新增|规上|规模以上|国有|民营|外资|各类|重点|龙头|一批|高新技术|科技型|"
    r"专精特新|"
    r"独角兽|瞪羚|全区|全市"
)
# What may open a clause before its firm subject: 其中, 从重点企业看, 区内, 同样位于高新区的.
FIRM_OPENER = re.compile(
    r"^\s*(?:其中|另外|此外|同时|如|例如|比如|据|区内|园区内|从[^,;]{0,8}看|"
    r"[^,;]{0,16}的)?$"
)
COUNT_AFTER = re.compile(r"\s*[\d一二三四五六七八九十两]+[家个户]")
QUOTE_OPEN, QUOTE_CLOSE = "“", "”"


class Firm(NamedTuple):
    start: int
    end: int
    named: bool  # by its registered name


def find_firms(text: str) -> list[Firm]:
    firms = []
    for end in FIRM_END.finditer(text):
        before = text[max(0, end.start() - 30) : end.start()]
        if end.group() == "公司" and REGISTERED_FORM.search(before):
            name = NAME_CHARS.search(before)
            if name:
                firms.append(Firm(end.start() - len(name.group()), end.end(), True))
        elif REFERENCE_WORD.search(before[-14:]) and (reference := REFERENCE.search(before[-14:])):
            firms.append(Firm(end.start() - len(reference.group()), end.end(), False))
        elif end.group() == "公司":
            firms.append(Firm(end.start(), end.end(), False))
    return firms


class CompanyFigures:
    """Which figures of an article are a company's own."""

    def __init__(self, article: Article):
        self.body, self.sentences, self.clauses = article.body, article.sentences, article.clauses
        self.paragraphs = article.paragraphs
        self.firms = [firm for firm in find_firms(self.body) if self._is_firm(firm)]
        self.firm_starts = [firm.start for firm in self.firms]
        self.subject_starts = [p.start for p in article.places if p.subject]

    def _is_firm(self, firm: Firm) -> bool:
        return not FIRM_CLASS.search(self.body, firm.start, firm.end) and not COUNT_AFTER.match(
            self.body, firm.end
        )

    def _firms_between(self, start: int, end: int) -> list[Firm]:
        starts = self.firm_starts
        return self.firms[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def _subject_between(self, start: int, end: int) -> bool:
        return bisect.bisect_left(self.subject_starts, start) < bisect.bisect_left(self.subject_starts, end)

    def is_company_figure(self, mention: NumberMention) -> bool:
        if not self.firms:
            return False
        sentence_start, _ = self.sentences.around(mention.start)
        in_sentence = self._firms_between(sentence_start, mention.start)
        clause_start = self.clauses.around(mention.start)[0] if in_sentence else mention.start
        for firm in reversed(in_sentence):
            if self._subject_between(firm.end, mention.start):
                return False  # a zone or place took over as the subject
            if firm.start >= clause_start and firm.named:
                return True  # 鼎华精密有限公司去年营收480亿元
            if FIRM_OPENER.match(self.body[self.clauses.around(firm.start)[0] : firm.start]):
                return True  # 公司前三季度实现营业收入41.3亿元,同比增长19.6%
        return self._quoted_after_firm(mention)

    def _quoted_after_firm(self, mention: NumberMention) -> bool:
        """“去年我们产值达到6.8亿元” after a sentence naming the firm: its people speaking."""
        paragraph_start, _ = self.paragraphs.around(mention.start)
        if not self._firms_between(paragraph_start, mention.start):
            return False
        before = self.body[paragraph_start : mention.start]
        quoted = before.count(QUOTE_OPEN) > before.count(QUOTE_CLOSE)
        quote_start = paragraph_start + before.rfind(QUOTE_OPEN)
        return quoted and bool(self._firms_between(paragraph_start, quote_start))
