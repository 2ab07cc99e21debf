from django.contrib import admin

from metrics.models import Metric


@admin.register(Metric)
class MetricAdmin(admin.ModelAdmin):
    list_display = ("code", "name_zh", "name_en", "unit", "family")
    list_filter = ("family",)
    search_fields = ("code", "name_zh", "name_en")
