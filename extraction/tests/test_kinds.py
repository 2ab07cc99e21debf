import pytest

from extraction.kinds import classify_kind
from extraction.numbers import find_numbers


def _kind(text):
    mention = find_numbers(text)[-1]
    return classify_kind(mention, text[: mention.num_start])


@pytest.mark.parametrize(
    "text, kind, sign",
    [
        ("营收120亿元。", "level", 1),
        ("营收同比增长8.5%。", "growth", 1),
        ("能耗下降3%。", "growth", -1),
        ("完成率105%。", "completion", 1),
        ("完成年度计划的92%。", "completion", 1),
        ("占比43%。", "share", 1),
        ("高出全市2.1个百分点。", "delta", 1),
        ("低于全省0.4个百分点。", "delta", -1),
        ("比重提高1.5个百分点。", "growth", 1),
        ("比上年增加12亿元。", "delta", 1),
        ("较上年减少5家。", "delta", -1),
        ("位列全省第三。", "rank", 1),
        ("实现翻番。", "growth", 1),
        ("占比提高至35%。", "share", 1),
        ("营收增长超过10%。", "growth", 1),
        ("增速不低于7%。", "growth", 1),
        ("增速保持在8%左右。", "growth", 1),
        ("出口下降约3%。", "growth", -1),
        ("占比超过40%。", "share", 1),
        ("比全国高新区低1.5个百分点。", "delta", -1),
        ("增速比全市慢0.8个百分点。", "delta", -1),
        ("比全省平均增速高3个百分点。", "delta", 1),
        ("目标任务完成率达到102%。", "completion", 1),
        ("增速较一季度加快0.8个百分点。", "growth", 1),
    ],
)
def test_kinds(text, kind, sign):
    assert _kind(text) == (kind, sign)


def test_an_amount_after_a_rise_is_an_absolute_change():
    assert _kind("营收同比增长12亿元。") == ("delta", 1)
    assert _kind("工业增加值120亿元。") == ("level", 1)
    assert _kind("新增企业30家。") == ("level", 1)
