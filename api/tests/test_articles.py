import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from articles.services import ArticleInput, store_article
from metrics.models import Indicator
from zones.models import Zone

pytestmark = pytest.mark.django_db

REPORT = "威海高新区2024年实现地区生产总值312亿元，同比增长6.5%。高新技术企业达到420家。"


@pytest.fixture
def weihai(db):
    return Zone.objects.create(
        name="威海火炬高技术产业开发区",
        short_name="威海高新区",
        slug="weihai",
        province="山东省",
        aliases=["威海高新区"],
    )


@pytest.fixture
def articles(weihai):
    older = store_article(
        ArticleInput(text="旧闻：威海高新区去年的情况。", title="旧闻", published_on=dt.date(2023, 5, 1))
    )
    newer = store_article(
        ArticleInput(
            text=REPORT,
            title="威海年报",
            source_name="威海日报",
            url="https://example.org/weihai",
            published_on=dt.date(2025, 1, 5),
            zones=[weihai],
        )
    )
    undated = store_article(ArticleInput(text="没有日期的报道。", title="无日期"))
    Indicator.objects.create(
        article=newer,
        zone=weihai,
        metric_text="高新技术企业",
        value=420,
        unit="家",
        quote="高新技术企业达到420家",
        period_label="2024年",
        quote_start=REPORT.index("高新技术企业"),
        quote_end=len(REPORT) - 1,
    )
    return {"older": older, "newer": newer, "undated": undated}


@pytest.fixture
def editor(api_client, token_for):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('editor', editor=True)}")
    return api_client


def test_articles_are_listed_newest_first_with_their_zones_and_links(api_client, articles):
    body = api_client.get("/api/v1/articles/").json()
    assert [row["title"] for row in body["results"]] == ["威海年报", "旧闻", "无日期"]
    newer = body["results"][0]
    assert (
        newer["zones"] == ["weihai"]
        and newer["source"] == "威海日报"
        and newer["url"] == "https://example.org/weihai"
    )
    assert newer["page_url"] == f"http://testserver/articles/{articles['newer'].pk}/"
    assert newer["api_url"] == f"http://testserver/api/v1/articles/{articles['newer'].pk}/"
    assert "text" not in newer


def test_an_article_shows_its_text_and_indicators(api_client, articles):
    body = api_client.get(f"/api/v1/articles/{articles['newer'].pk}/").json()
    assert body["text"] == REPORT and body["status"] == "new"
    [indicator] = body["indicators"]
    assert indicator["quote"] == "高新技术企业达到420家" and indicator["zone"] == "weihai"
    assert body["text"][indicator["quote_start"] : indicator["quote_end"]] == indicator["quote"]
    assert "article" not in indicator


def test_an_unknown_article_is_404(api_client, articles):
    response = api_client.get("/api/v1/articles/999999/")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_articles_download_as_csv(api_client, articles):
    response = api_client.get("/api/v1/articles/", {"format": "csv"})
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["威海年报", "旧闻", "无日期"]
    assert rows[0]["source"] == "威海日报" and rows[0]["published_on"] == "2025-01-05"


@pytest.mark.parametrize("page_size", [2, 50])
def test_listing_articles_takes_a_fixed_number_of_queries(
    api_client, unthrottled, weihai, django_assert_max_num_queries, page_size
):
    for number in range(60):
        article = Article.objects.create(raw_text=f"第{number}篇报道", title=f"报道{number}")
        article.zones.add(weihai)
    with django_assert_max_num_queries(3):
        response = api_client.get("/api/v1/articles/", {"page_size": page_size})
    assert len(response.json()["results"]) == page_size


# Uploading


def test_an_anonymous_upload_is_refused_401(api_client, weihai):
    response = api_client.post("/api/v1/articles/", {"text": REPORT}, format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert not Article.objects.exists()


def test_an_upload_with_a_reader_token_is_refused_403(api_client, token_for, weihai):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('reader', editor=False)}")
    response = api_client.post("/api/v1/articles/", {"text": REPORT}, format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert not Article.objects.exists()


def test_whoever_may_upload_on_the_site_may_upload_through_the_api(api_client, registry, django_user_model):
    from knox.models import AuthToken

    admin = django_user_model.objects.create_superuser("admin")  # not in the editors group
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=admin)[1]}")
    assert api_client.post("/api/v1/articles/", {"text": REPORT}, format="json").status_code == 201


def test_a_bad_token_is_refused_401(api_client, weihai):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api_client.post("/api/v1/articles/", {"text": REPORT}, format="json").status_code == 401


def test_an_editor_uploads_a_report_as_json_and_gets_its_indicators(editor, registry):
    response = editor.post(
        "/api/v1/articles/",
        {
            "text": REPORT,
            "title": "威海高新区2024年经济运行",
            "source": "威海日报",
            "published_on": "2025-01-05",
            "zones": ["weihai"],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    article = Article.objects.get()
    assert response["Location"] == body["api_url"] == f"http://testserver/api/v1/articles/{article.pk}/"
    assert type(response.headers["Location"]) is str  # WSGI servers take nothing else
    assert (article.title, article.source_name, article.published_on) == (
        "威海高新区2024年经济运行",
        "威海日报",
        dt.date(2025, 1, 5),
    )
    assert article.added_by.username == "editor"
    assert body["zones"] == ["weihai"]
    assert body["indicators"], "the engine finds the figures of the report"
    assert {row["id"] for row in body["indicators"]} == set(article.indicators.values_list("pk", flat=True))
    assert all(row["quote"] in REPORT for row in body["indicators"])
    assert "420" in {row["value"] for row in body["indicators"]}


def test_an_editor_uploads_a_gbk_text_file(editor, registry):
    upload = SimpleUploadedFile("威海.txt", REPORT.encode("gbk"), content_type="text/plain")
    response = editor.post("/api/v1/articles/", {"file": upload, "title": "来自文件"}, format="multipart")
    assert response.status_code == 201, response.content
    article = Article.objects.get()
    assert article.raw_text == REPORT and article.original_filename == "威海.txt"
    assert response.json()["title"] == "来自文件"


def test_a_web_page_gives_its_own_title_when_none_is_sent(editor, registry):
    page = (
        "<html><head><title>威海高新区经济运行情况</title></head>"
        f"<body><article><p>{REPORT}</p></article></body></html>"
    )
    upload = SimpleUploadedFile("page.html", page.encode(), content_type="text/html")
    response = editor.post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert response.status_code == 201, response.content
    assert response.json()["title"] == "威海高新区经济运行情况"
    assert "<" not in Article.objects.get().raw_text


def test_the_same_report_again_is_refused_409_with_a_link_to_the_stored_one(editor, articles):
    response = editor.post("/api/v1/articles/", {"text": REPORT.replace("。", "。\n")}, format="json")
    assert response.status_code == 409
    error = response.json()["error"]
    existing = articles["newer"]
    assert (error["status"], error["code"]) == (409, "duplicate")
    assert error["details"]["article_id"] == existing.pk
    assert (
        error["details"]["api_url"]
        == response["Location"]
        == f"http://testserver/api/v1/articles/{existing.pk}/"
    )
    assert type(response.headers["Location"]) is str
    assert error["details"]["page_url"] == f"http://testserver/articles/{existing.pk}/"
    assert str(existing.pk) in error["message"] and existing.title in error["message"]
    assert Article.objects.count() == 3


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"text": " \n\t "}, "text"),
        ({}, "text"),
        ({"text": REPORT, "published_on": "yesterday"}, "published_on"),
        ({"text": REPORT, "url": "not a url"}, "url"),
    ],
)
def test_an_upload_that_makes_no_sense_is_refused_400_with_the_reason(editor, weihai, payload, field):
    response = editor.post("/api/v1/articles/", payload, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and list(error["details"]) == [field]
    assert error["message"]
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "filename, content",
    [
        ("empty.txt", b""),
        ("report.exe", REPORT.encode()),
        ("broken.docx", b"not a word file"),
        ("blank.txt", b"  \n "),
        ("nul.txt", REPORT.encode() + b"\x00"),
    ],
)
def test_an_unreadable_file_is_refused_400_with_the_reason(editor, weihai, filename, content):
    upload = SimpleUploadedFile(filename, content)
    response = editor.post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert response.status_code == 400
    error = response.json()["error"]
    assert list(error["details"]) == ["file"] and error["details"]["file"][0] in error["message"]
    assert not Article.objects.exists()


def test_an_upload_naming_a_zone_that_does_not_exist_is_404_naming_it(editor, weihai):
    response = editor.post(
        "/api/v1/articles/", {"text": REPORT, "zones": ["weihai", "atlantis"]}, format="json"
    )
    error = response.json()["error"]
    assert response.status_code == 404 and error["code"] == "not_found"
    assert list(error["details"]) == ["zones"] and "atlantis" in error["message"]
    assert not Article.objects.exists()


def test_text_and_file_together_are_refused(editor, weihai):
    upload = SimpleUploadedFile("a.txt", REPORT.encode())
    response = editor.post("/api/v1/articles/", {"file": upload, "text": REPORT}, format="multipart")
    assert response.status_code == 400


def test_a_report_over_the_size_limit_is_refused(editor, weihai, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    response = editor.post("/api/v1/articles/", {"text": "威海" * 400}, format="json")
    assert response.status_code == 413
    error = response.json()["error"]
    assert "MB" in error["message"] and error["code"] == "too_large"
    assert error["details"] == {"limit": "MAX_UPLOAD_BYTES", "value": 2400, "maximum": 1000}
    upload = SimpleUploadedFile("big.txt", ("威海" * 400).encode())
    assert editor.post("/api/v1/articles/", {"file": upload}, format="multipart").status_code == 413
    assert not Article.objects.exists()


def test_malformed_json_is_refused_400_in_the_error_shape(editor, weihai):
    response = editor.post("/api/v1/articles/", '{"text": "unterminated', content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_an_engine_failure_stores_nothing_and_says_so(editor, weihai, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("engine failure")

    monkeypatch.setattr("ingestion.services.extract", broken)
    response = editor.post("/api/v1/articles/", {"text": REPORT}, format="json")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "extraction_failed" and "RuntimeError" in error["message"]
    assert not Article.objects.exists()


def test_a_request_far_over_the_size_limit_is_refused_413_in_the_error_shape(editor, weihai, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    response = editor.post("/api/v1/articles/", {"text": "威海" * 2000}, format="json")
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "too_large" and "MB" in error["message"]
    assert not Article.objects.exists()


def test_an_article_shows_its_frame_and_an_upload_may_correct_it(editor, registry):
    summary = "洛阳高新区工作总结\n\n全区实现营业收入120亿元,同比增长8%。\n"
    response = editor.post("/api/v1/articles/", {"text": summary, "reported_year": 2021}, format="json")
    assert response.status_code == 201, response.json()
    frame = response.json()["frame"]
    assert (frame["kind"], frame["zones"], frame["reported_year"], frame["corrected"]) == (
        "summary",
        ["洛阳高新区"],
        2021,
        ["reported_year"],
    )
    assert {row["period_label"] for row in response.json()["indicators"]} == {"2021"}
