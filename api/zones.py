from rest_framework import serializers, viewsets

from api.support import SLUG_IN_ADDRESS, APIURLField, CSVListMixin, PageURLField, read_only_schema
from zones.filters import ZoneFilter
from zones.models import Zone


class ZoneSerializer(serializers.ModelSerializer):
    api_url = APIURLField(view_name="api:zone-detail", lookup_field="slug")
    page_url = PageURLField()

    class Meta:
        model = Zone
        fields = [
            "slug",
            "name",
            "short_name",
            "province",
            "city",
            "level",
            "approved_year",
            "aliases",
            "former_names",
            "districts",
            "gbt_code",
            "verified",
            "in_registry",
            "api_url",
            "page_url",
        ]


@read_only_schema(ZoneSerializer)
class ZoneViewSet(CSVListMixin, viewsets.ReadOnlyModelViewSet):
    """Economic zones of the registry (national and provincial: high-tech zones, ETDZs, new areas...)
    and those found in reports. `?search=` finds a zone by any of its names, a district run together
    with it or its pinyin (`q` is the same)."""

    queryset = Zone.objects.order_by("province", "short_name", "slug")
    serializer_class = ZoneSerializer
    filterset_class = ZoneFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_IN_ADDRESS
