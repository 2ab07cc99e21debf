"""What the review pages show: articles waiting for an editor, and an article's text with its figures marked."""
from dataclasses import dataclass, field

from django.db.models import Count, Q

from articles.models import Article
from metrics.models import Indicator


def articles_awaiting_review():
    """Articles with figures nobody has reviewed yet, the longest-waiting first."""
    return (
        Article.objects.defer("raw_text", "text").annotate(
            unreviewed=Count("indicators", filter=Q(indicators__review_state=Indicator.ReviewState.AUTO)),
            figures=Count("indicators"),
        )
        .filter(unreviewed__gt=0)
        .order_by("added_at", "pk")
    )


def indicators_for_review(article: Article):
    return article.indicators.select_related("zone", "metric", "reviewed_by").prefetch_related("changes__changed_by")


def unmapped_metric_words(article: Article) -> list[str]:
    """Metric words in this article that the catalogue does not know."""
    return list(
        article.indicators.active().filter(metric=None).order_by("metric_text")
        .values_list("metric_text", flat=True).distinct()
    )


@dataclass
class Segment:
    """A stretch of the article's text and the figures quoting it (none for plain text)."""

    text: str
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def is_reviewed(self) -> bool:
        return all(indicator.is_reviewed for indicator in self.indicators)


def text_segments(text: str, indicators) -> list[Segment]:
    """The text cut where quotes of the (not rejected) indicators start and end; quotes may overlap."""
    quoted = [
        indicator for indicator in indicators
        if indicator.review_state != Indicator.ReviewState.REJECTED
        and indicator.quote_start is not None and indicator.quote_end is not None
        and 0 <= indicator.quote_start < indicator.quote_end <= len(text)
    ]
    cuts = sorted({0, len(text), *(i.quote_start for i in quoted), *(i.quote_end for i in quoted)})
    return [
        Segment(text[start:end], [i for i in quoted if i.quote_start <= start and end <= i.quote_end])
        for start, end in zip(cuts, cuts[1:])
    ]
