from django.shortcuts import get_object_or_404, render

from metrics import selectors
from metrics.charts import comparison_chart
from metrics.models import Indicator, Metric
from zones.models import Zone


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
    return render(request, "metrics/metric_detail.html", {
        "metric": metric,
        "kind": kind,
        "kinds": [(value, Indicator.Kind(value).label) for value in kinds],
        "year": year,
        "errors": errors,
        "ranking": selectors.metric_ranking(metric, year=year, kind=kind),
    })


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
    return render(request, "compare/compare.html", context)
