"""The review pages: who may use them, and what each action does through a real request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factories import make_article, make_indicator, make_zone
from metrics.models import Indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client_of):
    return client_of("editor", editor=True)


def correction(indicator, **changes):
    """The correction form as the review page submits it, with `changes` made."""
    fields = {
        "zone": "",
        "scope": indicator.scope,
        "metric": indicator.metric_id or "",
        "value": str(indicator.value),
        "unit": indicator.unit,
        "kind": indicator.kind,
        "stance": indicator.stance,
        "period_label": indicator.period_label,
        "period_start": "",
        "period_end": "",
        "qualifier": indicator.qualifier,
        "version": indicator.version,
    }
    return {**fields, **changes}


def editor_pages(indicator):
    article = indicator.article
    return [
        ("get", reverse("review:queue"), {}),
        ("get", reverse("review:article", args=[article.pk]), {}),
        ("post", reverse("review:confirm", args=[indicator.pk]), {"version": 1}),
        ("post", reverse("review:reject", args=[indicator.pk]), {"version": 1}),
        ("post", reverse("review:correct", args=[indicator.pk]), correction(indicator, value="1")),
        (
            "post",
            reverse("review:add", args=[article.pk]),
            {"quote": "300", "quote_start": 0, "quote_end": 3},
        ),
        (
            "post",
            reverse("review:map_words", args=[article.pk]),
            {"words": "x", "metric": indicator.metric_id},
        ),
        ("post", reverse("review:reextract", args=[article.pk]), {}),
    ]


def test_readers_are_refused_every_review_page_and_action(client_of, indicator):
    reader = client_of("reader", editor=False)
    for method, url, data in editor_pages(indicator):
        assert getattr(reader, method)(url, data).status_code == 403, url
    indicator.refresh_from_db()
    assert (indicator.review_state, indicator.version, indicator.changes.count()) == ("auto", 1, 0)


def test_anonymous_visitors_are_sent_to_log_in(client, indicator):
    for method, url, data in editor_pages(indicator):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url
    assert Indicator.objects.get().version == 1


def test_the_queue_lists_articles_with_unreviewed_figures_oldest_first(editor, gdp):
    older = make_indicator(
        make_article(text="甲区投资10亿元。", title="甲"), quote="10亿元", value="10", unit="亿元"
    )
    newer = make_indicator(
        make_article(text="乙区投资20亿元。", title="乙"), quote="20亿元", value="20", unit="亿元"
    )
    done = make_indicator(
        make_article(text="丙区投资30亿元。", title="丙"), quote="30亿元", value="30", unit="亿元"
    )
    editor.post(reverse("review:confirm", args=[done.pk]), {"version": 1})
    articles = list(editor.get(reverse("review:queue")).context["articles"])
    assert articles == [older.article, newer.article]


def test_the_review_page_marks_each_quote_in_the_text(editor, indicator):
    html = editor.get(reverse("review:article", args=[indicator.article_id])).content.decode()
    assert f'<mark class="figure" data-indicator="{indicator.pk}">地区生产总值300亿元</mark>' in html


def test_a_correction_is_saved_and_shown_in_the_history(editor, indicator):
    zone = make_zone()
    response = editor.post(
        reverse("review:correct", args=[indicator.pk]), correction(indicator, value="310", zone="威海高新区")
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.value, indicator.zone, indicator.review_state, indicator.version) == (
        310,
        zone,
        "corrected",
        2,
    )
    html = editor.get(reverse("review:article", args=[indicator.article_id])).content.decode()
    assert "value: 300 → 310" in html


def test_an_invalid_correction_is_shown_again_with_its_errors(editor, indicator):
    response = editor.post(
        reverse("review:correct", args=[indicator.pk]), correction(indicator, value="many", zone="火星")
    )
    assert response.status_code == 200
    form = dict(response.context["items"])[Indicator.objects.get()]
    assert set(form.errors) == {"value", "zone"}
    assert Indicator.objects.get().version == 1


def test_an_editor_adds_a_missed_figure_by_its_quote(editor, indicator):
    article = indicator.article
    zone = make_zone()
    start = article.raw_text.index("320家")
    figure = {
        "zone": zone.name,
        "period_label": "2024",
        "quote": "320家",
        "quote_start": start,
        "quote_end": start + 4,
        "metric_text": "高新技术企业",
        "scope": "zone",
        "value": "320",
        "unit": "家",
        "kind": "level",
        "stance": "achievement",
    }
    moved = editor.post(reverse("review:add", args=[article.pk]), {**figure, "quote_start": start + 2})
    assert moved.status_code == 200 and moved.context["add_form"].non_field_errors()
    assert editor.post(reverse("review:add", args=[article.pk]), figure).status_code == 302
    added = Indicator.objects.get(quote="320家")
    assert (added.value, added.review_state, added.changes.get().action) == (320, "corrected", "add")
    assert (added.zone, added.period_label) == (zone, "2024")


def test_adding_without_a_selection_asks_for_one(editor, indicator):
    response = editor.post(
        reverse("review:add", args=[indicator.article_id]), {"metric_text": "x", "value": "1"}
    )
    assert "Select the figure" in response.context["add_form"].non_field_errors()[0]


def test_mapping_words_is_offered_for_unknown_metric_words_and_applies(editor, gdp):
    unknown = make_indicator(
        make_article(), quote="300亿元", value="300", unit="亿元", metric_text="园区经济总量"
    )
    page = editor.get(reverse("review:article", args=[unknown.article_id]))
    assert [form.initial["words"] for form in page.context["unmapped_words"]] == ["园区经济总量"]
    editor.post(
        reverse("review:map_words", args=[unknown.article_id]), {"words": "园区经济总量", "metric": gdp.pk}
    )
    unknown.refresh_from_db()
    assert unknown.metric == gdp


def test_the_review_page_costs_the_same_queries_however_many_figures(editor, gdp):
    def queries_for(count: int) -> int:
        article = make_article(text="".join(f"第{n}项投资{n}0亿元。" for n in range(1, count + 1)))
        for n in range(1, count + 1):
            make_indicator(
                article,
                quote=f"{n}0亿元",
                value=f"{n}0",
                unit="亿元",
                metric=gdp if n % 2 else None,
                metric_text=f"未知{n % 3}",
            )
        editor.post(reverse("review:confirm", args=[article.indicators.first().pk]), {"version": 1})
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(reverse("review:article", args=[article.pk])).status_code == 200
        return len(queries)

    assert queries_for(3) == queries_for(12)


def test_a_correction_too_large_for_the_metrics_base_unit_is_refused_with_the_reason(editor, indicator):
    too_large = correction(indicator, value="999999999999999999", unit="万亿元")  # 10²² 亿元
    response = editor.post(reverse("review:correct", args=[indicator.pk]), too_large)
    assert response.status_code == 200
    form = dict(response.context["items"])[Indicator.objects.get()]
    assert "check the value and the unit" in form.non_field_errors()[0]
    assert Indicator.objects.get().version == 1


def test_a_correction_just_within_the_base_unit_column_is_saved(editor, indicator):
    within = correction(indicator, value="100000000000000000", unit="万亿元")  # 10²¹ 亿元
    assert editor.post(reverse("review:correct", args=[indicator.pk]), within).status_code == 302
    assert float(Indicator.objects.get().base_value) == pytest.approx(1e21)


def test_a_period_ending_before_it_starts_is_refused_in_words(editor, indicator):
    backwards = correction(indicator, period_start="2025-01-01", period_end="2024-01-01")
    response = editor.post(reverse("review:correct", args=[indicator.pk]), backwards)
    form = dict(response.context["items"])[Indicator.objects.get()]
    assert form.non_field_errors() == ["The period must end on or after its start."]


def test_mapping_words_onto_a_metric_whose_unit_overflows_a_figure_is_refused_with_a_message(editor, gdp):
    huge = make_indicator(
        make_article(), quote="300亿元", value="999999999999999999", unit="万亿元", metric_text="园区经济总量"
    )
    response = editor.post(
        reverse("review:map_words", args=[huge.article_id]),
        {"words": "园区经济总量", "metric": gdp.pk},
        follow=True,
    )
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    huge.refresh_from_db()
    gdp.refresh_from_db()
    assert huge.metric is None and "园区经济总量" not in gdp.synonyms
