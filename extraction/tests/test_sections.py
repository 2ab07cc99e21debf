import datetime as dt

from extraction.clauses import boundaries
from extraction.sections import Sections


def _sections(text):
    return Sections(text, boundaries(text)[3])


def test_a_top_level_goals_heading_covers_its_section_up_to_the_next_heading():
    text = (
        "一、2023年工作回顾\n营收增长8%。\n二、2024年主要目标\n(一)工业\n营收增长9%。\n"
        "三、保障措施\n设立基金。"
    )
    sections = _sections(text)
    assert not sections.states_goals(text.index("8%"))
    assert sections.states_goals(text.index("9%"))
    assert not sections.states_goals(text.index("基金"))


def test_a_goals_subheading_and_an_inline_heading():
    text = "一、总体要求\n(二)发展目标。营收突破500亿元。\n(三)重点任务完成情况\n新增企业10家。"
    sections = _sections(text)
    assert sections.states_goals(text.index("500"))
    assert not sections.states_goals(text.index("10家"))


def test_headings_reporting_on_goals_state_none():
    text = "二、主要目标完成情况\n营收增长8%。"
    assert not _sections(text).states_goals(text.index("8%"))


def test_figures_under_a_goals_heading_are_targets_unless_they_report_progress(run):
    text = (
        "洛阳高新区工作报告\n一、2023年工作回顾\n营业收入增长8.5%。\n二、2024年主要目标\n"
        "营业收入增长9%左右,新增高新技术企业60家,完成投资120亿元。一季度已完成固定资产投资25亿元,"
        "完成年度计划的21%。"
    )
    indicators = run(text, published=dt.date(2024, 4, 10)).indicators
    stances = {i.value: i.stance for i in indicators if not i.derived}
    assert stances == {
        8.5: "achievement",
        9: "target",
        60: "target",
        120: "target",
        25: "achievement",
        21: "achievement",
    }
