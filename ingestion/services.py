"""Reports in: a report is stored (`articles.services`) and its figures extracted by the engine
(`extraction`) and stored as indicators, all or nothing. The upload page, the API, `import_articles`
and re-extraction all come through here."""

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from articles.documents import Document
from articles.limits import OverLimit
from articles.models import Article
from articles.services import ArticleInput, document_input, store_article
from extraction import DocumentFrame, ExtractedIndicator, MetricCatalogue, ZoneGazetteer, extract
from metrics.models import Indicator, Metric
from zones.models import Zone
from zones.registry import place_table
from zones.services import get_or_create_reported_zone

logger = logging.getLogger(__name__)


class ExtractionFailed(RuntimeError):
    """The engine failed on a report. `article_kept`: the article stays, marked failed (re-extraction);
    otherwise nothing of the report was stored (a new report)."""

    def __init__(self, error: Exception, *, article_kept: bool):
        self.article_kept = article_kept
        if isinstance(error, OverLimit):  # says itself what happened
            super().__init__(str(error))
            return
        message = (
            _("The figures could not be extracted (%(error)s).")
            if article_kept
            else _("The figures could not be extracted (%(error)s); the report was not stored.")
        )
        super().__init__(message % {"error": error.__class__.__name__})


class ExtractionOverTime(OverLimit):
    """Extraction ran past its time budget (settings.EXTRACTION_SECONDS) and was stopped."""

    http_status = 422


def time_budget(seconds: float | None = None) -> Callable[[], None]:
    """The engine's deadline check (extract's `check_deadline`): raises ExtractionOverTime once
    `seconds` (default settings.EXTRACTION_SECONDS) have passed since this call."""
    budget = settings.EXTRACTION_SECONDS if seconds is None else seconds
    started = time.monotonic()

    def check_deadline() -> None:
        spent = time.monotonic() - started
        if spent > budget:
            raise ExtractionOverTime(
                _(
                    "Reading the figures took too long: stopped after %(value).1f s, %(excess).1f s past the "
                    "limit of %(limit)s s (EXTRACTION_SECONDS). Nothing was stored; a shorter report (or "
                    "the report in parts) can be read."
                )
                % {"value": spent, "excess": spent - budget, "limit": budget},
                limit="EXTRACTION_SECONDS",
                value=round(spent, 1),
                maximum=budget,
            )

    return check_deadline


@dataclass(frozen=True)
class Reference:
    """What the engine reads reports against, built from the zone registry and the metric catalogue
    as they stood at `version`: the gazetteer, the catalogue, the metrics by code and the zones
    found so far by the names reports give them."""

    version: tuple
    gazetteer: ZoneGazetteer
    catalogue: MetricCatalogue
    metrics: dict[str, Metric]
    zones_by_name: dict[str, Zone] = field(default_factory=dict)


# Rows counted, highest id and highest transaction id that wrote a row (xmin): any insert, update or
# delete of a zone, alias, metric or synonym changes one of them. One index-free scan of two small
# tables (a few thousand rows), against ~15 ms to build the gazetteer and catalogue again.
TABLE_VERSION = "SELECT ARRAY[count(*), COALESCE(max(id), 0), COALESCE(max(xmin::text::bigint), 0)] FROM {}"
REFERENCE_VERSION_SQL = (
    f"SELECT ({TABLE_VERSION.format('zones_zone')}), ({TABLE_VERSION.format('metrics_metric')})"
)

_reference: Reference | None = None


def reference() -> Reference:
    """The gazetteer and catalogue, built once and kept while the registry and the catalogue stay
    as they are: a batch import (and every job of a worker process) builds them once, and again
    only after a zone, alias, metric or synonym changed, in this process or another."""
    global _reference
    with connection.cursor() as cursor:
        cursor.execute(REFERENCE_VERSION_SQL)
        version = tuple(tuple(side) for side in cursor.fetchone())
    if _reference is None or _reference.version != version:
        metrics = {metric.code: metric for metric in Metric.objects.all()}
        _reference = Reference(version, build_gazetteer(), build_catalogue(metrics.values()), metrics)
    return _reference


def single_zone_of(article: Article) -> str | None:
    """The zone of an article about a single zone (named by its uploader, or found before): the zone
    of its figures that name none."""
    zones = list(article.zones.all()[:2])
    return zones[0].name if len(zones) == 1 else None


def build_gazetteer() -> ZoneGazetteer:
    """The engine's gazetteer of the zones in the database (editors' aliases and zones found in
    reports included), with the shipped place table."""
    fields = ("name", "short_name", "aliases", "former_names", "districts", "city", "province", "level")
    return ZoneGazetteer.from_records(Zone.objects.values(*fields), place_table())


def build_catalogue(metrics) -> MetricCatalogue:
    return MetricCatalogue.from_records(
        {"code": m.code, "name_zh": m.name_zh, "unit": m.unit, "family": m.family, "synonyms": m.synonyms}
        for m in metrics
    )


def reported_zone(name: str, known: Reference) -> Zone:
    """get_or_create_reported_zone, remembering the zones that existed already (not one created
    here: it may still be rolled back with its report)."""
    if name in known.zones_by_name:
        return known.zones_by_name[name]
    existing = Zone.objects.named(name).first()
    if existing is None:
        return get_or_create_reported_zone(name)
    known.zones_by_name[name] = existing
    return existing


@dataclass(frozen=True)
class SuggestedUpload:
    """What the file and the engine say about a report before it is stored, for an editor to check:
    its details, and the document frame the engine read (kind, zones, years; None when the engine
    did not read it: a long report is read by its job)."""

    details: ArticleInput
    frame: DocumentFrame | None


def suggested_upload(document: Document, original_filename: str = "") -> SuggestedUpload:
    """The file's statements about itself first, what the engine reads in the text after. The zones
    are those the frame says the report is about, else every zone it names. A long report is not
    read while the editor waits: its job fills in the rest (title, source, date, zones, frame)."""
    stated = document_input(document, original_filename)
    if extracts_in_background(document.text):
        return SuggestedUpload(stated, None)
    known = reference()
    found = extract(
        document.text, gazetteer=known.gazetteer, catalogue=known.catalogue, check_deadline=time_budget()
    )
    names = list(found.frame.zones) or [zone.name for zone in found.zones]
    zones = sorted(
        Zone.objects.filter(Q(name__in=names) | Q(short_name__in=names)),
        key=lambda zone: min(names.index(n) for n in (zone.name, zone.short_name) if n in names),
    )
    details = stated.completed_by(
        ArticleInput(
            text=document.text,
            title=found.metadata.title or "",
            source_name=found.metadata.source or "",
            published_on=found.metadata.published,
            zones=zones,
        )
    )
    return SuggestedUpload(details, found.frame)


def extracts_in_background(text: str) -> bool:
    """Whether a report is long enough for its extraction to run as a job (ingestion.tasks) rather than
    while its uploader waits."""
    return len(text.encode("utf-8")) > settings.BACKGROUND_EXTRACTION_BYTES


@transaction.atomic
def ingest_report(data: ArticleInput, *, added_by=None, default_zone: str | None = None) -> Article:
    """Store a new report and its extracted indicators: all of it or nothing. Zones named by the
    uploader are kept; a single one is where figures that name no zone belong."""
    article = store_article(data, added_by=added_by)
    extract_or_raise(article, default_zone=default_zone, keep_article=False, new=True)
    return article


def reextract_article(article: Article) -> list[Indicator]:
    """Extract a stored article's figures again (extract_article: reviewed figures stay). When the
    engine fails, the article says so (status “failed”) and ExtractionFailed is raised."""
    return extract_or_raise(article, keep_article=True)


def extract_or_raise(
    article: Article, *, default_zone: str | None = None, keep_article: bool, new: bool = False
) -> list[Indicator]:
    """extract_article, with an engine failure logged and raised as ExtractionFailed: a bug in the
    engine must cost this report, not the request or the batch. With `keep_article` the article is
    marked failed; without, the caller's transaction is expected to roll the article back."""
    try:
        with transaction.atomic():
            return extract_article(article, default_zone=default_zone, new=new)
    except ExtractionOverTime as over_time:
        if not keep_article:
            raise  # a refusal of the report, like any other limit's (nothing stored)
        mark_failed(article, str(over_time))
        raise ExtractionFailed(over_time, article_kept=True) from over_time
    except Exception as error:
        logger.exception("Extraction failed on %r", article.title or article.original_filename or article.pk)
        if keep_article:
            mark_failed(article, f"{error.__class__.__name__}: {error}")
        raise ExtractionFailed(error, article_kept=keep_article) from error


def mark_failed(article: Article, message: str) -> None:
    article.status, article.status_message = Article.Status.FAILED, message
    article.save(update_fields=["status", "status_message"])


def extraction_key(figure: ExtractedIndicator) -> str:
    identity = f"{figure.start}:{figure.end}:{figure.value!r}:{figure.kind}:{figure.stance}:{figure.derived}"
    return hashlib.sha256(identity.encode()).hexdigest()


@transaction.atomic
def extract_article(
    article: Article, *, default_zone: str | None = None, new: bool = False
) -> list[Indicator]:
    """(Re-)extract an article's figures. Automatic indicators are replaced; anything an editor
    confirmed, corrected, rejected or added stays exactly as the editor left it, and the engine's
    own version of such a figure is not added beside it. `new`: the article was stored in this
    transaction, so it has no figures yet and no other transaction sees it."""
    if not new:
        # One extraction of an article at a time: two concurrent runs would both add the figures.
        Article.objects.select_for_update().filter(pk=article.pk).first()
    if default_zone is None:
        default_zone = single_zone_of(article)
    known = reference()
    result = extract(
        article.raw_text,
        gazetteer=known.gazetteer,
        catalogue=known.catalogue,
        published=article.published_on,
        default_zone=default_zone,
        check_deadline=time_budget(),
        frame=article.frame_corrections or None,
    )
    fill_missing_metadata(article, result.metadata)
    article.frame = result.frame.to_json()
    article.text = result.text
    article.status = Article.Status.EXTRACTED
    article.status_message = ""
    article.save()

    reviewed = []
    if not new:
        article.indicators.automatic().delete()
        reviewed = list(article.indicators.all())
    kept = {indicator.extraction_key for indicator in reviewed if indicator.extraction_key}
    zones: dict[str, Zone] = {}
    created = []
    for figure in result.indicators:
        key = extraction_key(figure)
        if key in kept or any(recorded_by_editor(indicator, figure) for indicator in reviewed):
            continue
        kept.add(key)
        created.append(indicator_from_figure(article, figure, key, known, zones))
    Indicator.objects.bulk_create(created)
    # Zones are only ever added: those the uploader named stay even when no figure names them.
    article.zones.add(*{zone.pk for zone in zones.values()})
    return created


def recorded_by_editor(indicator: Indicator, figure: ExtractedIndicator) -> bool:
    """Whether the engine's figure is one an editor already recorded by hand (same words of the
    text, same value and reading), which the editor's version stands for."""
    if indicator.quote_start is None or indicator.quote_end is None:
        return False
    overlaps = indicator.quote_start < figure.end and figure.start < indicator.quote_end
    return (
        overlaps
        and indicator.value == Decimal(str(figure.value))
        and (indicator.kind, indicator.stance) == (figure.kind, figure.stance)
    )


def fill_missing_metadata(article: Article, metadata) -> None:
    """What the page states about itself fills the fields the uploader left empty."""
    if not article.title and metadata.title:
        article.title = metadata.title[:300]
    if not article.source_name and metadata.source:
        article.source_name = metadata.source[:200]
    if not article.published_on and metadata.published:
        article.published_on = metadata.published


def indicator_from_figure(
    article, figure: ExtractedIndicator, key: str, known: Reference, zones
) -> Indicator:
    zone = None
    if figure.scope == Indicator.Scope.ZONE and figure.zone and figure.zone != "*":
        if figure.zone not in zones:
            zones[figure.zone] = reported_zone(figure.zone, known)
        zone = zones[figure.zone]
    return Indicator(
        article=article,
        zone=zone,
        scope=figure.scope,
        place=figure.zone or "",
        metric=known.metrics.get(figure.metric_code) if figure.metric_code else None,
        metric_text=figure.metric[:200],
        value=Decimal(str(figure.value)),
        unit=figure.unit,
        base_value=None if figure.base_value is None else Decimal(str(figure.base_value)),
        kind=figure.kind,
        stance=figure.stance,
        period_label=figure.period or "",
        period_start=figure.period_start,
        period_end=figure.period_end,
        qualifier=figure.qualifier or "",
        quote=figure.quote,
        quote_start=figure.start,
        quote_end=figure.end,
        derived=figure.derived,
        extraction_key=key,
    )
