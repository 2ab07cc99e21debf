import json
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factories import make_article, make_indicator, make_metric, make_zone
from zones.models import Zone

pytestmark = pytest.mark.django_db


def test_zone_list_shows_the_registry_zones_with_province_and_level(client, registry):
    response = client.get(reverse("dashboard:zones"))
    assert response.status_code == 200
    html = response.content.decode()
    assert Zone.objects.filter(level=Zone.Level.NATIONAL_HITECH).count() >= 170
    for zone in Zone.objects.filter(short_name__in=["威海高新区", "昆明高新区", "慈湖高新区"]):
        assert zone.get_absolute_url() in html
    assert "山东省" in html and "国家级" in html


def test_zone_list_filters_by_province_and_searches_aliases(client, registry):
    html = client.get(reverse("dashboard:zones"), {"province": "湖北省", "q": "光谷"}).content.decode()
    assert "东湖高新区" in html
    assert "威海高新区" not in html


def listed(response) -> list[str]:
    return [zone.short_name for zone in response.context["zones"]]


def test_zone_list_shows_national_high_tech_zones_unless_a_level_is_chosen(client, registry):
    default = client.get(reverse("dashboard:zones"))
    assert {zone.level for zone in default.context["zones"]} == {Zone.Level.NATIONAL_HITECH}
    assert default.context["listing"].page.paginator.count >= 177
    etdz = client.get(reverse("dashboard:zones"), {"level": Zone.Level.NATIONAL_ETDZ, "province": "天津市"})
    assert "天津经开区" in listed(etdz)
    every_level = client.get(reverse("dashboard:zones"), {"level": ""})
    assert every_level.context["listing"].page.paginator.count == Zone.objects.count()


def test_zone_list_counts_zones_per_level_under_the_other_filters(client, registry):
    counts = client.get(reverse("dashboard:zones"), {"province": "湖南省"}).context["listing"].level_counts
    by_level = {value: count for value, _, count in counts}
    assert (
        by_level[Zone.Level.NATIONAL_HITECH]
        == Zone.objects.filter(province="湖南省", level=Zone.Level.NATIONAL_HITECH).count()
    )
    assert by_level[Zone.Level.PROVINCIAL_DEVELOPMENT] > 10


@pytest.mark.parametrize(
    "query, short_name",
    [
        ("天津经开区", "天津经开区"),
        ("张家界经开区", "张家界经开区"),
        ("桐乡经济开发区", "桐乡经开区"),
        ("浏阳高新区", "浏阳高新区"),
        ("滨江区", "杭州高新区"),
        ("新北区", "常州高新区"),
        ("虎丘区", "苏州高新区"),
    ],
)
def test_zone_search_looks_at_every_level(client, registry, query, short_name):
    assert listed(client.get(reverse("dashboard:zones"), {"search": query}))[0] == short_name


def test_zone_list_puts_zones_with_figures_first_and_pages_through_the_rest(client, registry):
    reported = zones_with_reports(1)[0]
    first_page = client.get(reverse("dashboard:zones"), {"level": ""})
    assert listed(first_page)[0] == reported.short_name
    html = first_page.content.decode()
    assert 'rel="next" href="?level=&amp;page=2"' in html
    last = first_page.context["listing"].page.paginator.num_pages
    last_page = client.get(reverse("dashboard:zones"), {"level": "", "page": last})
    assert 0 < len(listed(last_page)) <= 50


def test_zone_list_of_the_whole_registry_takes_a_fixed_number_of_queries(
    client, registry, django_assert_max_num_queries
):
    zones_with_reports(3)
    for params in ({}, {"level": ""}, {"level": "", "page": 20}, {"search": "高新区", "province": "江苏省"}):
        # the page, its count, its zones' counts, the counts per level, the provinces
        with django_assert_max_num_queries(5):
            assert client.get(reverse("dashboard:zones"), params).status_code == 200


def zones_with_reports(count):
    """`count` zones, each with two reports giving a target and a result."""
    metric = make_metric()
    zones = []
    for number in range(count):
        zone = make_zone(f"测{number}高新区", province="测试省")
        for published, stance, value in [
            (date(2024, 2, 1), "target", 100),
            (date(2025, 1, 20), "achievement", 90 + number),
        ]:
            article = make_article(published_on=published)
            article.zones.add(zone)
            make_indicator(article, zone=zone, metric=metric, value=value, stance=stance)
        zones.append(zone)
    return zones


def test_zone_list_counts_reports_and_figures_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    zones_with_reports(2)
    with django_assert_max_num_queries(5):
        client.get(reverse("dashboard:zones"))
    zone = zones_with_reports(6)[-1]
    with django_assert_max_num_queries(5):
        html = client.get(reverse("dashboard:zones"), {"province": "测试省"}).content.decode()
    row = html[html.index(zone.get_absolute_url()) :]
    row = row[: row.index("</tr>")]
    assert re.findall(r'<td class="num">(\d+)</td>', row) == ["2", "2"]


def test_zone_page_sets_targets_against_achievements_with_links_to_the_quotes(client):
    zone = zones_with_reports(1)[0]
    response = client.get(zone.get_absolute_url())
    html = response.content.decode()
    rows = response.context["figures"].found.rows
    assert [(row.status, row.target.value, row.achievement.value) for row in rows] == [("behind", 100, 90)]
    assert rows[0].target.url in html and rows[0].achievement.url in html
    assert 'value="90"' in html  # the progress bar
    chart = json.loads(
        re.search(r'<script id="zone-chart-1" type="application/json">(.*?)</script>', html).group(1)
    )
    assert chart["labels"] == ["2024"] and [d["values"] for d in chart["datasets"]] == [[100.0], [90.0]]
    assert "vendor/chartjs/chart.umd.min.js" in html and "//cdn" not in html


def test_zone_page_queries_do_not_grow_with_its_reports(client, django_assert_max_num_queries):
    zone = zones_with_reports(1)[0]
    metric = make_metric("test_patents", "测试专利", "件")
    for year in range(2015, 2024):
        make_indicator(
            make_article(published_on=date(year, 3, 1)),
            zone=zone,
            metric=metric,
            value=year - 2000,
            period=str(year),
        )
    # 7 of the page's own (2 for its reports, 2 for the suggested peers, 2 counting and dating a
    # zone's sides when it may need a summary) and the cached fragment's 3
    # (the data version, looking the fragment up and storing it in one upsert).
    with django_assert_max_num_queries(12):
        response = client.get(zone.get_absolute_url())
    assert len(response.context["articles"]) == 11


def test_a_zone_without_reports_says_so(client):
    zone = make_zone("空高新区")
    client.cookies["django_language"] = "en"
    response = client.get(zone.get_absolute_url())
    assert response.status_code == 200
    assert "No report on this zone has been added yet." in response.content.decode()


def test_a_result_without_target_is_shown_as_such(client):
    zone = make_zone("乙高新区")
    make_indicator(make_article(), zone=zone, metric=make_metric(), value=42)
    client.cookies["django_language"] = "en"
    response = client.get(zone.get_absolute_url())
    html = response.content.decode()
    assert "no target" in html and "42" in html
    assert response.context["figures"].charts == []  # one bar says nothing the table does not


def test_an_unknown_zone_is_404(client):
    assert client.get(reverse("dashboard:zone", args=["no-such-zone"])).status_code == 404


def test_pages_are_in_chinese_by_default_and_in_english_when_chosen(client):
    make_zone("甲高新区")
    chinese = client.get(reverse("dashboard:zones"), headers={"accept-language": "en"}).content.decode()
    client.cookies["django_language"] = "en"  # as the language menu sets it
    english = client.get(reverse("dashboard:zones")).content.decode()
    assert "筛选" in chinese and "全部省份" in chinese and "对比" in chinese
    assert "Filter" in english and "All provinces" in english and "Compare" in english


@pytest.mark.parametrize("params", [{"q": "威海\x00"}, {"province": "\x00"}, {"level": "nonsense"}])
def test_zone_list_leaves_out_filter_values_that_are_not_valid(client, params):
    zone = make_zone("威海高新区", province="山东省")
    response = client.get(reverse("dashboard:zones"), params)
    assert response.status_code == 200
    assert zone.get_absolute_url() in response.content.decode()


def test_a_chart_never_puts_two_units_on_one_axis(client):
    zone = make_zone("丙高新区")
    for year, value, unit in [("2022", 5, "亿元"), ("2023", 52000, "万元"), ("2024", 6, "亿元")]:
        make_indicator(
            make_article(),
            zone=zone,
            metric=None,
            value=value,
            period=year,
            unit=unit,
            metric_text="园区营收",
        )
    charts = client.get(zone.get_absolute_url()).context["figures"].charts
    assert [(chart["unit"], chart["labels"]) for chart in charts] == [("亿元", ["2022", "2024"])]


def zone_with_long_history():
    """A zone with results on 7 metrics over 12 years: 84 rows, more than a page shows at once."""
    zone = make_zone("丁高新区")
    metrics = [make_metric(f"test_history_{n}", f"测试历史{n}", "家") for n in range(7)]
    article = make_article(published_on=date(2027, 1, 1))
    for metric in metrics:
        for year in range(2015, 2027):
            make_indicator(article, zone=zone, metric=metric, value=year - 2000, period=str(year))
    return zone, metrics


def test_a_long_zone_page_summarizes_the_latest_period_with_the_detail_on_request(
    client, django_assert_max_num_queries
):
    zone, metrics = zone_with_long_history()
    with django_assert_max_num_queries(12):  # as test_zone_page_queries_do_not_grow_with_its_reports
        response = client.get(zone.get_absolute_url())
    rows = response.context["figures"].found.rows
    assert response.context["figures"].found.summarized and response.context["figures"].charts == []
    assert sorted((row.metric.code, row.period_label) for row in rows) == [
        (metric.code, "2026") for metric in metrics
    ]
    html = response.content.decode()
    assert f"?metric={metrics[0].code}" in html and "?year=2015" in html

    detail = client.get(zone.get_absolute_url(), {"metric": metrics[0].code}).context
    assert [row.period_label for row in detail["rows"]] == [str(year) for year in range(2015, 2027)]
    assert len(detail["charts"]) == 1 and not detail["summarized"]

    one_year = client.get(zone.get_absolute_url(), {"year": "2020"}).context["figures"].found.rows
    assert {row.period_label for row in one_year} == {"2020"} and len(one_year) == 7
    assert client.get(zone.get_absolute_url(), {"metric": "no-such-metric"}).status_code == 404


def test_a_zone_page_lists_its_reports_a_page_at_a_time(client):
    zone = make_zone("戊高新区")
    metric = make_metric()
    for day in range(1, 26):
        article = make_article(published_on=date(2024, 1, day))
        make_indicator(article, zone=zone, metric=metric, value=day, period="2023")
    first = client.get(zone.get_absolute_url()).context
    assert [a.published_on.day for a in first["articles"]] == list(range(25, 5, -1))
    assert first["more_sources"] and all(a.zone_figure_count == 1 for a in first["articles"])
    second = client.get(zone.get_absolute_url(), {"sources_page": "2"}).context
    assert [a.published_on.day for a in second["articles"]] == [5, 4, 3, 2, 1]
    assert not second["more_sources"]


def test_a_zone_page_is_worked_out_once_and_again_after_any_change(client):
    """The figures of a zone page (and its peers) come from a cached fragment while nothing changes
    (fewer queries), and a correction shows on the next view."""
    zone, metric = make_zone("缓存高新区"), make_metric("cached_gdp", "缓存产值", "亿元")
    article = make_article(published_on=date(2025, 1, 20))
    figure = make_indicator(article, zone=zone, metric=metric, value=140, stance="achievement")
    make_indicator(article, zone=zone, metric=metric, value=150, stance="target")

    def viewed():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(zone.get_absolute_url()).content.decode()
        return html, len(queries)

    first, worked_out = viewed()
    again, cached = viewed()
    assert ">140" in first and ">140" in again
    assert cached < worked_out
    figure.value = figure.base_value = 145
    figure.save()
    corrected, _ = viewed()
    assert ">145" in corrected and ">140" not in corrected


def test_page_fragments_are_kept_apart_from_throttle_counts(client):
    """Fragments live in their own cache, so that making room for fragments never drops a client's
    throttle count (or a lockout) from the default cache."""
    from django.core.cache import caches

    zone, metric = make_zone("分存高新区"), make_metric("kept_gdp", "分存产值", "亿元")
    make_indicator(make_article(), zone=zone, metric=metric, value=140, stance="achievement")
    client.get(zone.get_absolute_url())
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM zonescope_fragments")
        fragments = [key for (key,) in cursor.fetchall()]
        cursor.execute("SELECT count(*) FROM zonescope_cache WHERE cache_key LIKE %s", ["%template.cache%"])
        in_default = cursor.fetchone()[0]
    assert any("zone-figures" in key for key in fragments) and in_default == 0
    assert caches["fragments"] is not caches["default"]
