"""The pages policy staff read. Each view checks its input, asks `dashboard.selectors` for what to
show and renders it; the rules behind every figure live in `dashboard.progress`."""

from functools import cached_property

from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from articles.models import Article
from dashboard import exports, index_selectors, selectors
from dashboard.across_years import compare_latest, year_matrices
from dashboard.charts import comparison_chart, targets_charts, zone_charts
from dashboard.highlight import highlighted_text
from dashboard.peers import suggested_peers
from metrics.models import Indicator, Metric
from metrics.selectors import data_version
from zones.models import Zone


def home(request):
    return render(request, "dashboard/home.html", {"overview": index_selectors.overview()})


def metric_index(request):
    return render(request, "dashboard/metric_index.html", {"families": index_selectors.metric_catalogue()})


def article_index(request):
    return render(
        request, "dashboard/article_index.html", {"index": index_selectors.article_index(request.GET)}
    )


def methodology(request):
    return render(request, "dashboard/methodology.html")


def zone_list(request):
    listing = selectors.zone_listing(request.GET)
    others = request.GET.copy()  # the other filters, kept by the page links
    others.pop("page", None)
    return render(
        request,
        "dashboard/zone_list.html",
        {
            "listing": listing,
            "zones": listing.page.object_list,
            "page_query": others.urlencode(),
            "provinces": selectors.provinces(),
            "levels": Zone.Level.choices,
        },
    )


# Fragments are keyed on the data version, so they are never stale; the time only bounds how long an
# unused one takes room in the cache.
FRAGMENT_SECONDS = 24 * 3600


def fragment_context() -> dict:
    """What the pages' cached fragments are keyed on, besides the address and the language."""
    return {"data_version": data_version(), "fragment_seconds": FRAGMENT_SECONDS}


class ZoneFigures:
    """The zone page's figures: its table, charts and peers, worked out only when the page's cached
    fragments are missing (the template asks for them inside its cache blocks)."""

    def __init__(self, zone: Zone, *, year: int | None, metric: Metric | None):
        self.zone, self.year, self.metric = zone, year, metric

    @cached_property
    def found(self) -> selectors.ZoneRows:
        return selectors.zone_rows(self.zone, year=self.year, metric=self.metric)

    @cached_property
    def charts(self) -> list:
        return [] if self.found.summarized else zone_charts(self.found.rows)

    @cached_property
    def peers(self):
        return suggested_peers(self.zone)


def zone_detail(request, slug):
    """The zone's targets against its achievements: all of them for a zone with few, else a summary;
    `?metric=CODE` shows one metric over time, `?year=YYYY` the targets and results of one year."""
    zone = get_object_or_404(Zone, slug=slug)
    metric = None
    if code := request.GET.get("metric", "").strip():
        metric = get_object_or_404(Metric, code=code) if selectors.SLUG.fullmatch(code) else None
    try:
        year, errors = selectors.parse_year(request.GET.get("year")), []
    except selectors.InvalidSelection as invalid:
        year, errors = None, invalid.messages
    figures = ZoneFigures(zone, year=year, metric=metric)
    if exports.wants_export(request):  # exactly the rows the page shows
        return exports.export_response(
            request,
            name=f"zonescope-{zone.slug}",
            leading_header=[],
            rows=[exports.ExportRow([], row) for row in figures.found.rows],
        )
    page = paged_number(request.GET.get("sources_page"))
    articles = selectors.zone_articles(zone, page=page)
    return render(
        request,
        "dashboard/zone_detail.html",
        {
            "zone": zone,
            "figures": figures,
            "metric": metric,
            "year": year,
            "errors": errors,
            "articles": articles[: selectors.ZONE_ARTICLES_PER_PAGE],
            "sources_page": page,
            "more_sources": len(articles) > selectors.ZONE_ARTICLES_PER_PAGE,
            **fragment_context(),
        },
    )


def paged_number(value: str | None) -> int:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) < 100_000 else 1


def metric_detail(request, code):
    metric = get_object_or_404(Metric, code=code)
    kinds = selectors.metric_kinds(metric)
    kind = request.GET.get("kind", "")
    if kind not in kinds:
        kind = kinds[0] if kinds else Indicator.Kind.LEVEL
    try:
        year, errors = selectors.parse_year(request.GET.get("year")), []
    except selectors.InvalidSelection as invalid:
        year, errors = None, invalid.messages
    year = year or selectors.default_year(metrics=[metric])
    # Worked out only when the page's cached fragment is missing (or for an export).
    ranking = SimpleLazyObject(lambda: selectors.metric_ranking(metric, year=year, kind=kind))
    if exports.wants_export(request):
        return exports.export_response(
            request,
            name=f"zonescope-{metric.code}-{year}-{kind}",
            leading_header=[_("Rank"), _("Zone")],
            rows=[
                exports.ExportRow([entry.rank, str(entry.progress.zone)], entry.progress) for entry in ranking
            ],
        )
    return render(
        request,
        "dashboard/metric_detail.html",
        {
            "metric": metric,
            "kind": kind,
            "kinds": [(value, Indicator.Kind(value).label) for value in kinds],
            "year": year,
            "errors": errors,
            "ranking": ranking,
            **fragment_context(),
        },
    )


def compare(request):
    """The selection lives in the query string, so a comparison can be bookmarked and shared.
    Without a year, each zone's latest figures; with one, that year's, and the years each zone has."""
    zone_slugs, metric_codes = request.GET.getlist("zones"), request.GET.getlist("metrics")
    year = request.GET.get("year", "").strip()
    chosen_slugs = selectors.split_list(zone_slugs)
    context = {
        "chosen_zones": chosen_zones(chosen_slugs, request.GET),
        "max_zones": selectors.MAX_COMPARED_ZONES,
        "picker_texts": picker_texts(),
        "all_metrics": Metric.objects.only("code", "name_zh", "name_en", "unit"),
        "chosen_slugs": chosen_slugs,
        "chosen_codes": selectors.split_list(metric_codes),
        "year": year,
        "errors": [],
        "shown": None,
    }
    if zone_slugs or metric_codes or year:
        try:
            selection = selectors.comparison_selection(zone_slugs, metric_codes, year)
        except selectors.InvalidSelection as invalid:
            context["errors"] = invalid.messages
        else:
            # chosen_codes stay as asked: with none chosen, the form keeps meaning "all they report".
            shown = ComparisonFigures(selection, latest=not year)
            context.update(shown=shown, year=selection.year if year else "", **fragment_context())
            if exports.wants_export(request):
                return comparison_export(request, shown.comparison)
    return render(request, "dashboard/compare.html", context)


def comparison_export(request, comparison):
    rows = [
        exports.ExportRow([str(cell.zone)], cell.progress, row.title, row.kind_label)
        for row in comparison.rows + comparison.uncatalogued_rows
        for cell in row.cells
    ]
    name = "zonescope-compare-" + "-".join(zone.slug for zone in comparison.zones)
    return exports.export_response(
        request, name=f"{name}-{comparison.year or 'latest'}", leading_header=[_("Zone")], rows=rows
    )


def chosen_zones(slugs: list[str], params) -> list[tuple[Zone, str]]:
    """The zones asked for, in order, each with the query string that leaves it out (a link that
    removes it works without the picker's script)."""
    found = Zone.objects.only("slug", "short_name").in_bulk(
        list(filter(selectors.SLUG.fullmatch, slugs)), field_name="slug"
    )
    chosen = []
    for slug in slugs:
        if slug in found:
            query = params.copy()
            query.setlist("zones", [",".join(s for s in slugs if s != slug)])
            chosen.append((found[slug], query.urlencode()))
    return chosen


def picker_texts() -> dict:
    """The words the picker's script shows, translated here (the script holds none)."""
    return {
        "placeholder": _("Add a zone: type part of any name"),
        "full": _("Six zones chosen: remove one to add another"),
        "remove": _("Remove %s"),
        "added": _("%s added"),
        "found": _("%s zones found"),
        "none": _("No zone goes by that name"),
        "failed": _("The zone search did not answer; type identifiers instead"),
    }


class ComparisonFigures:
    """What the compare page shows of a selection, worked out only when its cached fragment is
    missing: each zone's latest figures (`latest`) or the selection's year, with charts, the years
    each zone has figures for and, for one metric, the zone × year tables."""

    def __init__(self, selection: selectors.ComparisonSelection, *, latest: bool):
        self.selection, self.latest = selection, latest

    @cached_property
    def comparison(self) -> selectors.Comparison:
        selection = self.selection
        if self.latest:
            return compare_latest(
                selection.zones, selection.metrics, uncatalogued=not selection.metrics_chosen
            )
        return selection.comparison()

    @cached_property
    def charts(self) -> list:
        return [chart for chart in [comparison_chart(self.comparison)] if chart] + targets_charts(
            self.comparison
        )

    @cached_property
    def years(self) -> dict[int, list[int]]:
        selection = self.selection
        return selectors.years_with_figures(
            selection.zones, selection.metrics if selection.metrics_chosen else None
        )

    @property
    def zone_years(self) -> list:
        return [(zone, self.years[zone.pk]) for zone in self.selection.zones]

    @property
    def all_years(self) -> list[int]:
        return sorted({y for found in self.years.values() for y in found})

    @property
    def selection_query(self) -> str:
        selection = self.selection
        return urlencode(
            {"zones": ",".join(z.slug for z in selection.zones)}
            | ({"metrics": ",".join(m.code for m in selection.metrics)} if selection.metrics_chosen else {})
        )

    @cached_property
    def matrices(self) -> list:
        selection = self.selection
        single = selection.metrics[0] if selection.metrics_chosen and len(selection.metrics) == 1 else None
        return year_matrices(selection.zones, single) if single else []


def article_detail(request, pk):
    article = get_object_or_404(Article, pk=pk)
    figures = list(
        article.indicators.active()
        .select_related("zone", "metric")
        .order_by("zone__short_name", "quote_start", "pk")
    )
    return render(
        request,
        "dashboard/article.html",
        {
            "article": article,
            "figures": figures,
            "highlighted_text": highlighted_text(article.raw_text, figures),
        },
    )
