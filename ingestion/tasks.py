"""Extraction as jobs on the procrastinate queue (PostgreSQL), run by `manage.py procrastinate worker`:
reports too long to extract while an upload waits, bulk imports and re-extraction of every article.

A report is stored and its job queued in one transaction, so a report is never stored without the
job that extracts it, nor a job queued for a report that was rolled back. The job extracts through
the same service as the upload (`extract_or_raise`): a failure marks the article failed with the
reason, keeps the report and any figures an editor reviewed, and fails the job."""

from dataclasses import dataclass

from django.db import InterfaceError, OperationalError, transaction
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from articles.models import Article
from articles.services import ArticleInput, store_article
from ingestion.services import extract_or_raise

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
    article = store_article(data, added_by=added_by)
    return QueuedExtraction(article, defer_extraction(article, default_zone=default_zone))


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
    deferrer = extract_article_job.configure(queueing_lock=f"extract-article-{article.pk}")
    return deferrer.defer(article_id=article.pk, default_zone=default_zone)
