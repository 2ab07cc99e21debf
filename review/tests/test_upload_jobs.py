"""A long report on the upload page: read without the engine, saved at once, followed on its job page
until a real worker (conftest.job_worker) has extracted it."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from articles.models import Article

UPLOAD = reverse("review:upload")
REPORT = "威海高新区2024年完成地区生产总值300亿元，同比增长8.5%。高新技术企业达到320家。"


@pytest.fixture
def admin_client_en(django_user_model):
    """A superuser (who may upload as editors do; transactional tests flush the editors group the
    migrations made), reading English pages."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(django_user_model.objects.create_superuser("admin", password="not-used-here"))
    return client


def test_a_long_report_is_saved_at_once_and_its_page_follows_the_job(
    admin_client_en, settings, job_worker, monkeypatch
):
    settings.BACKGROUND_EXTRACTION_BYTES = 10

    def engine_must_wait(*args, **kwargs):
        raise AssertionError("the engine ran while the editor waited")

    with monkeypatch.context() as patched:
        patched.setattr("ingestion.services.extract", engine_must_wait)
        read = admin_client_en.post(UPLOAD, {"text": REPORT, "title": "威海年报"})
    assert read.context["form"].initial["text"] == REPORT

    saved = admin_client_en.post(UPLOAD, {"text": REPORT, "title": "威海年报", "confirmed": "on"})
    article = Article.objects.get()
    assert saved.status_code == 302 and saved["Location"].startswith("/articles/upload/jobs/")
    waiting = admin_client_en.get(saved["Location"]).content.decode()
    assert "waiting for a worker: 0 reports ahead of it" in waiting
    assert "No job worker is running" in waiting
    assert '<meta http-equiv="refresh" content="3">' in waiting
    assert reverse("review:article", args=[article.pk]) not in waiting

    job_worker()

    done = admin_client_en.get(saved["Location"]).content.decode()
    assert "Done: the figures are extracted." in done
    assert reverse("review:article", args=[article.pk]) in done
    assert 'http-equiv="refresh"' not in done
    assert article.indicators.filter(value=320).exists()


@pytest.mark.django_db
def test_the_job_page_is_for_editors_and_known_jobs(client_of):
    reader = client_of("reader", editor=False)
    assert reader.get(reverse("review:job", args=[1])).status_code == 403
    editor = client_of("editor", editor=True)
    assert editor.get(reverse("review:job", args=[987654])).status_code == 404


@pytest.mark.django_db
def test_the_button_queues_the_reextraction_of_a_long_article_once(client_of, settings):
    from factories import make_article

    settings.BACKGROUND_EXTRACTION_BYTES = 10
    article = make_article()
    editor = client_of("editor", editor=True)
    button = reverse("review:reextract", args=[article.pk])
    first = editor.post(button)
    assert first.status_code == 302 and first["Location"].startswith("/articles/upload/jobs/")
    again = editor.post(button, follow=True)
    assert "already waiting to be extracted again" in again.content.decode()
    assert Article.objects.get(pk=article.pk).status == "new"
