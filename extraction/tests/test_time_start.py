"""TIME_FIRST_PAIR is only a speed-up: without it, TIME finds the same time
expressions with the same groups."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.periods import TIME, TIME_FIRST_CHAR, TIME_FIRST_PAIR

UNFILTERED = re.compile(TIME_FIRST_CHAR + TIME.pattern[len(TIME_FIRST_CHAR + TIME_FIRST_PAIR) :])
PIECES = [
    "2024年",
    "20",
    "19",
    "年",
    "月",
    "1-10月",
    "3 至 5月",
    "3月份",
    "今年",
    "本年度",
    "去年",
    "上年",
    "上一年",
    "明年",
    "十四五",
    "期末",
    "以来",
    "连续",
    "三年",
    "截至",
    "截止",
    "目前",
    "当前",
    "全年",
    "年内",
    "当年",
    "年底",
    "年末",
    "年度",
    "前三季度",
    "前两季度",
    "上半年",
    "下半年",
    "第一季度",
    "一季度",
    "2季度",
    "至今",
    "迄今",
    "眼下",
    "现有",
    "近年来",
    "多年来",
    "近3年",
    "近两年",
    "三年多来",
    "2年多来",
    "累计",
    "比",
    "较",
    "完成",
    "目标",
    " ",
    "\n",
    "-",
    "—",
    "~",
    "至",
    "到",
    "1",
    "12",
    "5",
    "一",
    "二",
    "两",
    "三",
    "四",
    "五",
    "十",
    "第",
    "前",
    "上",
    "下",
    "近",
    "多",
    "的",
    "日",
    "份",
    "’",
    "规划",
    ".",
]
pieced_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=14).map("".join)


def _found(pattern, text):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(pieced_text)
def test_first_pair_skips_no_time_expression(text):
    assert _found(TIME, text) == _found(UNFILTERED, text)


def test_first_pair_on_sentences():
    for text in [
        "截至2024年10月底,累计新增企业",
        "2021-2023年,十四五期间,连续三年",
        "今年上半年与去年同期相比,1-8月份",
        "近3年来,三年多来,目前,至今,明年,第二季度,前三季度,年度目标,完成年度计划",
    ]:
        assert _found(TIME, text) == _found(UNFILTERED, text) != []
