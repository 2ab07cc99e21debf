"""Adding a figure starts from what the engine reads in the selected words and is refused, with the
reason, without zone, unit or period; an implied target follows its source when that is corrected;
each action says it worked."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from factories import make_article, make_indicator
from metrics.models import Indicator, Metric
from review.services import correct_indicator
from zones.models import Zone

pytestmark = pytest.mark.django_db

TEXT = "威海高新区2024年新增高新技术企业35家。\n2024年重点项目投资127亿元，完成率109.33%。"


@pytest.fixture
def editor(client_of, registry):
    return client_of("editor", editor=True)


@pytest.fixture
def article(registry):
    report = make_article(text=TEXT, published_on=date(2025, 1, 10))
    report.zones.add(Zone.objects.get(slug="weihai"))
    return report


def selection(article, words):
    start = article.raw_text.index(words)
    return {"start": start, "end": start + len(words)}


def test_the_selected_words_prefill_zone_metric_value_unit_and_period(editor, article):
    url = reverse("review:suggest", args=[article.pk])
    suggested = editor.get(url, selection(article, "新增高新技术企业35家")).json()
    assert Zone.objects.named(suggested["zone"]).get().slug == "weihai"
    assert suggested["metric"] == Metric.objects.get(code="new_high_tech_enterprises").pk
    assert (suggested["value"], suggested["unit"], suggested["stance"]) == ("35", "家", "achievement")
    assert suggested["period_label"]
    assert editor.get(url, {"start": "x"}).status_code == 400
    # A paragraph naming no zone: the article's own.
    unnamed = editor.get(url, selection(article, "127亿元")).json()
    assert (unnamed["zone"], unnamed["value"], unnamed["unit"]) == ("威海火炬高技术产业开发区", "127", "亿元")


def test_a_figure_without_zone_unit_or_period_is_refused_with_the_reasons(editor, article):
    start = article.raw_text.index("35家")
    response = editor.post(
        reverse("review:add", args=[article.pk]),
        {
            "quote": "35家",
            "quote_start": start,
            "quote_end": start + 3,
            "metric_text": "新增高企",
            "scope": "zone",
            "value": "35",
            "kind": "level",
            "stance": "achievement",
        },
    )
    assert response.status_code == 200
    errors = response.context["add_form"].errors
    assert {"zone", "unit", "period_label"} <= set(errors)
    assert not Indicator.objects.filter(quote="35家").exists()


def test_an_implied_target_follows_its_corrected_result(article):
    gdp_like = Metric.objects.get(code="key_project_investment")
    start, end = article.raw_text.index("重点项目投资127亿元"), article.raw_text.index("。", 30)
    weihai = Zone.objects.get(slug="weihai")
    common = {"zone": weihai, "metric": gdp_like, "period": "2024", "quote_start": start}
    achieved = make_indicator(
        article, value=127, unit="亿元", quote="重点项目投资127亿元", quote_end=start + 13, **common
    )
    make_indicator(article, value="109.33", unit="%", kind="completion", quote="x", quote_end=end, **common)
    implied = make_indicator(
        article, value="116.2", unit="亿元", stance="target", derived=True, quote="x", quote_end=end, **common
    )
    editor = User.objects.create_user("e")
    correct_indicator(achieved.pk, version=achieved.version, user=editor, value=Decimal("131.2"))
    implied.refresh_from_db()
    assert implied.value == Decimal("120.0")  # 131.2 ÷ 109.33%, at the result's precision
    assert implied.base_value == Decimal("120.0") and implied.review_state == "auto"


@pytest.mark.parametrize(("action", "message"), [("confirm", "confirmed"), ("reject", "rejected")])
def test_confirming_and_rejecting_say_so(editor, article, action, message):
    figure = make_indicator(article, value=35, unit="家", quote="35家", zone=Zone.objects.get(slug="weihai"))
    response = editor.post(
        reverse(f"review:{action}", args=[figure.pk]), {"version": figure.version}, follow=True
    )
    assert any(message in str(m) for m in response.context["messages"])
