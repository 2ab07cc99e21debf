from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from zones.models import Zone


def zone_list(request):
    zones = Zone.objects.all()
    query = request.GET.get("q", "")
    province = request.GET.get("province", "")
    level = request.GET.get("level", "")
    zones = zones.search(query)
    if province:
        zones = zones.filter(province=province)
    if level:
        zones = zones.filter(level=level)
    return render(request, "zones/zone_list.html", {
        "zones": zones,
        "query": query,
        "province": province,
        "level": level,
        "provinces": Zone.objects.order_by("province").values_list("province", flat=True).distinct(),
        "levels": Zone.Level.choices,
    })


def zone_detail(request, slug):
    zone = get_object_or_404(Zone, slug=slug)
    indicators = zone.indicators.active().select_related("metric", "article").order_by("metric_text", "period_label")
    return render(request, "zones/zone_detail.html", {"zone": zone, "indicators": indicators})
