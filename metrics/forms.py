from django import forms
from django.utils.translation import gettext_lazy as _

from articles.forms import find_zone
from metrics.models import Indicator, Metric
from metrics.review import CORRECTABLE_FIELDS, StaleIndicator
from zones.models import Zone


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
        self.initial.update(zone=instance.zone, version=instance.version)

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
        label=_("Metric words"), max_length=200, required=False,
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
            raise forms.ValidationError(_("Select the figure's words in the article's text first."), code="no_quote")
        if not cleaned.get("metric_text") and not cleaned.get("metric"):
            self.add_error("metric_text", _("Name the metric: choose one or give the words."))
        return cleaned

    def figure(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MetricWordsForm(forms.Form):
    """Metric words the catalogue does not know, mapped onto one of its metrics."""

    words = forms.CharField(max_length=200, widget=forms.HiddenInput)
    metric = forms.ModelChoiceField(label=_("Metric"), queryset=Metric.objects.all())
