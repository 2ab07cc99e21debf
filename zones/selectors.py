"""Reads for the zone pages: the list with its counts, a zone's source articles."""
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from articles.models import Article
from metrics.models import Indicator
from zones.filters import ZoneFilter
from zones.models import Zone


def count_per(related: QuerySet, field: str) -> Coalesce:
    """Count rows of `related` whose `field` points at the outer row, as a subquery: two counts
    joined in one query would multiply each other."""
    counts = related.order_by().filter(**{field: OuterRef("pk")}).values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def zone_list_filter(params) -> ZoneFilter:
    """The zone list's filters (name or alias, province, level), as the API filters zones; a value
    that is not valid (a NUL byte, an unknown level) is left out. Its `qs`: the matching zones, each
    with its number of articles and of figures that count."""
    zones = Zone.objects.annotate(
        article_count=count_per(Article.zones.through.objects.all(), "zone"),
        indicator_count=count_per(Indicator.objects.active(), "zone"),
    )
    return ZoneFilter(params, queryset=zones)


def provinces() -> list[str]:
    return list(Zone.objects.exclude(province="").order_by("province").values_list("province", flat=True).distinct())


def zone_articles(zone: Zone) -> QuerySet[Article]:
    """The reports naming a zone or giving one of its figures, latest first, with how many of
    its figures each gives."""
    figures = Indicator.objects.active().filter(zone=zone)
    return (Article.objects
            .filter(Q(zones=zone) | Q(pk__in=figures.values("article")))
            .distinct()
            .annotate(zone_figure_count=count_per(figures, "article"))
            .only("pk", "title", "source_name", "published_on", "original_filename", "added_at"))
