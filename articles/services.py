"""Writing articles, with the rules every way in (upload page, API, bulk import) shares. Extracting
their figures is `ingestion`'s: this module stores reports only."""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from articles.decoding import check_length
from articles.documents import Document, read_document
from articles.limits import ReportLimits, check_text_length
from articles.models import Article, content_hash
from zones.models import Zone


class DuplicateArticle(Exception):
    """The same report (same wording) is already stored."""

    def __init__(self, existing: Article):
        self.existing = existing
        super().__init__(
            _("This report is already stored as article #%(pk)s (%(article)s).")
            % {"pk": existing.pk, "article": existing}
        )


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
    zones: Sequence[Zone] = field(default_factory=tuple)
    # What the uploader set of the document frame (kind, reported_year...), given to every extraction.
    frame_corrections: dict = field(default_factory=dict)

    def completed_by(self, found: "ArticleInput") -> "ArticleInput":
        """This input with every detail the uploader left empty taken from what was found."""
        return replace(self, **{name: getattr(self, name) or getattr(found, name) for name in _COMPLETABLE})


# The frame fields an uploader or editor may set, as forms and the API name them -> as the engine's
# DocumentFrame names them (the keys of ArticleInput.frame_corrections).
FRAME_CORRECTION_FIELDS = {"report_kind": "kind", "reported_year": "reported_year", "zone": "zones"}

_COMPLETABLE = ("text", "title", "source_name", "url", "published_on", "original_filename", "zones")


def find_duplicate(text: str) -> Article | None:
    return Article.objects.filter(content_hash=content_hash(text)).first()


def stored_by_hash(hashes) -> dict[str, Article]:
    """The stored articles of these content hashes (one query): the duplicates of a batch of reports."""
    return {article.content_hash: article for article in Article.objects.filter(content_hash__in=set(hashes))}


def normalise_newlines(text: str) -> str:
    # Browsers submit text with CRLF and show it with LF; one convention keeps quote offsets
    # that an editor selects on a page equal to offsets in the stored text.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_storable(text: str) -> None:
    """Refuse a report that is empty, over the size or length limit or already stored, saying why."""
    check_text(text)
    check_not_stored(text)


def check_not_stored(text: str) -> None:
    """Refuse a report whose text is stored already (one query), linking to the stored article."""
    duplicate = find_duplicate(text)
    if duplicate is not None:
        raise DuplicateArticle(duplicate)


def check_text(text: str) -> None:
    """Refuse a report that is empty or over the size or length limit, saying why (no query)."""
    if not text.strip():
        raise EmptyArticle(_("The report has no text."))
    check_length(len(text.encode("utf-8")), settings.MAX_UPLOAD_BYTES)
    check_text_length(len(text), ReportLimits.from_settings())


def read_report(*, text: str = "", filename: str = "", data: bytes | None = None) -> Document:
    """A submitted report — a file's bytes or pasted text — as a document, refused with the reason when
    it is too large, of a type we cannot read, empty, or already stored."""
    document = (
        read_document(filename, data, settings.MAX_UPLOAD_BYTES) if data is not None else Document(text)
    )
    document.text = normalise_newlines(document.text)
    check_storable(document.text)
    return document


def read_uploaded_file(upload) -> Document:
    """An uploaded file (a Django UploadedFile) as read_report reads it; one over the size limit is
    refused before it is read into memory."""
    check_length(upload.size, settings.MAX_UPLOAD_BYTES)
    return read_report(filename=upload.name, data=upload.read())


def document_input(document: Document, original_filename: str = "") -> ArticleInput:
    """The article as the document states it about itself (a web page's title, site, URL, date)."""
    return ArticleInput(
        text=document.text,
        title=document.title,
        source_name=document.source,
        url=document.url,
        published_on=document.published,
        original_filename=original_filename,
    )


def new_article(data: ArticleInput, *, added_by=None) -> Article:
    """The article a report makes, not saved yet (its text normalised, its content hash set), or
    the report refused (check_text) when empty or too large. Whether it is already stored is the
    caller's to check: store_article one by one, a batch with stored_by_hash."""
    text = normalise_newlines(data.text)
    check_text(text)
    return Article(
        raw_text=text,
        content_hash=content_hash(text),
        title=data.title.strip()[:300],
        source_name=data.source_name.strip()[:200],
        # A cut address is a broken one: an address longer than the column is dropped instead.
        url=data.url.strip() if len(data.url.strip()) <= Article._meta.get_field("url").max_length else "",
        published_on=data.published_on,
        original_filename=data.original_filename[:255],
        frame_corrections=dict(data.frame_corrections),
        added_by=added_by,
    )


def insert_articles(articles: Sequence[Article], zone_ids: Sequence[Sequence[int]]) -> None:
    """Insert new articles (new_article's) and link each to its zones (`zone_ids`, one sequence per
    article): two statements for the lot. A text already stored fails the insert (IntegrityError):
    the caller's savepoint decides what then."""
    Article.objects.bulk_create(articles, batch_size=1000)
    link_zones(articles, zone_ids)


def link_zones(articles: Sequence[Article], zone_ids: Sequence[Sequence[int]]) -> None:
    """Add zones to stored articles (one statement; links that exist already are kept)."""
    Link = Article.zones.through
    links = [
        Link(article_id=article.pk, zone_id=zone_id)
        for article, zones in zip(articles, zone_ids, strict=True)
        for zone_id in dict.fromkeys(zones)
    ]
    Link.objects.bulk_create(links, batch_size=1000, ignore_conflicts=True)


@transaction.atomic
def store_article(data: ArticleInput, *, added_by=None) -> Article:
    """Store a report with the zones its uploader named; refused (check_storable) when empty, too
    large or already stored."""
    article = new_article(data, added_by=added_by)
    check_not_stored(article.raw_text)
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another upload of the same text won the race between our check and our insert.
        raise DuplicateArticle(find_duplicate(article.raw_text)) from None
    article.zones.add(*data.zones)
    return article
