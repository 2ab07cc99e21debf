"""The zone registry shipped with the project (zones/data/, copied from the shared reference data and
maintained tables; see SOURCES.md), read through the engine's reader so that the database and the
engine see the same zones."""

from functools import cache
from pathlib import Path

from django.utils.text import slugify
from pypinyin import lazy_pinyin

from extraction.reference import LEVEL_RANK, PlaceTable, Reference, read_reference

DATA_DIR = Path(__file__).resolve().parent / "data"
PLACE_FILE = DATA_DIR / "admin_divisions_gbt2260.csv"
# Every file the registry and the engine's gazetteer are built from (reference.read_reference tells
# them apart by their columns).
REGISTRY_FILES = (
    DATA_DIR / "national_hitech_zones.csv",
    DATA_DIR / "other_zones.csv",
    DATA_DIR / "economic_zones_gbt37028.csv",
    DATA_DIR / "zone_changes.csv",
    DATA_DIR / "zone_districts.csv",
    PLACE_FILE,
)

# Suffixes every zone of a kind shares: the slug keeps what tells zones apart
# ("weihai", not "weihai-gaoxinqu").
_GENERIC_SUFFIXES = ("国家高新区", "高新区")


@cache
def read_registry(paths=REGISTRY_FILES) -> Reference:
    """The registry: one row per zone (reference.merge_zones), the place table and the districts;
    read once per process (the files ship with the code). Callers must not change it."""
    return read_reference(paths)


@cache
def spoken(text: str) -> str:
    """The pinyin of `text`, run together: 威海 -> weihai."""
    return "".join(lazy_pinyin(text))


def place_table() -> PlaceTable:
    """The GB/T 2260 place table of the registry."""
    return read_registry().places


def slug_for(short_name: str) -> str:
    """ASCII slug from the pinyin of a zone's distinctive name: 威海高新区 -> weihai."""
    stem = short_name
    for suffix in _GENERIC_SUFFIXES:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    return slugify(spoken(stem)) or "zone"


def registry_slugs(zones: list[dict]) -> dict[str, str]:
    """Slug per zone name, level by level (national high-tech zones first, so theirs never change as
    zones of other levels are added). Within a level, zones whose names sound alike (福州, 抚州) all
    get their province appended, and any slug still taken a number, so a slug never depends on the
    order of the files."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for level in LEVEL_RANK:
        group = sorted((zone for zone in zones if zone["level"] == level), key=lambda zone: zone["name"])
        wanted = {zone["name"]: slug_for(zone["short_name"]) for zone in group}
        counts: dict[str, int] = {}
        for slug in wanted.values():
            counts[slug] = counts.get(slug, 0) + 1
        for zone in group:
            slug = wanted[zone["name"]]
            if counts[slug] > 1 or slug in taken:
                slug = f"{slug}-{slug_for(zone['province'].split('|')[0].removesuffix('省'))}"
            base, n = slug, 2
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            slugs[zone["name"]] = slug
            taken.add(slug)
    return slugs
