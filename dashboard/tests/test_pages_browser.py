"""The zone and compare pages in a real headless Chromium: charts drawn by the project's own
Chart.js, nothing fetched from another host, readable at phone width."""

from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.core.management import call_command

from dashboard.tests.test_demo_pages import DEMO
from factories import make_article, make_indicator, make_metric, make_zone
from metrics.models import Indicator
from zones.models import Zone

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}

CHART_IS_DRAWN = """canvas => {
  const chart = Chart.getChart(canvas);
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
  return {chart: chart !== undefined, bars: chart ? chart.data.datasets.length : 0, painted};
}"""


@pytest.fixture
def reported_zones():
    metric = make_metric()
    zones = []
    for number, achieved in enumerate([80, 130, 95]):
        zone = make_zone(f"测{number}高新区")
        for year in (2023, 2024):
            make_indicator(
                make_article(published_on=date(year, 2, 1)),
                zone=zone,
                metric=metric,
                value=100 + number * 10,
                stance=Indicator.Stance.TARGET,
                period=str(year),
            )
            make_indicator(
                make_article(published_on=date(year + 1, 1, 20)),
                zone=zone,
                metric=metric,
                value=achieved + year - 2024,
                period=str(year),
            )
        zones.append(zone)
    return zones, metric


def open_page(page, path, name):
    response = page.goto(page.base_url + path)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def assert_only_the_server_was_asked(page):
    server = urlsplit(page.base_url).netloc
    assert page.requested_urls
    assert {urlsplit(url).netloc for url in page.requested_urls} == {server}


def assert_charts_drawn(page, count):
    canvases = page.locator("canvas[data-chart]")
    assert canvases.count() == count
    for index in range(count):
        drawn = canvases.nth(index).evaluate(CHART_IS_DRAWN)
        assert drawn["chart"] and drawn["bars"] >= 2 and drawn["painted"] > 500, drawn


def test_zone_page_draws_its_chart_from_local_files(browser_page, reported_zones):
    zones, _metric = reported_zones
    open_page(browser_page, zones[0].get_absolute_url(), "zone-page")

    assert_charts_drawn(browser_page, 1)
    assert browser_page.locator(".status-behind").count() == 2
    assert_only_the_server_was_asked(browser_page)


def test_compare_page_draws_grouped_bars_and_keeps_the_selection_in_the_url(browser_page, reported_zones):
    zones, metric = reported_zones
    slugs = ",".join(zone.slug for zone in zones)
    open_page(browser_page, f"/compare/?zones={slugs}&metrics={metric.code}&year=2024", "compare-page")

    assert_charts_drawn(browser_page, 2)  # completion rates, and the targets side by side
    assert browser_page.locator("table.comparison tbody td").count() == 3
    assert_only_the_server_was_asked(browser_page)

    # Submitting the form again keeps every choice, in the address.
    browser_page.click(".compare-form button[type=submit]")
    browser_page.wait_for_load_state("networkidle")
    assert all(zone.slug in browser_page.url for zone in zones) and "year=2024" in browser_page.url
    assert browser_page.locator("table.comparison tbody td").count() == 3


def test_pages_fit_a_phone_screen(browser_page, reported_zones):
    zones, _metric = reported_zones
    browser_page.set_viewport_size(PHONE)
    slugs = ",".join(zone.slug for zone in zones)
    article = zones[0].indicators.first().article
    for path, name in [
        ("/", "zone-list-phone"),
        (zones[0].get_absolute_url(), "zone-page-phone"),
        (f"/compare/?zones={slugs}&year=2024", "compare-page-phone"),
        (article.get_absolute_url(), "article-page-phone"),
    ]:
        open_page(browser_page, path, name)
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)


@pytest.fixture
def demo(registry):
    call_command("import_articles", str(DEMO), "--now", verbosity=0)


def test_demo_zone_and_compare_pages(browser_page, demo):
    cihu = Zone.objects.get(short_name="慈湖高新区")
    open_page(browser_page, cihu.get_absolute_url(), "demo-cihu")
    assert browser_page.locator("table.progress-table a.figure-link").count() >= 5
    charts = browser_page.locator("canvas[data-chart]").count()
    assert charts >= 1
    assert_charts_drawn(browser_page, charts)

    slugs = ",".join(
        Zone.objects.get(short_name=name).slug for name in ("威海高新区", "昆明高新区", "玉溪高新区")
    )
    open_page(browser_page, f"/compare/?zones={slugs}&year=2024", "demo-compare")
    # Only targets for 2024 so far: no completion rate to chart yet.
    assert browser_page.locator("table.comparison a.figure-link").count() >= 3
    assert_only_the_server_was_asked(browser_page)


def test_zones_ticked_on_the_list_are_compared(browser_page, reported_zones):
    zones, _metric = reported_zones
    open_page(browser_page, "/zones/?province=测试省", "zone-list")
    for zone in zones[:2]:
        browser_page.check(f"input[name=zones][value='{zone.slug}']")
    browser_page.click(".compare-selected button")
    browser_page.wait_for_load_state("networkidle")

    assert browser_page.url.startswith(browser_page.base_url + "/compare/?")
    headers = browser_page.locator("table.comparison thead th > a").all_inner_texts()
    assert headers == [zone.short_name for zone in zones[:2]]


def test_the_language_switch_turns_the_compare_page_english(browser_page, reported_zones):
    zones, _metric = reported_zones
    slugs = ",".join(zone.slug for zone in zones)
    open_page(browser_page, f"/compare/?zones={slugs}&year=2024", "compare-page-chinese")
    assert browser_page.locator("h1").inner_text() == "高新区对比"

    with browser_page.expect_navigation():
        browser_page.select_option("select[name=language]", "en")
    browser_page.wait_for_load_state("networkidle")

    assert browser_page.locator("h1").inner_text() == "Compare zones"
    assert unquote(browser_page.url).endswith(f"/compare/?zones={slugs}&year=2024")  # the selection is kept


def test_every_page_runs_its_scripts_under_the_content_security_policy(browser_page, reported_zones):
    """No inline script anywhere: each page is served with a policy allowing scripts from our own
    files only, and draws its charts (the fixture fails the test on any refused script)."""
    zones, metric = reported_zones
    article = zones[0].indicators.first().article
    slugs = ",".join(zone.slug for zone in zones)
    pages = {
        "/": 0,
        "/zones/": 0,
        zones[0].get_absolute_url(): 1,
        f"/compare/?zones={slugs}&year=2024": 2,  # completion rates, targets side by side
        f"/metrics/{metric.code}/?year=2024": None,
        f"/articles/{article.pk}/": 0,
        "/accounts/login/": 0,
        "/api/docs/": None,
    }
    for path, charts in pages.items():
        response = browser_page.goto(browser_page.base_url + path)
        assert response.status == 200, path
        policy = response.headers["content-security-policy"]
        assert (
            "script-src 'self'" in policy
            and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        )
        assert "camera=()" in response.headers["permissions-policy"]
        browser_page.wait_for_load_state("networkidle")
        if charts:
            assert_charts_drawn(browser_page, charts)
    browser_page.wait_for_selector(".opblock-summary-path")  # Swagger UI started from its own file
    assert not browser_page.script_problems
