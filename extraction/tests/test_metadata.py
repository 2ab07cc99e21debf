import datetime as dt

from extraction.boilerplate import strip_boilerplate
from extraction.metadata import extract_metadata, find_published, find_source


def _metadata(text):
    return extract_metadata(text, strip_boilerplate(text))


def test_source_with_date_glued_to_it():
    text = "某高新区一季度经济运行平稳\n来源:新华网2023-04-12 08:30\n正文内容。"
    metadata = _metadata(text)
    assert metadata.source == "新华网"
    assert metadata.published == dt.date(2023, 4, 12)
    assert metadata.title == "某高新区一季度经济运行平稳"


def test_labelled_date_and_chinese_date_format():
    assert find_published("日期:2022-9-3 点击:次\n内容") == dt.date(2022, 9, 3)
    assert find_published("发布时间：2021年7月15日\n内容") == dt.date(2021, 7, 15)


def test_invalid_dates_are_ignored():
    assert find_published("2023-02-30 开发区") is None


def test_title_prefix_is_removed():
    text = "分享到微信\n正在阅读:开发区上半年营收增长两成\n首页>正文"
    assert _metadata(text).title == "开发区上半年营收增长两成"


def test_nothing_stated():
    metadata = _metadata("开发区营业收入增长。")
    assert metadata.published is None and metadata.source is None
    assert find_source("无来源") is None


def test_breadcrumbs_are_not_titles():
    text = "当前位置:首页 > 政务公开 > 工作动态\n某高新区2023年工作总结\n发布日期:2024-01-10"
    assert _metadata(text).title == "某高新区2023年工作总结"
