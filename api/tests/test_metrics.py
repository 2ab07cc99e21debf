import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from articles.models import Article
from metrics.models import Indicator, Metric
from zones.models import Zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    return {
        metric.code: metric
        for metric in [
            Metric.objects.create(
                code="gdp",
                name_zh="地区生产总值",
                name_en="Gross regional product",
                unit="亿元",
                family=Metric.Family.MONEY,
                synonyms=["GDP", "生产总值"],
            ),
            Metric.objects.create(
                code="high_tech_enterprises",
                name_zh="高新技术企业",
                name_en="High-tech enterprises",
                unit="家",
                family=Metric.Family.COUNT,
                synonyms=["高企"],
            ),
        ]
    }


@pytest.fixture
def figures(catalogue):
    """Two zones in two provinces, two reports, and figures of every kind of interest."""
    donghu = Zone.objects.create(
        name="武汉东湖新技术开发区", short_name="东湖高新区", slug="donghu", province="湖北省"
    )
    weihai = Zone.objects.create(
        name="威海火炬高技术产业开发区", short_name="威海高新区", slug="weihai", province="山东省"
    )
    plan = Article.objects.create(
        raw_text="东湖高新区2025年地区生产总值目标3000亿元。",
        title="东湖规划",
        published_on=dt.date(2023, 2, 1),
    )
    review = Article.objects.create(
        raw_text="威海高新区2024年高企达到500家。", title="威海年报", published_on=dt.date(2025, 1, 5)
    )

    def figure(article, zone, metric, value, unit, base_value, stance, year, quote, **extra):
        return Indicator.objects.create(
            article=article,
            zone=zone,
            metric=catalogue[metric],
            metric_text=catalogue[metric].name_zh,
            value=Decimal(value),
            unit=unit,
            base_value=Decimal(base_value),
            stance=stance,
            period_label=f"{year}年",
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            quote=quote,
            **extra,
        )

    return {
        "donghu_gdp_target": figure(
            plan,
            donghu,
            "gdp",
            "3000",
            "亿元",
            "3000",
            Indicator.Stance.TARGET,
            2025,
            "2025年地区生产总值目标3000亿元",
            quote_start=5,
            quote_end=22,
        ),
        "donghu_gdp_2024": figure(
            plan,
            donghu,
            "gdp",
            "0.26",
            "万亿元",
            "2600",
            Indicator.Stance.ACHIEVEMENT,
            2024,
            "2024年生产总值0.26万亿元",
            review_state=Indicator.ReviewState.CONFIRMED,
            reviewed_at=timezone.now(),
        ),
        "weihai_firms": figure(
            review,
            weihai,
            "high_tech_enterprises",
            "500",
            "家",
            "500",
            Indicator.Stance.ACHIEVEMENT,
            2024,
            "2024年高企达到500家",
            kind=Indicator.Kind.LEVEL,
        ),
        "weihai_growth": figure(
            review,
            weihai,
            "high_tech_enterprises",
            "12.5",
            "%",
            "12.5",
            Indicator.Stance.ACHIEVEMENT,
            2024,
            "同比增长12.5%",
            kind=Indicator.Kind.GROWTH,
        ),
        "weihai_rejected": figure(
            review,
            weihai,
            "gdp",
            "999",
            "亿元",
            "999",
            Indicator.Stance.ACHIEVEMENT,
            2024,
            "999亿元",
            review_state=Indicator.ReviewState.REJECTED,
            reviewed_at=timezone.now(),
        ),
    }


def ids(body):
    return {row["id"] for row in body["results"]}


def named(figures, *names):
    return {figures[name].pk for name in names}


def test_the_metric_catalogue_lists_codes_units_and_synonyms(api_client, catalogue):
    body = api_client.get("/api/v1/metrics/").json()
    assert [metric["code"] for metric in body["results"]] == ["gdp", "high_tech_enterprises"]
    gdp = body["results"][0]
    assert gdp["unit"] == "亿元" and gdp["synonyms"] == ["GDP", "生产总值"]
    assert gdp["api_url"] == "http://testserver/api/v1/metrics/gdp/"
    assert gdp["page_url"] == "http://testserver" + catalogue["gdp"].get_absolute_url()


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"q": "高企"}, ["high_tech_enterprises"]),
        ({"q": "生产"}, ["gdp"]),
        ({"family": "count"}, ["high_tech_enterprises"]),
    ],
)
def test_metrics_are_found_by_name_or_synonym_and_family(api_client, catalogue, query, expected):
    body = api_client.get("/api/v1/metrics/", query).json()
    assert [metric["code"] for metric in body["results"]] == expected


def test_a_metric_is_found_by_its_code_and_an_unknown_code_is_404(api_client, catalogue):
    assert api_client.get("/api/v1/metrics/gdp/").json()["name_en"] == "Gross regional product"
    missing = api_client.get("/api/v1/metrics/happiness/")
    assert missing.status_code == 404 and missing.json()["error"]["status"] == 404


def test_an_indicator_carries_its_quote_article_links_and_normalised_value(api_client, figures):
    figure = figures["donghu_gdp_2024"]
    body = api_client.get(f"/api/v1/indicators/{figure.pk}/").json()
    assert body["zone"] == "donghu" and body["zone_name"] == "东湖高新区"
    assert body["metric"] == "gdp" and body["metric_name"] == "地区生产总值"
    assert (body["value"], body["unit"]) == ("0.26", "万亿元")
    assert (body["base_value"], body["base_unit"]) == ("2600", "亿元")
    assert body["quote"] == "2024年生产总值0.26万亿元"
    assert body["review_state"] == "confirmed"
    assert body["article"]["id"] == figure.article_id and body["article"]["title"] == "东湖规划"
    assert body["article"]["page_url"] == f"http://testserver/articles/{figure.article_id}/"
    assert body["article"]["api_url"] == f"http://testserver/api/v1/articles/{figure.article_id}/"


def test_a_rate_has_no_value_in_the_metrics_base_unit(api_client, figures):
    growth = figures["weihai_growth"]
    growth.base_value = None
    growth.save()
    body = api_client.get(f"/api/v1/indicators/{growth.pk}/").json()
    assert (body["value"], body["unit"], body["base_value"], body["base_unit"]) == ("12.5", "%", None, None)


def test_rejected_indicators_are_left_out_unless_asked_for(api_client, figures):
    everything_but_rejected = set(named(figures, *figures)) - named(figures, "weihai_rejected")
    assert ids(api_client.get("/api/v1/indicators/").json()) == everything_but_rejected
    rejected = api_client.get("/api/v1/indicators/", {"review_state": "rejected"}).json()
    assert ids(rejected) == named(figures, "weihai_rejected")
    by_id = api_client.get(f"/api/v1/indicators/{figures['weihai_rejected'].pk}/")
    assert by_id.status_code == 200 and by_id.json()["review_state"] == "rejected"


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"zone": "donghu"}, ["donghu_gdp_target", "donghu_gdp_2024"]),
        ({"metric": "high_tech_enterprises"}, ["weihai_firms", "weihai_growth"]),
        ({"kind": "growth"}, ["weihai_growth"]),
        ({"stance": "target"}, ["donghu_gdp_target"]),
        ({"period": "2025年"}, ["donghu_gdp_target"]),
        ({"year": 2024}, ["donghu_gdp_2024", "weihai_firms", "weihai_growth"]),
        ({"province": "山东省"}, ["weihai_firms", "weihai_growth"]),
        ({"review_state": "confirmed"}, ["donghu_gdp_2024"]),
        ({"metric": "gdp", "year": 2024}, ["donghu_gdp_2024"]),
        ({"zone": "weihai", "stance": "target"}, []),
    ],
)
def test_indicators_are_filtered(api_client, figures, query, expected):
    response = api_client.get("/api/v1/indicators/", query)
    assert response.status_code == 200
    assert ids(response.json()) == named(figures, *expected)


def test_indicators_are_filtered_by_article(api_client, figures):
    article = figures["weihai_firms"].article
    body = api_client.get("/api/v1/indicators/", {"article": article.pk}).json()
    assert ids(body) == named(figures, "weihai_firms", "weihai_growth")


@pytest.mark.parametrize("query", [{"zone": "atlantis"}, {"metric": "happiness"}, {"article": "999999"}])
def test_a_filter_naming_nothing_that_exists_is_404_naming_it(api_client, figures, query):
    response = api_client.get("/api/v1/indicators/", query)
    error = response.json()["error"]
    assert response.status_code == 404 and error["code"] == "not_found"
    assert list(error["details"]) == list(query) and error["message"].startswith(f"{next(iter(query))}: ")
    [messages] = error["details"].values()
    assert messages and all(isinstance(message, str) and message for message in messages)


@pytest.mark.parametrize(
    "query, field",
    [
        ({"year": "last"}, "year"),
        ({"year": "2024.5"}, "year"),
        ({"year": "20240"}, "year"),
        ({"kind": "vibe"}, "kind"),
        ({"article": "x"}, "article"),
    ],
)
def test_bad_filter_values_are_refused_with_the_reason(api_client, figures, query, field):
    response = api_client.get("/api/v1/indicators/", query)
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (400, "invalid")
    assert list(error["details"]) == [field] and error["details"][field] and error["details"][field][0]
    assert error["message"].split(" ", 1)[1].startswith(f"{field}: ")


def test_indicators_are_paged_by_cursor_in_id_order(api_client, figures):
    first = api_client.get("/api/v1/indicators/", {"page_size": 2}).json()
    assert "count" not in first and first["previous"] is None
    seen = [row["id"] for row in first["results"]]
    page = first
    while page["next"]:
        page = api_client.get(page["next"]).json()
        seen += [row["id"] for row in page["results"]]
    assert seen == sorted(named(figures, *figures) - named(figures, "weihai_rejected"))


def test_indicators_download_as_csv_with_flattened_article_columns(api_client, figures):
    response = api_client.get("/api/v1/indicators/", {"format": "csv", "zone": "donghu"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["quote"] for row in rows] == ["2025年地区生产总值目标3000亿元", "2024年生产总值0.26万亿元"]
    assert rows[1]["base_value"] == "2600" and rows[1]["base_unit"] == "亿元"
    assert rows[1]["article.title"] == "东湖规划"
    assert rows[1]["article.page_url"].endswith(f"/articles/{figures['donghu_gdp_2024'].article_id}/")


def test_a_bad_filter_in_csv_is_still_refused_with_400(api_client, figures):
    response = api_client.get("/api/v1/indicators/", {"format": "csv", "year": "soon"})
    assert response.status_code == 400


@pytest.mark.parametrize("page_size", [2, 50])
def test_listing_indicators_takes_a_fixed_number_of_queries(
    api_client, unthrottled, figures, django_assert_max_num_queries, page_size
):
    template = figures["weihai_firms"]
    zones = [
        Zone.objects.create(name=f"测试区{n}", short_name=f"测试{n}", slug=f"test-{n}") for n in range(5)
    ]
    articles = [Article.objects.create(raw_text=f"测试报告{n}") for n in range(5)]
    Indicator.objects.bulk_create(
        Indicator(
            article=articles[n % 5],
            zone=zones[n % 5],
            metric=template.metric,
            metric_text="高企",
            value=n,
            unit="家",
            base_value=n,
            quote=f"{n}家",
        )
        for n in range(60)
    )
    with django_assert_max_num_queries(3):
        response = api_client.get(
            "/api/v1/indicators/", {"page_size": page_size, "metric": "high_tech_enterprises"}
        )
    assert len(response.json()["results"]) == page_size


def test_the_comparison_judges_each_zones_target_against_its_result(api_client, figures):
    response = api_client.get("/api/v1/compare/", {"zones": "donghu,weihai", "metrics": "gdp", "year": 2024})
    assert response.status_code == 200
    body = response.json()
    assert (body["year"], body["zones"], body["metrics"]) == (2024, ["donghu", "weihai"], ["gdp"])
    donghu, weihai = body["results"]
    assert (donghu["zone"], donghu["metric"], donghu["kind"]) == ("donghu", "gdp", "level")
    # The 2025 target was set in a 2023 article: a plan over 2023–2025, two thirds of it elapsed by
    # the end of 2024, when 2600 of 3000 亿元 (86.67%) were reached — on track.
    assert (
        donghu["target"]["value"] == "3000" and donghu["target"]["quote"] == "2025年地区生产总值目标3000亿元"
    )
    assert (donghu["achieved"]["value"], donghu["achieved"]["unit"]) == ("0.26", "万亿元")
    assert (donghu["achieved"]["amount"], donghu["achieved"]["amount_unit"]) == ("2600", "亿元")
    assert (donghu["progress"], donghu["gap"], donghu["unit"]) == ("0.8667", "400", "亿元")
    assert Decimal(donghu["elapsed"]) == round(Decimal(731) / Decimal(1096), 4)
    # Target and result come from one report: one source.
    assert donghu["status"] == "on_track" and donghu["sources"] == 1
    target_article = figures["donghu_gdp_target"].article_id
    assert donghu["target"]["page_url"] == (
        f"http://testserver/articles/{target_article}/#indicator-{figures['donghu_gdp_target'].pk}"
    )
    # Weihai's only GDP figure was rejected by an editor: nothing to compare.
    assert weihai["zone"] == "weihai"
    assert weihai["status"] is None and weihai["target"] is None and weihai["achieved"] is None


def test_the_comparison_downloads_as_csv_one_row_per_zone(api_client, figures):
    response = api_client.get(
        "/api/v1/compare/", {"zones": "donghu,weihai", "metrics": "gdp", "year": 2024, "format": "csv"}
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row["zone_name"], row["metric_name"]) for row in rows] == [
        ("东湖高新区", "地区生产总值"),
        ("威海高新区", "地区生产总值"),
    ]
    assert (
        rows[0]["target.quote"] == "2025年地区生产总值目标3000亿元" and rows[0]["achieved.amount"] == "2600"
    )
    # The columns come from the serializer: a zone without figures has the same ones, left empty.
    assert rows[1]["status"] == "" and rows[1]["target.quote"] == "" and rows[1]["achieved.amount"] == ""
    assert "target" not in rows[0]


@pytest.mark.parametrize(
    "query, problem",
    [
        ({"zones": "donghu"}, "2"),
        ({"zones": "donghu,weihai", "year": "soon"}, "soon"),
        ({}, "0"),
        ({"zones": ""}, "0"),
    ],
)
def test_a_comparison_that_cannot_be_made_is_refused_with_the_reason(api_client, figures, query, problem):
    response = api_client.get("/api/v1/compare/", query)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and problem in error["message"]


@pytest.mark.parametrize(
    "query, missing",
    [
        ({"zones": "donghu,atlantis"}, "atlantis"),
        ({"zones": "donghu,weihai", "metrics": "happiness"}, "happiness"),
    ],
)
def test_a_comparison_naming_a_zone_or_metric_that_does_not_exist_is_404(api_client, figures, query, missing):
    response = api_client.get("/api/v1/compare/", query)
    error = response.json()["error"]
    assert response.status_code == 404 and error["code"] == "not_found" and missing in error["message"]


def test_without_metrics_the_comparison_adds_the_words_not_in_the_catalogue(api_client, figures):
    weihai_report = figures["weihai_firms"].article
    Indicator.objects.create(
        article=weihai_report,
        zone=figures["weihai_firms"].zone,
        metric_text="独角兽企业",
        value=3,
        unit="家",
        period_label="2024年",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        quote="独角兽企业3家",
    )
    body = api_client.get("/api/v1/compare/", {"zones": "donghu,weihai", "year": 2024}).json()
    assert body["metrics"] == ["gdp", "high_tech_enterprises"]
    rows = [(row["metric"], row["metric_name"], row["kind"], row["zone"]) for row in body["results"]]
    assert rows[-2:] == [(None, "独角兽企业", "level", "donghu"), (None, "独角兽企业", "level", "weihai")]
    assert body["results"][-1]["achieved"]["value"] == "3" and body["results"][-1]["status"] == "no_target"


def test_the_api_compares_with_the_same_numbers_as_the_compare_page(api_client, client, figures):
    query = {"zones": "weihai,donghu", "year": 2024}
    page = client.get("/compare/", query).context["shown"].comparison
    shown = [
        (
            row.title,
            row.kind,
            cell.zone.slug,
            cell.progress and (cell.progress.status, cell.progress.progress),
        )
        for row in page.rows + page.uncatalogued_rows
        for cell in row.cells
    ]
    served = [
        (
            row["metric_name"],
            row["kind"],
            row["zone"],
            row["status"] and (row["status"], row["progress"] and Decimal(row["progress"])),
        )
        for row in api_client.get("/api/v1/compare/", query).json()["results"]
    ]
    assert served == shown
    assert any(status for *_, status in served)


def test_the_year_filter_counts_a_plan_in_every_year_it_covers(api_client, figures):
    plan = figures["donghu_gdp_target"]
    plan.pk, plan.period_label = None, "十四五"
    plan.period_start, plan.period_end = dt.date(2021, 1, 1), dt.date(2025, 12, 31)
    plan.save()
    in_2022 = api_client.get("/api/v1/indicators/", {"year": 2022}).json()
    assert ids(in_2022) == {plan.pk}
    assert plan.pk in ids(api_client.get("/api/v1/indicators/", {"year": 2024}).json())
    assert plan.pk not in ids(api_client.get("/api/v1/indicators/", {"year": 2026}).json())


def test_blank_search_words_find_every_metric(api_client, catalogue):
    body = api_client.get("/api/v1/metrics/", {"q": "  "}).json()
    assert body["count"] == 2


@pytest.mark.parametrize("page_size", [2, 50])
def test_listing_metrics_takes_a_fixed_number_of_queries(
    api_client, unthrottled, django_assert_max_num_queries, page_size
):
    Metric.objects.bulk_create(
        Metric(
            code=f"metric_{n}", name_zh=f"指标{n}", name_en=f"Metric {n}", unit="家", synonyms=[f"说法{n}"]
        )
        for n in range(60)
    )
    with django_assert_max_num_queries(2):
        response = api_client.get("/api/v1/metrics/", {"page_size": page_size})
    assert len(response.json()["results"]) == page_size


def test_comparing_six_zones_takes_no_more_queries_than_two(api_client, figures):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    template = figures["donghu_gdp_2024"]
    slugs = ["donghu", "weihai"]
    for n in range(4):
        zone = Zone.objects.create(
            name=f"测试高新区{n}", short_name=f"测试{n}", slug=f"test-{n}", province="测试省"
        )
        Indicator.objects.create(
            article=template.article,
            zone=zone,
            metric=template.metric,
            metric_text="地区生产总值",
            value=100 + n,
            unit="亿元",
            base_value=100 + n,
            period_label="2024年",
            period_start=dt.date(2024, 1, 1),
            period_end=dt.date(2024, 12, 31),
            quote=f"生产总值{100 + n}亿元",
        )
        slugs.append(zone.slug)
    with CaptureQueriesContext(connection) as two:
        api_client.get("/api/v1/compare/", {"zones": ",".join(slugs[:2]), "year": 2024})
    with CaptureQueriesContext(connection) as six:
        body = api_client.get("/api/v1/compare/", {"zones": ",".join(slugs), "year": 2024}).json()
    assert len(six) == len(two)
    gdp_results = {row["zone"] for row in body["results"] if row["metric"] == "gdp" and row["achieved"]}
    assert gdp_results == set(slugs) - {"weihai"}


def test_the_indicator_list_writes_each_figure_as_the_indicator_serializer_does(api_client, figures, rf):
    from api.metrics import IndicatorSerializer

    article = figures["weihai_firms"].article
    Indicator.objects.create(
        article=article, metric_text="园区营收", value=Decimal("-0.500000"), unit="%", quote="营收下降0.5%"
    )
    Indicator.objects.create(
        article=article,
        zone=figures["weihai_firms"].zone,
        metric=figures["weihai_firms"].metric,
        metric_text="高企",
        value=Decimal("1E+3"),
        base_value=None,
        quote="1000家",
        derived=True,
        quote_start=3,
        quote_end=7,
    )
    listed = api_client.get("/api/v1/indicators/", {"page_size": 500}).json()["results"]
    request = rf.get("/api/v1/indicators/")
    expected = IndicatorSerializer(
        Indicator.objects.active().select_related("zone", "metric", "article").order_by("id"),
        many=True,
        context={"request": request},
    ).data
    assert len(listed) == len(expected) > 5
    assert listed == json.loads(json.dumps(expected))


@pytest.mark.parametrize("query", [{"metrics": "gdp,high_tech_enterprises", "year": "2024"}, {}])
def test_the_comparison_is_written_as_the_comparison_serializer_does(api_client, figures, rf, query):
    from api.metrics import ComparisonSerializer
    from dashboard.selectors import comparison_selection

    Indicator.objects.create(
        article=figures["weihai_firms"].article,
        zone=figures["weihai_firms"].zone,
        metric_text="园区营收",
        value=Decimal("12.5"),
        unit="亿元",
        period_label="2024",
        quote="园区营收12.5亿元",
    )
    query = {"zones": "donghu,weihai", **query}
    body = api_client.get("/api/v1/compare/", query).json()
    selection = comparison_selection(["donghu,weihai"], [query.get("metrics", "")], query.get("year"))
    comparison = selection.comparison()
    cells = [
        {"row": row, "cell": cell}
        for row in comparison.rows + comparison.uncatalogued_rows
        for cell in row.cells
    ]
    data = {
        "year": comparison.year,
        "zones": [zone.slug for zone in comparison.zones],
        "metrics": [metric.code for metric in comparison.metrics],
        "cells": cells,
    }
    expected = ComparisonSerializer(data, context={"request": rf.get("/api/v1/compare/")}).data
    assert any(cell["target"] for cell in body["results"]) and any(
        cell["target"] is None for cell in body["results"]
    )
    assert body == json.loads(json.dumps(expected))
