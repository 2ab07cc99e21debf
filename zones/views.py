from django.shortcuts import get_object_or_404, render

from metrics.charts import zone_charts
from metrics.selectors import zone_progress
from zones import selectors
from zones.models import Zone


def zone_list(request):
    filters = selectors.zone_list_filter(request.GET)
    zones = filters.qs  # filter values that are not valid are left out
    chosen = filters.form.cleaned_data
    return render(request, "zones/zone_list.html", {
        "zones": zones,
        "query": chosen.get("q", ""),
        "province": chosen.get("province", ""),
        "level": chosen.get("level", ""),
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
