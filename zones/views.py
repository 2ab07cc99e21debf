from django.shortcuts import get_object_or_404, render

from metrics.charts import zone_charts
from metrics.selectors import zone_progress
from zones import selectors
from zones.models import Zone


def zone_list(request):
    query, province, level = (request.GET.get(name, "").strip() for name in ("q", "province", "level"))
    return render(request, "zones/zone_list.html", {
        "zones": selectors.zones_with_counts(query=query, province=province, level=level),
        "query": query,
        "province": province,
        "level": level,
        "provinces": selectors.provinces(),
        "levels": Zone.Level.choices,
    })


def zone_detail(request, slug):
    zone = get_object_or_404(Zone, slug=slug)
    rows = zone_progress(zone)
    return render(request, "zones/zone_detail.html", {
        "zone": zone,
        "rows": rows,
        "charts": zone_charts(rows),
        "articles": selectors.zone_articles(zone),
    })
