"""Uploads extracted in the background: 202 with the job's address, and that address following a
real worker's progress (the worker runs against the test database: see conftest.job_worker)."""

import pytest
from knox.models import AuthToken
from procrastinate.contrib.django.models import ProcrastinateJob
from rest_framework.test import APIClient

from articles.models import Article

REPORT = "威海高新区2024年实现地区生产总值312亿元，同比增长6.5%。高新技术企业达到420家。"


@pytest.fixture
def superuser_api(django_user_model):
    """An API client with the token of a superuser (who may upload as editors do): transactional tests
    flush the editors group the migrations made."""
    user = django_user_model.objects.create_superuser("admin", password="not-used-in-these-tests")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=user)[1]}")
    return client


@pytest.fixture
def long_reports(settings):
    """Every report of more than 10 bytes counts as long: REPORT goes to the job queue."""
    settings.BACKGROUND_EXTRACTION_BYTES = 10


def upload(client, text=REPORT):
    return client.post("/api/v1/articles/", {"text": text, "title": "威海年报"}, format="json")


def test_a_long_upload_is_stored_at_once_and_its_job_reports_the_worker_done(
    registry, superuser_api, long_reports, job_worker
):
    response = upload(superuser_api)
    assert response.status_code == 202, response.content
    job = response.json()
    assert response["Location"] == job["api_url"] == f"http://testserver/api/v1/jobs/{job['id']}/"
    article = Article.objects.get()
    assert (job["state"], job["jobs_ahead"], job["workers"], job["message"]) == ("queued", 0, 0, "")
    assert job["article_id"] == article.pk and article.status == "new" and not article.indicators.exists()
    assert job["article_api_url"] == f"http://testserver/api/v1/articles/{article.pk}/"

    job_worker()

    done = superuser_api.get(job["api_url"]).json()
    assert done["state"] == "done" and done["jobs_ahead"] is None
    assert done["queued_at"] <= done["started_at"] <= done["finished_at"]
    extracted = superuser_api.get(done["article_api_url"]).json()
    assert extracted["status"] == "extracted"
    assert "420" in {row["value"] for row in extracted["indicators"]}


def test_a_failing_job_says_why_and_keeps_the_report(superuser_api, long_reports, job_worker, monkeypatch):
    from ingestion import services

    def engine_bug(article, **options):
        raise ZeroDivisionError("engine bug")

    monkeypatch.setattr(services, "extract_article", engine_bug)
    job = upload(superuser_api).json()
    job_worker()

    failed = superuser_api.get(job["api_url"]).json()
    assert failed["state"] == "failed"
    assert "ZeroDivisionError: engine bug" in failed["message"]
    article = Article.objects.get(pk=job["article_id"])
    assert (article.status, article.raw_text) == ("failed", REPORT)
    assert ProcrastinateJob.objects.get(pk=job["id"]).status == "failed"


@pytest.mark.django_db
def test_a_short_upload_is_extracted_at_once_with_no_job(registry, superuser_api):
    response = upload(superuser_api)
    assert response.status_code == 201
    assert response.json()["indicators"]
    assert not ProcrastinateJob.objects.exists()


@pytest.mark.django_db
def test_a_job_that_is_not_an_extraction_or_does_not_exist_is_404(api_client):
    response = api_client.get("/api/v1/jobs/987654/")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
