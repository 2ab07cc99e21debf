import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from articles.models import Article
from lib.filters import FilterSet
from metrics.models import Indicator, Metric
from zones.models import Zone


class MetricFilter(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Code or name contains, or an exact synonym"))

    class Meta:
        model = Metric
        fields = ["q", "family"]

    def search(self, queryset, name, value):
        # Never called with blank words: the form strips them and django-filter skips empty values.
        return queryset.filter(
            Q(code__icontains=value)
            | Q(name_zh__icontains=value)
            | Q(name_en__icontains=value)
            | Q(synonyms__contains=[value])
        )


@extend_schema_field({"type": "string", "pattern": r"^[-\w]+$"})
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A zone or metric by its slug or code: a well-formed one that names nothing is 404 (api.filtering)."""


@extend_schema_field({"type": "integer", "minimum": 1949, "maximum": 2100})
class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class IndicatorFilter(FilterSet):
    zone = SlugChoiceFilter(queryset=Zone.objects.all(), to_field_name="slug", label=_("Zone slug"))
    province = django_filters.CharFilter(field_name="zone__province", label=_("Province of the zone"))
    metric = SlugChoiceFilter(queryset=Metric.objects.all(), to_field_name="code", label=_("Metric code"))
    kind = django_filters.ChoiceFilter(choices=Indicator.Kind.choices)
    stance = django_filters.ChoiceFilter(choices=Indicator.Stance.choices)
    period = django_filters.CharFilter(field_name="period_label", label=_("Period as written, e.g. 2024年"))
    year = YearFilter(
        method="filter_year",
        min_value=1949,
        max_value=2100,
        label=_("A year the period includes (a 2021–2025 plan is in 2024), as the comparison counts it"),
    )
    review_state = django_filters.ChoiceFilter(
        choices=Indicator.ReviewState.choices,
        label=_("Review state (without it, rejected figures are left out)"),
    )
    article = django_filters.ModelChoiceFilter(queryset=Article.objects.all(), label=_("Article id"))

    class Meta:
        model = Indicator
        fields = ["zone", "province", "metric", "kind", "stance", "period", "year", "review_state", "article"]

    def filter_year(self, queryset, name, year):
        return queryset.filter(period_start__year__lte=year, period_end__year__gte=year)

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("review_state"):
            queryset = queryset.active()
        return super().filter_queryset(queryset)
