"""The compare page's zone picker in Chromium: type part of any name, pick, remove, compare."""

import pytest

from dashboard.tests.test_pages_browser import ARTIFACTS
from zones.models import Zone

pytestmark = pytest.mark.browser


def pick(page, typed: str, expected: str):
    page.fill("[data-zone-search]", typed)
    option = page.locator("#zone-options li[role=option]", has_text=expected).first
    option.wait_for()
    option.click()


def test_the_picker_finds_zones_by_part_of_a_name_or_alias_and_compares_the_chips(browser_page, registry):
    page = browser_page
    page.goto(page.base_url + "/compare/?zones=weihai")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-zone-slugs]").is_hidden()  # the chips replace the text input

    pick(page, "慈湖", "慈湖高新区")  # part of its name
    pick(page, "光谷", "东湖高新区")  # an alias
    chips = page.locator(".zone-picker .chip")
    assert [text.split()[0] for text in chips.all_inner_texts()] == ["威海高新区", "慈湖高新区", "东湖高新区"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "compare-picker.png"))

    page.click(".chip[data-slug=weihai] a")
    donghu = Zone.objects.get(short_name="东湖高新区")
    assert page.input_value("input[name=zones]") == f"cihu,{donghu.slug}"

    page.click(".compare-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert f"zones=cihu%2C{donghu.slug}" in page.url
    assert [chip.get_attribute("data-slug") for chip in chips.all()] == ["cihu", donghu.slug]
