from datetime import date

from articles.documents import html_document

BODY = (
    "<body><article><p>威海高新区2023年实现地区生产总值300亿元，到2026年力争达到400亿元。</p></article>"
    "</body>"
)


def test_a_web_page_is_dated_by_what_it_states_not_by_a_year_in_its_text():
    undated = html_document(f"<html><head><title>威海</title></head>{BODY}</html>")
    dated = html_document(
        '<html><head><meta property="article:published_time" content="2024-02-06T08:00:00">'
        f"<title>威海</title></head>{BODY}</html>"
    )
    assert (undated.published, dated.published) == (None, date(2024, 2, 6))


def test_a_pdfs_unmapped_glyphs_do_not_reach_the_text(monkeypatch):
    import pypdf

    from articles.documents import pdf_text
    from articles.limits import ReportLimits

    class Page:
        def get_contents(self):
            return None

        def extract_text(self):
            return "威海高新区\x00地区生产总值300亿元\x00"

    class Reader:
        root_object = {"/Pages": {"/Count": 1}}

        def __init__(self, stream):
            self.pages = [Page()]

    monkeypatch.setattr(pypdf, "PdfReader", Reader)
    limits = ReportLimits(text_chars=1000, pdf_pages=10, unzipped_bytes=1_000_000, zip_ratio=100)
    assert pdf_text(b"%PDF-1.4", limits) == "威海高新区地区生产总值300亿元"
