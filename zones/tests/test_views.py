import pytest
from django.urls import reverse

from zones.models import Zone

pytestmark = pytest.mark.django_db


def test_home_lists_the_registry_zones_with_province_and_level(client, registry):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert Zone.objects.filter(level="national").count() >= 170
    for zone in Zone.objects.filter(short_name__in=["威海高新区", "昆明高新区", "慈湖高新区"]):
        assert zone.get_absolute_url() in html
    assert "山东省" in html and "国家级" in html


def test_zone_list_filters_by_province_and_searches_aliases(client, registry):
    html = client.get(reverse("zones:list"), {"province": "湖北省", "q": "光谷"}).content.decode()
    assert "东湖高新区" in html
    assert "威海高新区" not in html
