import dataclasses
import datetime as dt

import pytest


def _by_value(result):
    return {(i.value, i.unit): i for i in result.indicators}


def _field_by_value(result, field):
    return {i.value: getattr(i, field) for i in result.indicators}


def test_quotes_are_exact_substrings_of_the_traditional_original(run):
    text = "據悉,洛陽高新區2022年全年完成固定資產投資320億元,增長12.5%。"
    result = run(text, published=dt.date(2023, 1, 10))
    assert result.indicators
    for indicator in result.indicators:
        assert text[indicator.start : indicator.end] == indicator.quote
    level = _by_value(result)[(320, "亿元")]
    assert (level.zone, level.metric, level.metric_code, level.kind, level.stance, level.period) == (
        "洛阳高新区",
        "固定资产投资",
        "fai",
        "level",
        "achievement",
        "2022",
    )
    assert level.quote == "固定資產投資320億元"


def test_growth_takes_the_metric_before_it_and_falls_are_negative(run):
    result = run("宝鸡高新区上半年实现营业收入560亿元,同比下降4.2%。", published=dt.date(2023, 7, 20))
    growth = _by_value(result)[(-4.2, "%")]
    assert (growth.metric, growth.kind, growth.period) == ("营业收入", "growth", "2023-H1")
    assert growth.period_start == dt.date(2023, 1, 1) and growth.period_end == dt.date(2023, 6, 30)


def test_targets_with_a_target_year(run):
    text = (
        "会议提出,力争到2026年,宝鸡高新区营业收入突破1000亿元,高新技术企业达到600家,综合排名进入全国前40位。"
    )
    result = run(text, published=dt.date(2024, 3, 1))
    assert {(i.value, i.kind, i.stance, i.period, i.qualifier) for i in result.indicators} == {
        (1000, "level", "target", "2026", "突破"),
        (600, "level", "target", "2026", "达到"),
        (40, "rank", "target", "2026", None),
    }


def test_multi_zone_article_attributes_each_section(run):
    text = (
        "多地高新区部署工作。\n洛阳高新区\n今年新增高新技术企业80家。\n"
        "郑州高新区\n今年新增高新技术企业120家,营业收入增长9%。"
    )
    result = run(text, published=dt.date(2024, 2, 1))
    assert _field_by_value(result, "zone") == {80: "洛阳高新区", 120: "郑州高新区", 9: "郑州高新区"}
    assert [z.name for z in result.zones] == ["洛阳高新区", "郑州高新区"]


def test_city_figures_and_deltas_against_the_city(run):
    text = (
        "前三季度,洛阳市生产总值增长4.1%。\n"
        "洛阳高新区前三季度生产总值增长7.3%,高出全市3.2个百分点,位居全市第一。"
    )
    found = _by_value(run(text, published=dt.date(2023, 11, 1)))
    assert (found[(4.1, "%")].scope, found[(4.1, "%")].zone) == ("city", "洛阳市")
    assert found[(7.3, "%")].scope == "zone"
    delta = found[(3.2, "个百分点")]
    assert (delta.scope, delta.kind, delta.zone) == ("zone", "delta", "洛阳高新区")
    assert found[(1, "位")].kind == "rank"


def test_group_figures_are_not_zone_figures(run):
    result = run(
        "全国178家国家高新区实现营业收入48万亿元。洛阳高新区营业收入800亿元。", published=dt.date(2023, 5, 1)
    )
    scopes = {i.value: i.scope for i in result.indicators}
    assert scopes[178] == "national" and scopes[48] == "national" and scopes[800] == "zone"


def test_an_article_that_never_names_its_zone(run):
    text = "高新区今年实现营业收入45亿元。"
    assert {i.zone for i in run(text).indicators} == {"*"}
    assert {i.zone for i in run(text, default_zone="某某高新区").indicators} == {"某某高新区"}


def test_implied_target_from_a_completion_ratio(run):
    text = "洛阳高新区1-9月完成固定资产投资122.2亿元,完成年度计划的149.6%。"
    result = run(text, published=dt.date(2023, 10, 20))
    derived = [i for i in result.indicators if i.derived]
    assert len(derived) == 1
    target = derived[0]
    assert (target.value, target.unit, target.stance, target.kind, target.period) == (
        81.7,
        "亿元",
        "target",
        "level",
        "2023",
    )
    assert text[target.start : target.end] == target.quote
    completion = _by_value(result)[(149.6, "%")]
    assert (completion.kind, completion.stance, completion.period) == (
        "completion",
        "achievement",
        "2023-01..2023-09",
    )


def test_the_same_figure_twice_is_one_indicator(run):
    text = "洛阳高新区今年新增高新技术企业80家。总结会上再次提到,今年新增高新技术企业80家。"
    assert len(run(text, published=dt.date(2023, 12, 1)).indicators) == 1


def test_absolute_change_is_a_delta(run):
    found = _by_value(run("洛阳高新区营业收入比上年增加36.5亿元。", published=dt.date(2023, 12, 1)))
    assert found[(36.5, "亿元")].kind == "delta"


def test_base_value_in_the_catalogue_unit(run):
    found = _by_value(run("洛阳高新区营业收入8500万元。", published=dt.date(2023, 12, 1)))
    assert found[(8500, "万元")].base_value == pytest.approx(0.85)
    assert found[(8500, "万元")].base_unit == "亿元"


def test_publication_date_from_the_page_or_the_caller(run):
    page = "来源:某报 2022-06-30\n洛阳高新区今年营业收入300亿元。"
    assert run(page).metadata.published == dt.date(2022, 6, 30)
    assert run(page).indicators[0].period == "2022"
    bare = "洛阳高新区今年营业收入300亿元。"
    assert run(bare, published=dt.date(2021, 5, 1)).indicators[0].period == "2021"


def test_indicator_json_follows_the_guide(run):
    indicator = run("洛阳高新区今年营业收入300亿元。", published=dt.date(2021, 5, 1)).indicators[0]
    record = indicator.to_json("a.txt")
    assert {
        "doc",
        "zone",
        "scope",
        "metric",
        "value",
        "unit",
        "kind",
        "stance",
        "period",
        "qualifier",
        "quote",
    } <= set(record)
    assert record["doc"] == "a.txt"
    with pytest.raises(dataclasses.FrozenInstanceError):
        indicator.value = 1


def test_empty_and_numberless_texts(run):
    assert run("").indicators == []
    assert run("高新区召开会议,部署全年工作。").indicators == []


def test_running_total_takes_the_subject_of_the_figure_before_it(run):
    text = "洛阳高新区今年新增高新技术企业120家,累计达到860家。"
    found = _by_value(run(text, published=dt.date(2023, 12, 1)))
    total = found[(860, "家")]
    assert (total.metric, total.metric_code, total.period) == ("高新技术企业累计", "hte", "cumulative")


def test_achievements_after_a_named_year_belong_to_it(run):
    text = "2022年,洛阳高新区营业收入增长9%。\n全年新增高新技术企业70家。"
    found = _by_value(run(text, published=dt.date(2023, 2, 10)))
    assert found[(70, "家")].period == "2022" and found[(70, "家")].stance == "achievement"


def test_a_roundup_framed_by_a_part_of_the_year_gives_it_to_undated_paragraphs(run):
    text = (
        "河南省高新区上半年运行情况\n今年上半年,全省高新区实现营业收入6100亿元。\n"
        "郑州高新区实现营业收入1250亿元,增长7.3%。\n洛阳高新区1-5月完成固定资产投资41亿元。"
    )
    periods = _field_by_value(run(text, published=dt.date(2024, 7, 26)), "period")
    assert periods[1250] == periods[7.3] == "2024-H1"
    assert periods[41] == "2024-01..2024-05"  # its own period wins


def test_a_paragraph_repeating_the_frame_gives_it_to_its_undated_sentences(run):
    text = (
        "2024年1-5月洛阳高新区经济运行情况\n一、工业\n1-5月,全区营业收入增长7%,其中5月当月增长4%。"
        "高新技术企业产值完成310亿元。"
    )
    periods = _field_by_value(run(text, published=dt.date(2024, 6, 20)), "period")
    assert periods[7] == periods[310] == "2024-01..2024-05" and periods[4] == "2024-05"


def test_a_lead_naming_the_whole_year_frames_nothing(run):
    text = "2023年,全省高新区营业收入增长8%,其中上半年增长6%。\n郑州高新区新增高新技术企业150家。"
    periods = _field_by_value(run(text, published=dt.date(2024, 1, 22)), "period")
    assert periods[150] == "2023"
    text = "2023年1-12月,全省高新区营业收入增长8%。\n郑州高新区新增高新技术企业150家。"
    periods = _field_by_value(run(text, published=dt.date(2024, 1, 22)), "period")
    assert periods[150] == "2023"


def test_a_paragraph_naming_its_year_is_not_taken_by_the_article_frame(run):
    text = "前三季度,全省高新区营业收入增长9%。\n2023年,洛阳高新区营业收入增长6%。新增高新技术企业85家。"
    periods = _field_by_value(run(text, published=dt.date(2023, 10, 30)), "period")
    assert periods[9] == "2023-Q1..Q3" and periods[85] == "2023"


def test_a_position_in_an_evaluation_is_the_years_a_speed_ranking_the_months(run):
    text = (
        "1-9月,洛阳高新区营业收入增长12%,在全省高新区综合评价中位列第二。"
        "郑州高新区1-9月营收增速位列全省第一。"
    )
    ranks = {
        i.zone: i.period for i in run(text, published=dt.date(2024, 10, 30)).indicators if i.kind == "rank"
    }
    assert ranks == {"洛阳高新区": "2024", "郑州高新区": "2024-01..2024-09"}


def test_a_share_of_the_regional_product_is_dated_and_a_plot_of_land_is_not(run):
    text = "2023年,郑州高新区研发投入占地区生产总值比重达到8.7%。郑州高新区新建产业园占地320亩。"
    periods = _field_by_value(run(text, published=dt.date(2024, 1, 18)), "period")
    assert periods[8.7] == "2023" and periods[320] is None


def test_a_ranking_among_the_provinces_zones_and_a_months_growth_name_the_figure_before(run):
    text = (
        "郑州高新区营业收入同比增长13.1%,增速居全省高新区第二。"
        "1-6月,洛阳高新区营业收入增长6%,其中6月当月增长8.5%。"
    )
    metrics = _field_by_value(run(text, published=dt.date(2023, 7, 20)), "metric")
    assert metrics[2].startswith("营业收入") and metrics[8.5] == "营业收入"


def test_a_respective_list_of_differences_compares_the_rates_before_it_in_order(run):
    text = (
        "2023年,洛阳高新区营业收入增长9.1%,固定资产投资增长14%,分别高出全省2.3个、5.6个百分点。"
        "郑州高新区营业收入增长7%,高新技术企业增长12%,增幅分别高出省市2个、1.5个百分点。"
    )
    metrics = _field_by_value(run(text, published=dt.date(2024, 1, 30)), "metric")
    assert metrics[2.3].startswith("营业收入") and metrics[5.6].startswith("固定资产投资")
    assert metrics[2] == metrics[1.5]  # one rate against the province and the city


def test_a_position_held_for_years_is_this_years_and_named_by_the_whole_evaluation(run):
    text = "在全省开发区综合考核评价中,郑州高新区连续七年位列第一。"
    rank = run(text, published=dt.date(2024, 6, 1)).indicators[0]
    assert (rank.kind, rank.period) == ("rank", "2024") and "考核评价" in rank.metric


def test_verbs_and_goal_words_before_the_number_are_not_part_of_the_metric(run):
    text = (
        "2023年,洛阳高新区研发投入强度提升至6.2%,比上年提升0.8个百分点。"
        "到2026年,郑州高新区高新技术企业力争达到3000家。"
    )
    metrics = _field_by_value(run(text, published=dt.date(2024, 1, 30)), "metric")
    assert metrics[6.2] == "研发投入强度" and metrics[0.8].startswith("研发投入强度")
    assert metrics[3000] == "高新技术企业"


def test_a_difference_from_the_provincial_average_names_the_rate_it_compares(run):
    text = "上半年,洛阳高新区营业收入增长10.5%,高于全省平均水平3.2个百分点。"
    metrics = _field_by_value(run(text, published=dt.date(2023, 7, 30)), "metric")
    assert metrics[3.2].startswith("营业收入")


def test_milestones_listed_with_their_years_after_fenbie_take_each_year(run):
    text = "郑州高新区营业收入分别于2020年和2023年突破1000亿元和2000亿元。"
    periods = _field_by_value(run(text, published=dt.date(2024, 3, 5)), "period")
    assert periods == {1000: "2020", 2000: "2023"}


def test_a_gloss_in_brackets_after_the_zone_is_not_part_of_the_metric(run):
    text = "2023年,郑州高新区（金水科教园）实现营业收入1500亿元。"
    assert _field_by_value(run(text, published=dt.date(2024, 3, 5)), "metric") == {1500: "营业收入"}


def test_a_whole_year_figure_measured_against_its_plan_is_no_goal(run):
    text = "全年洛阳高新区完成固定资产投资210亿元,为年度目标的103.5%。"
    stances = {
        i.value: i.stance for i in run(text, published=dt.date(2024, 3, 20)).indicators if not i.derived
    }
    assert stances == {210: "achievement", 103.5: "achievement"}


def test_a_period_compared_with_dates_nothing(run):
    text = "一季度,洛阳高新区营业收入同比增长11%,较1-2月提高1.6个百分点。"
    result = run(text, published=dt.date(2024, 4, 18))
    periods, metrics = _field_by_value(result, "period"), _field_by_value(result, "metric")
    assert periods[1.6] == "2024-Q1" and metrics[1.6].startswith("营业收入")


def test_as_of_a_month_end_money_is_the_months_so_far_and_a_count_the_stock(run):
    text = "截至10月底,洛阳高新区完成固定资产投资96亿元,共有高新技术企业410家。"
    periods = _field_by_value(run(text, published=dt.date(2023, 11, 20)), "period")
    assert periods == {96: "2023-01..2023-10", 410: "cumulative"}


def test_a_running_total_since_a_year_spans_from_it(run):
    text = "2020年以来,洛阳高新区累计新增高新技术企业410家。全年新增高新技术企业90家,累计达到650家。"
    periods = _field_by_value(run(text, published=dt.date(2023, 12, 20)), "period")
    assert periods == {410: "2020..2023", 90: "2023", 650: "cumulative"}


def test_zones_in_square_brackets_head_their_paragraphs(run):
    text = (
        "全省高新区一季度成绩单\n【郑州高新区】营业收入增长8.2%。\n【洛阳高新区】\n"
        "引进“世界500强”项目3个,营业收入120亿元。"
    )
    found = {i.value: (i.zone, i.metric) for i in run(text, published=dt.date(2024, 4, 25)).indicators}
    assert found == {
        8.2: ("郑州高新区", "营业收入"),
        3: ("洛阳高新区", "引进世界500强项目"),
        120: ("洛阳高新区", "营业收入"),
    }


def test_hong_kong_wording_names_no_metric_of_its_own(run):
    text = (
        "2023年,鄭州高新區營業收入1,420億元,按年增長7.1%。區內「高新技術企業」共計1,350家。"
        "洛陽高新區同期營業收入為610億元。"
    )
    metrics = _field_by_value(run(text, published=dt.date(2024, 2, 2)), "metric")
    assert metrics[1420] == metrics[610] == "营业收入" and metrics[7.1].startswith("营业收入")
    assert metrics[1350] == "高新技术企业"


def test_an_aside_in_brackets_keeps_the_metric_and_has_its_own_subject(run):
    text = "2023年洛阳高新区实现营业收入860亿元（同比增长9%），研发投入强度为5.6%（全市平均为2.4%）。"
    found = {
        i.value: (i.zone, i.scope, i.metric) for i in run(text, published=dt.date(2024, 2, 20)).indicators
    }
    assert found[9] == ("洛阳高新区", "zone", "营业收入")
    assert found[2.4][:2] == ("洛阳市", "city") and found[2.4][2].startswith("研发投入强度")


def test_differences_said_with_bi_name_the_rate_before_them(run):
    text = "2023年,洛阳高新区营业收入增长12%,比全省平均增速高3个百分点,比全国高新区低1.5个百分点。"
    metrics = _field_by_value(run(text, published=dt.date(2024, 2, 20)), "metric")
    assert (
        metrics[3].startswith("营业收入") and metrics[-1.5].startswith("营业收入") and "全国" in metrics[-1.5]
    )


def test_the_years_goal_measured_against_dates_nothing(run):
    text = "上半年,洛阳高新区完成固定资产投资52亿元,完成全年目标的55%,位居全市第二。"
    periods = _field_by_value(run(text, published=dt.date(2023, 7, 25)), "period")
    assert periods[52] == periods[55] == "2023-H1"


def test_a_whole_current_year_figure_early_in_the_year_is_a_goal(run):
    text = "会议明确,2024年洛阳高新区营业收入增长8%左右。"
    found = _by_value(run(text, published=dt.date(2024, 2, 10)))
    assert (found[(8, "%")].stance, found[(8, "%")].period) == ("target", "2024")


def test_foreign_currency_is_kept_in_the_unit(run):
    found = run("洛阳高新区出口额达港币12亿元。", published=dt.date(2023, 8, 1)).indicators
    assert [(i.value, i.unit, i.base_value) for i in found] == [(12, "亿港币", None)]


def test_a_rank_movement_next_to_the_position_is_skipped(run):
    text = "在年度评价中,洛阳高新区居全国第15位,较上年提升3位。郑州高新区排名前进4位。"
    ranks = [
        (i.zone, i.value) for i in run(text, published=dt.date(2023, 8, 1)).indicators if i.kind == "rank"
    ]
    assert ranks == [("洛阳高新区", 15), ("郑州高新区", 4)]


def test_top_n_names_are_not_ranks(run):
    found = run("洛阳高新区今年引进世界500强企业6家。", published=dt.date(2023, 8, 1)).indicators
    assert [(i.value, i.metric, i.kind) for i in found] == [(6, "引进世界500强企业", "level")]


def test_city_statistics_bulletin(run):
    text = (
        "洛阳市2023年统计公报\n2024年3月1日\n全年全市实现地区生产总值5400亿元。"
        "洛阳高新区实现地区生产总值420亿元。"
    )
    found = _by_value(run(text))
    city, zone = found[(5400, "亿元")], found[(420, "亿元")]
    assert (city.scope, city.stance, city.period) == ("city", "achievement", "2023")
    assert (zone.scope, zone.zone, zone.period) == ("zone", "洛阳高新区", "2023")


def test_field_labels_and_list_numbering(run):
    text = (
        "一、主要指标\n1.营业收入:完成120亿元,同比增长15%。\n2.工业总产值:完成95.6亿元,完成年计划的82%。"
        "\n一是力争全年新增高新技术企业20家以上。"
    )
    found = _by_value(run(text, published=dt.date(2023, 7, 10), default_zone="某高新区"))
    assert found[(120, "亿元")].metric == "营业收入"
    assert found[(15, "%")].metric == "营业收入"
    assert (found[(82, "%")].metric, found[(82, "%")].kind) == ("工业总产值完成率", "completion")
    assert (found[(20, "家")].metric, found[(20, "家")].stance) == ("新增高新技术企业", "target")


@pytest.mark.parametrize(
    "text, published, field, expected",
    [
        pytest.param(
            "洛阳高新区新材料、装备制造和电子信息三大产业规模分别达到900亿元、600亿元和300亿元。",
            dt.date(2023, 12, 1),
            "metric",
            {900: "新材料三大产业规模", 600: "装备制造三大产业规模", 300: "电子信息三大产业规模"},
            id="respectively: one metric per value",
        ),
        pytest.param(
            "郑州高新区和洛阳高新区上半年分别实现营业收入820亿元、560亿元。",
            dt.date(2023, 8, 1),
            "zone",
            {820: "郑州高新区", 560: "洛阳高新区"},
            id="respectively: one zone per value",
        ),
        pytest.param(
            "2023年,178家国家高新区实现营业收入55亿元。国家高新区贡献了全国约13%的GDP。",
            dt.date(2024, 3, 1),
            "scope",
            {178: "national", 55: "national", 13: "national"},
            id="all national zones",
        ),
        pytest.param(
            "某科学城上半年营收增长12%。\n另外,郑州高新区上半年营收增长6%。",
            dt.date(2023, 8, 1),
            "zone",
            {12: "*", 6: "郑州高新区"},
            id="no credit to a zone named later",
        ),
    ],
)
def test_field_of_each_value(run, text, published, field, expected):
    assert _field_by_value(run(text, published=published), field) == expected


def test_per_case_policy_amounts_are_not_zone_figures(run):
    text = "洛阳高新区对新认定的高新技术企业给予30万元奖励,每家最高补贴500万元;今年兑现奖补资金2.3亿元。"
    assert [i.value for i in run(text, published=dt.date(2023, 8, 1)).indicators] == [2.3]


def test_section_headings_date_the_figures_below_them(run):
    text = (
        "洛阳高新区工作总结和计划\n发布日期:2024-01-10\n一、2023年工作总结\n全年完成规上工业总产值1456亿元。\n"
        "二、2024年工作计划\n全区预期目标为:规上工业总产值增长8%。"
    )
    found = _by_value(run(text))
    assert (found[(1456, "亿元")].period, found[(1456, "亿元")].stance) == ("2023", "achievement")
    assert (found[(8, "%")].period, found[(8, "%")].stance) == ("2024", "target")


def test_event_names_with_a_year_and_lists_of_counted_nouns(run):
    text = "5月19日,洛阳高新区举办2023年科技创新大会,表彰了50家优秀企业和100名优秀人才,200余名代表参加会议。"
    found = {i.value: (i.metric, i.stance) for i in run(text, published=dt.date(2023, 5, 20)).indicators}
    assert found == {50: ("表彰优秀企业", "achievement"), 100: ("优秀人才", "achievement")}


def test_rank_without_its_own_noun_takes_the_ranking_named_before(run):
    text = "在2022年度综合评价中,洛阳高新区位列全省第二,郑州高新区继续保持第1位。"
    found = {
        i.value: (i.zone, i.metric, i.period) for i in run(text, published=dt.date(2023, 5, 20)).indicators
    }
    assert found == {2: ("洛阳高新区", "综合评价位列全省", "2022"), 1: ("郑州高新区", "综合评价", "2022")}


def test_a_time_word_inside_the_window_starts_the_metric(run):
    text = "洛阳高新区举行推介会。该区今年一季度实现营业收入5.2亿元。"
    found = run(text, published=dt.date(2023, 5, 1)).indicators
    assert [(i.metric, i.period) for i in found] == [("营业收入", "2023-Q1")]


def test_share_of_the_annual_goal_and_absolute_change(run):
    text = "今年以来,洛阳高新区累计完成固定资产投资86亿元,占年度目标的72%,比去年同期多完成12亿元。"
    found = _by_value(run(text, published=dt.date(2023, 8, 1)))
    ratio, change = found[(72, "%")], found[(12, "亿元")]
    assert (ratio.kind, ratio.stance, ratio.metric) == ("completion", "achievement", "固定资产投资完成率")
    assert (change.kind, change.stance, change.metric) == ("delta", "achievement", "固定资产投资比去年同期")


def test_site_attributes_and_clause_bound_time_words(run):
    text = "洛阳高新区某项目占地面积300亩。洛阳高新区连续5年入选百强园区,吸引3家企业入驻。"
    periods = _field_by_value(run(text, published=dt.date(2023, 8, 1)), "period")
    assert periods == {300: None, 3: "2023"}


def test_sections_of_unregistered_zones_and_their_home_cities(run):
    text = (
        "多地园区晒出一季度成绩单\n射洪经开区\n一季度,射洪经开区实现营收86亿元。\n遂宁高新区\n"
        "一季度,遂宁高新区新签约项目15个。其中,遂宁市一季度生产总值增长6.1%。\n洛阳高新区\n"
        "洛阳高新区一季度营业收入增长9.5%,力争全年突破1300亿元。"
    )
    found = {
        i.value: (i.zone, i.scope, i.metric) for i in run(text, published=dt.date(2024, 4, 20)).indicators
    }
    assert found == {
        86: ("射洪经开区", "zone", "营收"),
        15: ("遂宁高新区", "zone", "新签约项目"),
        6.1: ("遂宁市", "city", "生产总值"),
        9.5: ("洛阳高新区", "zone", "营业收入"),
        1300: ("洛阳高新区", "zone", "营业收入"),
    }


def test_whole_city_figures_are_named_after_the_zones_city(run):
    found = run(
        "洛阳高新区上半年营收增长9%。全市规上工业增加值增长5%。", published=dt.date(2023, 8, 1)
    ).indicators
    assert [(i.zone, i.scope) for i in found] == [("洛阳高新区", "zone"), ("洛阳市", "city")]


def test_an_amount_of_a_counted_set_names_the_set(run):
    found = run("洛阳高新区今年新签约项目63个,总投资520亿元。", published=dt.date(2023, 8, 1)).indicators
    assert [i.metric for i in found] == ["新签约项目", "新签约项目总投资"]


def test_goals_are_not_dated_by_the_present(run):
    found = run("眼下,洛阳高新区正全力打造千亿级产业集群。", published=dt.date(2023, 8, 1)).indicators
    assert [(i.value, i.unit, i.stance, i.period) for i in found] == [(1000, "亿元", "target", None)]


@pytest.mark.parametrize(
    "clause, kind, value",
    [
        ("研发投入强度提高至3.5%", "share", 3.5),
        ("营收增速回落至5%", "growth", 5),
        ("营收增速低于全省0.5个百分点", "delta", -0.5),
        ("营收增长至120亿元", "level", 120),
        ("营收下降2.5%", "growth", -2.5),
    ],
)
def test_values_reached_and_shortfalls(run, clause, kind, value):
    found = run(f"洛阳高新区今年{clause}。", published=dt.date(2023, 8, 1)).indicators
    assert [(i.kind, i.value) for i in found] == [(kind, value)]


def test_plan_targets_to_a_year(run):
    text = "规划提出,到2025年,洛阳高新区营业收入达到2000亿元,年均增长10%以上;高新技术企业数量达到1000家。"
    found = {
        i.value: (i.metric, i.kind, i.stance, i.period, i.qualifier)
        for i in run(text, published=dt.date(2022, 3, 1)).indicators
    }
    assert found == {
        2000: ("营业收入", "level", "target", "2025", "达到"),
        10: ("营业收入年均", "growth", "target", "2025", "以上"),
        1000: ("高新技术企业数量", "level", "target", "2025", "达到"),
    }


def test_respectively_lists_share_the_kind_and_date_each_value(run):
    text = "洛阳高新区一季度、上半年生产总值分别增长5.2%、6.1%;工业投资和技改投资分别增长20.3%和15.6%。"
    found = {
        i.value: (i.metric, i.kind, i.period) for i in run(text, published=dt.date(2023, 8, 1)).indicators
    }
    assert found == {
        5.2: ("生产总值", "growth", "2023-Q1"),
        6.1: ("生产总值", "growth", "2023-H1"),
        20.3: ("工业投资", "growth", "2023-H1"),
        15.6: ("技改投资", "growth", "2023-H1"),
    }
