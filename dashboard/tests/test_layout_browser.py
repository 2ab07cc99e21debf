"""Every reader's page at desktop width and on a 390 px phone, in Chinese and English: nothing
outside the screen except inside a scroll container, no text squeezed to one character a line or a
word broken. Screenshots go to test-artifacts/ (and are looked at)."""

from pathlib import Path

import pytest
from django.core.management import call_command

from dashboard.tests.test_pages_browser import ARTIFACTS, DEMO
from metrics.models import Metric
from zones.models import Zone

pytestmark = pytest.mark.browser

LAYOUT_CHECKS = (Path(__file__).parent / "layout_checks.js").read_text(encoding="utf-8")
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def demo(registry):
    call_command("import_articles", str(DEMO), "--now", verbosity=0)


def pages():
    cihu = Zone.objects.get(slug="cihu")
    return {
        "home": "/",
        "zone": cihu.get_absolute_url(),
        "compare-latest": "/compare/?zones=zaozhuang,cihu",
        "compare-2024": "/compare/?zones=weihai,kunming,yuxi&year=2024",
        "compare-matrix": "/compare/?zones=zaozhuang,cihu,dayehu&metrics=high_tech_enterprises",
        "metric": Metric.objects.get(code="high_tech_enterprises").get_absolute_url() + "?year=2023",
        "metrics": "/metrics/",
        "articles": "/articles/",
        "article": cihu.indicators.first().article.get_absolute_url(),
        "methodology": "/methodology/",
    }


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_pages_fit_the_screen_without_squeezed_text(browser_page, demo, width, language):
    page = browser_page
    page.context.add_cookies([{"name": "django_language", "value": language, "url": page.base_url}])
    page.set_viewport_size(WIDTHS[width])
    ARTIFACTS.mkdir(exist_ok=True)
    found = {}
    for name, path in pages().items():
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"layout-{name}-{width}-{language}.png"), full_page=True)
        problems = page.evaluate(LAYOUT_CHECKS)
        if problems:
            found[path] = problems[:5]
    assert found == {}


def test_the_comparison_scrolls_under_a_sticky_first_column_on_a_phone(browser_page, demo):
    page = browser_page
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(page.base_url + "/compare/?zones=weihai,kunming,yuxi&year=2024")
    scroller = page.locator(".table-scroll").first
    first_header = page.locator("table.comparison tbody th[scope=row]").first
    before = first_header.bounding_box()["x"]
    scroller.evaluate("element => { element.scrollLeft = element.scrollWidth; }")
    assert scroller.evaluate("element => element.scrollLeft") > 0  # the table is wider than the phone
    assert first_header.bounding_box()["x"] == before  # the metric names stay in view
