"""The zone registry shipped with the project (zones/data/, copied from the shared reference data)."""
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify
from pypinyin import lazy_pinyin

from extraction.reference import read_zone_rows

DATA_DIR = Path(__file__).resolve().parent / "data"
REGISTRY_FILES = (DATA_DIR / "national_hitech_zones.csv", DATA_DIR / "other_zones.csv")

# Suffixes every zone of a kind shares; the slug keeps what tells zones apart ("weihai", not "weihai-gaoxinqu").
_GENERIC_SUFFIXES = ("国家高新区", "高新区")


@dataclass
class RegistryZone:
    name: str
    short_name: str
    province: str
    city: str
    level: str
    approved_year: int | None
    aliases: list[str] = field(default_factory=list)
    source: str = ""


def read_registry(paths=REGISTRY_FILES) -> list[RegistryZone]:
    """Rows of the registry files, one per zone; a zone listed in several files is merged, the later
    file's level winning (other_zones.csv repeats two national zones and states their level)."""
    zones: dict[str, RegistryZone] = {}
    for row in read_zone_rows(paths):
        name, year = row["name"], row.get("approved_year", "")
        zone = RegistryZone(
            name=name,
            short_name=row["short_name"] or name,
            province=row["province"],
            city=row["city"],
            level=row.get("level") or "national",
            approved_year=int(year) if year.isdigit() else None,
            aliases=row["aliases"],
            source=row["source"],
        )
        if name in zones:
            zone.aliases = list(dict.fromkeys(zones[name].aliases + zone.aliases))
        zones[name] = zone
    return list(zones.values())


def slug_for(short_name: str) -> str:
    """ASCII slug from the pinyin of a zone's distinctive name: 威海高新区 -> weihai."""
    stem = short_name
    for suffix in _GENERIC_SUFFIXES:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    return slugify("".join(lazy_pinyin(stem))) or "zone"


def registry_slugs(zones: list[RegistryZone]) -> dict[str, str]:
    """Slug per zone name. Where two zones' names sound alike (福州, 抚州) both get their province
    appended, so a slug never depends on the order of the files."""
    slugs = {zone.name: slug_for(zone.short_name) for zone in zones}
    taken: dict[str, int] = {}
    for slug in slugs.values():
        taken[slug] = taken.get(slug, 0) + 1
    for zone in zones:
        if taken[slugs[zone.name]] > 1:
            slugs[zone.name] = f"{slugs[zone.name]}-{slug_for(zone.province.removesuffix('省'))}"
    return slugs
