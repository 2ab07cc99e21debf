from dataclasses import dataclass

from django.db import IntegrityError, transaction

from zones.models import Zone
from zones.registry import REGISTRY_FILES, read_registry, registry_slugs, slug_for


@dataclass
class RegistryLoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


@transaction.atomic
def load_registry(paths=REGISTRY_FILES) -> RegistryLoadReport:
    """Create or update the registry's zones. Idempotent: a second run changes nothing. A zone first
    met in a report (unverified) that the registry lists is taken over and verified."""
    report = RegistryLoadReport()
    rows = read_registry(paths)
    slugs = registry_slugs(rows)
    for row in rows:
        wanted = {
            "short_name": row.short_name,
            "slug": slugs[row.name],
            "province": row.province,
            "city": row.city,
            "level": row.level,
            "approved_year": row.approved_year,
            "aliases": row.aliases,
            "source": row.source,
            "in_registry": True,
            "verified": True,
        }
        zone = Zone.objects.filter(name=row.name).first()
        if zone is None:
            Zone.objects.create(name=row.name, **wanted)
            report.created += 1
        elif any(getattr(zone, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(zone, key, value)
            zone.save()
            report.updated += 1
        else:
            report.unchanged += 1
    return report


def unique_zone_slug(name: str) -> str:
    base = slug_for(name)
    slug, n = base, 2
    while Zone.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def level_from_name(name: str) -> str:
    """A first guess at the level of a zone found only in reports, until an editor checks it: every
    national high-tech zone is in the registry, so another 高新区 is provincial; 新区 say what they are."""
    if name.endswith("新区") and not name.endswith("高新区"):
        return Zone.Level.NEW_AREA
    if name.endswith(("高新区", "高新技术产业开发区")):
        return Zone.Level.PROVINCIAL
    return Zone.Level.OTHER


def get_or_create_reported_zone(name: str) -> Zone:
    """The zone a report names: a registry zone by any of its names, else a new unverified zone."""
    zone = Zone.objects.named(name).first()
    if zone is None:
        try:
            with transaction.atomic():  # a savepoint: the upload's transaction goes on if this insert fails
                zone = Zone.objects.create(
                    name=name, short_name=name, slug=unique_zone_slug(name), level=level_from_name(name),
                    verified=False, aliases=[name],
                )
        except IntegrityError:
            # Another upload naming the same new zone created it between our look-up and our insert.
            zone = Zone.objects.get(name=name)
    return zone


@transaction.atomic
def verify_zone(zone: Zone) -> Zone:
    """An editor confirms that a zone found only in reports is a real zone."""
    zone.verified = True
    zone.save(update_fields=["verified"])
    return zone
