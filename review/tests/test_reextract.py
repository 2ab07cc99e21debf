"""Re-extraction replaces what the engine found and keeps what editors decided: confirmed,
corrected, rejected and added figures."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.services import ArticleInput
from ingestion import services
from ingestion.services import extract_article, ingest_report, reextract_article
from metrics.models import Indicator
from review.services import correct_indicator, reject_indicator

pytestmark = pytest.mark.django_db

REPORT = "威海高新区2024年完成地区生产总值300亿元，同比增长8.5%。高新技术企业达到320家。"


@pytest.fixture
def article(registry):
    return ingest_report(ArticleInput(text=REPORT))


def figure(article, value) -> Indicator:
    return article.indicators.get(value=value)


def fields(indicator) -> tuple:
    return (
        indicator.pk,
        indicator.value,
        indicator.unit,
        indicator.zone_id,
        indicator.metric_id,
        indicator.kind,
        indicator.stance,
        indicator.period_label,
        indicator.review_state,
        indicator.version,
    )


def test_reextraction_keeps_corrected_and_rejected_figures_and_does_not_add_them_again(
    article, django_user_model
):
    editor = django_user_model.objects.create_user("editor")
    engine_count = article.indicators.count()
    corrected = correct_indicator(
        figure(article, 300).pk, version=1, user=editor, value=Decimal("310"), period_label="2023"
    )
    rejected = reject_indicator(figure(article, Decimal("8.5")).pk, version=1, user=editor)
    automatic_before = set(article.indicators.automatic().values_list("extraction_key", flat=True))

    extract_article(article)

    corrected_after = Indicator.objects.get(pk=corrected.pk)
    assert fields(corrected_after) == fields(corrected)
    assert Indicator.objects.get(pk=rejected.pk).review_state == "rejected"
    # The engine still finds 300 and 8.5; they are not added beside the editor's versions.
    assert not article.indicators.filter(value=300).exists()
    assert article.indicators.filter(value=Decimal("8.5")).count() == 1
    assert article.indicators.count() == engine_count
    assert set(article.indicators.automatic().values_list("extraction_key", flat=True)) == automatic_before


def test_the_command_and_the_button_reextract(article, client_of, capsys):
    automatic = figure(article, 320)
    call_command("reextract", str(article.pk), verbosity=0)
    assert "Extracted 1 articles" in capsys.readouterr().out
    assert not Indicator.objects.filter(pk=automatic.pk).exists()
    assert figure(article, 320).review_state == "auto"

    response = client_of("editor", editor=True).post(reverse("review:reextract", args=[article.pk]))
    assert response.status_code == 302
    assert article.indicators.filter(value=320).count() == 1


def test_the_command_refuses_unknown_articles_or_no_choice(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No such article: 999"):
        call_command("reextract", "999")
    with pytest.raises(CommandError):
        call_command("reextract")


def test_an_engine_failure_is_reported_on_the_article_and_the_rest_goes_on(
    article, client_of, capsys, monkeypatch
):
    other = ingest_report(ArticleInput(text="潍坊高新区2024年完成固定资产投资85亿元。"))
    kept = sorted(article.indicators.values_list("pk", flat=True))

    def fails_on_weihai(target, **options):
        if "威海" in target.raw_text:
            raise KeyError("engine bug")
        return real_extract(target, **options)

    real_extract = services.extract_article
    monkeypatch.setattr(services, "extract_article", fails_on_weihai)
    call_command("reextract", "--all", "--now", verbosity=0)
    out, err = capsys.readouterr()
    assert "Extracted 1 articles" in out and "failed 1" in out and f"#{article.pk}: KeyError" in err
    article.refresh_from_db()
    assert article.status == "failed"
    assert sorted(article.indicators.values_list("pk", flat=True)) == kept  # rolled back, not half-replaced
    assert other.indicators.exists()

    page = client_of("editor", editor=True).post(reverse("review:reextract", args=[article.pk]), follow=True)
    assert "could not be extracted (KeyError)" in page.content.decode()


def test_reextraction_keeps_the_uploaders_zone_for_figures_that_name_none(registry):
    from zones.models import Zone

    weihai = Zone.objects.get(slug="weihai")
    article = ingest_report(
        ArticleInput(text="2024年，全区实现地区生产总值333亿元。高新技术企业达到222家。", zones=[weihai])
    )
    assert set(article.indicators.values_list("zone", flat=True)) == {weihai.pk}
    reextract_article(article)
    assert set(article.indicators.values_list("zone", flat=True)) == {weihai.pk}
