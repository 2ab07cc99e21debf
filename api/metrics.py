from datetime import date
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList
from rest_framework.views import APIView

from api.filters import IndicatorFilter, MetricFilter
from api.support import (
    FORMAT_PARAMETER,
    ID_IN_ADDRESS,
    SLUG_IN_ADDRESS,
    TABLE_RENDERERS,
    APIURLField,
    CSVListMixin,
    CursorPagination,
    NamesNothing,
    PageURLField,
    error_responses,
    read_only_schema,
)
from articles.models import Article
from dashboard.progress import Status
from dashboard.selectors import MAX_YEAR, MIN_YEAR, InvalidSelection, comparison_selection
from lib.urls import reverser
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
    # Empty for figures whose zone or metric was not recognised (a city's figure; words not in the catalogue).
    zone = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    zone_name = serializers.CharField(source="zone.short_name", read_only=True, default=None, allow_null=True)
    metric = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    metric_name = serializers.CharField(
        source="metric.name_zh", read_only=True, default=None, allow_null=True
    )
    base_unit = serializers.SerializerMethodField(
        help_text=_("The metric's base unit, in which base_value is given.")
    )
    article = SourceArticleSerializer(read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "zone",
            "zone_name",
            "scope",
            "place",
            "metric",
            "metric_name",
            "metric_text",
            "value",
            "unit",
            "base_value",
            "base_unit",
            "kind",
            "stance",
            "qualifier",
            "derived",
            "period_label",
            "period_start",
            "period_end",
            "quote",
            "quote_start",
            "quote_end",
            "review_state",
            "article",
        ]
        extra_kwargs = {"value": {"normalize_output": True}, "base_value": {"normalize_output": True}}

    def get_base_unit(self, indicator) -> str | None:
        # A growth rate or share stays in its own unit (%): it has no value in the metric's unit.
        return indicator.metric.unit if indicator.metric and indicator.base_value is not None else None


@read_only_schema(MetricSerializer)
class MetricViewSet(CSVListMixin, viewsets.ReadOnlyModelViewSet):
    """The metric catalogue: canonical indicators, their base units and the words reports use for them."""

    queryset = Metric.objects.order_by("code")
    serializer_class = MetricSerializer
    filterset_class = MetricFilter
    lookup_field = "code"
    lookup_value_regex = SLUG_IN_ADDRESS


@read_only_schema(IndicatorSerializer)
class IndicatorViewSet(CSVListMixin, viewsets.ReadOnlyModelViewSet):
    """Figures read from reports, each with its quote and article. Rejected figures only on request."""

    # The article is linked, not shown: its texts (up to megabytes each) stay in the database.
    queryset = Indicator.objects.select_related("zone", "metric", "article").defer(
        "article__raw_text", "article__text"
    )
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    pagination_class = CursorPagination
    lookup_value_regex = ID_IN_ADDRESS

    def filter_queryset(self, queryset):
        # Filters (and leaving out rejected figures) choose among the list; a figure asked for by its
        # id is shown whatever its review state, as links to it from elsewhere expect.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def list(self, request, *args, **kwargs):
        """The same JSON as IndicatorSerializer, built from flat rows: per row a dict, not four model
        objects, two reverse() calls and the serializer's field machinery (most of the list's time)."""
        rows = self.paginate_queryset(self.filter_queryset(self.get_queryset()).values(*LISTED_COLUMNS))
        # Kept on the list so that the CSV has its columns even for an empty page.
        results = ReturnList(indicator_rows(rows, request), serializer=self.get_serializer(many=True))
        return self.get_paginated_response(results)


LISTED_COLUMNS = [
    "id", "zone__slug", "zone__short_name", "scope", "place", "metric__code", "metric__name_zh",
    "metric__unit", "metric_text", "value", "unit", "base_value", "kind", "stance", "qualifier", "derived",
    "period_label", "period_start", "period_end", "quote", "quote_start", "quote_end", "review_state",
    "article_id", "article__title", "article__source_name", "article__published_on", "article__url",
]  # fmt: skip


def indicator_rows(rows, request) -> list[dict]:
    """IndicatorSerializer's representation of `values(*LISTED_COLUMNS)` rows."""
    api_url = address_maker(request, "api:article-detail")
    page_url = address_maker(request, "dashboard:article")
    return [
        {
            "id": row["id"],
            "zone": row["zone__slug"],
            "zone_name": row["zone__short_name"],
            "scope": row["scope"],
            "place": row["place"],
            "metric": row["metric__code"],
            "metric_name": row["metric__name_zh"],
            "metric_text": row["metric_text"],
            "value": plain_decimal(row["value"]),
            "unit": row["unit"],
            "base_value": plain_decimal(row["base_value"]),
            # A growth rate or share stays in its own unit (%): it has no value in the metric's unit.
            "base_unit": row["metric__unit"] if row["base_value"] is not None else None,
            "kind": row["kind"],
            "stance": row["stance"],
            "qualifier": row["qualifier"],
            "derived": row["derived"],
            "period_label": row["period_label"],
            "period_start": iso_date(row["period_start"]),
            "period_end": iso_date(row["period_end"]),
            "quote": row["quote"],
            "quote_start": row["quote_start"],
            "quote_end": row["quote_end"],
            "review_state": row["review_state"],
            "article": {
                "id": row["article_id"],
                "title": row["article__title"],
                "source": row["article__source_name"],
                "published_on": iso_date(row["article__published_on"]),
                "url": row["article__url"],
                "api_url": api_url(row["article_id"]),
                "page_url": page_url(row["article_id"]),
            },
        }
        for row in rows
    ]


def address_maker(request, view_name: str):
    """`id -> absolute address` of `view_name`, resolved once rather than once per row."""
    origin, address = request.build_absolute_uri("/").removesuffix("/"), reverser(view_name)
    return lambda pk: origin + address(pk)


def plain_decimal(value: Decimal | None) -> str | None:
    """As DRF's DecimalField(normalize_output=True) writes a stored decimal."""
    return None if value is None else f"{value.normalize():f}"


def iso_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


class ComputedDecimalField(serializers.DecimalField):
    """A decimal of no fixed precision (the comparison's ratios and amounts), as a plain decimal string."""

    def __init__(self, **kwargs):
        super().__init__(
            max_digits=None, decimal_places=None, normalize_output=True, allow_null=True, **kwargs
        )


class ComparedFigureSerializer(serializers.Serializer):
    """The figure believed for one side of a comparison, and how many sources state it."""

    indicator_id = serializers.IntegerField()
    value = ComputedDecimalField()
    unit = serializers.CharField()
    amount = ComputedDecimalField(
        help_text=_("The value in amount_unit: the metric's base unit for amounts.")
    )
    amount_unit = serializers.CharField()
    qualifier = serializers.CharField()
    period = serializers.CharField(source="period.display")
    derived = serializers.BooleanField()
    reviewed = serializers.BooleanField()
    quote = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)
    sources = serializers.IntegerField(help_text=_("Articles stating a figure for this side."))
    agreeing = serializers.IntegerField()
    disagreeing = serializers.IntegerField()
    page_url = serializers.SerializerMethodField()
    indicator_api_url = serializers.SerializerMethodField()

    def get_page_url(self, figure) -> str:
        return self.context["request"].build_absolute_uri(figure.url)

    def get_indicator_api_url(self, figure) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("api:indicator-detail", args=[figure.indicator_id])
        )


class ComparisonCellSerializer(serializers.Serializer):
    """One zone on one metric and kind: its target, its result and how far the one reaches the other.
    A zone that reported nothing on the metric has every progress field empty."""

    metric = serializers.CharField(
        source="row.metric.code",
        default=None,
        allow_null=True,
        help_text=_("Empty for words the catalogue does not know yet (then metric_name is those words)."),
    )
    metric_name = serializers.CharField(source="row.title")
    kind = serializers.CharField(source="row.kind")
    zone = serializers.CharField(source="cell.zone.slug")
    zone_name = serializers.CharField(source="cell.zone.short_name")
    period = serializers.CharField(source="cell.progress.period_label", default=None, allow_null=True)
    status = serializers.ChoiceField(
        Status.choices, source="cell.progress.status", default=None, allow_null=True
    )
    status_label = serializers.CharField(source="cell.progress.status_label", default=None, allow_null=True)
    progress = ComputedDecimalField(
        source="cell.progress.progress",
        default=None,
        help_text=_("Achieved ÷ target (target ÷ achieved for ranks)."),
    )
    elapsed = ComputedDecimalField(
        source="cell.progress.elapsed",
        default=None,
        help_text=_("Share of the target's period the result covers."),
    )
    gap = ComputedDecimalField(
        source="cell.progress.gap", default=None, help_text=_("Target − achieved, in the amount unit.")
    )
    unit = serializers.CharField(source="cell.progress.unit", default=None, allow_null=True)
    reason = serializers.CharField(source="cell.progress.reason", default=None, allow_null=True)
    sources = serializers.IntegerField(source="cell.progress.sources_count", default=None, allow_null=True)
    target = ComparedFigureSerializer(source="cell.progress.target", default=None, allow_null=True)
    achieved = ComparedFigureSerializer(source="cell.progress.achievement", default=None, allow_null=True)


class ComparisonSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    zones = serializers.ListField(
        child=serializers.CharField(), help_text=_("Zone slugs, in the order asked for.")
    )
    metrics = serializers.ListField(child=serializers.CharField(), help_text=_("Metric codes compared."))
    results = ComparisonCellSerializer(many=True, source="cells")


@extend_schema(
    parameters=[
        OpenApiParameter(
            "zones",
            {"type": "string", "pattern": rf"^{SLUG_IN_ADDRESS}(,{SLUG_IN_ADDRESS}){{1,5}}$"},
            required=True,
            description=_(
                "2 to 6 zone slugs, comma-separated (empty or one: 400; a slug naming no zone: 404)"
            ),
        ),
        OpenApiParameter(
            "metrics",
            {"type": "string", "pattern": rf"^({SLUG_IN_ADDRESS}(,{SLUG_IN_ADDRESS})*)?$"},
            description=_("Metric codes, comma-separated; empty or none: every metric reported"),
        ),
        OpenApiParameter(
            "year",
            {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
            description=_("Targets covering this year; none: the last year with results"),
        ),
        FORMAT_PARAMETER,
    ],
    responses={200: ComparisonSerializer, **error_responses(400)},
)
class ComparisonView(APIView):
    """Zones side by side: per metric and kind, each zone's target, result, progress and status,
    with their sources. The same numbers as the compare page, asked for the same way; without
    metrics, every metric the zones reported and then the words not in the catalogue."""

    renderer_classes = TABLE_RENDERERS

    def get(self, request):
        try:
            selection = comparison_selection(
                request.query_params.getlist("zones"),
                request.query_params.getlist("metrics"),
                request.query_params.get("year"),
            )
        except InvalidSelection as invalid:
            if invalid.names_missing:
                raise NamesNothing({"non_field_errors": invalid.messages}) from invalid
            raise ValidationError(invalid.messages) from invalid
        comparison = selection.comparison()
        # Kept on the data so that the CSV knows its columns.
        serializer = ComparisonSerializer(context={"request": request})
        return Response(ReturnDict(comparison_data(comparison, request), serializer=serializer))


def comparison_data(comparison, request) -> dict:
    """ComparisonSerializer's representation of a comparison, written directly: the serializer's
    fields cost most of a large comparison's time (hundreds of cells, two figures each)."""
    addresses = (address_maker(request, "dashboard:article"), address_maker(request, "api:indicator-detail"))
    return {
        "year": comparison.year,
        "zones": [zone.slug for zone in comparison.zones],
        "metrics": [metric.code for metric in comparison.metrics],
        "results": [
            comparison_cell(row, cell, addresses)
            for row in comparison.rows + comparison.uncatalogued_rows
            for cell in row.cells
        ],
    }


JUDGED_FIELDS = [
    "period", "status", "status_label", "progress", "elapsed", "gap", "unit", "reason", "sources", "target",
    "achieved",
]  # fmt: skip


def comparison_cell(row, cell, addresses) -> dict:
    progress = cell.progress
    if progress is None:
        judged = dict.fromkeys(JUDGED_FIELDS)
    else:
        judged = {
            "period": progress.period_label,
            "status": str(progress.status),
            "status_label": str(progress.status_label),
            "progress": plain_decimal(progress.progress),
            "elapsed": plain_decimal(progress.elapsed),
            "gap": plain_decimal(progress.gap),
            "unit": progress.unit,
            "reason": str(progress.reason),
            "sources": progress.sources_count,
            "target": compared_figure(progress.target, addresses),
            "achieved": compared_figure(progress.achievement, addresses),
        }
    return {
        "metric": row.metric.code if row.metric is not None else None,
        "metric_name": str(row.title),
        "kind": row.kind,
        "zone": cell.zone.slug,
        "zone_name": cell.zone.short_name,
        **judged,
    }


def compared_figure(figure, addresses) -> dict | None:
    if figure is None:
        return None
    article_url, figure_url = addresses
    return {
        "indicator_id": figure.indicator_id,
        "value": plain_decimal(figure.value),
        "unit": figure.unit,
        "amount": plain_decimal(figure.amount),
        "amount_unit": figure.amount_unit,
        "qualifier": figure.qualifier,
        "period": str(figure.period.display),
        "derived": figure.derived,
        "reviewed": figure.reviewed,
        "quote": figure.quote,
        "published_on": iso_date(figure.published_on),
        "sources": figure.sources,
        "agreeing": figure.agreeing,
        "disagreeing": figure.disagreeing,
        "page_url": f"{article_url(figure.article_id)}#indicator-{figure.indicator_id}",
        "indicator_api_url": figure_url(figure.indicator_id),
    }
