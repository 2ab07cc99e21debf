"""Readers of the reference files the engine is built from: the zone registry CSVs (national and other
zones, the GB/T 37028 list of economic zones, districts run together with zones, zone changes), the
GB/T 2260 place table and the metric catalogue CSV. The one place their format is known; the Django
apps load the same rows through these functions."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


def split_list(value: str | None) -> list[str]:
    """A '|'-separated cell (aliases, synonyms) as a list, blanks dropped."""
    return [item.strip() for item in (value or "").split("|") if item.strip()]


def _rows(path: str | Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(handle)]


def read_zone_rows(paths: Iterable[str | Path] | str | Path) -> list[dict]:
    """Rows of zone registry CSVs (name, short_name, province, city, level, aliases, ...), every
    cell stripped, `aliases` as a list."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    rows = []
    for path in paths:
        for row in _rows(path):
            row["aliases"] = split_list(row.get("aliases"))
            rows.append(row)
    return rows


def read_metric_rows(path: str | Path) -> list[dict]:
    """Rows of the metric catalogue CSV (code, name_zh, name_en, unit, family, synonyms), every cell
    stripped, `synonyms` as a list."""
    rows = _rows(path)
    for row in rows:
        row["synonyms"] = split_list(row.get("synonyms"))
    return rows


# ---- Zone levels, shared by the engine's records and the registry --------------------------------

NATIONAL_HITECH = "national-hitech"
NATIONAL_ETDZ = "national-etdz"
NATIONAL_NEW_AREA = "national-new-area"
NATIONAL_OTHER = "national-other"
PROVINCIAL_HITECH = "provincial-hitech"
PROVINCIAL_DEVELOPMENT = "provincial-development"
PROVINCIAL_OTHER = "provincial-other"
UNKNOWN_LEVEL = "other"
# Most important first: where two zones claim the same short name, the higher level keeps it.
LEVEL_RANK = (
    NATIONAL_HITECH,
    NATIONAL_ETDZ,
    NATIONAL_NEW_AREA,
    NATIONAL_OTHER,
    PROVINCIAL_HITECH,
    PROVINCIAL_DEVELOPMENT,
    PROVINCIAL_OTHER,
    UNKNOWN_LEVEL,
)

# GB/T 37028-2018 type codes. Left out, because they never publish economic reports of their own:
# 104 customs special supervision zones (bonded zones, export processing zones: their figures are
# their host zone's), 107 national innovation demonstration zones (groups of high-tech zones, each
# reporting itself), 109 inland open-economy pilot zones (a whole province) and 111 sustainable
# development agenda demonstration zones (a whole city).
GBT_TYPE_LEVEL = {
    "101": NATIONAL_ETDZ,
    "102": NATIONAL_NEW_AREA,
    "103": NATIONAL_HITECH,
    "105": NATIONAL_OTHER,
    "106": NATIONAL_OTHER,
    "108": NATIONAL_OTHER,
    "110": NATIONAL_OTHER,
    "199": NATIONAL_OTHER,
    "201": PROVINCIAL_DEVELOPMENT,
    "202": PROVINCIAL_HITECH,
    "299": PROVINCIAL_OTHER,
}
GBT_TYPES_LEFT_OUT = ("104", "107", "109", "111")

# The short forms reports use: 经济技术开发区 -> 经开区, 高新技术产业开发区/园区 -> 高新区.
SHORT_SUFFIXES = (
    ("高新技术产业开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
)
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# Prefecture rows that are only containers (市辖区 of a municipality, 省直辖县级行政区划...).
_CONTAINER_NAMES = ("市辖区", "县", "省辖县", "省直辖县级行政区划", "自治区直辖县级行政区划")
_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


def province_stem(province: str) -> str:
    """湖南 for 湖南省, 广西 for 广西壮族自治区."""
    for suffix in _PROVINCE_SUFFIXES:
        if province.endswith(suffix) and len(province) > len(suffix):
            return province[: -len(suffix)]
    return province


def distinctive_part(name: str) -> str:
    """What tells a zone apart from others of its kind: 张家界 in 张家界经济开发区."""
    for long, short in (
        *SHORT_SUFFIXES,
        ("高新区", ""),
        ("经开区", ""),
        ("开发区", ""),
        ("新区", ""),
        ("工业园区", ""),
        ("产业园区", ""),
        ("园区", ""),
    ):
        if name.endswith(long):
            return name[: -len(long)]
        if short and name.endswith(short):
            return name[: -len(short)]
    return name


def without_province(name: str, province: str) -> str:
    """湖南张家界经济开发区 -> 张家界经济开发区. The prefix stays where nothing distinctive would
    be left (天津经济技术开发区), and 吉林市 is a city, not the province."""
    for prefix in (province, province_stem(province)):
        rest = name[len(prefix) :] if prefix and name.startswith(prefix) else ""
        if rest.startswith("市"):
            continue
        if len(distinctive_part(rest)) >= 2:
            return rest
    return name


def short_form(name: str) -> str:
    for long, short in SHORT_SUFFIXES:
        if name.endswith(long) and len(name) > len(long):
            return name[: -len(long)] + short
    return name


def zone_names(name: str, province: str, places: PlaceTable | None = None) -> tuple[str, list[str]]:
    """(short name, every name) of a zone: the official name, without its province prefix, without
    the place before its own name (昆山花桥经济开发区 -> 花桥经济开发区), and the short forms of each:
    湖南张家界经济开发区 -> 张家界经开区, [湖南张家界经济开发区, 湖南张家界经开区, 张家界经济开发区,
    张家界经开区]."""
    local = without_province(name, province)
    names = [name, short_form(name), local, short_form(local)]
    place = places.at_start(local, province) if places is not None else None
    if place:
        for prefix in (place.name, place.short_name):
            rest = local[len(prefix) :] if prefix and local.startswith(prefix) else ""
            if len(distinctive_part(rest)) >= 2 and places.at_start(rest, province) is None:
                names += [rest, short_form(rest)]
                break
    return short_form(local), list(dict.fromkeys(names))


# ---- The place table (GB/T 2260) ----------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A province, prefecture or county-level unit, current or former, with the prefecture-level
    city it is in today (itself for a prefecture; the municipality for its districts)."""

    name: str
    short_name: str
    level: int
    city: str
    province: str
    current: bool


def _place_stem(name: str) -> str:
    """准格尔 for 准格尔旗 (the table gives no short name for banners and some counties)."""
    for suffix in ("自治旗", "自治县", "旗", "县"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


def read_place_rows(path: str | Path) -> list[Place]:
    """Every unit of the GB/T 2260 table (admin_divisions_gbt2260.csv), each tied to its city and
    province through its code; current units first."""
    rows = _rows(path)
    current_name = {}
    for row in rows:
        if not row["deprecated"] or row["code"] not in current_name:
            current_name[row["code"]] = row["name"]
    places = []
    for row in rows:
        code, level = row["code"], int(row["level"])
        province = current_name.get(code[:2], "")
        if level == 1:
            city = ""
        elif province in MUNICIPALITIES:
            city = province
        else:
            prefecture = current_name.get(code[:4], row["parent"] if level == 3 else row["name"])
            city = row["name"] if level == 3 and prefecture in _CONTAINER_NAMES else prefecture
        places.append(
            Place(
                name=row["name"],
                short_name=row["short_name"] or _place_stem(row["name"]),
                level=level,
                city=city,
                province=province,
                current=not row["deprecated"],
            )
        )
    return sorted(places, key=lambda place: not place.current)


class PlaceTable:
    """Places by name and short name, current units before former ones."""

    def __init__(self, places: Iterable[Place]):
        self.places = tuple(places)
        self._by_name: dict[str, list[Place]] = {}
        for place in self.places:
            for key in {place.name, place.short_name} - {""}:
                self._by_name.setdefault(key, []).append(place)

    def named(self, name: str, province: str = "") -> Place | None:
        """The place so named (in `province`, when given), a current one first; None when unknown
        or when two current places share the name."""
        found = [p for p in self._by_name.get(name, ()) if not province or p.province == province]
        current = [p for p in found if p.current]
        if len({(p.city, p.province) for p in current or found}) == 1:
            return (current or found)[0]
        return None

    def at_start(self, text: str, province: str = "") -> Place | None:
        """The longest place `text` starts with: 德惠 in 德惠经济开发区."""
        for length in range(min(len(text), 12), 1, -1):
            place = self.named(text[:length], province)
            if place and place.level > 1:
                return place
        return None

    def names(self) -> set[str]:
        return set(self._by_name)


# ---- The economic zones of GB/T 37028 ------------------------------------------------------------


def read_gbt_zone_rows(path: str | Path, places: PlaceTable | None = None) -> list[dict]:
    """Zones of GB/T 37028-2018 (economic_zones_gbt37028.csv) in the registry's row shape, with
    their level, short names and, where the name or the place table tells it, their city. Types
    that never report (GBT_TYPES_LEFT_OUT) are left out; a name listed twice is one zone."""
    zones: dict[str, dict] = {}
    for row in _rows(path):
        level = GBT_TYPE_LEVEL.get(row["type_code"])
        if level is None or row["name"] in zones:
            continue
        province, name = row["province"], row["name"]
        short_name, names = zone_names(name, province, places)
        city = ""
        if province in MUNICIPALITIES:
            city = province
        elif places is not None:
            place = places.at_start(without_province(name, province), province)
            city = place.city if place else ""
        zones[name] = {
            "name": name,
            "short_name": short_name,
            "province": province,
            "city": city,
            "level": level,
            "aliases": names,
            "gbt_code": row["code"],
            "approved_year": "",
            "source": f"GB/T 37028-2018 code {row['code']} ({row['type']})",
        }
    return list(zones.values())


# ---- Maintained tables: districts run together with a zone, changes of zones ----------------------


def read_district_rows(path: str | Path) -> list[dict]:
    """Districts run together with a zone (区政合一): district, city, province, zone (its official
    name), since, source."""
    return _rows(path)


def read_zone_change_rows(path: str | Path) -> list[dict]:
    """Upgrades, renames and merges: zone (official name now), former_name, former_level, year,
    change, source."""
    return _rows(path)


# ---- The registry: every file above merged into one row per zone ------------------------------------


def _registry_level(row: dict) -> str:
    """Levels of the registry files: national_hitech_zones.csv states none (all national high-tech);
    other_zones.csv says national, provincial or new-area (its new areas are provincial-level)."""
    level = row.get("level", "")
    if level in LEVEL_RANK:
        return level
    if level in ("", "national"):
        return NATIONAL_HITECH
    if level == "provincial" and "高新" in row["name"]:
        return PROVINCIAL_HITECH
    return PROVINCIAL_OTHER


def _file_kind(path: str | Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        header = set(next(csv.reader(handle), []))
    if {"type_code", "code"} <= header:
        return "gbt"
    if {"code", "level", "parent"} <= header:
        return "places"
    if "district" in header:
        return "districts"
    if "former_name" in header:
        return "changes"
    return "registry"


@dataclass
class Reference:
    """The zone registry (one row per zone, merged from every zone file), the place table and the
    districts run together with zones."""

    zones: list[dict] = field(default_factory=list)
    places: PlaceTable | None = None
    districts: list[dict] = field(default_factory=list)


def read_reference(paths: Iterable[str | Path] | str | Path) -> Reference:
    """Read the reference files, whatever their kind (told by their header), into one Reference:
    national_hitech_zones.csv / other_zones.csv (the authority for the zones they list), the GB/T
    37028 list, the GB/T 2260 place table, the district table and the table of zone changes."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    by_kind: dict[str, list] = {}
    for path in paths:
        by_kind.setdefault(_file_kind(path), []).append(path)
    places = None
    if by_kind.get("places"):
        places = PlaceTable(p for path in by_kind["places"] for p in read_place_rows(path))
    gbt = [row for path in by_kind.get("gbt", ()) for row in read_gbt_zone_rows(path, places)]
    changes = [row for path in by_kind.get("changes", ()) for row in read_zone_change_rows(path)]
    districts = [row for path in by_kind.get("districts", ()) for row in read_district_rows(path)]
    zones = merge_zones(read_zone_rows(by_kind.get("registry", [])), gbt, changes, districts)
    return Reference(zones=zones, places=places, districts=districts)


def _status(year, level: str, name: str, source: str, gbt_code: str = "") -> dict:
    return {
        "year": int(year) if str(year or "").isdigit() else None,
        "level": level,
        "name": name,
        "gbt_code": gbt_code,
        "source": source,
    }


def merge_zones(
    registry_rows: list[dict],
    gbt_rows: list[dict],
    change_rows: list[dict] = (),
    district_rows: list[dict] = (),
) -> list[dict]:
    """One row per zone. The registry files are the authority for the zones they list; a GB/T row
    naming one of them (by name, or by its short forms: 安徽安庆高新技术产业开发区 is 安庆高新区) is
    that zone as the standard knew it, so a zone upgraded since (the 2022 batch) keeps one identity
    with its former level and name in `history`. Rows of `change_rows` fold a former name into its
    zone; a name two zones would share stays with the higher level only (the official name always
    stays)."""
    zones: dict[str, dict] = {}
    for row in registry_rows:
        level = _registry_level(row)
        names = list(dict.fromkeys(n for n in [row["name"], *row["aliases"], row.get("short_name")] if n))
        zone = zones.get(row["name"])
        if zone:  # listed in both registry files: the later file states the level
            zone["aliases"] = list(dict.fromkeys(zone["aliases"] + names))
            zone["level"] = zone["history"][-1]["level"] = level
            continue
        source = row.get("source", "")
        zones[row["name"]] = {
            "name": row["name"],
            "short_name": row.get("short_name") or row["name"],
            "province": row.get("province", ""),
            "city": row.get("city", ""),
            "level": level,
            "approved_year": row.get("approved_year", ""),
            "aliases": names,
            "former_names": [],
            "districts": [],
            "gbt_code": "",
            "source": source,
            "history": [_status(row.get("approved_year"), level, row["name"], source)],
        }
    by_name = {name: zone for zone in zones.values() for name in zone["aliases"]}
    for row in gbt_rows:
        zone = by_name.get(row["name"]) or next((by_name[n] for n in row["aliases"] if n in by_name), None)
        if zone is None:
            zone = zones[row["name"]] = {
                **row,
                "former_names": [],
                "districts": [],
                "history": [_status("", row["level"], row["name"], row["source"], row["gbt_code"])],
            }
            continue
        zone["gbt_code"] = zone["gbt_code"] or row["gbt_code"]
        zone["source"] += f"; {row['source']}"
        if row["level"] != zone["level"] or row["name"] not in zone["aliases"]:
            zone["history"].insert(0, _status("", row["level"], row["name"], row["source"], row["gbt_code"]))
            zone["former_names"] += [n for n in row["aliases"] if n not in zone["aliases"]]
        else:
            zone["history"][0]["gbt_code"] = row["gbt_code"]
    for change in change_rows:
        zone = zones.get(change["zone"])
        if zone is None:
            raise ValueError(f"zone change names an unknown zone: {change['zone']}")
        # A zone listed apart under its former name (merged, or renamed past the rules) is folded in.
        folded = (
            zones.pop(change["former_name"]) if change["former_name"] in zones.keys() - {zone["name"]} else {}
        )
        former = [change["former_name"], *folded.get("aliases", [])]
        zone["former_names"] += [n for n in former if n not in zone["aliases"]]
        zone["gbt_code"] = zone["gbt_code"] or folded.get("gbt_code", "")
        known = {(status["name"], status["level"]) for status in zone["history"]}
        if (change["former_name"], change["former_level"]) not in known:
            zone["history"].insert(
                0,
                _status(
                    "",
                    change["former_level"],
                    change["former_name"],
                    change["source"],
                    folded.get("gbt_code", ""),
                ),
            )
        zone["history"][-1]["year"] = int(change["year"]) if change["year"].isdigit() else None
    for district in district_rows:
        zones[district["zone"]]["districts"].append(district["district"])
    for zone in zones.values():
        zone["former_names"] = list(dict.fromkeys(zone["former_names"]))
        zone["history"].sort(key=lambda status: status["year"] or 0)
    _settle_shared_names(list(zones.values()))
    return list(zones.values())


def _settle_shared_names(zones: list[dict]) -> None:
    """A name two zones go by belongs to the one of higher level; between equals, to neither (a
    report naming it could mean either). An official name is never taken away."""
    claims: dict[str, list[dict]] = {}
    for zone in zones:
        for name in dict.fromkeys([*zone["aliases"], *zone["former_names"]]):
            claims.setdefault(name, []).append(zone)
    official = {zone["name"]: zone for zone in zones}
    for name, claimants in claims.items():
        if len(claimants) < 2:
            continue
        if name in official:
            keeper = official[name]
        else:
            claimants.sort(key=lambda zone: LEVEL_RANK.index(zone["level"]))
            top = LEVEL_RANK.index(claimants[0]["level"])
            keeper = claimants[0] if LEVEL_RANK.index(claimants[1]["level"]) > top else None
        for zone in claimants:
            if zone is not keeper:
                zone["aliases"] = [n for n in zone["aliases"] if n != name]
                zone["former_names"] = [n for n in zone["former_names"] if n != name]
    for zone in zones:
        if zone["short_name"] not in zone["aliases"]:
            zone["short_name"] = min(zone["aliases"], key=len)
