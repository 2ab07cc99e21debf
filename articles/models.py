import hashlib
import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lib.urls import reverse_with

_WHITESPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Fingerprint of a report's wording: the same text re-uploaded with other line breaks or
    spacing (or decoded from another encoding) has the same hash."""
    return hashlib.sha256(_WHITESPACE.sub("", text).encode("utf-8")).hexdigest()


class Article(models.Model):
    # The engine's report kinds (extraction.frame), as people read them.
    class ReportKind(models.TextChoices):
        NEWS = "news", _("news")
        BULLETIN = "bulletin", _("statistical bulletin")
        SUMMARY = "summary", _("year-end summary")
        PLAN = "plan", _("plan or work priorities")
        SUMMARY_AND_PLAN = "summary_and_plan", _("summary and plan")
        GOVERNMENT_REPORT = "government_report", _("government work report")
        PART_YEAR = "part_year", _("part-year economic report")
        RANKING = "ranking", _("ranking or evaluation")

    class Status(models.TextChoices):
        NEW = "new", _("not yet extracted")
        EXTRACTED = "extracted", _("extracted")
        FAILED = "failed", _("extraction failed")

    title = models.CharField(_("title"), max_length=300, blank=True)
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True, db_index=True)
    raw_text = models.TextField(_("text as uploaded"))
    text = models.TextField(_("normalised text"), blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, unique=True, editable=False)
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_added",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    status_message = models.TextField(_("status message"), blank=True)
    zones = models.ManyToManyField("zones.Zone", blank=True, related_name="articles", verbose_name=_("zones"))
    # The document frame (kind, zones, reported and planned year, sections) as the last extraction
    # read it, corrections included; and what editors corrected of it, which every later extraction
    # is given, so that a correction outlives re-extraction.
    frame = models.JSONField(_("document frame"), default=dict, blank=True, editable=False)
    frame_corrections = models.JSONField(_("frame corrections"), default=dict, blank=True)

    class Meta:
        ordering = ["-published_on", "-added_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.title or self.original_filename or f"#{self.pk}"

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.raw_text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse_with("dashboard:article", self.pk)

    @property
    def report_kind_label(self) -> str:
        kind = self.frame.get("kind") or ""
        return self.ReportKind(kind).label if kind in self.ReportKind.values else kind
