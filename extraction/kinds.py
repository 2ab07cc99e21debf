"""What sort of statement a number makes: level, growth, completion, share,
rank or delta (GUIDE.md), read from the words just before it."""

from __future__ import annotations

import re

from .numbers import NumberMention
from .vocabulary import Kind

RISE = "增长|成长|提高|提升|上升|增加|扩大|加快"
FALL = "下降|减少|降低|回落|收窄|放缓"


def _closing(words: str, linked_by: str = "") -> re.Pattern:
    """`words` at the end of the text before a number, optionally followed by
    one of the link words `linked_by` (了, 为, 达到...)."""
    link = f"({linked_by})?" if linked_by else ""
    return re.compile(rf"({words}){link}\s*$")


# 完成率 / 完成年度计划的 / 占年度目标的: a ratio against a plan.
COMPLETION = _closing(r"完成率|完成[^，,。；;]{0,10}?的|目标任务的|目标的|任务的|计划的|进度的", "达到?|为")
# 增长超过10% / 增速不低于7% / 增速保持在8%左右: a qualifier between the rise and the rate.
QUALIFIED = "超过|超|突破|近|约|逾|不低于|不少于|保持在|保持|在"
GROWTH = _closing(f"{RISE}|{FALL}|增速|增幅|同比", f"了|为|达到?|{QUALIFIED}")
SHRINK = _closing(f"{FALL}|少", f"了|为|达到?|至|完成|实现|{QUALIFIED}")
# 比上年增加122.66亿元 / 较去年同期多完成12亿元: an absolute change.
ABSOLUTE_CHANGE = _closing(rf"(?:比|较)[^，,。；;]{{0,8}}?(?:{RISE}|{FALL}|多|少)", "了|完成|实现")
# 提高至35% / 回落到5%: the value reached, not the change.
RISE_TO = _closing(rf"(?:{RISE}|{FALL})(?:至|到)")
GROWTH_RATE = re.compile(r"增速|增幅|增长率")
BELOW = re.compile(r"低于|低出|落后|[比较][^，,。；;]{0,12}?(低|慢)了?$")
CHANGE_WINDOW = 16


def classify_kind(mention: NumberMention, before: str) -> tuple[str, float]:
    """(kind, sign) for a number given the text of its clause before it;
    sign is -1 for falls (下降3.4% -> -3.4) and shortfalls (低于全省0.5个百分点)."""
    tail = before[-CHANGE_WINDOW:]
    sign = -1.0 if SHRINK.search(tail) else 1.0
    if mention.is_rank:
        return Kind.RANK, 1.0
    if mention.is_doubling:
        return Kind.GROWTH, 1.0
    if RISE_TO.search(tail):
        # 占比提高至35% is the share reached; 增速回落至5% is the growth rate reached.
        if mention.unit == "%":
            return (Kind.GROWTH, 1.0) if GROWTH_RATE.search(tail) else (Kind.SHARE, 1.0)
        return Kind.LEVEL, 1.0
    if mention.unit == "个百分点":
        if GROWTH.search(tail):
            return Kind.GROWTH, sign
        return Kind.DELTA, -1.0 if BELOW.search(tail) else 1.0
    if mention.unit == "%":
        if COMPLETION.search(tail):
            return Kind.COMPLETION, 1.0
        if GROWTH.search(tail):
            return Kind.GROWTH, sign
        return Kind.SHARE, 1.0
    if ABSOLUTE_CHANGE.search(tail) or GROWTH.search(tail):
        return Kind.DELTA, sign  # 比上年增加122.66亿元 / 营收增长12亿元: an absolute change
    return Kind.LEVEL, 1.0
