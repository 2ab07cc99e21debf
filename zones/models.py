from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _

from extraction import reference
from lib.urls import reverse_with
from zones.registry import spoken


class ZoneQuerySet(models.QuerySet):
    def named(self, name: str):
        """Zones going by `name` (official name, short name, an alias, a former name or a district run
        together with the zone), the one officially so named first."""
        return self.filter(
            models.Q(name=name)
            | models.Q(short_name=name)
            | models.Q(aliases__contains=[name])
            | models.Q(former_names__contains=[name])
            | models.Q(districts__contains=[name])
        ).order_by(models.Case(models.When(name=name, then=0), default=1), "pk")

    def search(self, query: str):
        """Zones whose official name, short name, alias, former name, district or pinyin contains
        `query`, those so named exactly first, then by level. A scan of some 2,500 short texts (a
        millisecond or two): no trigram index, since the embedded PostgreSQL has no pg_trgm."""
        query = query.strip().lower()
        if not query:
            return self
        return self.filter(search_text__contains=query).order_by(
            self.named_exactly(query), Zone.level_order(), "province", "short_name", "pk"
        )

    @staticmethod
    def named_exactly(query: str) -> models.Case:
        """0 for zones going by `query` exactly (any name or district), 1 for the others: for ordering."""
        query = query.strip()
        exact = (
            models.Q(name=query)
            | models.Q(short_name=query)
            | models.Q(aliases__contains=[query])
            | models.Q(districts__contains=[query])
            | models.Q(former_names__contains=[query])
        )
        return models.Case(models.When(exact, then=0), default=1)


class Zone(models.Model):
    class Level(models.TextChoices):
        # The values are the engine's (extraction.reference), most important first.
        NATIONAL_HITECH = reference.NATIONAL_HITECH, _("国家高新区")
        NATIONAL_ETDZ = reference.NATIONAL_ETDZ, _("国家级经开区")
        NATIONAL_NEW_AREA = reference.NATIONAL_NEW_AREA, _("国家级新区")
        NATIONAL_OTHER = reference.NATIONAL_OTHER, _("其他国家级园区")
        PROVINCIAL_HITECH = reference.PROVINCIAL_HITECH, _("省级高新区")
        PROVINCIAL_DEVELOPMENT = reference.PROVINCIAL_DEVELOPMENT, _("省级开发区")
        PROVINCIAL_OTHER = reference.PROVINCIAL_OTHER, _("其他省级园区")
        OTHER = reference.UNKNOWN_LEVEL, _("级别未定")

    name = models.CharField(_("official name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, db_index=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    province = models.CharField(_("province"), max_length=30, blank=True, db_index=True)
    city = models.CharField(_("city"), max_length=30, blank=True)
    level = models.CharField(
        _("level"), max_length=24, choices=Level.choices, default=Level.OTHER, db_index=True
    )
    approved_year = models.PositiveSmallIntegerField(_("year approved"), null=True, blank=True)
    aliases = ArrayField(
        models.CharField(max_length=100), default=list, blank=True, verbose_name=_("aliases")
    )
    former_names = ArrayField(
        models.CharField(max_length=100), default=list, blank=True, verbose_name=_("former names")
    )
    districts = ArrayField(
        models.CharField(max_length=30),
        default=list,
        blank=True,
        verbose_name=_("districts"),
        help_text=_(
            "Districts run together with the zone (区政合一): a report of the district is the zone's."
        ),
    )
    gbt_code = models.CharField(_("GB/T 37028 code"), max_length=8, blank=True, db_index=True)
    # The aliases the registry gave at its last load: the others in `aliases` are editors' own, kept.
    registry_aliases = ArrayField(models.CharField(max_length=100), default=list, editable=False)
    # Every name, district and the pinyin of the short name, lower-case, for substring search.
    search_text = models.TextField(editable=False, default="")
    in_registry = models.BooleanField(
        _("in the registry"), default=False, help_text=_("Loaded from the shipped zone registry.")
    )
    verified = models.BooleanField(
        _("verified"),
        default=False,
        help_text=_("Zones found only in reports stay unverified until an editor confirms them."),
    )
    source = models.TextField(_("source"), blank=True)

    objects = ZoneQuerySet.as_manager()

    class Meta:
        ordering = ["province", "short_name"]
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        indexes = [
            GinIndex(fields=["aliases"], name="zone_aliases_gin"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(slug=""), name="zone_slug_not_empty"),
        ]

    def __str__(self):
        return self.short_name or self.name

    def save(self, *args, **kwargs):
        self.search_text = self.searchable_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse_with("dashboard:zone", self.slug)

    def all_names(self) -> list[str]:
        """Every name this zone goes by, official name first, without repeats."""
        return list(dict.fromkeys(n for n in [self.name, self.short_name, *self.aliases] if n))

    def searchable_text(self) -> str:
        names = [*self.all_names(), *self.former_names, *self.districts]
        return "|".join(dict.fromkeys([*names, spoken(self.short_name or self.name), self.slug])).lower()

    @staticmethod
    def level_order() -> models.Case:
        """Levels by importance (national high-tech zones first), for ordering."""
        return models.Case(
            *(models.When(level=value, then=rank) for rank, value in enumerate(Zone.Level.values)),
            default=len(Zone.Level.values),
        )


class ZoneStatus(models.Model):
    """A zone's name and level from a year on (None: as first known): a zone upgraded, renamed or
    merged keeps one identity, with each former name and level here."""

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="history", verbose_name=_("zone"))
    year = models.PositiveSmallIntegerField(_("since"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=24, choices=Zone.Level.choices)
    gbt_code = models.CharField(_("GB/T 37028 code"), max_length=8, blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["zone", models.F("year").asc(nulls_first=True), "pk"]
        verbose_name = _("zone status")
        verbose_name_plural = _("zone history")

    def __str__(self):
        return f"{self.name} ({self.get_level_display()}, {self.year or '—'})"
