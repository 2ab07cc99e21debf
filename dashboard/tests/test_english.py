"""English pages: units, zone names and metric names in English; the language menu names each
language in itself."""

import re
from datetime import date

import pytest
from django.utils import translation

from factories import make_article, make_indicator, make_zone
from metrics.models import Indicator, Metric
from metrics.templatetags.figures import unit_name, with_qualifier
from zones.templatetags.places import english_zone_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def figure_texts(html: str) -> list[str]:
    return re.findall(r'class="figure-link"[^>]*>([^<]+)<', html)


def test_the_english_zone_page_shows_english_units_zone_and_metric_names(english, registry):
    weihai = make_zone("威海测试高新区")
    gdp, firms = Metric.objects.get(code="gdp"), Metric.objects.get(code="high_tech_enterprises")
    article = make_article(published_on=date(2025, 1, 10))
    make_indicator(
        article, zone=weihai, metric=gdp, value=320, stance=Indicator.Stance.TARGET, qualifier="突破"
    )
    make_indicator(article, zone=weihai, metric=firms, value=3156, qualifier="达到")
    html = english.get(weihai.get_absolute_url()).content.decode()
    assert "<h1>Weiha" in html and "High-tech Zone</h1>" in html
    assert sorted(figure_texts(html)) == ["3156 firms", "over 320 × 100 million yuan"]
    assert "Gross regional product" in html and "High-tech enterprises" in html
    assert not any(re.search(r"[亿家]", text) for text in figure_texts(html))


def test_chinese_pages_keep_the_figures_as_written(client, registry):
    zone = make_zone("威海测试高新区")
    make_indicator(
        make_article(), zone=zone, metric=Metric.objects.get(code="gdp"), value=320, qualifier="突破"
    )
    assert figure_texts(client.get(zone.get_absolute_url()).content.decode()) == ["突破320亿元"]


def test_english_figures_and_zone_names():
    with translation.override("en"):
        assert with_qualifier("40", "个", "以上") == "40 or more"
        assert with_qualifier("12.5", "%", "约") == "about 12.5%"
        assert with_qualifier("3", "万人", "") == "3 × 10,000 people"
        assert with_qualifier("80", "平方公里", "") == "80 km²"
        assert with_qualifier("40", "个", "") == "40" and unit_name("个") == ""  # no "( )" in a caption
        assert english_zone_name("中关村") == "Zhongguancun"
        assert english_zone_name("苏州工业园区") == "Suzhou Industrial Park"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_language_menu_names_each_language_in_itself(client, language):
    client.cookies["django_language"] = language
    html = client.get("/methodology/").content.decode()
    assert re.search(r'<option value="en" lang="en"[^>]*>English</option>', html)
    assert re.search(r'<option value="zh-hans" lang="zh-hans"[^>]*>简体中文</option>', html)
    assert "英语" not in html
