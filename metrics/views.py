from django.shortcuts import get_object_or_404, render

from metrics.models import Metric


def metric_detail(request, code):
    metric = get_object_or_404(Metric, code=code)
    indicators = metric.indicators.active().select_related("zone", "article").order_by("zone__short_name", "period_label")
    return render(request, "metrics/metric_detail.html", {"metric": metric, "indicators": indicators})
