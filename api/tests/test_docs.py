import pytest


@pytest.mark.browser
def test_the_interactive_docs_show_every_endpoint_from_local_assets_only(browser_page):
    page = browser_page
    page.goto(f"{page.base_url}/api/docs/")
    page.wait_for_selector(".opblock-summary-path")
    paths = set(page.locator(".opblock-summary-path").all_inner_texts())
    assert {"/api/v1/zones/", "/api/v1/indicators/", "/api/v1/articles/", "/api/v1/compare/"} <= {
        path.replace("\u200b", "") for path in paths
    }
    assert all(url.startswith(page.base_url) or url.startswith("data:") for url in page.requested_urls)
