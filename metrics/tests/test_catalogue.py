import pytest

from metrics.catalogue import load_catalogue, read_catalogue
from metrics.models import Metric

pytestmark = pytest.mark.django_db


def test_catalogue_file_has_unique_codes_and_known_families():
    rows = read_catalogue()
    assert len(rows) >= 42
    assert len({r["code"] for r in rows}) == len(rows)
    assert {r["family"] for r in rows} <= set(Metric.Family.values)


def test_loading_twice_changes_nothing_and_keeps_editor_synonyms():
    created, updated = load_catalogue()
    assert created >= 42 and updated == 0
    gdp = Metric.objects.get(code="gdp")
    assert gdp.add_synonym("园区GDP")
    gdp.save()
    assert load_catalogue() == (0, 0)
    assert "园区GDP" in Metric.objects.get(code="gdp").synonyms


def test_a_synonym_is_added_once():
    metric = Metric(code="x", name_zh="研发投入", name_en="R&D", unit="亿元", synonyms=["研发经费"])
    assert not metric.add_synonym("研发经费")
    assert not metric.add_synonym("研发投入")
    assert not metric.add_synonym("  ")
    assert metric.add_synonym(" 研发支出 ")
    assert metric.synonyms == ["研发经费", "研发支出"]
