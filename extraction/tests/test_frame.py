"""The document frame, and what it gives figures that say nothing of their own zone, year or stance.
Every text here is written for these tests."""

import datetime as dt

import pytest

from extraction.clauses import boundaries
from extraction.frame import DocumentFrame, read_frame
from extraction.sections import Sections


def _frame(text, gazetteer):
    return read_frame(text, text, Sections(text, boundaries(text)[3]), gazetteer)[0]


@pytest.mark.parametrize(
    "title, kind",
    [
        ("宝鸡高新区2019年国民经济和社会发展统计公报", "bulletin"),
        ("2021年度全省高新区发展评价结果的通报", "ranking"),
        ("宝鸡高新区2022年工作总结和2023年工作思路", "summary_and_plan"),
        ("宝鸡高新区2023年工作要点", "plan"),
        ("宝鸡高新区1-9月主要经济指标运行情况", "part_year"),
        ("宝鸡高新区举办秋季招聘会", "news"),
    ],
)
def test_kind_from_the_title(gazetteer, title, kind):
    assert _frame(title + "\n\n高新区营业收入增长5%。", gazetteer).kind == kind


def test_years_reported_and_planned(gazetteer):
    frame = _frame("宝鸡高新区2022年工作总结和2023年工作思路\n\n正文。", gazetteer)
    assert (frame.reported_year, frame.planned_year) == (2022, 2023)
    assert (_frame("宝鸡高新区2024年工作要点\n\n正文。", gazetteer).reported_year) == 2023


@pytest.mark.parametrize(
    "text, zone",
    [
        (
            "本区上半年经济运行情况\n发布机构:宝鸡高新技术产业开发区管委会\n\n全区营业收入增长5%。",
            "宝鸡高新区",
        ),
        ("2024年前三季度东湖区经济运行简况\n\n全区营业收入增长5%。", "东湖区"),
        ("上半年主要指标稳中有进\n来源:安平经济技术开发区管理委员会\n\n开发区营业收入增长5%。", "安平经开区"),
        (
            "上半年主要指标稳中有进\n\n开发区营业收入增长5%。\n\n安平经济开发区办公室\n2024年7月2日",
            "安平经开区",
        ),
    ],
)
def test_zone_from_title_publisher_or_sign_off(gazetteer, text, zone):
    assert _frame(text, gazetteer).zone == zone


def test_breadcrumbs_index_fields_and_offices_are_no_title(gazetteer):
    text = (
        "首页 > 新闻中心\n索引号:11-2024\n宝鸡高新技术产业开发区管理委员会\n"
        "宝鸡高新区上半年经济运行情况\n\n正文。"
    )
    assert _frame(text, gazetteer).title == "宝鸡高新区上半年经济运行情况"


def test_sections_results_then_plans_and_zone_subsections(gazetteer):
    text = (
        "一、2023年工作回顾\n营业收入增长5%。\n(一)安平经济开发区。营收12亿元。\n"
        "二、2024年工作打算\n营收增长8%。\n"
    )
    sections = _frame(text, gazetteer).sections
    assert [(s.heading, s.role, s.year, s.zone) for s in sections] == [
        ("2023年工作回顾", "results", 2023, None),
        ("安平经济开发区", "results", 2023, "安平经开区"),
        ("2024年工作打算", "plans", 2024, None),
    ]


def test_round_trip_and_corrections(gazetteer):
    frame = _frame("宝鸡高新区2022年工作总结\n\n一、成效\n营收增长5%。", gazetteer)
    assert DocumentFrame.from_json(frame.to_json()) == frame
    corrected = frame.corrected({"zones": ["洛阳高新区"], "reported_year": 2021})
    assert (corrected.zone, corrected.reported_year, corrected.kind) == ("洛阳高新区", 2021, "summary")


def test_the_frame_is_part_of_the_result_and_can_be_corrected(run):
    text = "上半年经济运行情况\n来源:宝鸡高新区管委会\n\n上半年,全区营业收入120亿元。"
    result = run(text, published=dt.date(2023, 7, 20))
    assert result.frame.zone == "宝鸡高新区" and [i.zone for i in result.indicators] == ["宝鸡高新区"]
    corrected = run(text, published=dt.date(2023, 7, 20), frame={"zones": ["洛阳高新区"]})
    assert corrected.frame.zone == corrected.indicators[0].zone == "洛阳高新区"


def test_the_figures_own_zone_beats_the_frame(run):
    text = "宝鸡高新区上半年经济运行情况\n\n上半年,全区营业收入120亿元。洛阳高新区营业收入95亿元。"
    found = {i.value: i.zone for i in run(text, published=dt.date(2023, 7, 20)).indicators}
    assert found == {120: "宝鸡高新区", 95: "洛阳高新区"}


def test_a_zone_heading_its_subsection(run):
    text = (
        "关于一季度全市开发区主要指标的通报\n\n二、重点开发区情况\n"
        "(一)安平经济开发区。完成营业收入40亿元,增长6%。\n(二)宝鸡高新区。完成营业收入55亿元。\n"
    )
    found = {i.value: i.zone for i in run(text, published=dt.date(2023, 4, 20)).indicators}
    assert found == {40: "安平经开区", 6: "安平经开区", 55: "宝鸡高新区"}


def test_a_bulletin_published_two_years_later_reports_its_year(run):
    text = "宝鸡高新区2019年国民经济和社会发展统计公报\n\n全年实现营业收入310亿元,比上年增长7%。"
    assert {i.period for i in run(text, published=dt.date(2021, 6, 1)).indicators} == {"2019"}


def test_results_in_early_next_year_are_of_the_year_reported(run):
    text = "宝鸡高新区2022年工作总结\n\n营业收入达到320亿元,增长9%。"
    assert {(i.period, i.stance) for i in run(text, published=dt.date(2023, 1, 15)).indicators} == {
        ("2022", "achievement")
    }


def test_summary_results_then_plans_without_goal_words(run):
    text = (
        "宝鸡高新区2022年工作总结和2023年工作思路\n\n一、2022年工作总结\n"
        "预计全年实现营业收入320亿元,增长9%,超额完成年度目标。\n"
        "二、2023年工作思路\n全年营业收入增长10%左右,固定资产投资增长6%以上。\n"
    )
    found = {i.value: (i.stance, i.period) for i in run(text, published=dt.date(2023, 1, 15)).indicators}
    assert found == {
        320: ("achievement", "2022"),
        9: ("achievement", "2022"),
        10: ("target", "2023"),
        6: ("target", "2023"),
    }


def test_a_year_end_estimate_published_in_autumn_is_a_result(run):
    text = "宝鸡高新区前三季度经济运行\n\n全年预计实现营业收入400亿元左右;力争全年新增高新技术企业60家。"
    found = {i.value: (i.stance, i.period) for i in run(text, published=dt.date(2023, 10, 25)).indicators}
    assert found == {400: ("achievement", "2023"), 60: ("target", "2023")}


def test_part_year_report_with_a_stock_at_month_end(run):
    text = "宝鸡高新区1-9月经济运行情况\n\n1-9月,全区营业收入210亿元。截至9月末,高新技术企业达到512家。"
    found = {i.value: i.period for i in run(text, published=dt.date(2023, 10, 20)).indicators}
    assert found == {210: "2023-01..2023-09", 512: "cumulative"}
