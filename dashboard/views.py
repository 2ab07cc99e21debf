"""The pages policy staff read. Each view checks its input, asks `dashboard.selectors` for what to
show and renders it; the rules behind every figure live in `dashboard.progress`."""

from django.shortcuts import get_object_or_404, render

from articles.models import Article
from dashboard import selectors
from dashboard.charts import comparison_chart, zone_charts
from dashboard.highlight import highlighted_text
from metrics.models import Indicator, Metric
from zones.models import Zone


def zone_list(request):
    filters = selectors.zone_list_filter(request.GET)
    zones = filters.qs  # filter values that are not valid are left out
    chosen = filters.form.cleaned_data
    return render(
        request,
        "dashboard/zone_list.html",
        {
            "zones": zones,
            "query": chosen.get("q", ""),
            "province": chosen.get("province", ""),
            "level": chosen.get("level", ""),
            "provinces": selectors.provinces(),
            "levels": Zone.Level.choices,
        },
    )


def zone_detail(request, slug):
    zone = get_object_or_404(Zone, slug=slug)
    rows = selectors.zone_progress(zone)
    return render(
        request,
        "dashboard/zone_detail.html",
        {
            "zone": zone,
            "rows": rows,
            "charts": zone_charts(rows),
            "articles": selectors.zone_articles(zone),
        },
    )


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
    return render(
        request,
        "dashboard/metric_detail.html",
        {
            "metric": metric,
            "kind": kind,
            "kinds": [(value, Indicator.Kind(value).label) for value in kinds],
            "year": year,
            "errors": errors,
            "ranking": selectors.metric_ranking(metric, year=year, kind=kind),
        },
    )


def compare(request):
    """The selection lives in the query string, so a comparison can be bookmarked and shared."""
    zone_slugs, metric_codes = request.GET.getlist("zones"), request.GET.getlist("metrics")
    year = request.GET.get("year", "").strip()
    context = {
        "all_zones": Zone.objects.only("slug", "short_name", "province"),
        "all_metrics": Metric.objects.only("code", "name_zh", "name_en", "unit"),
        "chosen_slugs": selectors.split_list(zone_slugs),
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
            comparison = selection.comparison()
            # chosen_codes stay as asked: with none chosen, the form keeps meaning "all they report".
            context.update(comparison=comparison, chart=comparison_chart(comparison), year=selection.year)
    return render(request, "dashboard/compare.html", context)


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
