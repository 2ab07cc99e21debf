"""Error pages for requests that fail outside any view's own error handling."""

import json

from config.errors import server_error


def test_a_failure_under_api_is_answered_in_the_apis_error_shape_and_elsewhere_as_a_page(rf):
    api = server_error(rf.get("/api/v1/zones/"))
    assert api.status_code == 500 and api["Content-Type"] == "application/json"
    assert json.loads(api.content)["error"]["code"] == "server_error"
    page = server_error(rf.get("/zones/"))
    assert page.status_code == 500 and page["Content-Type"].startswith("text/html")
