import csv

from extraction import ZoneGazetteer
from extraction.reference import read_zone_rows


def _zones(gazetteer, text):
    return [(p.name, p.registered, p.subject) for p in gazetteer.find_places(text) if p.scope == "zone"]


def test_registered_zone_by_full_name_and_alias(gazetteer):
    text = "洛阳高新技术产业开发区召开会议。会上介绍了宝鸡国家高新区的经验。"
    assert _zones(gazetteer, text) == [("洛阳高新区", True, True), ("宝鸡高新区", True, False)]


def test_unregistered_zone_starting_with_a_known_place(gazetteer):
    places = _zones(gazetteer, "今年,郑州航空港经济综合实验区外,洛阳伊滨经济技术开发区实现营收。")
    assert ("洛阳伊滨经开区", False, True) in places


def test_generic_mentions_are_not_zones(gazetteer):
    assert _zones(gazetteer, "全省高新区和国家高新区都在发展,本开发区也一样。") == []


def test_a_zone_after_a_verb_is_not_the_subject(gazetteer):
    assert _zones(gazetteer, "开发区主动对标苏州工业园区。") == [("苏州工业园区", True, False)]


def test_city_and_province_subjects(gazetteer):
    places = [
        (p.name, p.scope, p.subject) for p in gazetteer.find_places("洛阳市生产总值增长5%,全省排名第二。")
    ]
    assert places[0] == ("洛阳市", "city", True)
    assert not any(scope == "province" and subject for _, scope, subject in places)  # 全省排名: a frame


def test_city_institutions_are_not_the_city(gazetteer):
    places = [p.scope for p in gazetteer.find_places("在洛阳市委领导下,洛阳高新区实现营收。")]
    assert "city" not in places


def test_group_of_zones(gazetteer):
    scopes = [(p.scope, p.subject) for p in gazetteer.find_places("全国178家国家高新区营业收入增长。")]
    assert scopes == [("national", True)]


def test_alias_that_is_a_substring_of_a_longer_name():
    gazetteer = ZoneGazetteer.from_records(
        [
            {
                "name": "甲高新区",
                "short_name": "甲高新区",
                "aliases": ["甲高新区"],
                "city": "甲市",
                "province": "乙省",
            },
            {
                "name": "乙甲高新区",
                "short_name": "乙甲高新区",
                "aliases": ["乙甲高新区"],
                "city": "乙市",
                "province": "乙省",
            },
        ]
    )
    assert [p.name for p in gazetteer.find_places("乙甲高新区营收增长") if p.scope == "zone"] == [
        "乙甲高新区"
    ]


def test_records_may_be_objects_with_missing_fields():
    class Zone:
        name, short_name, aliases, city, province, level = "丙高新区", "", None, "丙市", "丁省", None

    gazetteer = ZoneGazetteer.from_records([Zone()])
    assert gazetteer.record("丙高新区").short_name == "丙高新区"


def test_read_zone_rows(tmp_path):
    path = tmp_path / "zones.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "short_name", "province", "city", "approved_year", "aliases", "source"])
        writer.writerow(
            ["戊高新技术产业开发区", "戊高新区", "己省", "戊市", "2010", "戊高新区|戊国家高新区", "x"]
        )
    rows = read_zone_rows(path)
    assert rows[0]["aliases"] == ["戊高新区", "戊国家高新区"]
    gazetteer = ZoneGazetteer.from_csv([path])
    assert [p.name for p in gazetteer.find_places("戊国家高新区营收")] == ["戊高新区"]


def test_city_prefixed_names_map_to_the_registry(gazetteer):
    assert _zones(gazetteer, "洛阳市高新区今年营收增长。") == [("洛阳高新区", True, True)]


def test_zone_with_an_unknown_place_named_in_the_headline(gazetteer):
    text = "射洪经开区:一季度开门红\n今年一季度,射洪经开区实现营收56亿元。推进射洪新区建设。"
    assert [(p.name, p.registered) for p in gazetteer.find_places(text) if p.scope == "zone"] == [
        ("射洪经开区", False),
        ("射洪经开区", False),
    ]


def test_headline_descriptions_are_not_zones(gazetteer):
    for text in ("多地高新区部署新年工作\n正文", "全省高新区创新发展\n正文", "推进新区建设\n正文"):
        assert [p for p in gazetteer.find_places(text) if p.scope == "zone"] == []


def test_zone_after_a_year_opener_is_the_subject(gazetteer):
    assert _zones(gazetteer, "2023年以来,洛阳高新区营收增长。截至2023年底,郑州高新区企业达到500家。") == [
        ("洛阳高新区", True, True),
        ("郑州高新区", True, True),
    ]
