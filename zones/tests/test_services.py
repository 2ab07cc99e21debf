import pytest

from zones.models import Zone
from zones.services import get_or_create_reported_zone, load_registry

pytestmark = pytest.mark.django_db


def snapshot():
    return list(Zone.objects.order_by("name").values())


def test_loading_the_registry_twice_changes_nothing():
    first = load_registry()
    assert first.created >= 177
    before = snapshot()
    second = load_registry()
    assert (second.created, second.updated) == (0, 0)
    assert second.unchanged == first.created
    assert snapshot() == before


def test_registry_load_restores_a_changed_zone():
    load_registry()
    Zone.objects.filter(short_name="威海高新区").update(province="错误")
    report = load_registry()
    assert report.updated == 1
    assert Zone.objects.get(short_name="威海高新区").province == "山东省"


def test_a_zone_named_only_in_a_report_is_created_unverified():
    load_registry()
    zone = get_or_create_reported_zone("某某经济技术开发区")
    assert not zone.verified and not zone.in_registry
    assert zone.slug.isascii()
    assert get_or_create_reported_zone("某某经济技术开发区") == zone


def test_a_reported_name_finds_the_registry_zone_by_alias():
    load_registry()
    assert get_or_create_reported_zone("马鞍山慈湖高新区").short_name == "慈湖高新区"


@pytest.mark.parametrize("name, level", [
    ("某某高新区", Zone.Level.PROVINCIAL),
    ("某某高新技术产业开发区", Zone.Level.PROVINCIAL),
    ("某某新区", Zone.Level.NEW_AREA),
    ("某某经开区", Zone.Level.OTHER),
])
def test_a_reported_zone_gets_a_first_guess_at_its_level(name, level):
    assert get_or_create_reported_zone(name).level == level
