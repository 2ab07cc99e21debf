"""The document frame on the editors' pages: the upload page shows what the engine read the report to
be, the review page lets an editor correct it, and a correction outlives re-extraction."""

import pytest
from django.urls import reverse

from articles.models import Article
from articles.services import ArticleInput
from ingestion.services import ingest_report, reextract_article
from review.services import correct_indicator
from zones.models import Zone

pytestmark = pytest.mark.django_db

UPLOAD = reverse("review:upload")
# A year-end summary that names its zone and its kind in the headline, and no year anywhere.
SUMMARY = "洛阳高新区工作总结\n\n全区实现营业收入120亿元,同比增长8%。\n"


@pytest.fixture
def editor(client_of):
    return client_of("editor", editor=True)


def periods(article) -> set[str]:
    return set(article.indicators.values_list("period_label", flat=True))


def test_the_upload_page_shows_the_frame_the_engine_read(editor, registry):
    form = editor.post(UPLOAD, {"text": SUMMARY}).context["form"]
    assert form.initial["report_kind"] == Article.ReportKind.SUMMARY
    assert [zone.short_name for zone in form.initial["zones"]] == ["洛阳高新区"]
    html = editor.post(UPLOAD, {"text": SUMMARY}).content.decode()
    assert 'name="report_kind"' in html and 'name="initial-report_kind"' in html


def test_a_frame_accepted_as_read_is_not_pinned_and_a_changed_one_is(editor, registry):
    accepted = {"text": SUMMARY, "published_on": "2024-01-20", "confirmed": "on"}
    accepted |= {"report_kind": "summary", "initial-report_kind": "summary"}
    editor.post(UPLOAD, accepted)
    assert Article.objects.get().frame_corrections == {}

    Article.objects.all().delete()
    corrected = {**accepted, "reported_year": "2022", "initial-reported_year": ""}
    editor.post(UPLOAD, corrected)
    article = Article.objects.get()
    assert article.frame_corrections == {"reported_year": 2022}
    assert article.frame["reported_year"] == 2022
    assert periods(article) == {"2022"}


def test_an_editors_frame_correction_reextracts_keeps_reviewed_figures_and_outlives_reextraction(
    editor, registry, django_user_model
):
    article = ingest_report(ArticleInput(text=SUMMARY, published_on=None))
    reviewer = django_user_model.objects.create_user("reviewer")
    growth = article.indicators.get(value=8)
    correct_indicator(growth.pk, version=growth.version, user=reviewer, period_label="2021")

    response = editor.post(
        reverse("review:frame", args=[article.pk]), {"reported_year": "2022", "zone": "郑州高新区"}
    )

    assert response.status_code == 302
    article.refresh_from_db()
    zhengzhou = Zone.objects.get(short_name="郑州高新区")
    assert article.frame_corrections == {"reported_year": 2022, "zones": ["郑州高新区"]}
    assert article.indicators.get(value=120).period_label == "2022"
    assert article.indicators.get(value=8).period_label == "2021"  # the editor's figure, untouched
    reextract_article(article)
    assert article.indicators.get(value=120).period_label == "2022"
    assert zhengzhou.short_name in article.frame["zones"]


def test_emptying_the_frame_form_gives_the_frame_back_to_the_engine(editor, registry):
    article = ingest_report(ArticleInput(text=SUMMARY, frame_corrections={"reported_year": 2022}))
    editor.post(
        reverse("review:frame", args=[article.pk]), {"reported_year": "", "zone": "", "report_kind": ""}
    )
    article.refresh_from_db()
    assert article.frame_corrections == {}
    assert "2022" not in periods(article)


def test_a_frame_correction_the_engine_fails_on_saves_nothing(editor, registry, monkeypatch):
    article = ingest_report(ArticleInput(text=SUMMARY))
    before = sorted(article.indicators.values_list("pk", flat=True))

    def broken_engine(*args, **kwargs):
        raise KeyError("engine bug")

    monkeypatch.setattr("ingestion.services.extract", broken_engine)
    page = editor.post(reverse("review:frame", args=[article.pk]), {"reported_year": "2022"}, follow=True)

    assert "could not be extracted (KeyError)" in page.content.decode()
    article.refresh_from_db()
    assert article.frame_corrections == {} and article.status == Article.Status.EXTRACTED
    assert sorted(article.indicators.values_list("pk", flat=True)) == before


def test_a_frame_correction_naming_no_known_zone_is_refused_in_its_field(editor, registry):
    article = ingest_report(ArticleInput(text=SUMMARY))
    response = editor.post(reverse("review:frame", args=[article.pk]), {"zone": "不存在高新区"})
    assert response.status_code == 400
    assert "不存在高新区" in response.content.decode()
    article.refresh_from_db()
    assert article.frame_corrections == {}
