from extraction.boilerplate import strip_boilerplate

BODY = "开发区今年实现营业收入120亿元,同比增长9%。" * 12


def test_output_keeps_length_and_lines():
    text = "首页 > 新闻 > 正文\n" + BODY + "\n相关阅读\n某地新增企业30家。"
    stripped = strip_boilerplate(text)
    assert len(stripped) == len(text)
    assert stripped.count("\n") == text.count("\n")


def test_navigation_and_share_lines_are_blanked():
    stripped = strip_boilerplate("分享到微信朋友圈\n首页 > 新闻 > 正文\n" + BODY)
    assert "首页" not in stripped and "微信" not in stripped
    assert BODY in stripped


def test_related_reading_after_the_body_ends_the_article():
    stripped = strip_boilerplate(BODY + "\n推荐阅读\n另一篇文章说新增企业30家。\n2024-05-01")
    assert "30家" not in stripped


def test_related_reading_above_the_body_does_not_end_it():
    stripped = strip_boilerplate("相关阅读\n" + BODY)
    assert BODY in stripped


def test_phone_numbers_and_view_counts_are_blanked():
    stripped = strip_boilerplate(BODY + "\n咨询电话:0512-66881234\n点击:1024次")
    assert "0512" not in stripped and "1024" not in stripped


def test_copyright_footer_is_blanked():
    assert "2015" not in strip_boilerplate(BODY + "\nCopyright 2015-2024 某某网 版权所有")


def test_previous_and_next_article_links_end_the_article():
    stripped = strip_boilerplate(BODY + "\n上一篇:某园区新增企业80家\n下一篇:另一条新闻")
    assert "80家" not in stripped


def test_markup_in_a_table_row_or_headline_is_not_a_breadcrumb():
    text = (
        "<h1>某某高新区上半年经济运行</h1>\n营业收入&nbsp;&nbsp;亿元&nbsp;&nbsp;88.1<br/>\n首页 > 新闻中心\n"
    )
    kept = [line.strip() for line in strip_boilerplate(text).split("\n")]
    assert kept[0] and kept[1] and not kept[2]
