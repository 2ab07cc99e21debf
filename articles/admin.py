from django.contrib import admin

from articles.models import Article
from metrics.models import Indicator


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = ("zone", "scope", "metric", "metric_text", "value", "unit", "kind", "stance", "period_label", "qualifier", "quote", "review_state")
    raw_id_fields = ("zone", "metric")
    extra = 0
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "source_name", "published_on", "status", "added_by", "added_at")
    list_filter = ("status", "published_on")
    search_fields = ("title", "source_name", "url", "raw_text")
    readonly_fields = ("content_hash", "added_at", "added_by")
    filter_horizontal = ("zones",)
    inlines = [IndicatorInline]
