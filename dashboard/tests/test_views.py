import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from dashboard.selectors import compare_zones
from factories import make_article, make_indicator, make_metric, make_zone
from metrics.models import Indicator

pytestmark = pytest.mark.django_db

TARGET = Indicator.Stance.TARGET


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def reported_zones(count, metric):
    """Zones with a 2024 target of 100 and results of 60, 70, 80, ..."""
    zones = []
    for number in range(count):
        zone = make_zone(f"比{number}高新区")
        make_indicator(
            make_article(published_on=date(2024, 2, 1)), zone=zone, metric=metric, value=100, stance=TARGET
        )
        make_indicator(
            make_article(published_on=date(2025, 1, 20)), zone=zone, metric=metric, value=60 + 10 * number
        )
        zones.append(zone)
    return zones


def compare_url(zones, metrics=(), year=None):
    query = {"zones": ",".join(zone.slug for zone in zones)}
    if metrics:
        query["metrics"] = ",".join(metric.code for metric in metrics)
    if year:
        query["year"] = year
    return reverse("dashboard:compare"), query


def test_compare_page_shows_the_numbers_of_the_comparison_service(client):
    metric = make_metric()
    zones = reported_zones(3, metric)
    url, query = compare_url(zones, [metric], 2024)

    response = client.get(url, query)

    assert response.status_code == 200
    expected = compare_zones(zones, [metric], year=2024)
    shown = response.context["shown"].comparison
    assert [[(c.zone, c.progress.progress, c.progress.status) for c in row.cells] for row in shown.rows] == [
        [(c.zone, c.progress.progress, c.progress.status) for c in row.cells] for row in expected.rows
    ]
    html = response.content.decode()
    for cell in expected.rows[0].cells:
        assert cell.progress.achievement.url in html and cell.progress.target.url in html
    chart = json.loads(
        re.search(r'<script id="comparison-chart" type="application/json">(.*?)</script>', html).group(1)
    )
    assert [dataset["values"] for dataset in chart["datasets"]] == [[60.0], [70.0], [80.0]]


def test_compare_selection_stays_in_the_url_and_defaults_metrics_to_latest_figures(client):
    metric = make_metric()
    zones = reported_zones(2, metric)

    response = client.get(reverse("dashboard:compare"), {"zones": [zones[0].slug, zones[1].slug]})

    comparison = response.context["shown"].comparison
    # No year asked: each zone's latest figures, whatever their year.
    assert (comparison.year, comparison.metrics) == (None, [metric])
    html = response.content.decode()
    assert f'<li class="chip" data-slug="{zones[0].slug}">' in html
    # Defaulted metrics are not shown as chosen: comparing again keeps meaning "all they report".
    assert f'<option value="{metric.code}">' in html and response.context["chosen_codes"] == []


@pytest.mark.parametrize(
    ("zones", "year", "message"),
    [
        ("one", None, "Choose 2 to 6 zones to compare (you chose 1)."),
        ("seven", None, "Choose 2 to 6 zones to compare (you chose 7)."),
        ("unknown", None, "No zone has these identifiers: no-such-zone"),
        ("two", "next year", "“next year” is not a year"),
    ],
)
def test_compare_explains_a_bad_selection_instead_of_failing(english, zones, year, message):
    metric = make_metric()
    known = reported_zones(7, metric)
    slugs = {"one": known[:1], "seven": known, "two": known[:2]}.get(zones)
    query = {
        "zones": ",".join(z.slug for z in slugs) if slugs else f"{known[0].slug},no-such-zone",
        "year": year or "",
    }

    response = english.get(reverse("dashboard:compare"), query)

    assert response.status_code == 200
    assert response.context["shown"] is None
    assert message in response.content.decode()


def test_compare_without_a_selection_shows_the_form(english):
    response = english.get(reverse("dashboard:compare"))
    assert response.status_code == 200
    assert b'name="zones"' in response.content and b"Choose 2" not in response.content


def test_compare_queries_do_not_grow_with_zones_and_metrics(client, django_assert_max_num_queries):
    metric, other = make_metric(), make_metric("test_patents", "测试专利", "件")
    two = reported_zones(2, metric)
    # 6 of the page's own and the cached fragment's 3
    # (the data version, looking the fragment up and storing it in one upsert).
    with django_assert_max_num_queries(9):
        client.get(*compare_url(two, [metric, other], 2024))
    six = reported_zones(6, other)
    with django_assert_max_num_queries(9):
        response = client.get(*compare_url(six, [metric, other], 2024))
    assert len(response.context["shown"].comparison.rows[1].cells) == 6


def test_metric_page_ranks_zones_on_their_achievement(client, django_assert_max_num_queries):
    metric = make_metric()
    zones = reported_zones(4, metric)
    waiting = make_zone("等高新区")
    make_indicator(make_article(), zone=waiting, metric=metric, value=100, stance=TARGET)

    # 4 of the page's own and the cached fragment's 3
    # (the data version, looking the fragment up and storing it in one upsert).
    with django_assert_max_num_queries(7):
        response = client.get(reverse("dashboard:metric", args=[metric.code]), {"year": "2024"})

    ranking = response.context["ranking"]
    assert [(entry.rank, entry.progress.zone) for entry in ranking] == [
        (1, zones[3]),
        (2, zones[2]),
        (3, zones[1]),
        (4, zones[0]),
        (None, waiting),
    ]


def test_a_metric_with_targets_but_no_results_reads_well(english):
    metric = make_metric()
    zone = make_zone("等高新区")
    make_indicator(make_article(), zone=zone, metric=metric, value=100, stance=TARGET)

    html = english.get(reverse("dashboard:metric", args=[metric.code])).content.decode()

    assert "no result yet" in html and zone.get_absolute_url() in html  # the target's year is shown


def test_a_metric_nobody_reported_and_a_bad_year_read_well(english):
    metric = make_metric()
    response = english.get(reverse("dashboard:metric", args=[metric.code]), {"year": "２０２４"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "is not a year" in html and "No zone has a target or a result on this metric" in html


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "written"),
    [
        ("40.000000", "个", "以上", "40个以上"),
        ("116.200000", "亿元", "突破", "突破116.2亿元"),
        ("-3.400000", "%", "", "-3.4%"),
        ("320.000000", "家", "", "320家"),
    ],
)
def test_figures_are_shown_as_the_text_writes_them(value, unit, qualifier, written):
    from django.utils import translation

    from metrics.templatetags.figures import as_written

    with translation.override("zh-hans"):  # in English the units are translated (test_english)
        assert as_written(Indicator(value=Decimal(value), unit=unit, qualifier=qualifier)) == written


def test_an_unknown_metric_is_404(client):
    assert client.get(reverse("dashboard:metric", args=["no-such-metric"])).status_code == 404


def test_metric_names_follow_the_page_language(client):
    metric = make_metric()
    metric.name_en = "Test enterprises"
    metric.save()
    zones = reported_zones(2, metric)
    chinese = client.get(*compare_url(zones, [metric], 2024)).content.decode()
    assert "测试企业数" in chinese and "Test enterprises" not in chinese
    client.cookies["django_language"] = "en"
    assert "Test enterprises" in client.get(*compare_url(zones, [metric], 2024)).content.decode()
