"""Editors read values, periods and metrics as people write them, never stored codes or padding."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from factories import make_article, make_indicator, make_zone
from metrics.models import Metric
from review.models import IndicatorChange
from review.services import correct_indicator

pytestmark = pytest.mark.django_db


def visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_the_correction_form_shows_a_value_as_written(client_of, registry):
    editor = client_of("editor", editor=True)
    figure = make_indicator(
        make_article(), zone=make_zone(), metric=Metric.objects.get(code="gdp"), value=420
    )
    page = editor.get(reverse("review:article", args=[figure.article_id])).content.decode()
    assert 'value="420"' in page and "420.000000" not in page


def test_the_history_names_metrics_not_codes(client_of, registry):
    editor = client_of("editor", editor=True)
    gdp, factories = Metric.objects.get(code="gdp"), Metric.objects.get(code="green_factories")
    figure = make_indicator(
        make_article(), zone=make_zone(), metric=None, value=5, unit="家", base_value=None
    )
    correct_indicator(figure.pk, version=figure.version, user=User.objects.get(), metric=factories)
    assert IndicatorChange.objects.get().described_changes()[0][1:] == (None, factories.display_name)
    page = editor.get(reverse("review:article", args=[figure.article_id])).content.decode()
    assert "green_factories" not in visible_text(page)
    assert gdp.code not in visible_text(page)
