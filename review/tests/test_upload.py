"""The upload page: reading a report, refusing what cannot be stored, saving after the editor's check."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from articles.services import ArticleInput, store_article
from metrics.models import Indicator

pytestmark = pytest.mark.django_db

UPLOAD = reverse("review:upload")
REPORT = "威海高新区2024年完成地区生产总值300亿元，同比增长8.5%。高新技术企业达到320家。"
TRADITIONAL = "威海高新區2024年完成地區生產總值300億元，同比增長8.5%。高新技術企業達到320家。"


@pytest.fixture
def editor(client_of):
    return client_of("editor", editor=True)


def read(client, **fields):
    """Submit the upload form's first step; the form that comes back (refused or prefilled). A
    refused form comes with a 4xx status: 413 over a size limit, 409 already stored, 400 otherwise."""
    response = client.post(UPLOAD, fields)
    form = response.context["form"]
    if form.errors:
        too_large = any("limit" in error for error in form.non_field_errors())
        duplicate = any("already stored" in error for error in form.non_field_errors())
        assert response.status_code == (413 if too_large else 409 if duplicate else 400)
    else:
        assert response.status_code == 200
    return form


def refusal(client, **fields) -> str:
    form = read(client, **fields)
    assert form.errors, "expected the upload to be refused"
    assert not Article.objects.exists()
    return " ".join(form.non_field_errors())


def test_anonymous_visitors_are_sent_to_log_in(client):
    for response in (client.get(UPLOAD), client.post(UPLOAD, {"text": REPORT, "confirmed": "on"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    assert not Article.objects.exists()


def test_readers_may_not_upload_even_by_a_crafted_post(client_of):
    reader = client_of("reader", editor=False)
    assert reader.get(UPLOAD).status_code == 403
    assert reader.post(UPLOAD, {"text": REPORT, "confirmed": "on"}).status_code == 403
    assert not Article.objects.exists()


def test_reading_shows_the_text_and_found_details_and_stores_nothing(editor, registry):
    text = f"{REPORT}\n来源：威海日报 2024年3月5日"
    form = read(editor, text=text, source="")
    assert form.initial["confirmed"] is True
    assert form.initial["text"] == text
    assert form.initial["source"] == "威海日报"
    assert str(form.initial["published_on"]) == "2024-03-05"
    assert [zone.short_name for zone in form.initial["zones"]] == ["威海高新区"]
    assert not Article.objects.exists()


def test_what_the_editor_typed_wins_over_what_was_found(editor, registry):
    form = read(editor, text=f"{REPORT}\n来源：威海日报", source="威海市政府网")
    assert form.initial["source"] == "威海市政府网"


def test_saving_stores_the_checked_details_and_opens_the_review(editor, registry):
    response = editor.post(
        UPLOAD,
        {
            "text": REPORT.replace("。", "。\r\n"),
            "title": "年度总结",
            "source": "威海日报",
            "url": "https://example.org/a",
            "published_on": "2025-01-20",
            "zones": "威海高新区、潍坊高新区",
            "confirmed": "on",
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response.url == reverse("review:article", args=[article.pk])
    assert (article.title, article.source_name, article.url, str(article.published_on)) == (
        "年度总结",
        "威海日报",
        "https://example.org/a",
        "2025-01-20",
    )
    assert "\r" not in article.raw_text
    assert {"威海高新区", "潍坊高新区"} <= {zone.short_name for zone in article.zones.all()}


def test_an_unknown_zone_or_a_malformed_date_is_refused_in_its_field(editor, registry):
    form = read(editor, text=REPORT, zones="火星高新区", published_on="20.1.2025", confirmed="on")
    assert set(form.errors) == {"zones", "published_on"}
    assert "火星高新区" in form.errors["zones"][0]
    assert not Article.objects.exists()


@pytest.mark.parametrize("encoding, text", [("gbk", REPORT), ("gb18030", REPORT), ("big5", TRADITIONAL)])
def test_chinese_encodings_are_decoded(editor, registry, encoding, text):
    form = read(editor, file=SimpleUploadedFile("report.txt", text.encode(encoding)))
    assert form.initial["text"] == text
    assert form.initial["original_filename"] == "report.txt"


def test_a_file_of_another_type_is_refused(editor):
    assert "not accepted" in refusal(editor, file=SimpleUploadedFile("report.exe", REPORT.encode()))


def test_an_empty_file_is_refused(editor):
    assert "empty" in refusal(editor, file=SimpleUploadedFile("report.txt", b" \n "))


def test_a_file_of_zero_bytes_is_refused_for_that_reason_only(editor):
    form = read(editor, file=SimpleUploadedFile("report.txt", b""))
    assert form.errors == {"file": ["The submitted file is empty."]}


def test_text_in_no_known_encoding_is_refused(editor):
    reason = refusal(editor, file=SimpleUploadedFile("report.txt", bytes(range(256)) * 20))
    assert "encoding" in reason or "binary" in reason


@pytest.mark.parametrize("field", ["file", "text"])
def test_a_report_over_the_size_limit_is_refused(editor, settings, field):
    settings.MAX_UPLOAD_BYTES = 1000
    big = "高新区" * 400  # 3600 bytes in UTF-8
    value = SimpleUploadedFile("big.txt", big.encode()) if field == "file" else big
    assert "limit" in refusal(editor, **{field: value})
    # Nor can the second step be used to get around it.
    assert "limit" in refusal(editor, text=big, confirmed="on")


def test_nothing_to_read_is_refused(editor):
    assert "Choose a file" in refusal(editor, text="   ")


def test_a_duplicate_is_refused_with_a_link_to_the_stored_article(editor):
    stored = store_article(ArticleInput(text=REPORT))
    form = read(editor, file=SimpleUploadedFile("again.txt", f" {REPORT}\n".encode("gbk")))
    assert reverse("dashboard:article", args=[stored.pk]) in form.non_field_errors()[0]
    form = read(editor, text=REPORT, confirmed="on")
    assert reverse("dashboard:article", args=[stored.pk]) in form.non_field_errors()[0]
    assert Article.objects.count() == 1


HTML_PAGE = """<html><head><title>威海高新区经济运行情况</title><script>steal(document.cookie)</script></head>
<body><nav>首页 | 新闻</nav><article><h1>威海高新区经济运行情况</h1>
<p>威海高新区2024年完成地区生产总值300亿元，同比增长8.5%。<script>alert("inline")</script></p>
<p>高新技术企业达到320家。页面示例：&lt;script&gt;alert("shown")&lt;/script&gt;</p></article>
<script src="https://evil.example/x.js"></script></body></html>"""


def test_html_is_reduced_to_its_article_text_without_scripts(editor, registry):
    form = read(editor, file=SimpleUploadedFile("page.html", HTML_PAGE.encode("gbk")))
    text = form.initial["text"]
    assert "高新技术企业达到320家" in text
    assert "<script" not in text.lower() and "alert" not in text and "steal" not in text
    assert form.initial["title"] == "威海高新区经济运行情况"


def test_pasted_markup_is_stored_as_text_and_escaped_on_pages(editor):
    text = f'{REPORT}<script>alert("x")</script>'
    editor.post(UPLOAD, {"text": text, "confirmed": "on"})
    article = Article.objects.get()
    for page in (reverse("review:article", args=[article.pk]), article.get_absolute_url()):
        html = editor.get(page).content.decode()
        assert '<script>alert("x")' not in html
        assert "&lt;script&gt;alert(" in html


def test_a_word_file_is_read(editor, registry):
    import io

    import docx

    paragraphs = ["威海高新区2024年完成地区生产总值300亿元。", "高新技术企业达到320家。"]
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    form = read(editor, file=SimpleUploadedFile("report.docx", buffer.getvalue()))
    assert form.initial["text"] == "\n".join(paragraphs)


def test_a_word_files_tables_are_read_in_place(editor, registry):
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("威海高新区2024年主要指标：")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("地区生产总值", "300亿元"), ("高新技术企业", "320家")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("以上数据为初步统计。")
    buffer = io.BytesIO()
    document.save(buffer)
    form = read(editor, file=SimpleUploadedFile("report.docx", buffer.getvalue()))
    assert (
        form.initial["text"]
        == "威海高新区2024年主要指标：\n地区生产总值\t300亿元\n高新技术企业\t320家\n以上数据为初步统计。"
    )


def test_a_damaged_pdf_is_refused_with_the_reason(editor):
    assert "PDF" in refusal(
        editor, file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 this is not really a pdf")
    )


def test_a_refused_save_stays_on_the_checking_step(editor, registry):
    response = editor.post(UPLOAD, {"text": REPORT, "zones": "火星高新区", "confirmed": "True"})
    html = response.content.decode()
    assert 'name="save"' in html and 'name="read"' not in html and 'name="file"' not in html
    first_step = editor.get(UPLOAD).content.decode()
    assert 'name="read"' in first_step and 'name="file"' in first_step


def test_an_engine_failure_stores_nothing_and_says_so(editor, monkeypatch):
    def broken_engine(article, *args):
        raise ZeroDivisionError("engine bug")

    monkeypatch.setattr("ingestion.services.read_figures", broken_engine)
    response = editor.post(UPLOAD, {"text": REPORT, "confirmed": "True"})
    assert response.status_code == 422
    assert "could not be extracted (ZeroDivisionError)" in " ".join(
        response.context["form"].non_field_errors()
    )
    assert not Article.objects.exists() and not Indicator.objects.exists()


def test_pasted_text_far_over_the_limit_is_refused_with_the_reason(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = editor.post(UPLOAD, {"text": "威" * 10_000, "confirmed": "True"})
    assert response.status_code == 400
    assert "larger than the 5.0 MB a report may have" in response.content.decode()
    assert not Article.objects.exists()
