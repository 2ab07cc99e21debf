from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError

from articles.models import Article
from extraction import vocabulary
from factories import make_indicator
from metrics.models import Indicator
from zones.models import Zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return Article.objects.create(raw_text="甲高新区全年完成投资10亿元。", title="甲")


@pytest.fixture
def zone():
    return Zone.objects.create(name="甲高新技术产业开发区", short_name="甲高新区", slug="jia")


def investment(article, zone, **extra):
    """The article's one figure, 完成投资10亿元, as the engine stores it."""
    return make_indicator(
        article,
        zone=zone,
        value=extra.pop("value", "10"),
        unit="亿元",
        metric_text="投资",
        quote="完成投资10亿元",
        period="",
        base_value=None,
        **extra,
    )


def test_indicators_are_reached_from_article_and_zone(article, zone):
    indicator = investment(article, zone)
    assert list(article.indicators.all()) == [indicator]
    assert list(zone.indicators.all()) == [indicator]
    assert str(indicator) == f"甲高新区 · 投资 10亿元 ({indicator.get_stance_display()})"


def test_quote_offsets_must_be_ordered(article, zone):
    with pytest.raises(IntegrityError):
        investment(article, zone, quote_start=10, quote_end=3)


def test_period_must_be_ordered(article, zone):
    with pytest.raises(IntegrityError):
        investment(article, zone, period_start=date(2024, 12, 31), period_end=date(2024, 1, 1))


def test_a_reviewed_indicator_records_when(article, zone):
    with pytest.raises(IntegrityError):
        investment(article, zone, review_state=Indicator.ReviewState.CONFIRMED)


def test_review_marks_state_user_and_time(article, zone, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    indicator = investment(article, zone)
    indicator.mark_reviewed(Indicator.ReviewState.CONFIRMED, editor)
    indicator.save()
    indicator.refresh_from_db()
    assert indicator.is_reviewed and indicator.reviewed_by == editor and indicator.reviewed_at


def test_active_excludes_rejected_and_automatic_excludes_reviewed(article, zone, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    auto = investment(article, zone)
    rejected = investment(article, zone, value=Decimal("11"))
    rejected.mark_reviewed(Indicator.ReviewState.REJECTED, editor)
    rejected.save()
    assert list(Indicator.objects.active()) == [auto]
    assert list(Indicator.objects.automatic()) == [auto]


def test_kinds_stances_and_scopes_are_the_engines_words():
    assert Indicator.Kind.values == [kind.value for kind in vocabulary.Kind]
    assert Indicator.Stance.values == [stance.value for stance in vocabulary.Stance]
    assert Indicator.Scope.values == [scope.value for scope in vocabulary.Scope]
