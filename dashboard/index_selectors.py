"""Reads behind the index pages: the landing overview, the metric catalogue and the list of reports.

Each page takes a fixed number of queries, whatever the number of zones, metrics or reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from articles.models import Article
from dashboard.selectors import count_per
from metrics.models import Indicator, Metric
from zones.models import Zone

ARTICLES_PER_PAGE = 25
LATEST_REPORTS = 6
OVERVIEW_YEARS = 5
# Zones named in full on the catalogue page; the rest are counted.
ZONES_NAMED_PER_METRIC = 12


def zone_figures() -> QuerySet[Indicator]:
    """The figures that count and belong to a zone itself (not a city or a group of zones)."""
    return Indicator.objects.active().filter(scope=Indicator.Scope.ZONE, zone__isnull=False)


def covering_year(year: int) -> Q:
    """Figures whose period includes some of `year` (by its dates, else by a label such as 2024-Q1)."""
    undated = Q(period_start__isnull=True, period_label__startswith=str(year))
    return Q(period_start__year__lte=year, period_end__year__gte=year) | undated


@dataclass(frozen=True)
class YearCoverage:
    year: int
    zones: int  # zones with at least one figure (target or result) for the year
    zones_with_results: int


@dataclass(frozen=True)
class Overview:
    latest_reports: list[Article]
    report_count: int
    figure_count: int
    zone_count: int
    latest_published: date | None
    latest_added: object  # datetime | None
    coverage: list[YearCoverage]  # this year first, then the years before

    @property
    def this_year(self) -> YearCoverage:
        return self.coverage[0]


def reports_with_counts() -> QuerySet[Article]:
    """Reports, each with its number of figures that count and the zones it names."""
    return (
        Article.objects.annotate(figure_count=count_per(Indicator.objects.active(), "article"))
        .defer("raw_text", "text")
        .prefetch_related(Prefetch("zones", queryset=Zone.objects.only("slug", "short_name", "name")))
    )


def overview() -> Overview:
    """What the landing page shows: the latest reports, how fresh the data is, and how many zones
    have figures for this year and the few before it."""
    this_year = timezone.localdate().year
    years = range(this_year, this_year - OVERVIEW_YEARS, -1)
    figures = zone_figures()
    per_year = figures.aggregate(
        **{f"zones_{y}": Count("zone", distinct=True, filter=covering_year(y)) for y in years},
        **{
            f"results_{y}": Count(
                "zone", distinct=True, filter=covering_year(y) & Q(stance=Indicator.Stance.ACHIEVEMENT)
            )
            for y in years
        },
        figure_count=Count("pk"),
        zone_count=Count("zone", distinct=True),
    )
    reports = Article.objects.aggregate(
        count=Count("pk"), latest_published=Max("published_on"), latest_added=Max("added_at")
    )
    return Overview(
        latest_reports=list(reports_with_counts().order_by("-added_at", "-pk")[:LATEST_REPORTS]),
        report_count=reports["count"],
        figure_count=per_year["figure_count"],
        zone_count=per_year["zone_count"],
        latest_published=reports["latest_published"],
        latest_added=reports["latest_added"],
        coverage=[YearCoverage(y, per_year[f"zones_{y}"], per_year[f"results_{y}"]) for y in years],
    )


@dataclass(frozen=True)
class CatalogueEntry:
    metric: Metric
    figure_count: int
    zones: list[Zone]  # the zones reporting it, by name

    @property
    def named_zones(self) -> list[Zone]:
        return self.zones[:ZONES_NAMED_PER_METRIC]

    @property
    def more_zones(self) -> int:
        return max(0, len(self.zones) - ZONES_NAMED_PER_METRIC)


@dataclass(frozen=True)
class CatalogueFamily:
    label: str
    entries: list[CatalogueEntry]


def metric_catalogue() -> list[CatalogueFamily]:
    """The catalogue by unit family (money, counts, shares...), each metric with its number of
    figures and the zones that report it. Three queries."""
    figures = zone_figures()
    metrics = Metric.objects.annotate(figure_count=count_per(figures, "metric")).order_by("name_zh")
    pairs = set(figures.values_list("metric_id", "zone_id").distinct())
    zones = Zone.objects.only("slug", "short_name", "name").in_bulk({zone_id for _metric, zone_id in pairs})
    zones_of: dict[int, list[Zone]] = {}
    for metric_id, zone_id in pairs:
        zones_of.setdefault(metric_id, []).append(zones[zone_id])
    families = []
    for family, label in Metric.Family.choices:
        entries = [
            CatalogueEntry(metric, metric.figure_count, sorted(zones_of.get(metric.pk, []), key=str))
            for metric in metrics
            if metric.family == family
        ]
        if entries:
            entries.sort(key=lambda entry: (-entry.figure_count, entry.metric.name_zh))
            families.append(CatalogueFamily(label, entries))
    return families


class ArticleSearch(forms.Form):
    """The report list's filters; a value that is not valid (a NUL byte, an unknown zone) is left out."""

    q = forms.CharField(max_length=100, required=False)
    zone = forms.SlugField(max_length=80, required=False)
    source = forms.CharField(max_length=200, required=False)
    page = forms.IntegerField(min_value=1, required=False)


@dataclass(frozen=True)
class ArticleIndex:
    page: Page
    query: str
    zone: Zone | None
    source: str
    sources: list[str]


def valid_values(form: forms.Form) -> dict:
    form.is_valid()
    return {name: form.cleaned_data.get(name) for name in form.fields if name not in form.errors}


def article_index(params) -> ArticleIndex:
    """Reports, latest first, filtered by words in the title or text, a zone, a source; one page."""
    chosen = valid_values(ArticleSearch(params))
    query, source = (chosen.get("q") or "").strip(), (chosen.get("source") or "").strip()
    zone = Zone.objects.filter(slug=chosen["zone"]).first() if chosen.get("zone") else None
    reports = reports_with_counts().order_by("-published_on", "-added_at", "-pk")
    if query:
        reports = reports.filter(Q(title__icontains=query) | Q(raw_text__icontains=query))
    if zone:
        reports = reports.filter(Q(zones=zone) | Q(pk__in=zone_figures().filter(zone=zone).values("article")))
    if source:
        reports = reports.filter(source_name=source)
    page = Paginator(reports.distinct(), ARTICLES_PER_PAGE).get_page(chosen.get("page"))
    sources = list(
        Article.objects.exclude(source_name="")
        .order_by("source_name")
        .values_list("source_name", flat=True)
        .distinct()
    )
    return ArticleIndex(page, query, zone, source, sources)
