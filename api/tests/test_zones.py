import csv
import io

import pytest

from zones.models import Zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def zones(db):
    return {
        zone.slug: zone
        for zone in [
            Zone.objects.create(
                name="武汉东湖新技术开发区",
                short_name="东湖高新区",
                slug="wuhan-donghu",
                province="湖北省",
                city="武汉市",
                level=Zone.Level.NATIONAL_HITECH,
                aliases=["光谷", "中国光谷"],
                verified=True,
            ),
            Zone.objects.create(
                name="襄阳高新技术产业开发区",
                short_name="襄阳高新区",
                slug="xiangyang",
                province="湖北省",
                city="襄阳市",
                level=Zone.Level.NATIONAL_HITECH,
                verified=True,
            ),
            Zone.objects.create(
                name="威海火炬高技术产业开发区",
                short_name="威海高新区",
                slug="weihai",
                province="山东省",
                city="威海市",
                level=Zone.Level.NATIONAL_HITECH,
                aliases=["威海火炬高新区"],
                verified=True,
            ),
            Zone.objects.create(
                name="某某省级高新区",
                short_name="某某高新区",
                slug="moumou",
                province="山东省",
                level=Zone.Level.PROVINCIAL_HITECH,
            ),
        ]
    }


def slugs(body):
    return [zone["slug"] for zone in body["results"]]


def test_zones_are_listed_by_province_then_short_name_with_links(api_client, zones):
    response = api_client.get("/api/v1/zones/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    ordered = sorted(zones.values(), key=lambda z: (z.province, z.short_name, z.slug))
    assert slugs(body) == [zone.slug for zone in ordered]
    donghu = next(zone for zone in body["results"] if zone["slug"] == "wuhan-donghu")
    assert donghu["aliases"] == ["光谷", "中国光谷"]
    assert donghu["api_url"] == "http://testserver/api/v1/zones/wuhan-donghu/"
    assert donghu["page_url"] == "http://testserver" + zones["wuhan-donghu"].get_absolute_url()


def test_zones_are_paged_with_a_chosen_page_size(api_client, zones):
    first = api_client.get("/api/v1/zones/", {"page_size": 3}).json()
    second = api_client.get(first["next"]).json()
    assert len(first["results"]) == 3 and len(second["results"]) == 1
    assert second["next"] is None
    assert set(slugs(first) + slugs(second)) == set(zones)


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"province": "湖北省"}, {"wuhan-donghu", "xiangyang"}),
        ({"level": "provincial-hitech"}, {"moumou"}),
        ({"q": "光谷"}, {"wuhan-donghu"}),
        ({"q": "威海火炬高新区"}, {"weihai"}),
        ({"q": "襄阳"}, {"xiangyang"}),
        ({"verified": "false"}, {"moumou"}),
        ({"province": "山东省", "level": "national-hitech"}, {"weihai"}),
        ({"province": "西藏自治区"}, set()),
    ],
)
def test_zones_are_filtered(api_client, zones, query, expected):
    response = api_client.get("/api/v1/zones/", query)
    assert response.status_code == 200
    assert set(slugs(response.json())) == expected


def test_an_unknown_level_is_refused_with_the_reason(api_client, zones):
    response = api_client.get("/api/v1/zones/", {"level": "galactic"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid"
    assert "level" in error["details"] and "level" in error["message"]


def test_a_zone_is_found_by_its_slug(api_client, zones):
    response = api_client.get("/api/v1/zones/weihai/")
    assert response.status_code == 200
    assert response.json()["name"] == "威海火炬高技术产业开发区"


def test_an_unknown_slug_is_404_in_the_error_shape(api_client, zones):
    response = api_client.get("/api/v1/zones/atlantis/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_zones_download_as_csv_that_excel_reads_as_utf8(api_client, zones):
    response = api_client.get("/api/v1/zones/", {"format": "csv", "province": "湖北省"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["short_name"] for row in rows] == ["东湖高新区", "襄阳高新区"]
    assert rows[0]["aliases"] == "光谷; 中国光谷"
    # The addresses in the file lead to JSON detail pages, which serve no CSV.
    assert rows[0]["api_url"] == "http://testserver/api/v1/zones/wuhan-donghu/"


@pytest.mark.parametrize("page_size", [2, 50])
def test_listing_zones_takes_a_fixed_number_of_queries(
    api_client, unthrottled, django_assert_max_num_queries, page_size
):
    for number in range(60):
        Zone.objects.create(
            name=f"测试高新区{number}", short_name=f"测试{number}", slug=f"test-{number}", province="测试省"
        )
    with django_assert_max_num_queries(2):
        response = api_client.get("/api/v1/zones/", {"page_size": page_size})
    assert len(response.json()["results"]) == page_size


@pytest.mark.parametrize(
    "query, short_name",
    [
        ("天津经开区", "天津经开区"),
        ("张家界经开区", "张家界经开区"),
        ("桐乡经济开发区", "桐乡经开区"),
        ("浏阳高新区", "浏阳高新区"),
        ("滨江区", "杭州高新区"),  # districts run together with a national zone
        ("新北区", "常州高新区"),
        ("虎丘区", "苏州高新区"),
    ],
)
@pytest.mark.parametrize("parameter", ["search", "q"])
def test_search_finds_any_zone_of_the_registry_first(api_client, registry, parameter, query, short_name):
    response = api_client.get("/api/v1/zones/", {parameter: query})
    assert response.status_code == 200
    assert response.json()["results"][0]["short_name"] == short_name


def test_a_zone_shows_its_former_names_and_districts(api_client, registry):
    hangzhou = api_client.get("/api/v1/zones/", {"search": "滨江区"}).json()["results"][0]
    assert hangzhou["districts"] == ["滨江区"] and hangzhou["gbt_code"] == "33103001"
    ningxiang = api_client.get("/api/v1/zones/", {"search": "宁乡高新区"}).json()["results"][0]
    assert "宁乡高新技术产业园区" in ningxiang["former_names"]


def test_listing_and_searching_the_whole_registry_takes_a_fixed_number_of_queries(
    api_client, unthrottled, registry, django_assert_max_num_queries
):
    for params in ({}, {"search": "高新区"}, {"level": "provincial-development", "page": 3}):
        with django_assert_max_num_queries(2):
            assert api_client.get("/api/v1/zones/", params).status_code == 200
