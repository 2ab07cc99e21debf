from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles.editors import editor_only
from metrics.charts import zone_charts
from metrics.selectors import zone_progress
from zones import selectors, services
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


@editor_only
@require_POST
def verify_zone(request, slug):
    zone = services.verify_zone(get_object_or_404(Zone, slug=slug))
    messages.success(request, _("%(zone)s is confirmed as a zone.") % {"zone": zone.short_name})
    return redirect(zone)
