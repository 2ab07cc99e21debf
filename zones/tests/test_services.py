import pytest

from zones.models import Zone, ZoneStatus
from zones.services import get_or_create_reported_zone, load_registry

pytestmark = pytest.mark.django_db


def snapshot():
    return (list(Zone.objects.order_by("name").values()), list(ZoneStatus.objects.order_by("pk").values()))


def test_loading_the_registry_twice_changes_nothing():
    first = load_registry()
    assert first.created >= 1500
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


def test_registry_load_keeps_what_editors_changed():
    load_registry()
    zone = Zone.objects.get(short_name="威海高新区")
    zone.aliases = [*zone.aliases, "威海火炬"]
    zone.verified = False
    zone.save()
    assert load_registry().updated == 0
    zone.refresh_from_db()
    assert "威海火炬" in zone.aliases and not zone.verified
    assert Zone.objects.named("威海火炬").get() == zone


def test_registry_load_keeps_a_zones_history():
    load_registry()
    zone = Zone.objects.get(short_name="宁乡高新区")
    assert [(s.level, s.year) for s in zone.history.all()] == [
        (Zone.Level.PROVINCIAL_HITECH, None),
        (Zone.Level.NATIONAL_HITECH, 2022),
    ]


def test_a_zone_named_only_in_a_report_is_created_unverified_in_its_city():
    load_registry()
    zone = get_or_create_reported_zone("醴陵陶瓷产业基地")
    assert not zone.verified and not zone.in_registry
    assert (zone.city, zone.province) == ("株洲市", "湖南省")
    assert zone.slug.isascii()
    assert get_or_create_reported_zone("醴陵陶瓷产业基地") == zone


def test_a_zone_found_in_reports_before_the_registry_listed_it_is_taken_over():
    reported = get_or_create_reported_zone("张家界经开区")
    load_registry()
    reported.refresh_from_db()
    assert (reported.name, reported.in_registry, reported.verified) == ("湖南张家界经济开发区", True, True)
    assert not Zone.objects.filter(short_name="张家界经开区").exclude(pk=reported.pk).exists()


@pytest.mark.parametrize(
    "name, short_name",
    [
        ("马鞍山慈湖高新区", "慈湖高新区"),  # an alias
        ("宁乡高新技术产业园区", "宁乡高新区"),  # a former name
        ("滨江区", "杭州高新区"),  # a district run together with the zone
        ("新北区", "常州高新区"),
        ("虎丘区", "苏州高新区"),
    ],
)
def test_a_reported_name_finds_the_registry_zone(name, short_name):
    load_registry()
    assert get_or_create_reported_zone(name).short_name == short_name


@pytest.mark.parametrize(
    "name, level",
    [
        ("某某高新区", Zone.Level.PROVINCIAL_HITECH),
        ("某某高新技术产业开发区", Zone.Level.PROVINCIAL_HITECH),
        ("某某新区", Zone.Level.PROVINCIAL_OTHER),
        ("某某经开区", Zone.Level.PROVINCIAL_DEVELOPMENT),
        ("某某产业基地", Zone.Level.OTHER),
    ],
)
def test_a_reported_zone_gets_a_first_guess_at_its_level(name, level):
    assert get_or_create_reported_zone(name).level == level


@pytest.mark.parametrize(
    "query, short_name",
    [
        ("天津经开区", "天津经开区"),
        ("张家界经开区", "张家界经开区"),
        ("湖南张家界经济开发区", "张家界经开区"),
        ("桐乡经济开发区", "桐乡经开区"),
        ("浏阳高新区", "浏阳高新区"),
        ("滨江区", "杭州高新区"),
        ("新北区", "常州高新区"),
        ("虎丘区", "苏州高新区"),
        ("宁乡高新技术产业园区", "宁乡高新区"),
        ("weihai", "威海高新区"),
        ("WeiHai", "威海高新区"),
    ],
)
def test_search_finds_a_zone_by_any_name_district_or_pinyin(query, short_name):
    load_registry()
    assert Zone.objects.search(query).first().short_name == short_name
