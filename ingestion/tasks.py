"""Extraction as jobs on the procrastinate queue (PostgreSQL), run by `manage.py procrastinate worker`:
reports too long to extract while an upload waits, bulk imports and re-extraction of every article.

A report is stored and its job queued in one transaction, so a report is never stored without the
job that extracts it, nor a job queued for a report that was rolled back. The job extracts through
the same service as the upload (`extract_or_raise`): a failure marks the article failed with the
reason, keeps the report and any figures an editor reviewed, and fails the job."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import InterfaceError, OperationalError, transaction
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from articles.models import Article
from articles.services import ArticleInput
from ingestion.services import Refusal, extract_or_raise, ingest_reports

EXTRACTION_QUEUE = "extraction"
EXTRACTION_TASK = "ingestion.extract_article"


@app.task(
    name=EXTRACTION_TASK,
    queue=EXTRACTION_QUEUE,
    # The engine gives the same answer every time, so its failures are final; a database that went
    # away (a restart) is worth another try.
    retry=RetryStrategy(max_attempts=3, wait=10, retry_exceptions={OperationalError, InterfaceError}),
)
def extract_article_job(article_id: int, default_zone: str | None = None) -> None:
    extract_or_raise(Article.objects.get(pk=article_id), default_zone=default_zone, keep_article=True)


@dataclass(frozen=True)
class QueuedExtraction:
    article: Article
    job_id: int


@transaction.atomic
def queue_report(data: ArticleInput, *, added_by=None, default_zone: str | None = None) -> QueuedExtraction:
    """Store a new report (refused as `store_article` refuses) and queue the job extracting it."""
    [outcome] = queue_reports([data], added_by=added_by, default_zone=default_zone)
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


@transaction.atomic
def queue_reports(
    reports: Sequence[ArticleInput], *, added_by=None, default_zone: str | None = None
) -> list[QueuedExtraction | Refusal]:
    """Store new reports (ingest_reports without extraction: refused reports are reported, in
    order) and queue a job extracting each one stored, in one statement."""
    outcomes = ingest_reports(reports, added_by=added_by, default_zone=default_zone, extract=False)
    stored = [article for article in outcomes if isinstance(article, Article)]
    job_ids = iter(defer_extractions(stored, default_zone=default_zone))
    return [
        QueuedExtraction(outcome, next(job_ids)) if isinstance(outcome, Article) else outcome
        for outcome in outcomes
    ]


def queue_reextraction(article: Article) -> int | None:
    """Queue a job extracting a stored article again; None when one is already waiting for it."""
    try:
        # A savepoint: the refused insert must not spoil a transaction the caller has open.
        with transaction.atomic():
            return defer_extraction(article)
    except AlreadyEnqueued:
        return None


def defer_extraction(article: Article, *, default_zone: str | None = None) -> int:
    # One waiting job per article: queueing it twice (reextract --all run again) would only repeat work.
    deferrer = extract_article_job.configure(queueing_lock=queueing_lock(article))
    return deferrer.defer(article_id=article.pk, default_zone=default_zone)


def defer_extractions(articles: Sequence[Article], *, default_zone: str | None = None) -> list[int]:
    """defer_extraction for articles just stored (so none has a job waiting yet), in one statement."""
    if not articles:
        return []
    jobs = [
        extract_article_job.configure(queueing_lock=queueing_lock(article)).make_new_job(
            article_id=article.pk, default_zone=default_zone
        )
        for article in articles
    ]
    return [job.id for job in app.job_manager.batch_defer_jobs(jobs)]


def queueing_lock(article: Article) -> str:
    return f"extract-article-{article.pk}"
