"""Is a figure a goal (target) or something reported as done (achievement)?"""

from __future__ import annotations

import re

from .vocabulary import Stance

# Every alternative opens with a literal character (look-behinds come after
# it), so re skips to the few characters that can start a match; these run
# over the sentence before every figure.
TARGET = re.compile(
    # 将 marks the future, but 将招商引资作为一号工程 is 把 (taking X as Y).
    r"力争|确保|争取|力求|目标(?!定位)|预期|计划(?!的)|拟|将(?<![即必]将)(?![近来军])(?![^，,。；;]{0,12}(作为|列为|纳入|视为))|"
    r"保证|有望|"
    r"到\d{4}年|到[‘“\"]?十.五[’”\"]?末|年底前|年内|年底(?<![去上]年底)(?!前已)"
)
# 预计全年实现营收300亿元: an estimate of a result, reported as one (a target only when its
# period is still ahead, or a goal word says so).
ESTIMATE = re.compile(r"预计|预估|估计")
# 完成年度投资计划的149.6% / 超额完成目标任务 / 占年度目标的72% / 基本达成年初确定的目标: plans
# measured against.
COMPLETED_PLAN = re.compile(
    r"(?:超额完成|完成|占)[^，,。；;]{0,8}?(?:目标|计划)(?:任务)?|"
    r"(?:达成|达到|实现)[^，,。；;]{0,14}?(?:目标|计划)(?:任务)?|为[^，,。；;]{0,6}?(?:目标|计划)的|(?:目标|计划)(?:任务)?完成率"
)
# 截至2023年底 / 截止年底: the date a stock is reported at, not a deadline.
AS_OF = re.compile(r"截[至止][^，,。；;]{0,10}")
ACHIEVED = re.compile(r"完成|实现|累计|已")
# In a section of goals a figure is one too, unless its clause reports
# progress (已完成, 累计, 完成年度计划的40%); 完成投资150亿元 there is the goal.
PROGRESS = re.compile(rf"已|累计|完成了|{COMPLETED_PLAN.pattern}")


def _target_marker(text: str) -> bool:
    # Every completed-plan phrase names a 目标 or 计划; COMPLETED_PLAN opens
    # with a group, which re tries at every position, so look for those first.
    if "目标" in text or "计划" in text:
        text = COMPLETED_PLAN.sub("", text)
    return bool(TARGET.search(AS_OF.sub("", text)))


def classify_stance(before_in_sentence: str, before_in_clause: str, after_in_clause: str) -> str:
    """'target' when a goal word precedes the figure in its sentence, or follows
    it in its clause with no sign of completion before it, or the figure is a
    scale to reach (打造千亿级产业集群); else 'achievement'."""
    if _target_marker(before_in_sentence):
        return Stance.TARGET
    if after_in_clause.startswith("级") and not ACHIEVED.search(before_in_clause):
        return Stance.TARGET
    if _target_marker(after_in_clause) and not ACHIEVED.search(before_in_clause):
        return Stance.TARGET
    return Stance.ACHIEVEMENT


def reports_progress(before_in_clause: str) -> bool:
    return bool(PROGRESS.search(before_in_clause))


def is_estimate(before_in_sentence: str) -> bool:
    return bool(ESTIMATE.search(before_in_sentence))
