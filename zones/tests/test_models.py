import pytest
from django.db import IntegrityError

from zones.models import Zone

pytestmark = pytest.mark.django_db


def make_zone(name, slug, **extra):
    return Zone.objects.create(name=name, short_name=extra.pop("short_name", name), slug=slug, **extra)


def test_zone_slug_is_unique():
    make_zone("甲高新技术产业开发区", "jia")
    with pytest.raises(IntegrityError):
        make_zone("乙高新技术产业开发区", "jia")


def test_zone_name_is_unique():
    make_zone("甲高新技术产业开发区", "jia")
    with pytest.raises(IntegrityError):
        make_zone("甲高新技术产业开发区", "jia-2")


def test_empty_slug_is_refused():
    with pytest.raises(IntegrityError):
        make_zone("丙高新区", "")


def test_search_finds_a_zone_by_any_alias():
    zone = make_zone("东湖新技术开发区", "donghu", short_name="东湖高新区", aliases=["中国光谷", "光谷"])
    make_zone("其他高新区", "qita")
    assert list(Zone.objects.search("光谷")) == [zone]
    assert list(Zone.objects.search("东湖")) == [zone]
    assert Zone.objects.search("").count() == 2


def test_str_is_the_short_name():
    assert str(make_zone("威海火炬高技术产业开发区", "weihai", short_name="威海高新区")) == "威海高新区"


def test_named_finds_a_zone_by_any_of_its_names_the_official_one_first():
    donghu = make_zone("东湖新技术开发区", "donghu", short_name="东湖高新区", aliases=["光谷"])
    namesake = make_zone("光谷", "guanggu-park")
    assert list(Zone.objects.named("东湖高新区")) == [donghu]
    assert list(Zone.objects.named("光谷")) == [namesake, donghu]
    assert not Zone.objects.named("光").exists()
