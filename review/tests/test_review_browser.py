"""An editor's whole round in a real headless Chromium: log in, upload a report, check what was read,
correct a figure, add a missed one by selecting its words, and find the correction on the zone page."""

from decimal import Decimal
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from accounts.editors import make_editor
from articles.models import Article
from zones.models import Zone

pytestmark = pytest.mark.browser

REPORT = (
    "威海高新区2024年完成地区生产总值300亿元，同比增长8.5%。高新技术企业达到320家。"
    "2025年，威海高新区力争地区生产总值达到350亿元。全区新增“专精特新”企业17家。"
)
PASSWORD = "tall-mountain-river-42"
# Screenshots for a person to look at (git ignores the folder).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def editor_account(registry):
    # Browser tests run on a transactional database, which empties every table between tests, the
    # editors group made by its data migration included; that migration makes it again.
    import_module("articles.migrations.0002_editors_group").create_editors_group(apps, None)
    return make_editor("wang", password=PASSWORD)[0]


def test_an_editor_uploads_corrects_and_sees_the_correction_on_the_zone_page(
    browser_page, editor_account, tmp_path
):
    page = browser_page
    page.goto(f"{page.base_url}/articles/upload/")
    page.fill("input[name=username]", "wang")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.editor-form button[type=submit]")

    # Step 1: the file is read; nothing is stored yet.
    report = tmp_path / "weihai-2024.txt"
    report.write_bytes(REPORT.encode("gbk"))
    page.set_input_files("input[name=file]", str(report))
    page.click("button[name=read]")
    assert page.input_value("textarea[name=text]") == REPORT
    assert "威海" in page.input_value("input[name=zones]")
    assert not Article.objects.exists()
    page.screenshot(path=ARTIFACTS / "upload-read.png", full_page=True)

    # Step 2: the editor gives a title and saves; the review page opens.
    page.fill("input[name=title]", "威海高新区2024年经济运行")
    page.click("button[name=save]")
    article = Article.objects.get()
    assert page.url.endswith(f"/articles/{article.pk}/review/")
    assert article.original_filename == "weihai-2024.txt" and article.added_by == editor_account
    achieved = article.indicators.get(value=300, stance="achievement")

    # Correct 300 to 312.5.
    card = page.locator(f"#indicator-{achieved.pk}")
    card.locator("summary").click()
    card.locator("input[name=value]").fill("312.5")
    card.locator("form.editor-form button[type=submit]").click()
    page.wait_for_load_state()
    achieved.refresh_from_db()
    assert (achieved.value, achieved.review_state, achieved.reviewed_by) == (
        Decimal("312.5"),
        "corrected",
        editor_account,
    )
    assert "312.5" in page.locator(f"#indicator-{achieved.pk} .history").inner_text()

    # Add a figure by selecting its words in the text: review.js fills in the quote and its offsets.
    quote = "新增“专精特新”企业17家"
    page.evaluate(
        """quote => {
        const text = document.getElementById("article-text");
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const at = walker.currentNode.data.indexOf(quote);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(walker.currentNode, at);
            range.setEnd(walker.currentNode, at + quote.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return;
        }
    }""",
        quote,
    )
    page.wait_for_function("document.getElementById('selected-quote').textContent.length > 0")
    form = page.locator("#add-figure-form")
    # The engine's reading of the selected words prefills the form: value, unit, period, the zone.
    expect(form.locator("input[name=period_label]")).not_to_have_value("")
    assert (
        form.locator("input[name=value]").input_value(),
        form.locator("input[name=unit]").input_value(),
    ) == (
        "17",
        "家",
    )
    form.locator("input[name=metric_text]").fill("专精特新企业")
    form.locator("input[name=value]").fill("17")
    form.locator("input[name=unit]").fill("家")
    form.locator("input[name=zone]").fill("威海高新区")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    added = article.indicators.get(metric_text="专精特新企业")
    page.screenshot(path=ARTIFACTS / "review-page.png", full_page=True)
    assert added.quote == quote and article.raw_text[added.quote_start : added.quote_end] == quote

    # The zone page shows the editor's figure, not the engine's.
    zone = Zone.objects.get(short_name="威海高新区")
    page.goto(f"{page.base_url}{zone.get_absolute_url()}")
    content = page.locator("main").inner_text()
    assert "312.5" in content and "300亿元" not in content
    assert get_user_model().objects.count() == 1


def test_the_editors_pages_fit_a_phone_screen(browser_page, editor_account):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.base_url}/articles/upload/")
    page.fill("input[name=username]", "wang")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.editor-form button[type=submit]")
    page.wait_for_load_state()
    width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=ARTIFACTS / "upload-phone.png", full_page=True)
    assert width <= 390
