import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.tables import UNIT_HEADER, table_figures

TABLE = (
    "指标 单位 1-6月 同比增长(%)\n"
    "营业收入 亿元 410.2 7.5\n"
    "高新技术企业 家 320 -2\n"
    "研发投入强度 % 5.4\n"
    "备注:快报数。"
)


def _read(text):
    return [
        (t.metric, t.mention.value, t.mention.unit, t.kind, text[t.metric_start : t.mention.end])
        for t in table_figures(text)
    ]


def test_rows_under_a_header_with_a_unit_column():
    assert _read(TABLE) == [
        ("营业收入", 410.2, "亿元", "level", "营业收入 亿元 410.2"),
        ("营业收入", 7.5, "%", "growth", "营业收入 亿元 410.2 7.5"),
        ("高新技术企业", 320, "家", "level", "高新技术企业 家 320"),
        ("高新技术企业", -2, "%", "growth", "高新技术企业 家 320 -2"),
        ("研发投入强度", 5.4, "%", "share", "研发投入强度 % 5.4"),
    ]  # the share row lost its last (empty) cell: its cells are read from the left


def test_tables_with_several_amount_columns_or_no_unit_column_are_left_alone():
    assert _read("指标 单位 2022年 2023年\n营业收入 亿元 380 410\n") == []
    assert _read("指标 1-6月 同比增长\n营业收入 410.2 7.5\n") == []
    assert _read("会议确定了计量单位 名称 和 格式。\n营业收入 亿元 410 7\n") == []


def test_a_table_in_an_article_is_dated_by_its_title(run):
    text = "2024年1-6月洛阳高新区主要经济指标\n" + TABLE
    found = {(i.value, i.kind): i for i in run(text, published=dt.date(2024, 7, 20)).indicators}
    revenue = found[(410.2, "level")]
    assert (revenue.zone, revenue.metric_code, revenue.period, revenue.stance) == (
        "洛阳高新区",
        "revenue",
        "2024-01..2024-06",
        "achievement",
    )
    assert found[(-2, "growth")].metric == "高新技术企业"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["计量", "单位", "计量单位", " ", "\t", "\n", "x", "单", "位", "计"]), max_size=12
    ).map("".join)
)
def test_unit_header_is_a_blank_delimited_cell(text):
    """UNIT_HEADER (written to open with a literal, for speed) finds what its plain form finds."""
    plain = re.compile(r"(?<=[ \t])(?:计量)?单位(?=[ \t])")
    assert [m.span() for m in UNIT_HEADER.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_empty_cells_thousands_and_parts_of_the_row_above():
    text = (
        "指标名称 单位 1-9月 同比增长(%)\n"
        "技工贸总收入 亿元 3,456.7 8.1\n"
        " 其中:工业产值 亿元 — 6.5\n"
        "新增市场主体 户 1,203 \n"
    )
    assert _read(text) == [
        ("技工贸总收入", 3456.7, "亿元", "level", "技工贸总收入 亿元 3,456.7"),
        ("技工贸总收入", 8.1, "%", "growth", "技工贸总收入 亿元 3,456.7 8.1"),
        ("工业产值", 6.5, "%", "growth", "工业产值 亿元 — 6.5"),
        ("新增市场主体", 1203, "户", "level", "新增市场主体 户 1,203"),
    ]


def test_cells_apart_by_page_markup():
    text = (
        "项目&nbsp;&nbsp;单位&nbsp;&nbsp;全年&nbsp;&nbsp;增速(%)<br/>\n"
        "出口额&nbsp;&nbsp;亿元&nbsp;&nbsp;12.5&nbsp;&nbsp;3.2<br/>\n"
    )
    assert [(metric, value, kind) for metric, value, _, kind, _ in _read(text)] == [
        ("出口额", 12.5, "level"),
        ("出口额", 3.2, "growth"),
    ]


def test_the_unit_in_the_caption_and_the_metric_in_the_amount_header():
    text = "表3 分园区税收(单位:万元、%)\n园区 税收收入 增幅\n东区 8,150 4.4\n西区 6,020 -1.5\n"
    assert [(metric, value, unit, kind) for metric, value, unit, kind, _ in _read(text)] == [
        ("东区税收收入", 8150, "万元", "level"),
        ("东区税收收入", 4.4, "%", "growth"),
        ("西区税收收入", 6020, "万元", "level"),
        ("西区税收收入", -1.5, "%", "growth"),
    ]
