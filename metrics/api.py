from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, viewsets

from articles.models import Article
from config.api_support import APIURLField, CSVListMixin, CursorPagination, PageURLField, read_only_schema
from metrics.filters import IndicatorFilter, MetricFilter
from metrics.models import Indicator, Metric


class MetricSerializer(serializers.ModelSerializer):
    api_url = APIURLField(view_name="api:metric-detail", lookup_field="code")
    page_url = PageURLField()

    class Meta:
        model = Metric
        fields = ["code", "name_zh", "name_en", "unit", "family", "synonyms", "api_url", "page_url"]


class SourceArticleSerializer(serializers.ModelSerializer):
    """The article an indicator was read from: the page people read and its API address."""

    source = serializers.CharField(source="source_name")
    api_url = APIURLField(view_name="api:article-detail")
    page_url = PageURLField()

    class Meta:
        model = Article
        fields = ["id", "title", "source", "published_on", "url", "api_url", "page_url"]


class IndicatorSerializer(serializers.ModelSerializer):
    zone = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    zone_name = serializers.CharField(source="zone.short_name", read_only=True, default=None)
    metric = serializers.SlugRelatedField(slug_field="code", read_only=True)
    metric_name = serializers.CharField(source="metric.name_zh", read_only=True, default=None)
    base_unit = serializers.CharField(
        source="metric.unit", read_only=True, default=None, help_text=_("The metric's base unit, in which base_value is given.")
    )
    article = SourceArticleSerializer(read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id", "zone", "zone_name", "scope", "place", "metric", "metric_name", "metric_text",
            "value", "unit", "base_value", "base_unit", "kind", "stance", "qualifier", "derived",
            "period_label", "period_start", "period_end", "quote", "quote_start", "quote_end",
            "review_state", "article",
        ]
        extra_kwargs = {"value": {"normalize_output": True}, "base_value": {"normalize_output": True}}


@read_only_schema(MetricSerializer)
class MetricViewSet(CSVListMixin, viewsets.ReadOnlyModelViewSet):
    """The metric catalogue: canonical indicators, their base units and the words reports use for them."""

    queryset = Metric.objects.order_by("code")
    serializer_class = MetricSerializer
    filterset_class = MetricFilter
    lookup_field = "code"


@read_only_schema(IndicatorSerializer)
class IndicatorViewSet(CSVListMixin, viewsets.ReadOnlyModelViewSet):
    """Figures read from reports, each with its quote and article. Rejected figures only on request."""

    queryset = Indicator.objects.select_related("zone", "metric", "article")
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    pagination_class = CursorPagination
