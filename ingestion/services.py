"""Reports in: a report is stored (`articles.services`) and its figures extracted by the engine
(`extraction`) and stored as indicators, all or nothing. The upload page, the API, `import_articles`
and re-extraction all come through here."""

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from articles.documents import Document
from articles.limits import OverLimit
from articles.models import Article
from articles.services import (
    ArticleInput,
    DuplicateArticle,
    EmptyArticle,
    document_input,
    find_duplicate,
    insert_articles,
    link_zones,
    new_article,
    stored_by_hash,
)
from extraction import (
    DocumentFrame,
    ExtractedIndicator,
    ExtractionResult,
    MetricCatalogue,
    ZoneGazetteer,
    extract,
)
from lib.copying import copy_new_rows
from metrics.models import Indicator, Metric
from zones.models import Zone
from zones.registry import place_table
from zones.services import reported_zones

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
    # Every name, short name, alias, former name and district of the zones stored: a figure naming
    # another zone creates one (and so changes the reference).
    zone_names: frozenset[str] = frozenset()
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
        zones = list(Zone.objects.values(*GAZETTEER_FIELDS))
        _reference = Reference(
            version,
            ZoneGazetteer.from_records(zones, place_table()),
            build_catalogue(metrics.values()),
            metrics,
            frozenset(stored_zone_names(zones)),
        )
    return _reference


def stored_zone_names(zones):
    for zone in zones:
        yield from (
            zone["name"],
            zone["short_name"],
            *zone["aliases"],
            *zone["former_names"],
            *zone["districts"],
        )


def warm_up(known: Reference) -> None:
    """Run the engine once on a line of text, so that what it loads on first use (its word
    dictionary) is loaded: before forking worker processes, which then share it."""
    extract("高新区2024年完成投资1亿元。", gazetteer=known.gazetteer, catalogue=known.catalogue)


def single_zone_of(article: Article) -> str | None:
    """The zone of an article about a single zone (named by its uploader, or found before): the zone
    of its figures that name none."""
    zones = list(article.zones.all()[:2])
    return zones[0].name if len(zones) == 1 else None


GAZETTEER_FIELDS = ("name", "short_name", "aliases", "former_names", "districts", "city", "province", "level")


def build_catalogue(metrics) -> MetricCatalogue:
    return MetricCatalogue.from_records(
        {"code": m.code, "name_zh": m.name_zh, "unit": m.unit, "family": m.family, "synonyms": m.synonyms}
        for m in metrics
    )


def zones_named(names, known: Reference | None = None) -> dict[str, Zone]:
    """The zones figures name (zones.services.reported_zones: found in one query, a new one created),
    remembering those that existed already (not one created here: it may still be rolled back with
    its report)."""
    names = set(names)
    if not names:
        return {}
    known = known or reference()
    found = {name: known.zones_by_name[name] for name in names if name in known.zones_by_name}
    looked_up = reported_zones(sorted(names - found.keys()))
    for name, zone in looked_up.items():
        if name in known.zone_names:
            known.zones_by_name[name] = zone
    return found | looked_up


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


# A report refused, or failed, in a batch: what ingest_report would have raised for it alone.
Refusal = DuplicateArticle | EmptyArticle | OverLimit | ExtractionFailed


@transaction.atomic
def ingest_report(data: ArticleInput, *, added_by=None, default_zone: str | None = None) -> Article:
    """Store a new report and its extracted indicators: all of it or nothing (ingest_reports with
    one report). Zones named by the uploader are kept; a single one is where figures that name no
    zone belong. Refused with the reason (DuplicateArticle, EmptyArticle, OverLimit — the time
    budget's ExtractionOverTime among them —, ExtractionFailed)."""
    [outcome] = ingest_reports([data], added_by=added_by, default_zone=default_zone)
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


@dataclass
class NewReport:
    """A report of a batch read and extracted, not stored yet: its article, the zones its uploader
    named, its indicators and the name of each one's zone (None: no zone)."""

    position: int
    article: Article
    zone_ids: list[int]
    indicators: list[Indicator] = field(default_factory=list)
    zone_names: list[str | None] = field(default_factory=list)


@transaction.atomic
def ingest_reports(
    reports: Sequence[ArticleInput], *, added_by=None, default_zone: str | None = None, extract: bool = True
) -> list[Article | Refusal]:
    """Store new reports and their extracted indicators (without `extract`: the reports only, status
    “new”, for a job to extract), in a few statements for the lot: one look-up of duplicates, the
    reference read once, each report extracted, then one insert of the articles, one of their zone
    links, one of the indicators (the zones they name found in one query).

    The outcome is that of ingest_report on each in turn: per report, in order, its article or why it
    was refused (DuplicateArticle — of a stored article or of one earlier in the batch —,
    EmptyArticle, OverLimit, ExtractionFailed), and a refused report leaves nothing of itself and
    costs the others nothing. A figure naming a zone never seen makes that zone, which the engine
    knows from then on: the reports after it are read with the reference refreshed, as one by one."""
    outcomes: list[Article | Refusal | None] = [None] * len(reports)
    articles: dict[int, Article] = {}
    for position, data in enumerate(reports):
        try:
            articles[position] = new_article(data, added_by=added_by)
        except (EmptyArticle, OverLimit) as refusal:
            outcomes[position] = refusal
    waiting = list(articles)
    while waiting:
        waiting = ingest_round(
            reports, articles, waiting, outcomes, default_zone=default_zone, extract=extract
        )
    return outcomes


def ingest_round(reports, articles, waiting, outcomes, *, default_zone, extract: bool) -> list[int]:
    """Extract and store the reports at `waiting` positions up to the first that makes a new zone, or
    all of them; the positions left for the next round returned. A report repeating the text of one
    earlier in this round waits for the next, where it is the duplicate of the stored one (or, if
    that one could not be stored, tried itself)."""
    known = reference() if extract else None
    stored = stored_by_hash(articles[position].content_hash for position in waiting)
    batch: list[NewReport] = []
    in_batch: set[str] = set()
    later: list[int] = []
    for turn, position in enumerate(waiting):
        article = articles[position]
        if article.content_hash in stored:
            outcomes[position] = DuplicateArticle(stored[article.content_hash])
            continue
        if article.content_hash in in_batch:
            later.append(position)
            continue
        zone_ids = list(dict.fromkeys(zone.pk for zone in reports[position].zones))
        report = NewReport(position, article, zone_ids)
        if extract:
            try:
                extract_new_report(report, reports[position].zones, known, default_zone)
            except (ExtractionOverTime, ExtractionFailed) as refusal:
                outcomes[position] = refusal
                continue
        batch.append(report)
        in_batch.add(article.content_hash)
        if extract and any(name not in known.zone_names for name in report.zone_names if name):
            later.extend(waiting[turn + 1 :])
            break
    store_batch(batch, outcomes, known)
    return later


def extract_new_report(report: NewReport, zones: Sequence[Zone], known: Reference, default_zone) -> None:
    """Read a new report's figures (extract_or_raise's failures) into `report`."""
    if default_zone is None:
        named = list({zone.pk: zone for zone in zones}.values())
        default_zone = named[0].name if len(named) == 1 else None
    try:
        result = read_figures(report.article, known, default_zone)
    except ExtractionOverTime:
        raise  # a refusal of the report, like any other limit's (nothing stored)
    except Exception as error:
        logger.exception("Extraction failed on %r", report.article.title or report.article.original_filename)
        raise ExtractionFailed(error, article_kept=False) from error
    report.indicators, report.zone_names = new_indicators(report.article, result, known)


def store_batch(batch: list[NewReport], outcomes, known: Reference | None) -> None:
    """Insert the reports of a batch and their indicators, all in one savepoint. When that fails (the
    database refuses a text another import stored meanwhile or a value it cannot hold; a bug), each
    report is stored in a savepoint of its own, so that only the one at fault is refused."""
    if not batch:
        return
    try:
        with transaction.atomic():
            insert_batch(batch, known)
    except Exception as error:  # any failure must cost its report, not the batch
        for report in batch:
            forget_ids(report)
        if len(batch) > 1:
            for report in batch:
                store_batch([report], outcomes, known)
            return
        [report] = batch
        duplicate = find_duplicate(report.article.raw_text) if isinstance(error, IntegrityError) else None
        if duplicate is not None:  # another import of the same text won the race
            outcomes[report.position] = DuplicateArticle(duplicate)
        else:
            logger.error(
                "Storing %r failed: %r", report.article.title or report.article.original_filename, error
            )
            outcomes[report.position] = ExtractionFailed(error, article_kept=False)
        return
    for report in batch:
        outcomes[report.position] = report.article


def insert_batch(batch: list[NewReport], known: Reference | None) -> None:
    """The statements of a batch: the zones its figures name (one query, unless a zone is new), the
    articles, their links to the zones named by the uploader or the figures, the indicators."""
    zones = zones_named((name for report in batch for name in report.zone_names if name), known)
    insert_articles(
        [report.article for report in batch],
        [[*report.zone_ids, *(zones[name].pk for name in report.zone_names if name)] for report in batch],
    )
    indicators = []
    for report in batch:
        for indicator, name in zip(report.indicators, report.zone_names, strict=True):
            indicator.article, indicator.zone = report.article, zones[name] if name else None
            indicators.append(indicator)
    # One COPY for a batch's figures (statement-level triggers on the table run once for it).
    copy_new_rows(indicators)


def forget_ids(report: NewReport) -> None:
    """Rolled back: the report's rows are to be inserted afresh."""
    for row in (report.article, *report.indicators):
        row.pk, row._state.adding = None, True


def reextract_article(article: Article) -> list[Indicator]:
    """Extract a stored article's figures again (extract_article: reviewed figures stay). When the
    engine fails, the article says so (status “failed”) and ExtractionFailed is raised."""
    return extract_or_raise(article, keep_article=True)


def extract_or_raise(
    article: Article, *, default_zone: str | None = None, keep_article: bool
) -> list[Indicator]:
    """extract_article, with an engine failure logged and raised as ExtractionFailed: a bug in the
    engine must cost this report, not the request or the batch. With `keep_article` the article is
    marked failed; without, the caller's transaction is expected to roll the article back."""
    try:
        with transaction.atomic():
            return extract_article(article, default_zone=default_zone)
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
def extract_article(article: Article, *, default_zone: str | None = None) -> list[Indicator]:
    """Extract a stored article's figures again. Automatic indicators are replaced; anything an
    editor confirmed, corrected, rejected or added stays exactly as the editor left it, and the
    engine's own version of such a figure is not added beside it. (New reports: ingest_reports.)"""
    # One extraction of an article at a time: two concurrent runs would both add the figures.
    Article.objects.select_for_update().filter(pk=article.pk).first()
    if default_zone is None:
        default_zone = single_zone_of(article)
    known = reference()
    result = read_figures(article, known, default_zone)
    article.save()
    article.indicators.automatic().delete()
    created, names = new_indicators(article, result, known, reviewed=list(article.indicators.all()))
    zones = zones_named((name for name in names if name), known)
    for indicator, name in zip(created, names, strict=True):
        indicator.zone = zones[name] if name else None
    copy_new_rows(created)
    # Zones are only ever added: those the uploader named stay even when no figure names them.
    link_zones([article], [[zone.pk for zone in zones.values()]])
    return created


def read_figures(article: Article, known: Reference, default_zone: str | None) -> ExtractionResult:
    """The engine's reading of an article (stored or not yet), within the time budget; the article
    takes what it says of itself (details left empty, frame, normalised text; status extracted)."""
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
    return result


def new_indicators(
    article: Article, result: ExtractionResult, known: Reference, reviewed: Sequence[Indicator] = ()
) -> tuple[list[Indicator], list[str | None]]:
    """The indicators (unsaved, zone unset) of the engine's figures, each once, leaving out those an
    editor reviewed or recorded (`reviewed`), and the name of each one's zone (None: no zone)."""
    kept = {indicator.extraction_key for indicator in reviewed if indicator.extraction_key}
    created, names = [], []
    for figure in result.indicators:
        key = extraction_key(figure)
        if key in kept or any(recorded_by_editor(indicator, figure) for indicator in reviewed):
            continue
        kept.add(key)
        created.append(indicator_from_figure(article, figure, key, known))
        zoned = figure.scope == Indicator.Scope.ZONE and figure.zone and figure.zone != "*"
        names.append(figure.zone if zoned else None)
    return created, names


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


def indicator_from_figure(article, figure: ExtractedIndicator, key: str, known: Reference) -> Indicator:
    return Indicator(
        article=article,
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
