"""The shipped registry: every file of zones/data merged, one row per zone; the engine's gazetteer
built from it recognises zones by each of their names and the districts run together with them."""

import csv
from collections import Counter

import pytest

from extraction import ZoneGazetteer
from extraction.reference import (
    NATIONAL_ETDZ,
    NATIONAL_HITECH,
    PROVINCIAL_DEVELOPMENT,
    PROVINCIAL_HITECH,
)
from zones.registry import DATA_DIR, REGISTRY_FILES, read_registry, registry_slugs, slug_for


@pytest.fixture(scope="module")
def zones():
    return read_registry().zones


@pytest.fixture(scope="module")
def gazetteer():
    return ZoneGazetteer.from_csv(REGISTRY_FILES)


def by_name(zones, name):
    return next(zone for zone in zones if name in zone["aliases"] or name == zone["name"])


def test_registry_lists_the_national_and_the_gbt_zones_once_each(zones):
    levels = Counter(zone["level"] for zone in zones)
    assert levels[NATIONAL_HITECH] >= 177
    assert levels[NATIONAL_ETDZ] >= 210 and levels[PROVINCIAL_DEVELOPMENT] >= 950
    assert len(zones) >= 1500
    assert len({zone["name"] for zone in zones}) == len(zones)


def test_customs_zones_are_left_out(zones):
    assert not any(zone["name"].endswith(("综合保税区", "出口加工区", "保税港区")) for zone in zones)


def test_zone_in_both_registry_files_is_merged_with_its_stated_level(zones):
    cihu = by_name(zones, "慈湖高新区")
    assert cihu["level"] == NATIONAL_HITECH and cihu["province"] == "安徽省"
    assert "马鞍山慈湖高新区" in cihu["aliases"]


def test_a_zone_upgraded_since_the_standard_keeps_one_identity(zones):
    ningxiang = [zone for zone in zones if "宁乡高新区" in zone["aliases"]]
    assert len(ningxiang) == 1
    assert [(s["level"], s["year"]) for s in ningxiang[0]["history"]] == [
        (PROVINCIAL_HITECH, None),
        (NATIONAL_HITECH, 2022),
    ]
    assert "宁乡高新技术产业园区" in ningxiang[0]["former_names"]


def test_a_renamed_zone_keeps_its_former_name(zones):
    suchu = by_name(zones, "苏滁高新区")
    assert "苏滁现代产业园" in suchu["aliases"] + suchu["former_names"]
    assert [s["year"] for s in suchu["history"]] == [None, 2019]


@pytest.mark.parametrize(
    "official, short_name, names, city",
    [
        (
            "天津经济技术开发区",
            "天津经开区",
            ["天津经开区"],
            "天津市",
        ),  # nothing distinctive after 天津: kept
        (
            "湖南张家界经济开发区",
            "张家界经开区",
            ["张家界经济开发区", "张家界经开区"],
            "张家界市",
        ),  # province dropped
        ("桐乡经济开发区", "桐乡经开区", ["桐乡经济开发区"], "嘉兴市"),  # a county-level city: its prefecture
        ("浏阳高新技术产业开发区", "浏阳高新区", ["浏阳高新区"], "长沙市"),  # 高新技术产业开发区 -> 高新区
        (
            "四川南充潆华高新技术产业园区",
            "南充潆华高新区",
            ["潆华高新区"],
            "南充市",
        ),  # 园区 -> 高新区; city dropped
        ("江苏昆山花桥经济开发区", "昆山花桥经开区", ["花桥经济开发区", "花桥经开区"], "苏州市"),
    ],
)
def test_naming_rules(zones, official, short_name, names, city):
    zone = next(zone for zone in zones if zone["name"] == official)
    assert zone["short_name"] == short_name
    assert set(names) <= set(zone["aliases"])
    assert zone["city"] == city


def test_a_short_name_two_zones_of_one_level_share_is_neither_zones(zones):
    owners = Counter(name for zone in zones for name in zone["aliases"])
    assert max(owners.values()) == 1


def district_rows():
    with open(DATA_DIR / "zone_districts.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_district_row_names_a_registry_zone_and_a_source(zones):
    names = {zone["name"] for zone in zones}
    for row in district_rows():
        assert row["zone"] in names and row["source"]


@pytest.mark.parametrize("district, zone", [(row["district"], row["zone"]) for row in district_rows()])
def test_a_report_of_a_district_is_its_zones(gazetteer, district, zone):
    short_name = gazetteer.record(zone).short_name
    text = f"今年以来，{district}实现规模以上工业总产值320亿元，同比增长6.5%。"
    assert [(p.name, p.registered) for p in gazetteer.find_places(text) if p.scope == "zone"] == [
        (short_name, True)
    ]


@pytest.mark.parametrize(
    "text, zone",
    [
        ("张家界经开区一季度完成固定资产投资12亿元。", "张家界经开区"),
        ("湖南张家界经济开发区一季度完成固定资产投资12亿元。", "张家界经开区"),
        ("宁乡高新技术产业园区去年实现技工贸总收入800亿元。", "宁乡高新区"),  # its name before 2022
        ("花桥经济开发区地区生产总值约290亿元。", "昆山花桥经开区"),
    ],
)
def test_the_gazetteer_finds_zones_by_their_names_of_any_time(gazetteer, text, zone):
    assert [p.name for p in gazetteer.find_places(text) if p.scope == "zone"] == [zone]


@pytest.mark.parametrize(
    "text, zone",
    [
        ("醴陵陶瓷产业基地去年产值增长12%。", "醴陵陶瓷产业基地"),  # 醴陵: a county-level city of 株洲市
        ("攸县工业园区去年产值增长12%。", "攸县工业园区"),
    ],
)
def test_an_unregistered_zone_after_a_county_is_recognised_and_tied_to_its_city(gazetteer, text, zone):
    assert [(p.name, p.registered) for p in gazetteer.find_places(text) if p.scope == "zone"] == [
        (zone, False)
    ]
    assert gazetteer.home_of(zone).city == "株洲市"


def test_slug_is_ascii_pinyin_without_the_generic_suffix():
    assert slug_for("威海高新区") == "weihai"
    assert slug_for("南太湖新区") == "nantaihuxinqu"
    assert slug_for("高新区") == "gaoxinqu"


def test_slugs_are_unique_and_national_zones_keep_theirs(zones):
    slugs = registry_slugs(zones)
    assert len(set(slugs.values())) == len(zones)
    assert slugs["威海火炬高技术产业开发区"] == "weihai"
    fuzhou = {
        z["city"]: slugs[z["name"]]
        for z in zones
        if z["level"] == NATIONAL_HITECH and z["city"] in ("福州市", "抚州市")
    }
    assert fuzhou["福州市"] != fuzhou["抚州市"]
