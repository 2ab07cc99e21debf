from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction

from articles.models import Article, content_hash


class DuplicateArticle(Exception):
    """The same report (same wording) is already stored."""

    def __init__(self, existing: Article):
        self.existing = existing
        super().__init__(f"This report is already stored as article #{existing.pk} ({existing}).")


class EmptyArticle(ValueError):
    pass


@dataclass
class ArticleInput:
    text: str
    title: str = ""
    source_name: str = ""
    url: str = ""
    published_on: date | None = None
    original_filename: str = ""


def find_duplicate(text: str) -> Article | None:
    return Article.objects.filter(content_hash=content_hash(text)).first()


@transaction.atomic
def store_article(data: ArticleInput, *, added_by=None, extract=True, default_zone=None) -> Article:
    """Store a report and, unless told otherwise, its extracted indicators: all of it or nothing."""
    if not data.text or not data.text.strip():
        raise EmptyArticle("The report has no text.")
    duplicate = find_duplicate(data.text)
    if duplicate is not None:
        raise DuplicateArticle(duplicate)
    article = Article(
        raw_text=data.text,
        title=data.title.strip()[:300],
        source_name=data.source_name.strip()[:200],
        url=data.url.strip(),
        published_on=data.published_on,
        original_filename=data.original_filename[:255],
        added_by=added_by,
    )
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another upload of the same text won the race between our check and our insert.
        raise DuplicateArticle(find_duplicate(data.text)) from None
    if extract:
        from metrics.services import extract_article  # metrics depends on articles, not the reverse

        extract_article(article, default_zone=default_zone)
    return article
