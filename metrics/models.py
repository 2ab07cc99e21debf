from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from extraction import vocabulary
from lib.urls import reverse_with


class Metric(models.Model):
    """A canonical indicator of the catalogue; extracted metric words map onto it."""

    class Family(models.TextChoices):
        MONEY = "money", _("money")
        COUNT = "count", _("count")
        SHARE = "share", _("share")
        AREA = "area", _("area")
        RANK = "rank", _("rank")
        OTHER = "other", _("other")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("higher is better")
        LOWER = "lower", _("lower is better")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150)
    unit = models.CharField(_("base unit"), max_length=20)
    family = models.CharField(_("unit family"), max_length=10, choices=Family.choices, default=Family.OTHER)
    synonyms = ArrayField(
        models.CharField(max_length=100), default=list, blank=True, verbose_name=_("synonyms")
    )
    # Rankings and statuses read it: less PM2.5 or energy per unit of output is the better result.
    direction = models.CharField(
        _("better when"), max_length=6, choices=Direction.choices, default=Direction.HIGHER
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")

    def __str__(self):
        return f"{self.name_zh} ({self.unit})"

    def get_absolute_url(self):
        return reverse_with("dashboard:metric", self.code)

    @property
    def display_name(self) -> str:
        """The name in the page's language: Chinese unless English is asked for (and known)."""
        english = (translation.get_language() or "").startswith("en")
        return self.name_en if english and self.name_en else self.name_zh

    @property
    def lower_is_better(self) -> bool:
        return self.direction == self.Direction.LOWER

    def add_synonym(self, words: str) -> bool:
        """Record `words` as another way of naming this metric; False when already known."""
        words = words.strip()
        if not words or words == self.name_zh or words in self.synonyms:
            return False
        self.synonyms = [*self.synonyms, words]
        return True


class IndicatorQuerySet(models.QuerySet):
    def active(self):
        """Indicators that count: everything an editor has not rejected."""
        return self.exclude(review_state=Indicator.ReviewState.REJECTED)

    def automatic(self):
        return self.filter(review_state=Indicator.ReviewState.AUTO)


class Indicator(models.Model):
    """One figure extracted from an article, with where it came from."""

    # The values are the engine's (extraction.vocabulary); the labels are what people read.
    class Kind(models.TextChoices):
        LEVEL = vocabulary.Kind.LEVEL.value, _("level")
        GROWTH = vocabulary.Kind.GROWTH.value, _("growth")
        COMPLETION = vocabulary.Kind.COMPLETION.value, _("completion")
        SHARE = vocabulary.Kind.SHARE.value, _("share")
        RANK = vocabulary.Kind.RANK.value, _("rank")
        DELTA = vocabulary.Kind.DELTA.value, _("delta")

    class Stance(models.TextChoices):
        TARGET = vocabulary.Stance.TARGET.value, _("target")
        ACHIEVEMENT = vocabulary.Stance.ACHIEVEMENT.value, _("achievement")

    class Scope(models.TextChoices):
        ZONE = vocabulary.Scope.ZONE.value, _("zone")
        CITY = vocabulary.Scope.CITY.value, _("city")
        PROVINCE = vocabulary.Scope.PROVINCE.value, _("province")
        GROUP = vocabulary.Scope.GROUP.value, _("group of zones")
        NATIONAL = vocabulary.Scope.NATIONAL.value, _("national")

    class ReviewState(models.TextChoices):
        AUTO = "auto", _("automatic")
        CONFIRMED = "confirmed", _("confirmed")
        CORRECTED = "corrected", _("corrected")
        REJECTED = "rejected", _("rejected")

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="indicators", verbose_name=_("article")
    )
    # zone and metric: no index of their own, the composite indexes below lead with them.
    zone = models.ForeignKey(
        "zones.Zone",
        null=True,
        blank=True,
        db_index=False,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("zone"),
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.ZONE)
    place = models.CharField(
        _("place as written"),
        max_length=100,
        blank=True,
        help_text=_("The zone, city or group the text names for this figure."),
    )
    metric = models.ForeignKey(
        Metric,
        null=True,
        blank=True,
        db_index=False,
        on_delete=models.SET_NULL,
        related_name="indicators",
        verbose_name=_("metric"),
    )
    metric_text = models.CharField(_("metric words"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=6)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    base_value = models.DecimalField(
        _("value in base unit"),
        max_digits=30,
        decimal_places=8,
        null=True,
        blank=True,
        help_text=_("The value in the metric's base unit; empty when the units cannot be compared."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.LEVEL)
    stance = models.CharField(_("stance"), max_length=11, choices=Stance.choices, default=Stance.ACHIEVEMENT)
    period_label = models.CharField(_("period"), max_length=30, blank=True)
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    qualifier = models.CharField(_("qualifier"), max_length=10, blank=True)
    quote = models.TextField(_("quote"))
    quote_start = models.PositiveIntegerField(_("quote start"), null=True, blank=True)
    quote_end = models.PositiveIntegerField(_("quote end"), null=True, blank=True)
    derived = models.BooleanField(
        _("derived"),
        default=False,
        help_text=_("Computed from other figures, e.g. a target implied by a completion ratio."),
    )
    review_state = models.CharField(
        _("review state"), max_length=10, choices=ReviewState.choices, default=ReviewState.AUTO
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators_reviewed",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # Identifies the figure as the engine first found it (span, value, kind, stance); kept through an
    # editor's correction so that re-extraction recognises the figure and leaves the editor's version.
    # Compared among an article's figures once loaded, never looked up: no index.
    extraction_key = models.CharField(max_length=64, blank=True, editable=False)
    # Optimistic locking: an editor's save names the version it started from.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "quote_start", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        # What the pages and the API look figures up by: a zone's (dashboard.chosen, the zone page,
        # compare), a metric's (its ranking) and a zone's in id order (the API list's cursor).
        indexes = [
            models.Index(fields=["zone", "metric", "kind", "stance"], name="indicator_zone_metric_kind"),
            models.Index(fields=["metric", "kind", "stance"], name="indicator_metric_kind"),
            # A zone's figures that count, in id order: the API's list (a page of them) and the zone
            # list's counts (an index-only scan, where a count of the whole index reads the rows).
            models.Index(
                fields=["zone", "id"],
                condition=~models.Q(review_state="rejected"),
                name="indicator_zone_active",
            ),
            # The reports a zone's figures come from, and how many each gives (the zone page's list).
            models.Index(
                fields=["zone", "article"],
                condition=~models.Q(review_state="rejected"),
                name="indicator_zone_article",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quote_start__isnull=True)
                | models.Q(quote_end__isnull=True)
                | models.Q(quote_end__gte=models.F("quote_start")),
                name="indicator_quote_offsets_ordered",
                violation_error_message=_("The quote cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="indicator_period_ordered",
                violation_error_message=_("The period must end on or after its start."),
            ),
            models.CheckConstraint(
                condition=models.Q(review_state="auto") | models.Q(reviewed_at__isnull=False),
                name="indicator_reviewed_has_time",
            ),
        ]

    def __str__(self):
        place = self.zone or self.place or "?"
        value = f"{self.value.normalize():f}{self.unit}"
        return f"{place} · {self.metric_text} {value} ({self.get_stance_display()})"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#indicator-{self.pk}"

    @property
    def is_reviewed(self) -> bool:
        return self.review_state != self.ReviewState.AUTO

    def mark_reviewed(self, state: str, user) -> None:
        self.review_state = state
        self.reviewed_by = user
        self.reviewed_at = timezone.now()


class ChosenSide(models.Model):
    """The figure believed for one side of a zone's series, kept by PostgreSQL itself.

    A side is a zone × metric (or, outside the catalogue, the words) × kind × stance × period as stated.
    Triggers on the indicator and article tables (migration 0007_chosen_sides) recompute the sides of
    every (zone, metric, kind, stance) a statement touched, in that statement: whatever writes figures
    (ingestion, review, the metric-word mapping, a zone merge, the admin, a COPY) leaves this table
    current in the same transaction, and the pages read a zone's sides by index instead of choosing among
    all of its figures. The choice is the one `dashboard.progress.choose_value` makes (the most credible
    figure: reviewed, stated over derived, latest published, highest id; each article counted once, by its
    own most credible figure), and `dashboard/tests/test_chosen.py` holds the two equal on generated
    figures. Only figures that count are here: of a zone itself, not rejected, of a compared kind (not
    completion ratios).
    """

    zone = models.ForeignKey(
        "zones.Zone", on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    metric = models.ForeignKey(
        Metric, null=True, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    words = models.TextField()  # the metric words, without surrounding spaces, outside the catalogue
    kind = models.CharField(max_length=10, choices=Indicator.Kind.choices)
    stance = models.CharField(max_length=11, choices=Indicator.Stance.choices)
    period_label = models.CharField(max_length=30)
    period_start = models.DateField(null=True)
    period_end = models.DateField(null=True)
    # The chosen figure, copied so that a page needs no join.
    indicator = models.ForeignKey(
        Indicator, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    article_id = models.IntegerField()
    metric_text = models.CharField(max_length=200)
    value = models.DecimalField(max_digits=24, decimal_places=6)
    unit = models.CharField(max_length=20)
    base_value = models.DecimalField(max_digits=30, decimal_places=8, null=True)
    qualifier = models.CharField(max_length=10)
    derived = models.BooleanField()
    quote = models.TextField()
    reviewed = models.BooleanField()
    published_on = models.DateField(null=True)
    sources = models.PositiveIntegerField()  # articles stating this side
    agreeing = models.PositiveIntegerField()  # of them, those agreeing with the chosen figure
    article_ids = ArrayField(models.IntegerField())  # the articles stating it

    class Meta:
        indexes = [
            models.Index(fields=["zone", "metric", "kind", "stance"], name="chosen_side_zone"),
            models.Index(fields=["metric", "kind", "stance"], name="chosen_side_metric"),
        ]

    def __str__(self):
        return (
            f"{self.zone_id} · {self.metric_id or self.words} {self.kind} {self.stance} {self.period_label}"
        )
