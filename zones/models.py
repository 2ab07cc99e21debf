from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ZoneQuerySet(models.QuerySet):
    def named(self, name: str):
        """Zones going by `name` (official name, short name or an alias), the one officially so
        named first."""
        return self.filter(
            models.Q(name=name) | models.Q(short_name=name) | models.Q(aliases__contains=[name])
        ).order_by(models.Case(models.When(name=name, then=0), default=1), "pk")

    def search(self, query: str):
        """Zones whose official name, short name or any alias contains `query`."""
        query = query.strip()
        if not query:
            return self
        return self.filter(
            models.Q(name__icontains=query)
            | models.Q(short_name__icontains=query)
            | models.Q(slug__icontains=query)
            | models.Q(aliases_text__icontains=query)
        )


class Zone(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "national", _("国家级")
        PROVINCIAL = "provincial", _("省级")
        NEW_AREA = "new-area", _("新区")
        OTHER = "other", _("其他")

    name = models.CharField(_("official name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, db_index=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    province = models.CharField(_("province"), max_length=30, blank=True, db_index=True)
    city = models.CharField(_("city"), max_length=30, blank=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, default=Level.OTHER, db_index=True)
    approved_year = models.PositiveSmallIntegerField(_("year approved"), null=True, blank=True)
    aliases = ArrayField(models.CharField(max_length=100), default=list, blank=True, verbose_name=_("aliases"))
    # A plain-text copy of the aliases for substring search ("any name news uses").
    aliases_text = models.TextField(editable=False, default="")
    in_registry = models.BooleanField(
        _("in the registry"), default=False, help_text=_("Loaded from the shipped zone registry.")
    )
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Zones found only in reports stay unverified until an editor confirms them.")
    )
    source = models.TextField(_("source"), blank=True)

    objects = ZoneQuerySet.as_manager()

    class Meta:
        ordering = ["province", "short_name"]
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        indexes = [GinIndex(fields=["aliases"], name="zone_aliases_gin")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(slug=""), name="zone_slug_not_empty"
            ),
        ]

    def __str__(self):
        return self.short_name or self.name

    def save(self, *args, **kwargs):
        self.aliases_text = "|".join(self.all_names())
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("dashboard:zone", args=[self.slug])

    def all_names(self) -> list[str]:
        """Every name this zone goes by, official name first, without repeats."""
        return list(dict.fromkeys(n for n in [self.name, self.short_name, *self.aliases] if n))
