"""A company's own figures are not the zone's. Firms and figures are invented for these tests."""

import datetime as dt

import pytest

PUBLISHED = dt.date(2023, 7, 20)


def _values(run, text):
    return {i.value for i in run(text, published=PUBLISHED).indicators}


@pytest.mark.parametrize(
    "text",
    [
        "宝鸡高新区上半年营业收入120亿元。宝鸡恒拓电子科技有限公司上半年营业收入18亿元,增长12%。",
        "宝鸡高新区上半年营业收入120亿元。从重点企业看,宝鸡恒拓电子股份有限公司披露的半年报显示,公司上半年实现营业收入18亿元,增长12%。",
        "宝鸡高新区上半年营业收入120亿元。区内某整车企业上半年产值18亿元,增长12%。",
        "宝鸡高新区上半年营业收入120亿元。同样位于高新区的一家材料企业,上半年产值18亿元,增长12%。",
    ],
)
def test_a_firms_own_figures_are_left_out(run, text):
    assert _values(run, text) == {120}


def test_its_people_quoted_after_it(run):
    text = (
        "宝鸡高新区上半年营业收入120亿元。\n在宝鸡恒拓电子科技有限公司车间里,新产线正在调试。"
        "“今年上半年我们的产值达到18亿元,增长12%。”公司负责人说。"
    )
    assert _values(run, text) == {120}


def test_counts_of_firms_and_the_zones_platform_stay(run):
    text = "宝鸡高新区上半年新增上市公司3家,高新技术企业达到210家;高新投资集团累计融资40亿元。"
    assert _values(run, text) == {3, 210, 40}


def test_the_zone_taking_over_as_subject(run):
    text = "宝鸡恒拓电子科技有限公司落户以来,宝鸡高新区上半年营业收入增长12%。"
    assert _values(run, text) == {12}


def test_a_firm_followed_by_a_year(run):
    text = "宝鸡高新区上半年营业收入120亿元。一家材料企业的负责人透露,公司2023年上半年营业收入达到18亿元。"
    assert _values(run, text) == {120}
