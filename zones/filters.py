import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from lib.filters import FilterSet
from zones.models import Zone


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.TypedChoiceFilter):
    """`true` or `false`; any other word is refused, where django-filter's BooleanFilter ignores it."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true", **kwargs
        )


class ZoneFilter(FilterSet):
    search = django_filters.CharFilter(
        method="search_names",
        label=_("Official name, short name, alias, former name, district or pinyin contains"),
    )
    q = django_filters.CharFilter(method="search_names", label=_("The same as search (kept for older links)"))
    province = django_filters.CharFilter(method="in_province", label=_("Province, e.g. 湖北省"))
    level = django_filters.ChoiceFilter(choices=Zone.Level.choices)
    verified = StrictBooleanFilter()

    class Meta:
        model = Zone
        fields = ["search", "q", "province", "level", "verified"]

    def search_names(self, queryset, name, value):
        return queryset.search(value)

    def in_province(self, queryset, name, value):
        """Zones in this province, also those spanning it and others (stored 上海市|江苏省|浙江省)."""
        return queryset.filter(
            Q(province=value)
            | Q(province__startswith=f"{value}|")
            | Q(province__endswith=f"|{value}")
            | Q(province__contains=f"|{value}|")
        )
