"""Ranking tables: a row per zone. The tables are made up for these tests."""

import datetime as dt

from extraction.rankings import rank_metric, ranking_rows

ONE_LINE = (
    "排名 园区名称 所在地 1 郑州高新技术产业开发区 河南 2 宝鸡高新技术产业开发区 陕西 3 洛阳高新区 河南\n"
)
CELL_PER_LINE = (
    "表2 年度评价结果\n排名\n园区名称\n综合得分\n等次\n"
    "1\n洛阳高新技术产业开发区\n91.5\n优秀\n2\n郑州高新区\n88.25\n优秀\n3\n宝鸡高新区\n80.0\n良好\n"
    "附件:第4至5名\n4 苏州工业园区 5 安平经济开发区\n"
)


def _rows(text, gazetteer):
    return [
        (t.zone, t.kind, t.mention.value, t.mention.unit, t.metric) for t in ranking_rows(text, gazetteer)
    ]


def test_rows_run_together_on_one_line(gazetteer):
    assert [(zone, value) for zone, _, value, _, _ in _rows(ONE_LINE, gazetteer)] == [
        ("郑州高新区", 1),
        ("宝鸡高新区", 2),
        ("洛阳高新区", 3),
    ]


def test_one_cell_per_line_with_scores_then_a_list_without(gazetteer):
    rows = _rows(CELL_PER_LINE, gazetteer)
    assert [(zone, kind, value) for zone, kind, value, _, _ in rows] == [
        ("洛阳高新区", "rank", 1),
        ("洛阳高新区", "level", 91.5),
        ("郑州高新区", "rank", 2),
        ("郑州高新区", "level", 88.25),
        ("宝鸡高新区", "rank", 3),
        ("宝鸡高新区", "level", 80.0),
        ("苏州工业园区", "rank", 4),
        ("安平经开区", "rank", 5),
    ]
    assert {unit for _, kind, _, unit, _ in rows if kind == "level"} == {"分"}
    assert {metric for _, kind, _, _, metric in rows if kind == "level"} == {"综合得分"}


def test_numbered_lines_that_are_not_zones_are_no_ranking(gazetteer):
    assert ranking_rows("排名靠前的做法有:1 抓项目 2 优服务 3 强招商\n", gazetteer) == []


def test_the_metric_names_the_evaluation():
    assert rank_metric("2023年度国家高新区综合评价结果公布", "") == "综合评价排名"
    assert rank_metric("", "") == "排名"


def test_rows_become_figures_of_their_zones_in_the_reported_year(run):
    text = (
        "2022年度全省高新区综合评价结果\n\n前3名的高新区如下:\n"
        + ONE_LINE
        + "宝鸡高新区居第2位,较上年前移3位。"
    )
    found = [
        (i.zone, i.value, i.kind, i.period, i.stance, i.metric)
        for i in run(text, published=dt.date(2023, 6, 1)).indicators
    ]
    assert found == [
        ("郑州高新区", 1, "rank", "2022", "achievement", "综合评价排名"),
        ("宝鸡高新区", 2, "rank", "2022", "achievement", "综合评价排名"),
        ("洛阳高新区", 3, "rank", "2022", "achievement", "综合评价排名"),
    ]
