"""What the review pages show: articles waiting for an editor, an article's figures and the metric words
the catalogue does not know."""

from decimal import Decimal

from django.db.models import Count, Q

from articles.models import Article
from extraction import extract
from ingestion.services import reference, single_zone_of
from metrics.models import Indicator, Metric


def articles_awaiting_review():
    """Articles with figures nobody has reviewed yet, the longest-waiting first."""
    return (
        Article.objects.defer("raw_text", "text")
        .annotate(
            unreviewed=Count("indicators", filter=Q(indicators__review_state=Indicator.ReviewState.AUTO)),
            figures=Count("indicators"),
        )
        .filter(unreviewed__gt=0)
        .order_by("added_at", "pk")
    )


def indicators_for_review(article: Article):
    return article.indicators.select_related("zone", "metric", "reviewed_by").prefetch_related(
        "changes__changed_by"
    )


def unmapped_metric_words(article: Article) -> list[str]:
    """Metric words in this article that the catalogue does not know."""
    return list(
        article.indicators.active()
        .filter(metric=None)
        .order_by("metric_text")
        .values_list("metric_text", flat=True)
        .distinct()
    )


SENTENCE_ENDS = ("。", "！", "？", "；", "\n")
CONTEXT_CHARS = 400


def suggested_figure(article: Article, start: int, end: int) -> dict:
    """What the engine reads in the words an editor selected (zone, metric, value, unit, kind, stance,
    period), for the "add a figure" form to start from; the article's own zone when the words name
    none, its date to resolve the period. Empty when the words hold no figure or are not the text's."""
    text = article.raw_text
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        return {}
    # The engine reads sentences: the paragraph up to the selection's sentence gives it the year and
    # the zone (2025年，威海高新区……。全区新增企业17家), within a bounded stretch.
    first = text.rfind("\n", 0, start) + 1
    if start - first > CONTEXT_CHARS:
        cut = start - CONTEXT_CHARS
        first = min(
            (i + 1 for i in (text.find(mark, cut, start) for mark in SENTENCE_ENDS) if i >= 0), default=cut
        )
    last = min((i for i in (text.find(mark, end) for mark in SENTENCE_ENDS) if i >= 0), default=len(text))
    default_zone = single_zone_of(article)
    known = reference()
    found = extract(
        text[first : last + 1],
        gazetteer=known.gazetteer,
        catalogue=known.catalogue,
        published=article.published_on,
        default_zone=default_zone,
    ).indicators
    if not found:
        return {"zone": default_zone} if default_zone else {}

    def overlap(figure) -> int:
        return min(figure.end, end - first) - max(figure.start, start - first)

    figure = max(found, key=overlap)
    metric = Metric.objects.filter(code=figure.metric_code).only("pk").first() if figure.metric_code else None
    return {
        "zone": figure.zone or default_zone,
        "scope": figure.scope,
        "metric": metric.pk if metric else None,
        "metric_text": figure.metric,
        "value": format(Decimal(str(figure.value)).normalize(), "f"),
        "unit": figure.unit,
        "kind": figure.kind,
        "stance": figure.stance,
        "period_label": figure.period or "",
        "period_start": figure.period_start.isoformat() if figure.period_start else "",
        "period_end": figure.period_end.isoformat() if figure.period_end else "",
        "qualifier": figure.qualifier or "",
    }
