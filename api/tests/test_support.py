"""The API's shared rules: who may read, throttling, unknown addresses, page sizes, the error
shape, the CSV format and the documentation."""

import csv
import io

import pytest
from rest_framework.throttling import AnonRateThrottle

from api.support import CSVRenderer, error_body, first_problem
from zones.models import Zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def zone(db):
    return Zone.objects.create(
        name="威海火炬高技术产业开发区", short_name="威海高新区", slug="weihai", province="山东省"
    )


def test_reading_can_be_closed_to_anonymous_clients(api_client, token_for, zone, settings):
    settings.API_READ_REQUIRES_LOGIN = True
    refused = api_client.get("/api/v1/zones/")
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "not_authenticated"
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('reader', editor=False)}")
    assert api_client.get("/api/v1/zones/").status_code == 200


def test_reading_is_open_by_default(api_client, zone, settings):
    settings.API_READ_REQUIRES_LOGIN = False
    assert api_client.get("/api/v1/zones/weihai/").status_code == 200


def test_a_wrong_token_is_refused_even_for_reading(api_client, zone):
    api_client.credentials(HTTP_AUTHORIZATION="Token 0000")
    response = api_client.get("/api/v1/zones/")
    assert response.status_code == 401 and response.json()["error"]["code"] == "authentication_failed"


def test_too_many_anonymous_requests_are_throttled_with_the_wait(api_client, zone, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    assert [api_client.get("/api/v1/zones/").status_code for _ in range(2)] == [200, 200]
    response = api_client.get("/api/v1/zones/")
    assert response.status_code == 429
    error = response.json()["error"]
    assert error["code"] == "throttled" and 0 < error["details"]["wait_seconds"] <= 60
    assert int(response["Retry-After"]) > 0


def test_an_unknown_api_address_is_a_json_404(api_client):
    response = api_client.get("/api/v1/nothing/here/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert (error["status"], error["code"], error["details"]) == (404, "not_found", {}) and error["message"]


def test_an_address_without_its_slash_is_redirected_to_it(api_client, zone):
    response = api_client.get("/api/v1/zones")
    assert response.status_code == 301 and response["Location"].endswith("/api/v1/zones/")


@pytest.mark.parametrize("page_size", ["0", "-3", "many", "2.5", "501", "10000"])
def test_a_page_size_that_is_not_a_whole_number_from_1_to_500_is_refused(api_client, zone, page_size):
    response = api_client.get("/api/v1/zones/", {"page_size": page_size})
    assert response.status_code == 400
    assert list(response.json()["error"]["details"]) == ["page_size"]


def test_a_page_past_the_end_is_404(api_client, zone):
    response = api_client.get("/api/v1/zones/", {"page": 7})
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_an_unknown_format_is_404_and_single_objects_are_json_only(api_client, zone):
    assert api_client.get("/api/v1/zones/", {"format": "xlsx"}).status_code == 404
    assert api_client.get("/api/v1/zones/weihai/", {"format": "csv"}).status_code == 404


def test_a_method_the_address_does_not_take_is_405_for_an_editor_and_401_for_anonymous(
    api_client, token_for, zone
):
    assert api_client.delete("/api/v1/zones/weihai/").status_code == 401
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('editor', editor=True)}")
    response = api_client.delete("/api/v1/zones/weihai/")
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"
    assert Zone.objects.filter(slug="weihai").exists()


def test_csv_flattens_nested_values_and_keeps_chinese():
    data = {
        "count": 2,
        "results": [
            {
                "name": "东湖",
                "aliases": ["光谷", "中国光谷"],
                "article": {"id": 1, "title": "年报"},
                "value": None,
            },
            {"name": "威海", "aliases": [], "article": None, "value": "1.5", "extra": [{"a": 1}]},
        ],
    }
    content = CSVRenderer().render(data)
    assert content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == {
        "name": "东湖",
        "aliases": "光谷; 中国光谷",
        "article.id": "1",
        "article.title": "年报",
        "value": "",
        "article": "",
        "extra": "",
    }
    assert rows[1]["article"] == "" and rows[1]["extra"] == '[{"a": 1}]' and rows[1]["value"] == "1.5"


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_shown_as_text():
    data = [
        {
            "title": '=HYPERLINK("http://evil.example","年报")',
            "source": "@SUM(A1)",
            "aliases": ["-1+1", "光谷"],
            "value": "-3.4",
            "growth": -3.4,
            "note": "+86 电话",
        }
    ]
    row = next(csv.DictReader(io.StringIO(CSVRenderer().render(data).decode("utf-8-sig"))))
    assert row == {
        "title": '\'=HYPERLINK("http://evil.example","年报")',
        "source": "'@SUM(A1)",
        "aliases": "'-1+1; 光谷",
        "value": "-3.4",
        "growth": "-3.4",
        "note": "'+86 电话",
    }


def test_csv_of_a_single_object_or_nothing():
    assert CSVRenderer().render(None) == "\ufeff\r\n".encode()
    single = CSVRenderer().render({"error": {"status": 400, "message": "年份无效"}}).decode("utf-8-sig")
    assert single.splitlines() == ["error.status,error.message", "400,年份无效"]


def test_the_first_problem_names_its_field():
    assert first_problem({"year": ["Enter a whole number."]}) == "year: Enter a whole number."
    assert first_problem({"zones": {"0": ["Unknown."]}}) == "zones.0: Unknown."
    assert first_problem({"non_field_errors": ["Send a text or a file."]}) == "Send a text or a file."
    assert first_problem(["Choose 2 to 6 zones."]) == "Choose 2 to 6 zones."


def test_the_error_body_has_one_shape():
    assert error_body(409, "duplicate", "Already stored.", {"article_id": 3}) == {
        "error": {
            "status": 409,
            "code": "duplicate",
            "message": "Already stored.",
            "details": {"article_id": 3},
        }
    }


def test_the_schema_describes_every_endpoint(api_client):
    response = api_client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/v1/zones/",
        "/api/v1/zones/{slug}/",
        "/api/v1/metrics/",
        "/api/v1/metrics/{code}/",
        "/api/v1/indicators/",
        "/api/v1/indicators/{id}/",
        "/api/v1/articles/",
        "/api/v1/articles/{id}/",
        "/api/v1/compare/",
    ]:
        assert path in paths
    indicator_filters = {parameter["name"] for parameter in paths["/api/v1/indicators/"]["get"]["parameters"]}
    assert {
        "zone",
        "metric",
        "kind",
        "stance",
        "period",
        "year",
        "province",
        "review_state",
        "article",
        "cursor",
        "page_size",
        "format",
    } <= indicator_filters
    upload = paths["/api/v1/articles/"]["post"]
    assert {"application/json", "multipart/form-data"} <= set(upload["requestBody"]["content"])
    assert {"201", "400", "401", "403", "409"} <= set(upload["responses"])
    assert "text/csv" in paths["/api/v1/compare/"]["get"]["responses"]["200"]["content"]


def test_the_docs_page_uses_local_assets_only(api_client):
    response = api_client.get("/api/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/zones/%00/",
        "/api/v1/metrics/a%00b/",
        "/api/v1/metrics/a%0Ab/",
        "/api/v1/articles/x1/",
        "/api/v1/indicators/1.5/",
    ],
)
def test_an_address_no_object_can_have_is_a_json_404(api_client, zone, address):
    response = api_client.get(address)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_zone_slug_with_a_nul_character_is_refused_400(api_client, token_for, zone):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('editor', editor=True)}")
    response = api_client.post(
        "/api/v1/articles/", {"text": "威海高新区的报道。", "zones": ["wei\x00hai"]}, format="json"
    )
    assert response.status_code == 400 and list(response.json()["error"]["details"]) == ["zones"]


def test_csv_pages_name_the_next_page_in_a_link_header(api_client, zone):
    Zone.objects.create(name="东湖新技术开发区", short_name="东湖高新区", slug="donghu", province="湖北省")
    first = api_client.get("/api/v1/zones/", {"format": "csv", "page_size": 1})
    assert first["Link"] == '<http://testserver/api/v1/zones/?format=csv&page=2&page_size=1>; rel="next"'
    second = api_client.get("/api/v1/zones/", {"format": "csv", "page_size": 1, "page": 2})
    assert second["Link"] == '<http://testserver/api/v1/zones/?format=csv&page_size=1>; rel="prev"'
    assert "Link" not in api_client.get("/api/v1/zones/")


def test_cursor_pages_link_both_ways(api_client, zone):
    from articles.models import Article
    from metrics.models import Indicator

    article = Article.objects.create(raw_text="威海高新区报道。")
    Indicator.objects.bulk_create(
        Indicator(article=article, zone=zone, metric_text="高企", value=n, quote=f"{n}家") for n in range(3)
    )
    first = api_client.get("/api/v1/indicators/", {"page_size": 1})
    assert first["Link"].endswith('rel="next"') and first["Link"].startswith("<" + first.json()["next"])
    middle = api_client.get(first.json()["next"])
    assert 'rel="next"' in middle["Link"] and 'rel="prev"' in middle["Link"]


def test_a_failure_of_ours_is_answered_500_in_the_error_shape(api_client, zone, monkeypatch):
    from api.zones import ZoneViewSet

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(ZoneViewSet, "list", broken)
    response = api_client.get("/api/v1/zones/")
    assert response.status_code == 500 and response["Content-Type"] == "application/json"
    assert response.json()["error"] == {
        "status": 500,
        "code": "server_error",
        "message": response.json()["error"]["message"],
        "details": {},
    }
    assert "bug" not in response.json()["error"]["message"]
