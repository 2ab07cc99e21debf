"""The admin as editors and staff see reports and figures: read-only, since figures change on the
review pages only, where every change is recorded (IndicatorChange) and stale saves are refused."""

from django.contrib import admin
from django.db import models

from articles.models import Article
from metrics.models import Indicator
from review.models import IndicatorChange


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
    list_display = (
        "__str__",
        "metric",
        "kind",
        "stance",
        "period_label",
        "qualifier",
        "review_state",
        "article",
    )
    list_filter = ("kind", "stance", "scope", "review_state", "derived", "metric")
    search_fields = ("metric_text", "quote", "place", "zone__short_name")
    raw_id_fields = ("article", "zone", "metric", "reviewed_by")
    list_select_related = ("zone", "metric", "article")


class IndicatorInline(ReviewedOnTheReviewPages, admin.TabularInline):
    model = Indicator
    fields = (
        "zone",
        "scope",
        "metric",
        "metric_text",
        "value",
        "unit",
        "kind",
        "stance",
        "period_label",
        "qualifier",
        "quote",
        "review_state",
    )
    readonly_fields = fields
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("zone", "metric")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "source_name", "published_on", "status", "added_by", "added_at")
    list_filter = ("status", "published_on")
    search_fields = ("title", "source_name", "url", "raw_text")
    # The text is what the figures' quote offsets and the duplicate check point at.
    readonly_fields = ("raw_text", "text", "content_hash", "added_at", "added_by")
    filter_horizontal = ("zones",)
    inlines = [IndicatorInline]
    # A URL typed without a scheme is https, as on the upload page (Django 6's default too).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request):
        # Reports come in through the upload page, the API or import_articles, which check and extract them.
        return False
