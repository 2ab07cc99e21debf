"""Where a zone is, as people read it: a zone spanning provinces is stored as 上海市|江苏省|浙江省."""

from django import template

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
