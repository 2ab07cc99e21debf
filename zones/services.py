from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q

from zones.models import Zone, ZoneStatus
from zones.registry import place_table, read_registry, registry_slugs, slug_for

# Fields the registry owns: a load sets them as the files say. `verified` and editors' aliases are
# the editors'; `slug` is a zone's address and never changes once given.
REGISTRY_FIELDS = (
    "short_name",
    "province",
    "city",
    "level",
    "approved_year",
    "gbt_code",
    "former_names",
    "districts",
    "source",
    "in_registry",
    "aliases",
    "registry_aliases",
    "search_text",
)


@dataclass
class RegistryLoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def _history(row: dict) -> list[tuple]:
    return [(s["year"], s["name"], s["level"], s["gbt_code"], s["source"]) for s in row["history"]]


@transaction.atomic
def load_registry() -> RegistryLoadReport:
    """Create or update the registry's zones in a few bulk queries. Idempotent: a second run changes
    nothing. Editors' changes stay: the verified flag, and aliases they added (those the registry did
    not give at its last load). A zone first met in a report (unverified) under one of a registry
    zone's names is taken over: it gets the official name and is verified, its figures stay with it."""
    report = RegistryLoadReport()
    rows = read_registry().zones
    slugs = registry_slugs(rows)
    zones = list(Zone.objects.all())
    by_name = {zone.name: zone for zone in zones}
    reported = {zone.name: zone for zone in zones if not zone.in_registry}
    taken_slugs = {zone.slug for zone in zones}
    stored_history: dict[int, list[tuple]] = {}
    for status in ZoneStatus.objects.order_by("zone", "pk"):
        stored_history.setdefault(status.zone_id, []).append(
            (status.year, status.name, status.level, status.gbt_code, status.source)
        )
    created, changed, history = [], [], {}  # history: by id() of the zone, unsaved ones included
    for row in rows:
        zone = by_name.get(row["name"])
        if zone is None:
            zone = next((reported[n] for n in row["aliases"] + row["former_names"] if n in reported), None)
            if zone is not None:
                del reported[zone.name]
        before = (
            None if zone is None else {f: getattr(zone, f) for f in ("name", "verified", *REGISTRY_FIELDS)}
        )
        if zone is None:
            zone = Zone(name=row["name"], slug=_free_slug(slugs[row["name"]], taken_slugs), verified=True)
            created.append(zone)
        elif not zone.in_registry:  # taken over from the reports
            zone.name, zone.verified = row["name"], True
        editors_aliases = [
            a for a in zone.aliases if a not in zone.registry_aliases and a not in row["aliases"]
        ]
        zone.short_name, zone.province, zone.city = row["short_name"], row["province"], row["city"]
        zone.level, zone.gbt_code, zone.source = row["level"], row["gbt_code"], row["source"]
        zone.approved_year = int(row["approved_year"]) if row["approved_year"] else None
        # Copies: the rows are the process's cached registry.
        zone.former_names, zone.districts = list(row["former_names"]), list(row["districts"])
        zone.aliases, zone.registry_aliases = row["aliases"] + editors_aliases, list(row["aliases"])
        zone.in_registry = True
        zone.search_text = zone.searchable_text()
        if before is not None:
            if before != {f: getattr(zone, f) for f in before} or stored_history.get(zone.pk) != _history(
                row
            ):
                changed.append(zone)
            else:
                report.unchanged += 1
        history[id(zone)] = _history(row)
    Zone.objects.bulk_create(created, batch_size=1000)
    Zone.objects.bulk_update(changed, ["name", "verified", *REGISTRY_FIELDS], batch_size=1000)
    rewritten = created + [zone for zone in changed if stored_history.get(zone.pk) != history[id(zone)]]
    ZoneStatus.objects.filter(zone__in=[zone.pk for zone in rewritten]).delete()
    ZoneStatus.objects.bulk_create(
        [
            ZoneStatus(zone=zone, year=year, name=name, level=level, gbt_code=code, source=source)
            for zone in rewritten
            for year, name, level, code, source in history[id(zone)]
        ],
        batch_size=1000,
    )
    report.created, report.updated = len(created), len(changed)
    return report


def _free_slug(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`... where a zone found in reports already has it."""
    base, n = slug, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def unique_zone_slug(name: str) -> str:
    base = slug_for(name)
    slug, n = base, 2
    while Zone.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def level_from_name(name: str) -> str:
    """A first guess at the level of a zone found only in reports, until an editor checks it: the
    registry holds every national high-tech zone and national new area and the national ETDZs of
    GB/T 37028, so a zone it does not know is provincial."""
    if name.endswith(("高新区", "高新技术产业开发区", "高新技术产业园区")):
        return Zone.Level.PROVINCIAL_HITECH
    if name.endswith(("经开区", "经济技术开发区", "经济开发区")):
        return Zone.Level.PROVINCIAL_DEVELOPMENT
    if name.endswith("新区"):
        return Zone.Level.PROVINCIAL_OTHER
    return Zone.Level.OTHER


def get_or_create_reported_zone(name: str) -> Zone:
    """The zone a report names: a registry zone by any of its names (former names and districts
    run together with it included), else a new unverified zone, in the city and province of the
    place it is named after when the place table knows it."""
    zone = Zone.objects.named(name).first()
    if zone is None:
        try:
            with transaction.atomic():  # a savepoint: the upload's transaction goes on if this insert fails
                home = place_table().at_start(name)  # 浏阳高新区: 浏阳市, in 长沙市, 湖南省
                zone = Zone.objects.create(
                    name=name,
                    short_name=name,
                    slug=unique_zone_slug(name),
                    level=level_from_name(name),
                    verified=False,
                    aliases=[name],
                    city=home.city if home else "",
                    province=home.province if home else "",
                )
        except IntegrityError:
            # Another upload naming the same new zone created it between our look-up and our insert.
            zone = Zone.objects.get(name=name)
    return zone


def reported_zones(names) -> dict[str, Zone]:
    """get_or_create_reported_zone for many names: the zones that exist found in one query (each
    name to the zone `Zone.objects.named(name).first()` gives: the one officially so named, else
    the first by id of those going by it), the others created one by one (rare: a new zone)."""
    names = list(dict.fromkeys(names))
    if not names:
        return {}
    found: dict[str, Zone] = {}
    matching = Zone.objects.filter(
        Q(name__in=names)
        | Q(short_name__in=names)
        | Q(aliases__overlap=names)
        | Q(former_names__overlap=names)
        | Q(districts__overlap=names)
    ).order_by("pk")
    wanted = set(names)
    for zone in matching:
        for name in wanted.intersection(
            [zone.short_name, *zone.aliases, *zone.former_names, *zone.districts]
        ):
            found.setdefault(name, zone)
        if zone.name in wanted:
            found[zone.name] = zone  # the official name wins over any other zone's alias
    for name in names:
        if name not in found:
            found[name] = get_or_create_reported_zone(name)
    return found


@transaction.atomic
def verify_zone(zone: Zone) -> Zone:
    """An editor confirms that a zone found only in reports is a real zone."""
    zone.verified = True
    zone.save(update_fields=["verified"])
    return zone
