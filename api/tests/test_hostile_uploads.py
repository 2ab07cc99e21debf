"""Hostile uploads through the API and the upload page: each is refused at once with the bound it
breaks (413, or 422 for the time budget) in the one error shape, and nothing is stored."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from factories import REPORT, flate_bomb_pdf, long_text, many_pages_pdf, zip_bomb_docx
from metrics.models import Indicator

pytestmark = pytest.mark.django_db

WITHIN_SECONDS = 10  # generous on a shared machine; without the bounds these take minutes

HOSTILE_FILES = {
    "zip bomb": ("bomb.docx", lambda: zip_bomb_docx(200), "MAX_UNZIPPED_BYTES"),
    "flate bomb": ("bomb.pdf", lambda: flate_bomb_pdf(200), "PDF_READER"),
    "50,000 pages": ("pages.pdf", lambda: many_pages_pdf(50_000), "MAX_PDF_PAGES"),
    "4 MB of text": ("long.txt", lambda: long_text(4).encode(), "MAX_TEXT_CHARS"),
}


@pytest.fixture
def editor(api_client, token_for):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('editor', editor=True)}")
    api_client.cookies["django_language"] = "en"
    return api_client


@pytest.mark.parametrize("hostile", HOSTILE_FILES, ids=list(HOSTILE_FILES))
def test_a_hostile_file_is_refused_413_naming_its_limit_and_nothing_is_stored(editor, hostile):
    filename, build, limit = HOSTILE_FILES[hostile]
    upload = SimpleUploadedFile(filename, build())
    started = time.perf_counter()
    response = editor.post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert time.perf_counter() - started < WITHIN_SECONDS
    error = response.json()["error"]
    assert response.status_code == 413 and error["status"] == 413 and error["code"] == "too_large"
    assert (error["details"]["limit"] == limit and limit in error["message"]) or limit == "PDF_READER"
    assert not Article.objects.exists()


def test_pasted_text_over_the_character_limit_is_refused_413(editor, settings):
    settings.MAX_TEXT_CHARS = 1000
    text = long_text(0.01)
    response = editor.post("/api/v1/articles/", {"text": text}, format="json")
    assert response.status_code == 413
    assert response.json()["error"]["details"] == {
        "limit": "MAX_TEXT_CHARS",
        "value": len(text),
        "maximum": 1000,
    }
    assert not Article.objects.exists()


def test_extraction_over_its_time_budget_is_refused_422_and_nothing_is_stored(editor, settings):
    settings.EXTRACTION_SECONDS = 0  # every extraction is over budget at its first check
    response = editor.post("/api/v1/articles/", {"text": REPORT}, format="json")
    error = response.json()["error"]
    assert response.status_code == 422 and error["code"] == "over_time"
    assert error["details"]["limit"] == "EXTRACTION_SECONDS" and "EXTRACTION_SECONDS" in error["message"]
    assert not Article.objects.exists() and not Indicator.objects.exists()


@pytest.fixture
def editor_page(client_of):
    from django.contrib.auth.models import Group

    from accounts.editors import EDITORS_GROUP

    Group.objects.get_or_create(name=EDITORS_GROUP)
    return client_of("page-editor", editor=True)


def test_the_upload_page_refuses_a_zip_bomb_413_with_the_reason(editor_page):
    response = editor_page.post(
        reverse("review:upload"), {"file": SimpleUploadedFile("bomb.docx", zip_bomb_docx(200))}
    )
    assert response.status_code == 413
    assert "MAX_UNZIPPED_BYTES" in response.content.decode()
    assert not Article.objects.exists()


def test_the_upload_page_says_when_reading_the_figures_ran_out_of_time(editor_page, settings):
    settings.EXTRACTION_SECONDS = 0
    response = editor_page.post(reverse("review:upload"), {"text": REPORT, "confirmed": "on"})
    assert response.status_code == 422 and "EXTRACTION_SECONDS" in response.content.decode()
    assert not Article.objects.exists()


def test_reextraction_over_its_time_budget_marks_the_article_failed_and_keeps_it(settings):
    from factories import make_article
    from ingestion.services import ExtractionFailed, reextract_article

    article = make_article(text=REPORT)
    settings.EXTRACTION_SECONDS = 0
    with pytest.raises(ExtractionFailed):
        reextract_article(article)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED and "EXTRACTION_SECONDS" in article.status_message
