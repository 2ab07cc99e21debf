import re

import pytest
from django.utils import timezone

from factories import make_article, make_indicator, make_metric, make_zone
from metrics.models import Indicator

pytestmark = pytest.mark.django_db

TEXT = "甲高新区<script>alert(1)</script>2024年实现营收120亿元，完成年度目标的80%。乙高新区新增高企30家。"


def quoted(article, zone, words, **fields):
    start = article.raw_text.index(words)
    return make_indicator(
        article,
        zone=zone,
        metric=fields.pop("metric", None),
        value=fields.pop("value", 1),
        quote=words,
        quote_start=start,
        quote_end=start + len(words),
        metric_text=words,
        **fields,
    )


def test_the_text_is_shown_escaped_with_each_figure_marked_and_anchored(client):
    article = make_article(text=TEXT)
    first, second = make_zone("甲高新区"), make_zone("乙高新区")
    revenue = quoted(article, first, "营收120亿元", value=120)
    implied = quoted(
        article, first, "120亿元，完成年度目标的80%", value=150, derived=True, stance=Indicator.Stance.TARGET
    )
    firms = quoted(article, second, "新增高企30家", value=30)
    same_words = quoted(article, second, "新增高企30家", value=30, stance=Indicator.Stance.TARGET)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for figure in (revenue, implied, firms, same_words):
        assert html.count(f'id="indicator-{figure.pk}"') == 1 and f'id="figure-{figure.pk}"' in html
    # Where two quotes overlap, the shared words are marked once, naming both figures.
    shared = re.search(
        r'<mark class="figure" title="([^"]*)">(?:<span[^>]*></span>)*<a href="#figure-\d+">120亿元</a>', html
    )
    assert str(revenue) in shared.group(1) and str(implied) in shared.group(1)
    assert (
        f'<span class="anchor" id="indicator-{implied.pk}"></span><a href="#figure-{revenue.pk}">120亿元</a>'
        in html
    )
    # Figures are listed beside the text under their zone.
    groups = {section.split('"')[1]: section for section in html.split("<h3><a href=")[1:]}
    assert f"figure-{revenue.pk}" in groups[first.get_absolute_url()]
    assert f"figure-{implied.pk}" in groups[first.get_absolute_url()]
    assert f"figure-{firms.pk}" in groups[second.get_absolute_url()]
    assert f"figure-{firms.pk}" not in groups[first.get_absolute_url()]


def test_figures_whose_offsets_do_not_fit_the_text_are_listed_but_not_marked(client):
    article = make_article(text="短文，数字42。")
    zone = make_zone("丙高新区")
    stray = make_indicator(
        article,
        zone=zone,
        metric=None,
        value=42,
        quote="42",
        quote_start=3,
        quote_end=400,
        metric_text="数字",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<mark" not in html and f'id="figure-{stray.pk}"' in html


def test_rejected_figures_are_not_shown(client):
    article = make_article(text=TEXT)
    rejected = quoted(
        article,
        make_zone("甲高新区"),
        "营收120亿元",
        review_state=Indicator.ReviewState.REJECTED,
        reviewed_at=timezone.now(),
    )
    assert f"indicator-{rejected.pk}" not in client.get(article.get_absolute_url()).content.decode()


def test_article_page_queries_do_not_grow_with_its_figures(client, django_assert_max_num_queries):
    article = make_article(text="。".join(f"第{n}项指标{n}家" for n in range(30)))
    metric = make_metric()
    for n in range(30):
        quoted(article, make_zone(f"区{n}"), f"第{n}项指标{n}家", metric=metric, value=n)
    with django_assert_max_num_queries(3):
        response = client.get(article.get_absolute_url())
    assert response.content.decode().count('<mark class="figure"') == 30


def test_an_unknown_article_is_404(client):
    assert client.get("/articles/999999/").status_code == 404
