"""Extraction jobs: queued with their report in one transaction, counted in line, run by a real worker
(conftest.job_worker), and the commands that queue them in bulk."""

import pytest
from django.core.management import call_command
from django.utils import translation
from procrastinate.contrib.django.models import ProcrastinateJob

from articles.models import Article
from articles.services import ArticleInput, DuplicateArticle
from factories import REPORT, make_article, make_indicator
from ingestion.selectors import extraction_job
from ingestion.services import extracts_in_background
from ingestion.tasks import EXTRACTION_TASK, queue_reextraction, queue_report
from metrics.models import Indicator


@pytest.mark.django_db
def test_a_queued_report_waits_stored_and_unextracted_behind_earlier_jobs():
    first = queue_report(ArticleInput(text=f"{REPORT}（一）"))
    second = queue_report(ArticleInput(text=f"{REPORT}（二）"))
    job = extraction_job(second.job_id)
    assert (job.state, job.jobs_ahead, job.workers, job.article) == ("queued", 1, 0, second.article)
    assert extraction_job(first.job_id).jobs_ahead == 0
    assert second.article.status == "new" and not second.article.indicators.exists()


@pytest.mark.django_db
def test_a_refused_report_queues_no_job():
    make_article(text=REPORT)
    with pytest.raises(DuplicateArticle):
        queue_report(ArticleInput(text=REPORT))
    assert not ProcrastinateJob.objects.exists()


@pytest.mark.django_db
def test_the_threshold_counts_bytes_of_text(settings):
    settings.BACKGROUND_EXTRACTION_BYTES = 9
    assert not extracts_in_background("高新区")  # 9 bytes in UTF-8
    assert extracts_in_background("高新区a")


def test_a_worker_reextracts_keeping_what_editors_reviewed(job_worker):
    article = make_article()
    confirmed = make_indicator(article, value=320, quote="320家", reviewed=True)
    automatic = make_indicator(article, value=999, quote="999")
    job_id = queue_reextraction(article)
    assert queue_reextraction(article) is None, "one waiting job per article"

    job_worker()

    job = extraction_job(job_id)
    assert (job.state, job.message) == ("done", "")
    assert Indicator.objects.filter(pk=confirmed.pk).exists()
    assert not Indicator.objects.filter(pk=automatic.pk).exists()
    assert Article.objects.get(pk=article.pk).status == "extracted"


def test_a_failing_job_marks_its_article_failed_and_changes_nothing_else(job_worker, monkeypatch):
    from ingestion import services

    article = make_article()
    kept = make_indicator(article, value=320, quote="320家")
    real_extract = services.extract_article

    def extracts_then_fails(target, **options):
        real_extract(target, **options)  # replaces the automatic figures, then fails: all rolled back
        raise ValueError("engine bug")

    monkeypatch.setattr(services, "extract_article", extracts_then_fails)
    job_id = queue_reextraction(article)
    job_worker()

    job = extraction_job(job_id)
    assert job.state == "failed" and "ValueError: engine bug" in job.message
    article.refresh_from_db()
    assert (article.status, article.status_message) == ("failed", "ValueError: engine bug")
    assert list(article.indicators.values_list("pk", flat=True)) == [kept.pk]


@pytest.mark.django_db
def test_import_articles_queues_a_job_per_file_unless_now(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("甲高新区全年完成投资10亿元。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙高新区全年完成投资20亿元。", encoding="utf-8")
    call_command("import_articles", str(tmp_path), verbosity=0)
    assert "Queued 2 extraction jobs" in capsys.readouterr().out
    assert set(Article.objects.values_list("status", flat=True)) == {"new"}
    jobs = ProcrastinateJob.objects.filter(task_name=EXTRACTION_TASK)
    assert sorted(job.args["article_id"] for job in jobs) == sorted(
        Article.objects.values_list("pk", flat=True)
    )

    (tmp_path / "c.txt").write_text("丙高新区全年完成投资30亿元。", encoding="utf-8")
    call_command("import_articles", str(tmp_path), "--now", verbosity=0)
    assert Article.objects.get(raw_text__startswith="丙").status == "extracted"
    assert jobs.count() == 2


@pytest.mark.django_db
def test_reextract_all_queues_a_job_per_article_once(capsys):
    articles = [make_article(), make_article()]
    call_command("reextract", "--all", verbosity=0)
    call_command("reextract", "--all", verbosity=0)
    out = capsys.readouterr().out
    assert "Queued 2 extraction jobs (0 articles already had one waiting)" in out
    assert "Queued 0 extraction jobs (2 articles already had one waiting)" in out
    queued = ProcrastinateJob.objects.filter(task_name=EXTRACTION_TASK).values_list("args", flat=True)
    assert sorted(args["article_id"] for args in queued) == [article.pk for article in articles]


@pytest.mark.django_db
def test_a_job_whose_worker_died_is_reported_failed_not_running_for_ever():
    from django.db import connection

    queued = queue_report(ArticleInput(text=REPORT))
    with connection.cursor() as cursor:  # what a worker killed mid-job leaves: doing, its worker gone
        cursor.execute("UPDATE procrastinate_jobs SET status = 'doing' WHERE id = %s", [queued.job_id])
    with translation.override("en"):
        job = extraction_job(queued.job_id)
    assert job.state == "failed" and "The worker stopped while extracting this report" in job.message
