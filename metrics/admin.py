from django.contrib import admin

from metrics.models import Indicator, IndicatorChange, Metric


@admin.register(Metric)
class MetricAdmin(admin.ModelAdmin):
    list_display = ("code", "name_zh", "name_en", "unit", "family")
    list_filter = ("family",)
    search_fields = ("code", "name_zh", "name_en")


class IndicatorChangeInline(admin.TabularInline):
    """The review history; recorded by the review functions, never edited by hand."""

    model = IndicatorChange
    fields = ("changed_at", "changed_by", "action", "before", "after")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReviewedOnTheReviewPages:
    """Indicators are changed on the review pages only, where every change is recorded and a save
    on a stale version is refused; the admin shows them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Indicator)
class IndicatorAdmin(ReviewedOnTheReviewPages, admin.ModelAdmin):
    inlines = [IndicatorChangeInline]
    list_display = ("__str__", "metric", "kind", "stance", "period_label", "qualifier", "review_state", "article")
    list_filter = ("kind", "stance", "scope", "review_state", "derived", "metric")
    search_fields = ("metric_text", "quote", "place", "zone__short_name")
    raw_id_fields = ("article", "zone", "metric", "reviewed_by")
    list_select_related = ("zone", "metric", "article")
