from datetime import date

import pytest

from articles.models import Article
from articles.services import ArticleInput
from factories import make_indicator
from ingestion.services import extract_article, ingest_report
from metrics.models import Indicator
from zones.models import Zone

pytestmark = pytest.mark.django_db

REPORT = """来源:示例日报 2024-01-15
威海高新区2023年工作总结
2023年,威海高新区完成地区生产总值420亿元,同比增长6.5%。全市地区生产总值3500亿元。
2024年,威海高新区力争高新技术企业达到300家。
"""


def test_import_stores_indicators_linked_to_zone_metric_and_quote(registry):
    article = ingest_report(ArticleInput(text=REPORT))
    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED
    assert article.published_on == date(2024, 1, 15)
    assert article.source_name == "示例日报"
    weihai = Zone.objects.get(short_name="威海高新区")
    assert list(article.zones.all()) == [weihai]

    gdp = article.indicators.get(zone=weihai, metric__code="gdp", kind="level")
    assert (gdp.value, gdp.unit, gdp.stance, gdp.period_label) == (420, "亿元", "achievement", "2023")
    assert gdp.base_value == 420
    for indicator in article.indicators.all():
        assert article.raw_text[indicator.quote_start : indicator.quote_end] == indicator.quote

    target = article.indicators.get(metric__code="high_tech_enterprises")
    assert (target.value, target.stance, target.period_label, target.zone) == (300, "target", "2024", weihai)


def test_city_figures_are_kept_apart_from_the_zone(registry):
    article = ingest_report(ArticleInput(text=REPORT))
    city = article.indicators.get(value=3500)
    assert city.scope == Indicator.Scope.CITY and city.zone is None


def test_a_zone_outside_the_registry_is_created_unverified(registry):
    article = ingest_report(
        ArticleInput(
            text="青岛某某经济技术开发区2023年完成固定资产投资85亿元。", published_on=date(2024, 1, 10)
        )
    )
    zone = article.indicators.get().zone
    assert zone.short_name == "青岛某某经开区" and not zone.verified and not zone.in_registry


def test_the_uploaders_zone_is_used_when_the_report_names_none(registry):
    article = ingest_report(
        ArticleInput(text="高新区2023年完成固定资产投资85亿元。", published_on=date(2024, 1, 10)),
        default_zone="威海高新区",
    )
    assert article.indicators.get().zone.short_name == "威海高新区"


def test_reextraction_replaces_automatic_indicators(registry):
    article = ingest_report(ArticleInput(text=REPORT))
    before = sorted(article.indicators.values_list("quote", "value"))
    extract_article(article)
    extract_article(article)
    assert sorted(article.indicators.values_list("quote", "value")) == before


def test_a_failing_extraction_stores_nothing(registry, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("engine failure")

    monkeypatch.setattr("ingestion.services.extract", broken)
    with pytest.raises(RuntimeError):
        ingest_report(ArticleInput(text=REPORT))
    assert not Article.objects.exists()


def test_reextraction_keeps_the_zones_the_uploader_named(registry):
    article = ingest_report(ArticleInput(text=REPORT))
    kunming = Zone.objects.get(short_name="昆明高新区")
    article.zones.add(kunming)
    extract_article(article)
    assert set(article.zones.values_list("short_name", flat=True)) == {"威海高新区", "昆明高新区"}


def test_a_figure_an_editor_added_is_not_added_again_by_the_engine(registry):
    article = ingest_report(ArticleInput(text=REPORT))
    automatic = article.indicators.get(value=300)
    automatic.delete()  # as if the engine had missed it
    make_indicator(  # as review's add_indicator stores it: an editor's figure, without an extraction key
        article,
        quote="高新技术企业达到300家",
        zone=automatic.zone,
        metric_text="高新技术企业",
        value=300,
        unit="家",
        stance=Indicator.Stance.TARGET,
        reviewed=True,
        review_state=Indicator.ReviewState.CORRECTED,
        extraction_key="",
    )
    extract_article(article)
    assert article.indicators.filter(value=300).count() == 1
    assert article.indicators.get(value=300).review_state == Indicator.ReviewState.CORRECTED


def test_the_frame_the_engine_read_is_stored_and_corrections_are_given_to_it(registry):
    summary = "洛阳高新区工作总结\n\n全区实现营业收入120亿元,同比增长8%。\n"
    read = ingest_report(ArticleInput(text=summary))
    assert (read.frame["kind"], read.frame["zones"]) == ("summary", ["洛阳高新区"])
    Article.objects.all().delete()

    corrected = ingest_report(ArticleInput(text=summary, frame_corrections={"reported_year": 2019}))
    assert corrected.frame["reported_year"] == 2019
    assert set(corrected.indicators.values_list("period_label", flat=True)) == {"2019"}
