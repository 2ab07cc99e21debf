"""The zone, compare and metric pages' tables as CSV (UTF-8 with BOM, formulas escaped) and XLSX:
the rows the page shows, the numbers the API gives, each figure's quote linked."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from factories import make_article, make_indicator, make_metric, make_zone
from metrics.models import Indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def reported():
    metric = make_metric()
    zones = []
    for _number, (name, achieved) in enumerate([("=HYPERLINK(1)高新区", 90), ("乙导出高新区", 120)]):
        zone = make_zone(name)
        target = make_article(published_on=date(2024, 2, 1))
        make_indicator(target, zone=zone, metric=metric, value=100, stance=Indicator.Stance.TARGET)
        make_indicator(make_article(published_on=date(2025, 1, 10)), zone=zone, metric=metric, value=achieved)
        zones.append(zone)
    return zones, metric


def csv_rows(response) -> list[dict]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff") and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(body[1:])))


def test_zone_csv_has_the_pages_rows_and_links_each_quote(english, reported):
    zones, _metric = reported
    page = english.get(zones[1].get_absolute_url())
    rows = csv_rows(english.get(zones[1].get_absolute_url(), {"format": "csv"}))
    shown = page.context["figures"].found.rows
    assert len(rows) == len(shown) == 1
    (row,) = rows
    assert (row["Target"], row["Achieved"], row["Progress"], row["Status"]) == (
        "100 firms",
        "120 firms",
        "1.2",
        "met",
    )
    assert row["Target source"] == f"http://testserver{shown[0].target.url}"
    assert 'href="?format=csv"' in page.content.decode() and 'href="?format=xlsx"' in page.content.decode()


def test_compare_csv_escapes_formulas_and_gives_the_apis_numbers(english, api_client, reported):
    zones, metric = reported
    query = {"zones": ",".join(z.slug for z in zones), "metrics": metric.code, "year": 2024}
    rows = csv_rows(english.get(reverse("dashboard:compare"), {**query, "format": "csv"}))
    api = api_client.get("/api/v1/compare/", query).json()["results"]
    assert [row["Zone"] for row in rows] == ["'=HYPERLINK(1)高新区", "乙导出高新区"]
    assert [Decimal(row["Progress"]) for row in rows] == [Decimal(result["progress"]) for result in api]
    assert [row["Achieved amount"] for row in rows] == [result["achieved"]["amount"] for result in api]


def test_metric_xlsx_ranks_like_the_page_with_clickable_sources(english, reported):
    _zones, metric = reported
    response = english.get(metric.get_absolute_url(), {"year": 2024, "format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert [(row["Rank"], row["Zone"], row["Achieved amount"]) for row in rows] == [
        (1, "乙导出高新区", 120),
        (2, "'=HYPERLINK(1)高新区", 90),
    ]
    source = sheet.cell(row=2, column=header.index("Achievement source") + 1)
    assert source.hyperlink.target == source.value and source.value.startswith("http://testserver/articles/")


def test_every_page_with_a_table_links_its_downloads(client, reported):
    zones, metric = reported
    slugs = ",".join(z.slug for z in zones)
    for url in (
        zones[0].get_absolute_url(),
        metric.get_absolute_url() + "?year=2024",
        f"/compare/?zones={slugs}",
    ):
        html = client.get(url).content.decode()
        assert "format=csv" in html and "format=xlsx" in html, url
