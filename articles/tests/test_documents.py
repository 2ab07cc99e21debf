from datetime import date

from articles.documents import html_document

BODY = "<body><article><p>威海高新区2023年实现地区生产总值300亿元，到2026年力争达到400亿元。</p></article></body>"


def test_a_web_page_is_dated_by_what_it_states_not_by_a_year_in_its_text():
    undated = html_document(f"<html><head><title>威海</title></head>{BODY}</html>")
    dated = html_document('<html><head><meta property="article:published_time" content="2024-02-06T08:00:00">'
                          f"<title>威海</title></head>{BODY}</html>")
    assert (undated.published, dated.published) == (None, date(2024, 2, 6))
