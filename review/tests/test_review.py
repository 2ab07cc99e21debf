from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from factories import make_article, make_indicator, make_zone
from metrics.models import Indicator
from review.models import IndicatorChange
from review.services import (
    MisplacedQuote,
    StaleIndicator,
    add_indicator,
    confirm_indicator,
    correct_indicator,
    map_metric_words,
    reject_indicator,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", password="x")


def test_confirming_marks_the_figure_reviewed_and_records_who(indicator, editor):
    confirmed = confirm_indicator(indicator.pk, version=1, user=editor)
    assert (confirmed.review_state, confirmed.reviewed_by, confirmed.version) == ("confirmed", editor, 2)
    change = confirmed.changes.get()
    assert (change.action, change.changed_by) == ("confirm", editor)
    assert (change.before["review_state"], change.after["review_state"]) == ("auto", "confirmed")


def test_a_correction_changes_the_fields_and_recomputes_the_base_value(indicator, editor):
    zone = make_zone()
    corrected = correct_indicator(
        indicator.pk, version=1, user=editor, value=Decimal("3"), unit="万亿元", zone=zone
    )
    corrected.refresh_from_db()
    assert (corrected.value, corrected.unit, corrected.zone, corrected.review_state) == (
        3,
        "万亿元",
        zone,
        "corrected",
    )
    assert corrected.base_value == 30000
    assert zone in corrected.article.zones.all()
    assert set(corrected.changes.get().changed_fields()) == {
        ("zone", None, zone.name),
        ("value", "300", "3"),
        ("unit", "亿元", "万亿元"),
        ("base_value", None, "30000"),
        ("review_state", "auto", "corrected"),
    }


def test_a_correction_that_changes_nothing_confirms(indicator, editor):
    result = correct_indicator(indicator.pk, version=1, user=editor, value=Decimal("300.0"), unit="亿元")
    assert result.review_state == "confirmed"
    assert result.changes.get().action == "confirm"


def test_only_correctable_fields_can_be_set(indicator, editor):
    with pytest.raises(TypeError):
        correct_indicator(indicator.pk, version=1, user=editor, quote="something else")


def test_rejected_figures_no_longer_count(indicator, editor):
    reject_indicator(indicator.pk, version=1, user=editor)
    assert not Indicator.objects.active().exists()
    assert IndicatorChange.objects.get().action == "reject"


def test_an_added_figure_must_quote_the_text_where_it_says(editor, gdp):
    article = make_article()
    start = article.raw_text.index("320家")
    with pytest.raises(MisplacedQuote):
        add_indicator(
            article,
            user=editor,
            quote_start=start + 1,
            quote_end=start + 5,
            quote="320家",
            metric_text="高新技术企业",
            value=Decimal(320),
            unit="家",
        )
    added = add_indicator(
        article,
        user=editor,
        quote_start=start,
        quote_end=start + 4,
        quote="320家",
        metric_text="高新技术企业",
        value=Decimal(320),
        unit="家",
    )
    assert (added.review_state, added.version, added.reviewed_by) == ("corrected", 1, editor)
    assert added.changes.get().action == "add"
    assert Indicator.objects.count() == 1


def test_an_empty_or_reversed_quote_is_refused(editor):
    article = make_article()
    for start, end in [(5, 5), (6, 2), (-3, 2)]:
        with pytest.raises(MisplacedQuote):
            add_indicator(
                article,
                user=editor,
                quote_start=start,
                quote_end=end,
                quote=article.raw_text[start:end],
                metric_text="x",
                value=Decimal(1),
            )


def test_mapping_metric_words_teaches_the_catalogue_and_fixes_every_article(editor, gdp):
    first = make_indicator(
        make_article(), quote="地区生产总值300亿元", value="300", unit="亿元", metric_text="园区经济总量"
    )
    second = make_indicator(
        make_article(text="某园区经济总量120亿元。"),
        quote="120亿元",
        value="120",
        unit="亿元",
        metric_text="园区经济总量",
    )
    other_words = make_indicator(first.article, quote="320家", value="320", unit="家", metric_text="企业")
    assert map_metric_words(" 园区经济总量 ", gdp, user=editor) == 2
    gdp.refresh_from_db()
    assert "园区经济总量" in gdp.synonyms
    for indicator in (first, second):
        indicator.refresh_from_db()
        assert (indicator.metric, indicator.version, indicator.review_state) == (gdp, 2, "auto")
        assert indicator.changes.get().changed_fields()[0] == ("metric", None, "gdp")
    other_words.refresh_from_db()
    assert other_words.metric is None


@pytest.mark.parametrize("action", [confirm_indicator, reject_indicator])
def test_a_stale_version_is_refused_and_nothing_changes(indicator, editor, action):
    confirm_indicator(indicator.pk, version=1, user=editor)
    with pytest.raises(StaleIndicator) as stale:
        action(indicator.pk, version=1, user=editor)
    assert stale.value.current.version == 2
    indicator.refresh_from_db()
    assert (indicator.review_state, indicator.version, indicator.changes.count()) == ("confirmed", 2, 1)
