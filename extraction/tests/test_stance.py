import pytest

from extraction.stance import classify_stance, is_estimate


@pytest.mark.parametrize(
    "before", ["力争", "确保全年", "目标是:", "计划", "预计到2025年", "将", "到2026年,", "争取"]
)
def test_goal_words_before_the_figure(before):
    assert classify_stance(before + "营收", "营收", "") == "target"


@pytest.mark.parametrize("before", ["完成", "实现", "累计", "已", "", "目标定位清晰,营收"])
def test_reported_figures(before):
    assert classify_stance(before, before, "") == "achievement"


@pytest.mark.parametrize("before", ["截至去年底,上市企业累计", "截止2022年底,园区有企业", "上年底企业"])
def test_the_date_a_stock_is_reported_at_is_no_deadline(before):
    assert classify_stance(before, before, "") == "achievement"


def test_a_coming_year_end_is_a_deadline():
    assert (
        classify_stance("到2025年底,企业", "企业", "")
        == classify_stance("年底企业", "年底企业", "")
        == "target"
    )


def test_completed_plans_are_achievements():
    assert classify_stance("完成年度投资计划的", "完成年度投资计划的", "") == "achievement"
    assert classify_stance("超额完成目标任务,营收", "营收", "") == "achievement"
    assert classify_stance("投资30亿元,为年度计划的", "为年度计划的", "") == "achievement"
    assert classify_stance("年度目标任务完成率达到", "年度目标任务完成率达到", "") == "achievement"


def test_goal_word_after_the_figure_in_its_clause():
    assert classify_stance("10个项目", "10个项目", "年底建成投产") == "target"
    assert classify_stance("年度计划投资", "年度计划投资", "") == "target"
    assert classify_stance("已完成", "已完成", "年内") == "achievement"


def test_a_scale_to_reach_is_a_goal():
    assert classify_stance("眼下全区正投入到打造“", "眼下全区正投入到打造“", "级规模") == "target"
    assert classify_stance("已建成", "已建成", "级产业集群") == "achievement"


def test_jiang_as_a_preposition_is_no_goal():
    before = "高新区将招商引资作为一号工程,全年引进项目"
    assert classify_stance(before, "全年引进项目", "") == "achievement"
    assert classify_stance("高新区将引进项目", "高新区将引进项目", "") == "target"


def test_an_estimate_of_the_year_is_a_result():
    assert classify_stance("预计全年实现营收", "预计全年实现营收", "") == "achievement"
    assert is_estimate("预计全年实现营收") and not is_estimate("全年实现营收")
