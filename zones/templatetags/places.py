"""Where a zone is, as people read it: a zone spanning provinces is stored as 上海市|江苏省|浙江省."""

from functools import lru_cache

from django import template
from django.utils.translation import get_language, pgettext_lazy
from pypinyin import lazy_pinyin

register = template.Library()

# The separator the registry uses between the provinces (or cities) of a zone spanning several.
STORED_SEPARATOR = "|"


def place_names(stored: str) -> list[str]:
    return [name for name in stored.split(STORED_SEPARATOR) if name]


@register.filter
def places(stored: str) -> str:
    """上海市|江苏省|浙江省 → 上海市、江苏省、浙江省."""
    return "、".join(place_names(stored or ""))


@register.filter
def location(zone) -> str:
    """Province(s), then the cities not already named: 上海市 (not 上海市 上海市), 湖北省 武汉市."""
    provinces = place_names(zone.province or "")
    cities = [city for city in place_names(zone.city or "") if city not in provinces]
    return " ".join(part for part in ("、".join(provinces), "、".join(cities)) if part)


# The kinds of zone a short name ends with, longest first, in English.
ZONE_KINDS = (
    ("高新技术产业开发区", pgettext_lazy("zone kind", "High-tech Industrial Development Zone")),
    ("经济技术开发区", pgettext_lazy("zone kind", "Economic and Technological Development Zone")),
    ("农业高新技术产业示范区", pgettext_lazy("zone kind", "Agricultural High-tech Demonstration Zone")),
    ("农高区", pgettext_lazy("zone kind", "Agricultural High-tech Zone")),
    ("高新区", pgettext_lazy("zone kind", "High-tech Zone")),
    ("经开区", pgettext_lazy("zone kind", "Economic Development Zone")),
    ("开发区", pgettext_lazy("zone kind", "Development Zone")),
    ("工业园区", pgettext_lazy("zone kind", "Industrial Park")),
    ("示范区", pgettext_lazy("zone kind", "Demonstration Zone")),
    ("新区", pgettext_lazy("zone kind", "New Area")),
)


@lru_cache(maxsize=4096)
def pinyin_name(chinese: str) -> str:
    """威海 → Weihai: the place in pinyin, as Chinese places are written in English."""
    return "".join(lazy_pinyin(chinese)).capitalize()


def english_zone_name(short_name: str) -> str:
    """威海高新区 → Weihai High-tech Zone; a name of no known kind in pinyin (中关村 → Zhongguancun)."""
    for suffix, kind in ZONE_KINDS:
        if short_name.endswith(suffix) and len(short_name) > len(suffix):
            return f"{pinyin_name(short_name[: -len(suffix)])} {kind}"
    return pinyin_name(short_name)


@register.filter
def zone_name(zone) -> str:
    """The zone's short name in the page's language."""
    name = zone.short_name or zone.name
    return english_zone_name(name) if (get_language() or "").startswith("en") else name
