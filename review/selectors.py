"""What the review pages show: articles waiting for an editor, an article's figures and the metric words
the catalogue does not know."""

from django.db.models import Count, Q

from articles.models import Article
from metrics.models import Indicator


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
