"""Fixtures for the extraction engine's tests: plain Python, no database.

The engine must run without Django, so these tests only build a small
gazetteer and catalogue of their own."""

import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # when run with -p no:django from elsewhere
    sys.path.insert(0, str(PROJECT_ROOT))

from extraction import MetricCatalogue, ZoneGazetteer  # noqa: E402

ZONES = [
    {
        "name": "宝鸡高新技术产业开发区",
        "short_name": "宝鸡高新区",
        "aliases": ["宝鸡高新区", "宝鸡国家高新区"],
        "city": "宝鸡市",
        "province": "陕西省",
        "level": "national",
    },
    {
        "name": "洛阳高新技术产业开发区",
        "short_name": "洛阳高新区",
        "aliases": ["洛阳高新区"],
        "city": "洛阳市",
        "province": "河南省",
        "level": "national",
    },
    {
        "name": "郑州高新技术产业开发区",
        "short_name": "郑州高新区",
        "aliases": ["郑州高新区"],
        "city": "郑州市",
        "province": "河南省",
        "level": "national",
    },
    {
        "name": "苏州工业园区",
        "short_name": "苏州工业园区",
        "aliases": [],
        "city": "苏州市",
        "province": "江苏省",
        "level": "national",
    },
]
METRICS = [
    {
        "code": "revenue",
        "name_zh": "营业收入",
        "unit": "亿元",
        "family": "money",
        "synonyms": ["营业收入", "营收"],
    },
    {
        "code": "gdp",
        "name_zh": "地区生产总值",
        "unit": "亿元",
        "family": "money",
        "synonyms": ["GDP", "生产总值"],
    },
    {
        "code": "fai",
        "name_zh": "固定资产投资",
        "unit": "亿元",
        "family": "money",
        "synonyms": ["固定资产投资"],
    },
    {
        "code": "hte",
        "name_zh": "高新技术企业",
        "unit": "家",
        "family": "count",
        "synonyms": ["高新技术企业", "高企"],
    },
    {
        "code": "rd_intensity",
        "name_zh": "研发投入强度",
        "unit": "%",
        "family": "share",
        "synonyms": ["研发投入强度"],
    },
    {"code": "rank", "name_zh": "综合排名", "unit": "位", "family": "rank", "synonyms": ["综合排名"]},
    {"code": "land", "name_zh": "盘活低效用地", "unit": "亩", "family": "area", "synonyms": ["低效用地"]},
]


@pytest.fixture(scope="session")
def gazetteer():
    return ZoneGazetteer.from_records(ZONES)


@pytest.fixture(scope="session")
def catalogue():
    return MetricCatalogue.from_records(METRICS)


@pytest.fixture(scope="session")
def run(gazetteer, catalogue):
    """run(text, **options) -> ExtractionResult with the test registry."""
    from extraction import extract

    def _run(text, **options):
        return extract(text, gazetteer=gazetteer, catalogue=catalogue, **options)

    return _run
