"""The review history: every editor's change to an indicator, kept with the values before and after."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metrics.models import Indicator, Metric
from metrics.templatetags.figures import period_text


class IndicatorChange(models.Model):
    """One editor's change to an indicator, with the indicator's fields before and after it."""

    class Action(models.TextChoices):
        ADD = "add", _("added")
        CONFIRM = "confirm", _("confirmed")
        CORRECT = "correct", _("corrected")
        REJECT = "reject", _("rejected")
        MAP_METRIC = "map-metric", _("metric words mapped")

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="changes", verbose_name=_("indicator")
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicator_changes",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"))

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("indicator change")
        verbose_name_plural = _("indicator changes")

    def __str__(self):
        return f"{self.get_action_display()} · {self.indicator_id} · {self.changed_at:%Y-%m-%d %H:%M}"

    def changed_fields(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for every field whose value the change altered."""
        before = self.before or {}
        return [
            (name, before.get(name), value) for name, value in self.after.items() if before.get(name) != value
        ]

    def described_changes(self) -> list[tuple[str, object, object]]:
        """changed_fields() as an editor reads them: field and choice labels, without the review state
        (the action says it)."""
        described = []
        for name, before, after in self.changed_fields():
            if name == "review_state":
                continue
            field = Indicator._meta.get_field(name)
            if name == "metric":  # recorded by code, read by name
                labels = {m.code: m.display_name for m in Metric.objects.filter(code__in=[before, after])}
            elif name == "period_label":
                labels = {label: period_text(label) for label in (before, after) if label}
            else:
                labels = dict(field.flatchoices)
            described.append((field.verbose_name, labels.get(before, before), labels.get(after, after)))
        return described
