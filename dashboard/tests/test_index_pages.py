"""The landing overview, the metric catalogue, the list of reports and the methodology page."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from dashboard.progress import Status
from factories import make_article, make_indicator, make_metric, make_zone
from metrics.models import Indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports():
    """Two zones; 甲 has figures this year and last, 乙 only two years ago."""
    this_year = timezone.localdate().year
    metric = make_metric()
    first, second = make_zone("甲高新区"), make_zone("乙高新区")
    recent = make_article(
        title="甲高新区年度工作总结", source_name="甲日报", published_on=date(this_year, 1, 5)
    )
    recent.zones.add(first)
    make_indicator(recent, zone=first, metric=metric, value=10, period=str(this_year))
    make_indicator(recent, zone=first, metric=metric, value=12, period=str(this_year - 1))
    older = make_article(
        text="乙高新区推进光伏产业集群建设，新增企业8家。",
        source_name="乙晚报",
        published_on=date(this_year - 2, 3, 1),
    )
    older.zones.add(second)
    make_indicator(older, zone=second, metric=metric, value=8, period=str(this_year - 2))
    return first, second, metric, recent, older


def test_landing_page_shows_latest_reports_freshness_and_zones_with_data_this_year(client, reports):
    _first, _second, _metric, recent, older = reports
    response = client.get("/")
    assert response.status_code == 200
    overview = response.context["overview"]
    this_year = timezone.localdate().year
    assert [(y.year, y.zones) for y in overview.coverage[:3]] == [
        (this_year, 1),
        (this_year - 1, 1),
        (this_year - 2, 1),
    ]
    assert overview.latest_published == recent.published_on
    html = response.content.decode()
    assert recent.get_absolute_url() in html and older.get_absolute_url() in html
    assert html.index(older.get_absolute_url()) < html.index(recent.get_absolute_url())  # latest added first
    assert reverse("dashboard:zones") in html


def test_metric_catalogue_lists_families_with_counts_and_reporting_zones(client, reports):
    first, second, metric, *_ = reports
    make_metric("unreported_metric", "未报道指标", "亿元")
    response = client.get(reverse("dashboard:metrics"))
    assert response.status_code == 200
    entries = {e.metric.code: e for family in response.context["families"] for e in family.entries}
    assert entries[metric.code].figure_count == 3
    assert entries[metric.code].zones == sorted([first, second], key=str)
    assert entries["unreported_metric"].figure_count == 0
    html = response.content.decode()
    assert first.get_absolute_url() in html and metric.get_absolute_url() in html


def test_article_index_searches_titles_and_text_and_filters_by_zone_and_source(client, reports):
    _first, second, _metric, recent, older = reports
    url = reverse("dashboard:articles")

    def listed(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return list(response.context["index"].page.object_list)

    assert listed() == [recent, older]  # latest published first
    assert listed(q="年度工作") == [recent]  # title
    assert listed(q="光伏产业") == [older]  # text
    assert listed(zone=second.slug) == [older]
    assert listed(source="甲日报") == [recent]
    # Values that cannot be valid are left out, not an error.
    assert listed(q="\x00", zone="no such zone!", page="x") == [recent, older]


def test_article_index_pages_by_25(client):
    for number in range(30):
        make_article(published_on=date(2024, 1, 1 + number % 28))
    first = client.get(reverse("dashboard:articles"))
    second = client.get(reverse("dashboard:articles"), {"page": 2})
    assert len(first.context["index"].page.object_list) == 25
    assert len(second.context["index"].page.object_list) == 5
    assert "page=2" in first.content.decode()


@pytest.mark.parametrize("name", ["home", "metrics", "articles"])
def test_index_pages_take_a_fixed_number_of_queries(client, django_assert_max_num_queries, name):
    metric = make_metric()
    for number in range(12):
        zone = make_zone(f"量{number}高新区")
        article = make_article()
        article.zones.add(zone)
        make_indicator(article, zone=zone, metric=metric, value=number + 1)
    with django_assert_max_num_queries(8):
        assert client.get(reverse(f"dashboard:{name}")).status_code == 200


def test_methodology_page_explains_every_status_and_each_badge_links_to_its_rule(client):
    page = client.get(reverse("dashboard:methodology")).content.decode()
    for status in Status.values:
        assert f'id="status-{status}"' in page
    for anchor in ("progress", "elapsed", "implied", "sources"):
        assert f'id="{anchor}"' in page
    zone, metric = make_zone(), make_metric()
    make_indicator(make_article(), zone=zone, metric=metric, value=100, stance=Indicator.Stance.TARGET)
    make_indicator(make_article(published_on=date(2025, 1, 10)), zone=zone, metric=metric, value=120)
    html = client.get(zone.get_absolute_url()).content.decode()
    badges = re.findall(r'<a class="status status-(\w+)" href="([^"]+)"', html)
    assert badges and all(href == f"{reverse('dashboard:methodology')}#status-{s}" for s, href in badges)
