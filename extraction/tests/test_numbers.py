import pytest

from extraction.numbers import find_numbers, parse_numeral


def _figures(text):
    return [(m.value, m.unit, m.qualifier) for m in find_numbers(text)]


@pytest.mark.parametrize(
    "numeral, value",
    [("三十", 30), ("百", 100), ("两", 2), ("一百零五", 105), ("1,250.5", 1250.5), ("12.33", 12.33)],
)
def test_numerals(numeral, value):
    assert parse_numeral(numeral) == value


def test_arabic_numbers_with_units():
    assert _figures("盘活土地560.25亩,引进人才80名,实现产值12.33万亿元。") == [
        (560.25, "亩", None),
        (80, "名", None),
        (12.33, "万亿元", None),
    ]


def test_chinese_numerals_with_units():
    assert _figures("培育企业二十余家,争取资金千万元以上,其中两家上市。") == [
        (20, "家", "超过"),
        (1000, "万元", "以上"),
        (2, "家", None),
    ]


def test_chinese_multiplier_before_money_unit_is_the_value():
    assert _figures("打造百亿元产业") == [(100, "亿元", None)]
    assert _figures("建设千亿级产业集群。") == [(1000, "亿元", None)]


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("营收突破50亿元。", "突破"),
        ("营收超过50亿元。", "超过"),
        ("营收近50亿元。", "近"),
        ("营收约50亿元。", "约"),
        ("营收达50亿元。", "达到"),
        ("营收不少于50亿元。", "不少于"),
        ("营收50亿元以上。", "以上"),
        ("营收50亿元左右。", "左右"),
        ("企业50余家。", "超过"),
    ],
)
def test_qualifiers(text, qualifier):
    assert _figures(text)[0][2] == qualifier


def test_ranks():
    ranks = [
        (m.value, m.unit)
        for m in find_numbers("排名位列全省第三,进入全国前20名,入围行业百强榜并位列前十位,获评行业5强。")
        if m.is_rank
    ]
    assert ranks == [(3, "位"), (20, "位"), (10, "位"), (5, "位")]


def test_ordinals_that_are_not_ranks():
    assert find_numbers("第二届论坛于第一季度举行,稳居第一方阵。") == []


def test_tenths_and_doublings():
    mentions = find_numbers("近4成企业参与,营收实现翻番。")
    assert [(m.value, m.unit, m.qualifier) for m in mentions] == [(40, "%", "近"), (100, "%", None)]


def test_tenths_of_a_whole_named_before_them():
    mentions = find_numbers("出口额占全省的六成以上,工作一成不变。")
    assert [(m.value, m.unit, m.qualifier) for m in mentions] == [(60, "%", "以上")]


@pytest.mark.parametrize(
    "text",
    [
        "坚持“十四五”规划,推进5G建设和“3+1”体系。",
        "PM2.5浓度明显下降。",
        "一是强化招商,二是优化服务。",
        "实施10项攻坚行动,开展三个专项整治。",
        "落实21个大类政策和6个主要指标。",
        "2023年3月15日召开会议,1-10月份运行平稳。",
        "联系电话13912345678,许可证号3712006。",
        "新增企业一家。",
        "6家企业负责人作交流发言,40余家单位参展,200个项目参赛。",
    ],
)
def test_non_indicators_are_skipped(text):
    assert find_numbers(text) == []


def test_a_number_cut_off_at_the_end_of_the_text_is_skipped():
    assert find_numbers("新增企业12家,营业收入达到3") == [find_numbers("新增企业12家,营业收入达到3")[0]]
    assert _figures("营业收入增长12%") == []


def test_money_naming_a_class_of_projects_is_part_of_the_metric():
    assert _figures("签约5亿元以上项目8个,其中20亿元项目2个、10亿元3个。") == [
        (8, "个", None),
        (2, "个", None),
        (3, "个", None),
    ]
    assert _figures("引进1亿元、5亿元和10亿元3个级别项目12个。") == [(12, "个", None)]


def test_scale_of_a_cluster_is_a_figure():
    assert _figures("形成200亿元级新材料产业集群。") == [(200, "亿元", None)]


def test_a_list_shares_its_last_unit():
    assert _figures("分别高出全省和全市1.5个、2个百分点。") == [
        (1.5, "个百分点", None),
        (2, "个百分点", None),
    ]


def test_thousands_separator_is_part_of_the_number():
    assert _figures("营收2,350.5亿元,增长6%。") == [(2350.5, "亿元", None), (6, "%", None)]


def test_percent_in_words_and_bare_money_multipliers():
    mentions = find_numbers("营收1.2亿,增长百分之十二点五,规模千亿级。")
    assert [(m.value, m.unit) for m in mentions] == [(1.2, "亿元"), (12.5, "%"), (1000, "亿元")]
    assert find_numbers("覆盖1.2亿人次的平台") == []


def test_growth_in_times():
    mentions = find_numbers("营收增长1.5倍,规模是全市的2倍。")
    assert [(m.value, m.unit, m.is_doubling) for m in mentions] == [(150, "%", True)]


def test_ranges_signs_and_spaces():
    assert _figures("投资10-15亿元,") == []
    assert _figures("同比增长-3.2%,新增企业 30 家。") == [(-3.2, "%", None), (30, "家", None)]


def test_fractions_in_words_are_percentages():
    text = "外资企业贡献约三分之一,出口占全区的四分之三。"
    found = [(m.value, m.unit, m.qualifier) for m in find_numbers(text)]
    assert found == [(33.33, "%", "约"), (75.0, "%", None)]
    assert find_numbers("三分之五") == [] and find_numbers("12分之5") == []
