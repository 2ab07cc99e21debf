import django_filters
from django.utils.translation import gettext_lazy as _

from zones.models import Zone


class ZoneFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name, short name or alias contains"))
    province = django_filters.CharFilter(label=_("Province, e.g. 湖北省"))
    level = django_filters.ChoiceFilter(choices=Zone.Level.choices)

    class Meta:
        model = Zone
        fields = ["q", "province", "level", "verified"]

    def search(self, queryset, name, value):
        return queryset.search(value)
