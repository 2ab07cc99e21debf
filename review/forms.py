"""The editors' forms: an upload, a correction, an added figure, metric words mapped to a metric."""

import re

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.decoding import UnreadableDocument
from articles.documents import SUPPORTED_SUFFIXES
from articles.models import Article
from articles.services import (
    FRAME_CORRECTION_FIELDS,
    ArticleInput,
    DuplicateArticle,
    EmptyArticle,
    read_report,
    read_uploaded_file,
)
from ingestion.services import suggested_upload
from metrics.models import Indicator, Metric
from review.services import CORRECTABLE_FIELDS, StaleIndicator
from zones.models import Zone

# Editors list zones the way Chinese text does: 、，, ; or spaces between names.
_NAME_SEPARATORS = re.compile(r"[、，,;；\s]+")


def find_zone(name: str) -> Zone:
    """The zone going by `name` (official name, short name or alias); ValidationError when none or
    several do."""
    matches = list(Zone.objects.named(name)[:5])
    if len(matches) == 1 or (matches and matches[0].name == name):
        return matches[0]
    if not matches:
        raise forms.ValidationError(
            _("No zone is called “%(name)s”."), params={"name": name}, code="unknown_zone"
        )
    raise forms.ValidationError(
        _("Several zones are called “%(name)s”: %(zones)s; give the official name."),
        params={"name": name, "zones": "、".join(zone.name for zone in matches)},
        code="ambiguous_zone",
    )


class ZoneNamesField(forms.CharField):
    """Zones typed by name, separated by 、 or commas."""

    def to_python(self, value):
        names = _NAME_SEPARATORS.split(super().to_python(value))
        return list(dict.fromkeys(find_zone(name) for name in names if name))

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "、".join(zone.name for zone in value)
        return value


class UploadForm(forms.Form):
    """A report to store. Submitted first to read it (the file's text and the details found in it come
    back prefilled), then, checked by the editor, to save it (`confirmed`)."""

    file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED_SUFFIXES)}),
        help_text=_("A .txt, .html, .docx or .pdf file."),
    )
    text = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Or paste the report's text."),
    )
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    source = forms.CharField(label=_("Source"), max_length=200, required=False)
    url = forms.URLField(label=_("URL"), max_length=1000, required=False, assume_scheme="https")
    published_on = forms.DateField(
        label=_("Publication date"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    zones = ZoneNamesField(
        label=_("Zones"),
        required=False,
        widget=forms.TextInput(attrs={"list": "zone-names"}),
        help_text=_("Zones the report is about, separated by 、"),
    )
    # The document frame as the engine read it, for the editor to correct; the hidden initial value
    # tells a correction from an accepted reading, and only corrections are kept (FRAME_CORRECTION_FIELDS).
    report_kind = forms.ChoiceField(
        label=_("Kind of report"),
        required=False,
        choices=[("", "—"), *Article.ReportKind.choices],
        show_hidden_initial=True,
    )
    reported_year = forms.IntegerField(
        label=_("Year reported on"),
        required=False,
        min_value=1980,
        max_value=2100,
        show_hidden_initial=True,
        help_text=_("The year its results are of (a 2023 bulletin published in 2024 reports 2023)."),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)
    original_filename = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)

    # The HTTP status of the page showing why the report was refused: 413 over a limit, 409 already stored.
    refusal_status = 400

    def clean(self):
        cleaned = super().clean()
        if "file" in self.errors:  # a file was chosen but refused (e.g. of zero bytes): that error says why
            return cleaned
        upload, text = cleaned.get("file"), cleaned.get("text", "")
        if upload is None and not text.strip():
            raise forms.ValidationError(_("Choose a file or paste the report's text."), code="nothing")
        try:
            if upload is not None:
                self.document = read_uploaded_file(upload)
            else:
                self.document = read_report(text=text)
        except DuplicateArticle as duplicate:
            self.refusal_status = 409
            raise forms.ValidationError(
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("This report is already stored:"),
                    reverse("dashboard:article", args=[duplicate.existing.pk]),
                    duplicate.existing,
                ),
                code="duplicate",
            ) from None
        except (UnreadableDocument, EmptyArticle) as refusal:
            self.refusal_status = getattr(refusal, "http_status", 400)
            raise forms.ValidationError(str(refusal), code="unreadable") from None
        return cleaned

    @property
    def is_ready_to_save(self) -> bool:
        """Pasted or already-read text the editor confirmed; a file is always read and shown first."""
        return self.cleaned_data["confirmed"] and self.cleaned_data["file"] is None

    def article_input(self) -> ArticleInput:
        data = self.cleaned_data
        return ArticleInput(
            text=self.document.text,
            title=data["title"],
            source_name=data["source"],
            url=data["url"],
            published_on=data["published_on"],
            original_filename=data["original_filename"],
            zones=data["zones"],
            frame_corrections=self.frame_corrections(),
        )

    def frame_corrections(self) -> dict:
        """The frame fields the editor changed from the engine's reading, as the engine names them."""
        return {
            key: self.cleaned_data[name]
            for name, key in FRAME_CORRECTION_FIELDS.items()
            if name in self.changed_data and self.cleaned_data[name] not in (None, "")
        }

    def confirmation_form(self) -> "UploadForm":
        """The form again, with the text as read and every detail the editor left empty filled in from
        the document, for the editor to check and save."""
        upload = self.cleaned_data["file"]
        filename = upload.name if upload else self.cleaned_data["original_filename"]
        suggestion = suggested_upload(self.document, filename)
        suggested = self.article_input().completed_by(suggestion.details)
        return UploadForm(
            initial={
                "text": suggested.text,
                "title": suggested.title,
                "source": suggested.source_name,
                "url": suggested.url,
                "published_on": suggested.published_on,
                "zones": suggested.zones,
                "original_filename": suggested.original_filename,
                "report_kind": suggestion.frame.kind if suggestion.frame else "",
                "reported_year": suggestion.frame.reported_year if suggestion.frame else None,
                "confirmed": True,
            }
        )


class ZoneNameField(forms.CharField):
    """A zone typed by name (official, short or alias), offered from the page's list of zone names."""

    widget = forms.TextInput(attrs={"list": "zone-names"})

    def to_python(self, value):
        name = super().to_python(value)
        return find_zone(name) if name else None

    def prepare_value(self, value):
        return value.name if isinstance(value, Zone) else value


def share_metric_choices(page_forms) -> None:
    """Give the metric menus of all forms on one page the same choices: one query, not one per form."""
    choices = None
    for form in page_forms:
        if choices is None:
            choices = list(form.fields["metric"].choices)
        form.fields["metric"].choices = choices


class VersionForm(forms.Form):
    """The indicator version an editor's page showed; a save against a newer one is refused."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class IndicatorCorrectionForm(forms.ModelForm):
    zone = ZoneNameField(label=_("Zone"), required=False)
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    class Meta:
        model = Indicator
        fields = CORRECTABLE_FIELDS
        widgets = {
            "value": forms.NumberInput(attrs={"step": "any"}),
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, instance: Indicator, **kwargs):
        kwargs.setdefault("auto_id", f"indicator-{instance.pk}-%s")
        super().__init__(*args, instance=instance, **kwargs)
        # The value as people write it (420, not the column's 420.000000).
        value = format(instance.value.normalize(), "f") if instance.value is not None else None
        self.initial.update(zone=instance.zone, version=instance.version, value=value)

    def corrections(self) -> dict:
        return {name: self.cleaned_data[name] for name in CORRECTABLE_FIELDS}

    def conflicting(self, stale: StaleIndicator) -> "IndicatorCorrectionForm":
        """This form again, telling the editor what the figure now says; submitting it once more saves the
        editor's values over the newer version, knowingly."""
        data = self.data.copy()
        data["version"] = stale.current.version
        form = type(self)(data, instance=stale.current)
        form.is_valid()
        form.add_error(None, str(stale))
        return form


class AddIndicatorForm(forms.ModelForm):
    """A figure the engine missed: the quote is the editor's selection in the article's text."""

    zone = ZoneNameField(label=_("Zone"), required=False)
    quote = forms.CharField(strip=False, widget=forms.HiddenInput)
    metric_text = forms.CharField(
        label=_("Metric words"),
        max_length=200,
        required=False,
        help_text=_("As the text says it; leave empty to use the metric's name."),
    )

    class Meta:
        model = Indicator
        fields = ("quote_start", "quote_end", "quote", "metric_text", *CORRECTABLE_FIELDS)
        widgets = {
            "quote_start": forms.HiddenInput,
            "quote_end": forms.HiddenInput,
            "value": forms.NumberInput(attrs={"step": "any"}),
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "new-figure-%s")
        super().__init__(*args, **kwargs)
        self.fields["quote_start"].required = self.fields["quote_end"].required = True

    def clean(self):
        cleaned = super().clean()
        if {"quote", "quote_start", "quote_end"} & set(self.errors):
            raise forms.ValidationError(
                _("Select the figure's words in the article's text first."), code="no_quote"
            )
        if not cleaned.get("metric_text") and not cleaned.get("metric"):
            self.add_error("metric_text", _("Name the metric: choose one or give the words."))
        self.require_what_a_figure_needs(cleaned)
        return cleaned

    def require_what_a_figure_needs(self, cleaned) -> None:
        """A figure without its zone, unit or period cannot be compared: refused, saying what is missing."""
        if (
            cleaned.get("scope") == Indicator.Scope.ZONE
            and not cleaned.get("zone")
            and "zone" not in self.errors
        ):
            self.add_error("zone", _("Give the zone this figure is about (or choose another scope)."))
        if not (cleaned.get("unit") or "").strip() and "unit" not in self.errors:
            self.add_error("unit", _("Give the unit as the text writes it (亿元, 家, %…)."))
        dated = cleaned.get("period_start") and cleaned.get("period_end")
        if not (cleaned.get("period_label") or "").strip() and not dated:
            self.add_error(
                "period_label", _("Give the period (2024, 2024-H1, 2021..2025) or its first and last day.")
            )

    def figure(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MetricWordsForm(forms.Form):
    """Metric words the catalogue does not know, mapped onto one of its metrics."""

    words = forms.CharField(max_length=200, widget=forms.HiddenInput)
    metric = forms.ModelChoiceField(label=_("Metric"), queryset=Metric.objects.all())


class FrameCorrectionForm(forms.Form):
    """An editor's correction of an article's document frame; an empty field gives it back to the
    engine's reading."""

    report_kind = forms.ChoiceField(
        label=_("Kind of report"), required=False, choices=[("", _("as read")), *Article.ReportKind.choices]
    )
    zone = ZoneNameField(label=_("Zone reported on"), required=False)
    reported_year = forms.IntegerField(
        label=_("Year reported on"), required=False, min_value=1980, max_value=2100
    )

    def corrections(self) -> dict:
        """The corrections as the engine names them ({} gives the whole frame back to the engine)."""
        values = {
            "report_kind": self.cleaned_data["report_kind"],
            "zone": [self.cleaned_data["zone"].short_name] if self.cleaned_data["zone"] else None,
            "reported_year": self.cleaned_data["reported_year"],
        }
        return {
            FRAME_CORRECTION_FIELDS[name]: value for name, value in values.items() if value not in (None, "")
        }
