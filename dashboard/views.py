"""The pages policy staff read. Each view checks its input, asks `dashboard.selectors` for what to
show and renders it; the rules behind every figure live in `dashboard.progress`."""

from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from articles.models import Article
from dashboard import exports, index_selectors, selectors
from dashboard.across_years import compare_latest, year_matrices
from dashboard.charts import comparison_chart, targets_charts, zone_charts
from dashboard.highlight import highlighted_text
from dashboard.peers import suggested_peers
from metrics.models import Indicator, Metric
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
    found = selectors.zone_rows(zone, year=year, metric=metric)
    shown = found.rows
    if exports.wants_export(request):  # exactly the rows the page shows
        return exports.export_response(
            request,
            name=f"zonescope-{zone.slug}",
            leading_header=[],
            rows=[exports.ExportRow([], row) for row in shown],
        )
    page = paged_number(request.GET.get("sources_page"))
    articles = selectors.zone_articles(zone, page=page)
    return render(
        request,
        "dashboard/zone_detail.html",
        {
            "zone": zone,
            "rows": shown,
            "summarized": found.summarized,
            "metric": metric,
            "year": year,
            "errors": errors,
            "years": found.years,
            "charts": [] if found.summarized else zone_charts(shown),
            "articles": articles[: selectors.ZONE_ARTICLES_PER_PAGE],
            "sources_page": page,
            "more_sources": len(articles) > selectors.ZONE_ARTICLES_PER_PAGE,
            "peers": suggested_peers(zone),
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
    ranking = selectors.metric_ranking(metric, year=year, kind=kind)
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
        "comparison": None,
    }
    if zone_slugs or metric_codes or year:
        try:
            selection = selectors.comparison_selection(zone_slugs, metric_codes, year)
        except selectors.InvalidSelection as invalid:
            context["errors"] = invalid.messages
        else:
            # chosen_codes stay as asked: with none chosen, the form keeps meaning "all they report".
            context.update(comparison_context(selection, latest=not year))
            if exports.wants_export(request):
                return comparison_export(request, context["comparison"])
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


def comparison_context(selection: selectors.ComparisonSelection, *, latest: bool) -> dict:
    zones, metrics = selection.zones, selection.metrics
    if latest:
        comparison = compare_latest(zones, metrics, uncatalogued=not selection.metrics_chosen)
    else:
        comparison = selection.comparison()
    years = selectors.years_with_figures(zones, metrics if selection.metrics_chosen else None)
    single_metric = metrics[0] if selection.metrics_chosen and len(metrics) == 1 else None
    return {
        "comparison": comparison,
        "year": "" if latest else selection.year,
        "charts": [chart for chart in [comparison_chart(comparison)] if chart] + targets_charts(comparison),
        "zone_years": [(zone, years[zone.pk]) for zone in zones],
        "all_years": sorted({y for found in years.values() for y in found}),
        "selection_query": urlencode(
            {"zones": ",".join(z.slug for z in zones)}
            | ({"metrics": ",".join(m.code for m in metrics)} if selection.metrics_chosen else {})
        ),
        "matrices": year_matrices(zones, single_metric) if single_metric else [],
    }


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
