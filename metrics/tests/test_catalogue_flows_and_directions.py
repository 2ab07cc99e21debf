"""The shipped catalogue keeps flows apart from stocks, knows the common abbreviations, and says for
each metric whether more or less is better."""

import pytest

from extraction import MetricCatalogue, ZoneGazetteer, extract
from metrics.catalogue import CATALOGUE_FILE, load_catalogue, read_catalogue
from metrics.models import Metric

REPORT = (
    "威海高新区2024年新增高新技术企业420家，高新技术企业总数达到3156家，高企总数突破3000家。"
    "新签约项目35个，在建项目120个。规上企业达到200家，专精特新“小巨人”企业12家，专精特新企业60家。"
    "PM2.5平均浓度下降5%，单位GDP能耗下降3%。"
)


def metric_codes(text: str) -> dict[str, str | None]:
    catalogue = MetricCatalogue.from_csv(CATALOGUE_FILE)
    gazetteer = ZoneGazetteer.from_records([{"name": "威海火炬高技术产业开发区", "short_name": "威海高新区"}])
    found = extract(text, gazetteer=gazetteer, catalogue=catalogue).indicators
    return {figure.metric: figure.metric_code for figure in found}


def test_flows_and_stocks_map_to_different_metrics():
    codes = metric_codes(REPORT)
    assert codes["新增高新技术企业"] == "new_high_tech_enterprises"
    assert codes["高新技术企业总数"] == codes["高企总数"] == "high_tech_enterprises"
    assert codes["新签约项目"] == "signed_projects"
    assert codes["在建项目"] == "projects_under_construction"


def test_abbreviations_and_lower_is_better_metrics_are_recognised():
    codes = metric_codes(REPORT)
    assert codes["规上企业"] == "above_scale_enterprises"
    assert codes["专精特新小巨人企业"] == "little_giants"
    assert codes["专精特新企业"] == "srdi_enterprises"
    assert codes["PM2.5平均浓度"] == "pm25"
    assert codes["单位地区生产总值能耗"] == "energy_intensity"


def test_every_metric_has_a_direction_and_the_lower_ones_are_the_expected():
    rows = read_catalogue()
    assert {row["direction"] for row in rows} == {"higher", "lower"}
    lower = {row["code"] for row in rows if row["direction"] == "lower"}
    assert lower == {"pm25", "energy_intensity", "urban_unemployment", "comprehensive_rank"}


@pytest.mark.django_db
def test_loading_stores_the_direction():
    load_catalogue()
    assert Metric.objects.get(code="pm25").lower_is_better
    assert not Metric.objects.get(code="gdp").lower_is_better
