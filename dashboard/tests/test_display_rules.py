"""Never a raw code, a pipe list, a padded decimal or a place twice; sources counted per report;
one unit per table."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from dashboard.templatetags.amounts import table_unit
from factories import make_article, make_indicator, make_metric, make_zone
from metrics.models import Indicator, Metric

pytestmark = pytest.mark.django_db

TARGET = Indicator.Stance.TARGET


def visible_text(html: str) -> str:
    import re

    return re.sub(r"<[^>]+>", " ", html)


def test_a_cumulative_period_reads_to_date_on_the_article_page(english):
    zone = make_zone()
    article = make_article()
    make_indicator(article, zone=zone, metric=make_metric(), value=12, period="cumulative")
    html = english.get(article.get_absolute_url()).content.decode()
    assert "to date" in html and "cumulative" not in visible_text(html)


def test_a_zone_spanning_provinces_lists_them_and_its_cities_once(client):
    zone = make_zone("长三角测试区", province="上海市|江苏省|浙江省", city="上海市|苏州市|嘉兴市")
    make_zone("上海测试高新区", province="上海市", city="上海市")
    listing = client.get(reverse("dashboard:zones")).content.decode()
    assert "上海市、江苏省、浙江省" in listing and "|" not in visible_text(listing)
    assert '<option value="江苏省"' in listing and "上海市|" not in listing
    in_jiangsu = client.get(reverse("dashboard:zones"), {"province": "江苏省"}).context["zones"]
    assert zone in in_jiangsu
    page = visible_text(client.get(zone.get_absolute_url()).content.decode())
    assert "上海市、江苏省、浙江省 苏州市、嘉兴市" in page


def test_a_municipality_is_named_once_on_its_zone_page(client):
    zone = make_zone("上海测试高新区", province="上海市", city="上海市")
    page = visible_text(client.get(zone.get_absolute_url()).content.decode())
    assert "上海市 上海市" not in page and "上海市" in page


def test_a_filler_qualifier_is_not_shown_but_a_meaningful_one_is(client):
    zone, metric = make_zone(), make_metric()
    make_indicator(make_article(), zone=zone, metric=metric, value=3156, qualifier="达到")
    make_indicator(make_article(), zone=zone, metric=metric, value=90, qualifier="超过", period="2023")
    page = client.get(zone.get_absolute_url()).content.decode()
    assert ">3156家<" in page and "达到3156" not in page
    assert ">超过90家<" in page


def test_one_report_giving_target_and_result_is_one_source(english):
    zone, metric = make_zone(), make_metric()
    article = make_article()
    make_indicator(article, zone=zone, metric=metric, value=100, stance=TARGET)
    make_indicator(article, zone=zone, metric=metric, value=90)
    page = english.get(zone.get_absolute_url()).content.decode()
    assert "1 report" in page and "2 reports" not in page


def test_a_table_of_money_shows_one_unit():
    assert table_unit([Decimal("11500"), Decimal("6380")], "亿元") == "亿元"
    assert table_unit([Decimal("11500"), Decimal("26000")], "亿元") == "万亿元"
    assert table_unit([Decimal("0.5")], "亿元") == "亿元"  # never below the catalogue's unit
    assert table_unit([Decimal("12000")], "家") == "家"  # counts are not rescaled


def test_the_ranking_shows_every_amount_in_the_same_unit(client, registry):
    gdp = Metric.objects.get(code="gdp")
    big, small = make_zone("大高新区"), make_zone("小高新区")
    make_indicator(make_article(), zone=big, metric=gdp, value="1.15", unit="万亿元", base_value=11500)
    make_indicator(make_article(), zone=small, metric=gdp, value=6380, unit="亿元")
    page = client.get(gdp.get_absolute_url(), {"year": 2024}).content.decode()
    assert ">11500亿元<" in page and ">6380亿元<" in page and ">1.15万亿元<" not in page


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_period_of_several_years_reads_with_a_dash(client):
    zone = make_zone()
    article = make_article(published_on=date(2024, 1, 1))
    make_indicator(article, zone=zone, metric=make_metric(), value=5, period="2024..2026", stance=TARGET)
    assert "2024..2026" not in visible_text(client.get(article.get_absolute_url()).content.decode())
