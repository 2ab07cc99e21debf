from django.contrib import admin
from django.db import models

from articles.models import Article
from metrics.admin import ReviewedOnTheReviewPages
from metrics.models import Indicator


class IndicatorInline(ReviewedOnTheReviewPages, admin.TabularInline):
    model = Indicator
    fields = ("zone", "scope", "metric", "metric_text", "value", "unit", "kind", "stance", "period_label", "qualifier", "quote", "review_state")
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
