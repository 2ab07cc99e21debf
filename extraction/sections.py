"""Sections of a report under enumerated headings (二、2024年主要目标 /
(一)发展目标), and which of them state goals: the figures there are targets
even where their own sentence has no goal word."""

from __future__ import annotations

import bisect
import re

from .clauses import Boundaries

# A heading opens its paragraph with an enumerator: 一、 at the top level,
# (一) / 1. below it; it ends at the line or at its first full stop.
TOP_HEADING = re.compile(r"\s*[一二三四五六七八九十]{1,3}、([^。\n]{1,30})(?:[。\n]|$)")
SUB_HEADING = re.compile(
    r"\s*(?:\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d))([^。\n]{1,30})(?:[。\n]|$)"
)
# Where a paragraph's text begins. A heading pattern's leading \s* would run
# on, from every paragraph start, through a masked (blanked) page tail; the
# match is the same from the first non-blank character.
NON_BLANK = re.compile(r"\S")
GOAL_WORDS = re.compile(r"目标|计划|打算|安排|思路|展望|预期")
# 主要目标完成情况 / 2023年计划执行回顾 report on goals.
REVIEW_WORDS = re.compile(r"完成|情况|回顾|总结|成效|成绩|进展|执行")


def _states_goals(heading: str) -> bool:
    return bool(GOAL_WORDS.search(heading)) and not REVIEW_WORDS.search(heading)


class Sections:
    def __init__(self, body: str, paragraphs: Boundaries):
        self.top_starts, self.top_goals, self.top_headings = [], [], []
        self.sub_starts, self.sub_goals, self.sub_headings = [], [], []
        text_start = -1
        for start in [0, *(pos + 1 for pos in paragraphs.positions)]:
            if text_start < start:  # else start is inside the blank run before text_start
                non_blank = NON_BLANK.search(body, start)
                text_start = non_blank.start() if non_blank else len(body)
            if heading := TOP_HEADING.match(body, text_start):
                self.top_starts.append(start)
                self.top_goals.append(_states_goals(heading.group(1)))
                self.top_headings.append(heading.group(1).strip())
            elif heading := SUB_HEADING.match(body, text_start):
                self.sub_starts.append(start)
                self.sub_goals.append(_states_goals(heading.group(1)))
                self.sub_headings.append(heading.group(1).strip())

    def states_goals(self, pos: int) -> bool:
        """Is `pos` in a section whose heading, or whose subsection's heading
        since the last top-level heading, announces goals?"""
        top = bisect.bisect_right(self.top_starts, pos) - 1
        if top >= 0 and self.top_goals[top]:
            return True
        sub = bisect.bisect_right(self.sub_starts, pos) - 1
        return sub >= 0 and self.sub_goals[sub] and (top < 0 or self.sub_starts[sub] > self.top_starts[top])
