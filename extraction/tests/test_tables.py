import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.tables import UNIT_HEADER, table_figures

TABLE = ("指标 单位 1-6月 同比增长(%)\n"
         "营业收入 亿元 410.2 7.5\n"
         "高新技术企业 家 320 -2\n"
         "研发投入强度 % 5.4\n"
         "备注:快报数。")


def _read(text):
    return [(t.metric, t.mention.value, t.mention.unit, t.kind, text[t.metric_start:t.mention.end])
            for t in table_figures(text)]


def test_rows_under_a_header_with_a_unit_column():
    assert _read(TABLE) == [
        ("营业收入", 410.2, "亿元", "level", "营业收入 亿元 410.2"),
        ("营业收入", 7.5, "%", "growth", "营业收入 亿元 410.2 7.5"),
        ("高新技术企业", 320, "家", "level", "高新技术企业 家 320"),
        ("高新技术企业", -2, "%", "growth", "高新技术企业 家 320 -2"),
    ]  # the share row lost a cell: its columns cannot be told apart


def test_tables_with_several_amount_columns_or_no_unit_column_are_left_alone():
    assert _read("指标 单位 2022年 2023年\n营业收入 亿元 380 410\n") == []
    assert _read("指标 1-6月 同比增长\n营业收入 410.2 7.5\n") == []
    assert _read("会议确定了计量单位 名称 和 格式。\n营业收入 亿元 410 7\n") == []


def test_a_table_in_an_article_is_dated_by_its_title(run):
    text = "2024年1-6月洛阳高新区主要经济指标\n" + TABLE
    found = {(i.value, i.kind): i for i in run(text, published=dt.date(2024, 7, 20)).indicators}
    revenue = found[(410.2, "level")]
    assert (revenue.zone, revenue.metric_code, revenue.period, revenue.stance) == (
        "洛阳高新区", "revenue", "2024-01..2024-06", "achievement")
    assert found[(-2, "growth")].metric == "高新技术企业"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["计量", "单位", "计量单位", " ", "\t", "\n", "x", "单", "位", "计"]), max_size=12).map("".join))
def test_unit_header_is_a_blank_delimited_cell(text):
    """UNIT_HEADER (written to open with a literal, for speed) finds what its plain form finds."""
    plain = re.compile(r"(?<=[ \t])(?:计量)?单位(?=[ \t])")
    assert [m.span() for m in UNIT_HEADER.finditer(text)] == [m.span() for m in plain.finditer(text)]
