"""Comparing zones that report different years: latest figures, year hints, zone × year, empty rows
folded away, targets drawn side by side."""

from datetime import date

import pytest
from django.urls import reverse

from dashboard.tests.test_demo_pages import demo  # noqa: F401 (fixture)
from factories import make_article, make_indicator, make_metric, make_zone
from metrics.models import Indicator

pytestmark = pytest.mark.django_db

TARGET = Indicator.Stance.TARGET


def compare(client, **params):
    response = client.get(reverse("dashboard:compare"), params)
    assert response.status_code == 200
    return response


def test_without_a_year_zaozhuang_2022_and_cihu_2023_meet_side_by_side(client, demo):  # noqa: F811
    response = compare(client, zones="zaozhuang,cihu")
    comparison = response.context["shown"].comparison
    assert comparison.year is None
    side_by_side = [
        (row.cells[0].progress.achievement, row.cells[1].progress.achievement)
        for row in comparison.rows
        if all(cell.progress and cell.progress.achievement for cell in row.cells)
    ]
    dated = [(z, c) for z, c in side_by_side if z.period.is_dated and c.period.is_dated]
    assert dated
    html = response.content.decode()
    for zaozhuang, cihu in dated:
        assert zaozhuang.period.label == "2022" and cihu.period.label == "2023"
        assert zaozhuang.url in html and cihu.url in html
    assert "(2022)" in html and "(2023)" in html  # the year is in the cell


def test_weihai_kunming_yuxi_in_2024_get_a_chart_of_their_targets(client, demo):  # noqa: F811
    response = compare(client, zones="weihai,kunming,yuxi", year="2024")
    targets = [chart for chart in response.context["shown"].charts if chart["id"].startswith("targets-chart")]
    assert targets
    for chart in targets:
        drawn = [value for dataset in chart["datasets"] for value in dataset["values"] if value is not None]
        assert len(drawn) >= 2
    html = response.content.decode()
    assert f'data-chart="{targets[0]["id"]}"' in html and "chart.umd.min.js" in html


@pytest.fixture
def two_zones():
    metric = make_metric()
    early, late = make_zone("早高新区"), make_zone("晚高新区")
    make_indicator(
        make_article(published_on=date(2023, 1, 10)), zone=early, metric=metric, value=50, period="2022"
    )
    make_indicator(
        make_article(published_on=date(2024, 2, 1)), zone=late, metric=metric, value=80, stance=TARGET
    )
    make_indicator(make_article(published_on=date(2025, 1, 10)), zone=late, metric=metric, value=70)
    return early, late, metric


def test_with_a_year_each_zone_offers_the_years_it_has_figures_for(client, two_zones):
    early, late, _metric = two_zones
    response = compare(client, zones=f"{early.slug},{late.slug}", year="2024")
    assert response.context["shown"].zone_years == [(early, [2022]), (late, [2024])]
    html = response.content.decode()
    assert f"zones={early.slug}%2C{late.slug}&amp;year=2022" in html  # one click to 2022


def test_one_metric_gets_a_zone_by_year_matrix(client, two_zones):
    early, late, metric = two_zones
    response = compare(client, zones=f"{early.slug},{late.slug}", metrics=metric.code)
    (matrix,) = response.context["shown"].matrices
    assert matrix.years == [2022, 2024]
    (early_row, late_row) = matrix.rows
    assert early_row[0] == early and early_row[1][0].achievement.value == 50 and early_row[1][1] is None
    assert late_row[1][0] is None and late_row[1][1].status == "behind"


def test_metrics_no_zone_reported_are_folded_away(client, two_zones):
    early, late, metric = two_zones
    silent = make_metric("silent_metric", "无人报道指标", "家")
    response = compare(client, zones=f"{early.slug},{late.slug}", metrics=f"{metric.code},{silent.code}")
    html = response.content.decode()
    table = html[html.index('<table class="comparison">') : html.index("</table>")]
    folded = html[html.index('<details class="empty-rows">') :]
    assert silent.name_zh not in table and silent.name_zh in folded
    assert metric.name_zh in table


def test_the_compare_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    metric = make_metric()
    zones = []
    for number in range(6):
        zone = make_zone(f"数{number}高新区")
        for year in (2022, 2023, 2024):
            make_indicator(make_article(), zone=zone, metric=metric, value=number + year, period=str(year))
        zones.append(zone)
    slugs = ",".join(zone.slug for zone in zones)
    for params in (
        {"zones": slugs},
        {"zones": slugs, "year": 2023},
        {"zones": slugs, "metrics": metric.code},
    ):
        # 12 of the page's own, and the cached fragment's: the data version, looking it up and
        # storing it (the database cache counts its rows, then writes).
        with django_assert_max_num_queries(17):
            compare(client, **params)


def test_without_the_script_the_picker_is_a_text_input_of_slugs_and_links_that_remove(client, two_zones):
    early, late, _metric = two_zones
    html = compare(client, zones=f"{early.slug},{late.slug}").content.decode()
    assert f'<input type="text" name="zones" value="{early.slug},{late.slug}"' in html
    assert f'href="?zones={late.slug}"' in html  # removes 早高新区
    assert "js/zone-picker.js" in html and "<script>" not in html
