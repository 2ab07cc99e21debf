"""Units as written in articles, their families, and conversion to a base unit.

A unit is a multiplier prefix (万, 亿, 万亿) on a base unit of a family; values
only convert within a family (money in yuan never becomes a count).
"""

from __future__ import annotations

from functools import lru_cache

# base unit -> (family, factor to the family's reference unit)
BASE_UNITS = {
    "元": ("cny", 1.0),
    "美元": ("usd", 1.0),
    "%": ("percent", 1.0),
    "个百分点": ("points", 1.0),
    "平方米": ("area", 1.0),
    "亩": ("area", 10000 / 15),
    "公顷": ("area", 1e4),
    "平方公里": ("area", 1e6),
    "吨": ("mass", 1.0),
    "kWh": ("energy", 1.0),
    "MWh": ("energy", 1e3),
    "GWh": ("energy", 1e6),
    "千瓦时": ("energy", 1.0),
    "千瓦": ("power", 1.0),
    "MW": ("power", 1e3),
    "GW": ("power", 1e6),
    "位": ("rank", 1.0),
}
# Classifiers of counted things; all convert into one another (个 ↔ 家) because
# the catalogue's unit for a count is just its customary classifier.
COUNT_CLASSIFIERS = (
    "个",
    "家",
    "家次",
    "项",
    "件",
    "名",
    "人",
    "人次",
    "套",
    "辆",
    "台",
    "台套",
    "幢",
    "栋",
    "座",
    "轮",
    "所",
    "户",
    "株",
    "批",
)
for _classifier in COUNT_CLASSIFIERS:
    BASE_UNITS[_classifier] = ("count", 1.0)

MULTIPLIERS = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3))
# Spellings folded onto the canonical unit.
UNIT_SPELLINGS = {
    "百分点": "个百分点",
    "gwh": "GWh",
    "mwh": "MWh",
    "kwh": "kWh",
    "gw": "GW",
    "mw": "MW",
    "亿": "亿元",
    "万": "万元",
    "万亿": "万亿元",
    "‰": "‰",
}


@lru_cache(maxsize=512)
def canonical_unit(unit: str) -> str:
    """Unit as it should be reported: simplified, fixed case (30gwh -> GWh)."""
    unit = unit.strip()
    return UNIT_SPELLINGS.get(unit, UNIT_SPELLINGS.get(unit.lower(), unit))


@lru_cache(maxsize=512)
def parse_unit(unit: str) -> tuple[str, float] | None:
    """(family, factor to the family reference) or None for an unknown unit."""
    unit = canonical_unit(unit)
    if unit in BASE_UNITS:
        return BASE_UNITS[unit]
    for prefix, multiplier in MULTIPLIERS:
        rest = unit[len(prefix) :]
        if unit.startswith(prefix) and rest in BASE_UNITS:
            family, factor = BASE_UNITS[rest]
            return family, factor * multiplier
    return None


def unit_family(unit: str) -> str | None:
    parsed = parse_unit(unit)
    return parsed[0] if parsed else None


def to_base(value: float, unit: str, base_unit: str) -> float | None:
    """`value` in `unit` expressed in `base_unit`; None when either unit is
    unknown or they measure different things."""
    source, target = parse_unit(unit), parse_unit(base_unit)
    if source is None or target is None or source[0] != target[0]:
        return None
    return value * source[1] / target[1]
