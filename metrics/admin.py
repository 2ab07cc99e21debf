from django.contrib import admin

from metrics.models import Indicator, Metric


@admin.register(Metric)
class MetricAdmin(admin.ModelAdmin):
    list_display = ("code", "name_zh", "name_en", "unit", "family")
    list_filter = ("family",)
    search_fields = ("code", "name_zh", "name_en")


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("__str__", "metric", "kind", "stance", "period_label", "qualifier", "review_state", "article")
    list_filter = ("kind", "stance", "scope", "review_state", "derived", "metric")
    search_fields = ("metric_text", "quote", "place", "zone__short_name")
    raw_id_fields = ("article", "zone", "metric", "reviewed_by")
    list_select_related = ("zone", "metric", "article")
