"""The batch path (ingest_reports, queue_reports, import_articles --jobs): the same outcome as storing
the reports one by one, a failing report costing the others nothing, and a bounded number of queries."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from procrastinate.contrib.django.models import ProcrastinateJob

from articles.models import Article
from articles.services import ArticleInput, DuplicateArticle, EmptyArticle
from ingestion import services
from ingestion.services import ExtractionFailed, ExtractionOverTime, ingest_report, ingest_reports
from ingestion.tasks import EXTRACTION_TASK, queue_report, queue_reports
from metrics.models import Indicator
from zones.models import Zone

pytestmark = pytest.mark.django_db

WEIHAI = "2023年,威海高新区完成地区生产总值420亿元,同比增长6.5%。2024年力争高新技术企业达到300家。"
KUNMING = "昆明高新区2023年实现营业收入1200亿元，规上工业增加值增长9%。"
NEW_ZONE = "青岛某某经济技术开发区2023年完成固定资产投资85亿元。"
NEW_ZONE_AGAIN = "青岛某某经开区2024年目标固定资产投资100亿元。威海高新区新增高新技术企业40家。"
NO_ZONE = "高新区2023年完成固定资产投资85亿元。"
ENGINE_FAILS = "洛阳高新区2023年营业收入100亿元。（引擎在此出错）"
OVER_TIME = "洛阳高新区2023年营业收入200亿元。（超时）"


def reports(weihai) -> list[ArticleInput]:
    """A mix: good reports (one naming a zone never seen, then one naming it again), a report
    stored before, a repeat within the batch, an empty one, one the engine fails on, one over
    time, one with the uploader's zone for figures that name none."""
    return [
        ArticleInput(text=WEIHAI, title="威海", published_on=date(2024, 1, 15)),
        ArticleInput(text="已经入库的报告：" + KUNMING),
        ArticleInput(text=NEW_ZONE, published_on=date(2024, 1, 10)),
        ArticleInput(text=WEIHAI + "\n", original_filename="copy.txt"),  # the same wording: a duplicate
        ArticleInput(text="  \n"),
        ArticleInput(text=ENGINE_FAILS),
        ArticleInput(text=NEW_ZONE_AGAIN, published_on=date(2024, 2, 1)),
        ArticleInput(text=OVER_TIME),
        ArticleInput(text=NO_ZONE, zones=[weihai], published_on=date(2024, 3, 1)),
        ArticleInput(text=KUNMING, frame_corrections={"reported_year": 2022}),
    ]


@pytest.fixture
def failing_engine(monkeypatch):
    real_read = services.read_figures

    def read(article, *args):
        if "引擎在此出错" in article.raw_text:
            raise ZeroDivisionError("engine bug")
        if "超时" in article.raw_text:
            services.time_budget(-1)()  # past the budget: raises ExtractionOverTime
        return real_read(article, *args)

    monkeypatch.setattr(services, "read_figures", read)


def outcome_of(outcome) -> tuple:
    """An outcome without ids: the stored article's text, or the refusal (a duplicate: of which text)."""
    if isinstance(outcome, Article):
        return ("stored", outcome.raw_text)
    if isinstance(outcome, DuplicateArticle):
        return ("duplicate", outcome.existing.raw_text)
    return (outcome.__class__.__name__, str(outcome).split(" after ")[0])


def stored_state() -> dict:
    """Everything stored, without ids: articles, their zone links, indicators, zones made by reports."""
    articles = {
        article.raw_text: (
            article.title,
            article.source_name,
            article.published_on,
            article.status,
            article.status_message,
            article.frame,
            article.text,
            article.frame_corrections,
            article.original_filename,
            sorted(article.zones.values_list("name", flat=True)),
        )
        for article in Article.objects.all()
    }
    indicators = sorted(
        Indicator.objects.values_list(
            "article__raw_text", "zone__name", "scope", "place", "metric__code", "metric_text", "value",
            "unit", "base_value", "kind", "stance", "period_label", "period_start", "period_end",
            "qualifier", "quote", "quote_start", "quote_end", "derived", "review_state", "extraction_key",
        ),
        key=repr,
    )  # fmt: skip
    zones = sorted(
        Zone.objects.filter(in_registry=False).values_list("name", "short_name", "level", "city", "province")
    )
    return {"articles": articles, "indicators": indicators, "zones": zones}


def forget_all_but(kept: Article) -> None:
    Article.objects.exclude(pk=kept.pk).delete()
    Zone.objects.filter(in_registry=False).delete()


def test_a_batch_stores_what_one_by_one_stores(registry, failing_engine):
    weihai = Zone.objects.get(short_name="威海高新区")
    earlier = ingest_report(ArticleInput(text="已经入库的报告：" + KUNMING))

    one_by_one = []
    for report in reports(weihai):
        try:
            one_by_one.append(outcome_of(ingest_report(report)))
        except Exception as refusal:
            one_by_one.append(outcome_of(refusal))
    expected = stored_state()
    forget_all_but(earlier)

    batch = [outcome_of(outcome) for outcome in ingest_reports(reports(weihai))]
    assert batch == one_by_one
    assert stored_state() == expected

    kinds = [kind for kind, _ in batch]
    assert kinds == [
        "stored", "duplicate", "stored", "duplicate", "EmptyArticle", "ExtractionFailed", "stored",
        "ExtractionOverTime", "stored", "stored",
    ]  # fmt: skip
    assert batch[3] == ("duplicate", WEIHAI)  # of the batch's own first report
    new_zone = Zone.objects.get(short_name="青岛某某经开区")
    assert Indicator.objects.filter(zone=new_zone).count() == 2  # the second report found it too
    assert Article.objects.get(raw_text=NO_ZONE).indicators.get().zone == weihai


def test_a_report_the_database_refuses_costs_the_others_nothing(registry, monkeypatch):
    real_new_indicators = services.new_indicators

    def breaks_one(article, *args, **kwargs):
        indicators, names = real_new_indicators(article, *args, **kwargs)
        if "昆明" in article.raw_text:  # quote offsets the check constraint refuses
            indicators[0].quote_start, indicators[0].quote_end = 10, 5
        return indicators, names

    monkeypatch.setattr(services, "new_indicators", breaks_one)
    weihai_before = ArticleInput(text=WEIHAI)
    with translation.override("en"):
        outcomes = ingest_reports(
            [
                weihai_before,
                ArticleInput(text=KUNMING),
                ArticleInput(text=NEW_ZONE),
                ArticleInput(text=NO_ZONE),
            ]
        )
    assert [type(outcome) for outcome in outcomes] == [Article, ExtractionFailed, Article, Article]
    assert "could not be extracted (IntegrityError); the report was not stored" in str(outcomes[1])
    assert sorted(Article.objects.values_list("raw_text", flat=True)) == sorted([WEIHAI, NEW_ZONE, NO_ZONE])
    assert not Indicator.objects.filter(article__raw_text=KUNMING).exists()
    for article in outcomes[0], outcomes[2]:
        assert article.indicators.exists()
        assert article.indicators.count() == Indicator.objects.filter(article_id=article.pk).count()


def test_a_failure_after_the_inserts_leaves_nothing_of_the_batch_behind(registry, monkeypatch):
    """A bug in storing fails each report in turn (after the lot, one by one): nothing half-stored."""
    real_link = services.insert_articles

    def inserts_then_fails(*args):
        real_link(*args)
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(services, "insert_articles", inserts_then_fails)
    outcomes = ingest_reports([ArticleInput(text=WEIHAI), ArticleInput(text=KUNMING)])
    assert [type(outcome) for outcome in outcomes] == [ExtractionFailed, ExtractionFailed]
    assert not Article.objects.exists() and not Indicator.objects.exists()


def many_reports(count: int) -> list[ArticleInput]:
    zones = list(Zone.objects.filter(level=Zone.Level.NATIONAL_HITECH).order_by("pk")[:count])
    return [
        ArticleInput(text=f"{zone.short_name}2023年实现营业收入{100 + n}亿元，同比增长{n % 9 + 1}%。")
        for n, zone in enumerate(zones)
    ]


@pytest.mark.parametrize("count", [5, 60])
def test_a_batch_costs_a_few_queries_whatever_its_size(registry, count):
    services.reference()  # built: a first import builds it once, a later batch only checks its version
    batch = many_reports(count)
    with CaptureQueriesContext(connection) as queries:
        outcomes = ingest_reports(batch)
    assert all(isinstance(outcome, Article) for outcome in outcomes)
    assert Indicator.objects.count() >= 2 * count
    # the version of the reference, the duplicates, the zones named, the articles, their zone links,
    # the indicators' keys (their COPY is one more statement, which the capture does not list); the
    # batch's transaction and savepoint
    assert len(queries) <= 11, [query["sql"][:80] for query in queries]


def test_a_single_upload_is_a_batch_of_one(registry):
    services.reference()
    with CaptureQueriesContext(connection) as queries:
        article = ingest_report(ArticleInput(text=WEIHAI))
    assert article.indicators.count() >= 2
    assert len(queries) <= 13, [query["sql"][:80] for query in queries]  # and the figures' COPY
    with pytest.raises(DuplicateArticle):
        ingest_report(ArticleInput(text=WEIHAI))
    with pytest.raises(EmptyArticle):
        ingest_report(ArticleInput(text=""))


def test_queued_reports_get_the_jobs_one_by_one_queueing_gives(registry):
    weihai = Zone.objects.get(short_name="威海高新区")
    texts = [WEIHAI, KUNMING, WEIHAI, ""]
    one_by_one = []
    for text in texts:
        try:
            one_by_one.append(
                queue_report(ArticleInput(text=text, zones=[weihai]), default_zone="威海高新区")
            )
        except (DuplicateArticle, EmptyArticle) as refusal:
            one_by_one.append(refusal)

    def jobs():
        return ProcrastinateJob.objects.filter(task_name=EXTRACTION_TASK).order_by("id")

    def job_state():
        by_article = {article.pk: article.raw_text for article in Article.objects.all()}
        return [
            (by_article[job.args["article_id"]], job.args["default_zone"], job.queueing_lock.split("-")[:2])
            for job in jobs()
        ]

    expected = job_state()
    assert [job.queueing_lock for job in jobs()] == [
        f"extract-article-{q.article.pk}" for q in one_by_one[:2]
    ]
    Article.objects.all().delete()
    with connection.cursor() as cursor:  # procrastinate's tables are read-only to the ORM
        cursor.execute("DELETE FROM procrastinate_jobs")

    outcomes = queue_reports(
        [ArticleInput(text=text, zones=[weihai]) for text in texts], default_zone="威海高新区"
    )
    assert [type(outcome) for outcome in outcomes] == [type(outcome) for outcome in one_by_one]
    assert job_state() == expected
    assert [job.queueing_lock for job in jobs()] == [f"extract-article-{q.article.pk}" for q in outcomes[:2]]
    assert [job.id for job in jobs()] == [q.job_id for q in outcomes[:2]]
    assert set(Article.objects.values_list("status", flat=True)) == {"new"}
    assert list(Article.objects.get(raw_text=KUNMING).zones.all()) == [weihai]


@pytest.mark.django_db(transaction=True)
def test_import_with_several_processes_imports_as_one_does(registry, tmp_path, capsys):
    for n, report in enumerate(many_reports(7)):
        (tmp_path / f"{n}.txt").write_text(report.text, encoding="utf-8")
    (tmp_path / "7.txt").write_text(many_reports(1)[0].text, encoding="utf-8")  # a duplicate
    (tmp_path / "8.txt").write_bytes(b"")

    call_command("import_articles", str(tmp_path), "--now", verbosity=0)
    out, err = capsys.readouterr()
    expected = stored_state()
    assert "Imported 7, duplicates 1, failed 1." in out
    Article.objects.all().delete()

    call_command("import_articles", str(tmp_path), "--now", "--jobs", "2", "--batch-size", "2", verbosity=0)
    out, err = capsys.readouterr()
    assert "Imported 7, duplicates 1, failed 1." in out
    assert "8.txt" in err
    assert stored_state() == expected


def test_over_time_is_a_refusal_of_the_report(registry, monkeypatch):
    real_budget = services.time_budget
    monkeypatch.setattr(services, "time_budget", lambda seconds=None: real_budget(-1))
    with pytest.raises(ExtractionOverTime):
        ingest_report(ArticleInput(text=WEIHAI))
    assert not Article.objects.exists()


def test_stored_figures_carry_their_dates_values_and_quotes(registry):
    text = "威海火炬高技术产业开发区2023年实现营业收入120.50亿元，同比增长6.5%。"
    [article] = ingest_reports([ArticleInput(text=text)])
    created = list(article.indicators.all())
    assert {indicator.value for indicator in created} == {Decimal("120.50"), Decimal("6.5")}
    assert all(indicator.quote and indicator.quote in text for indicator in created)
    assert all(indicator.created_at and indicator.updated_at for indicator in created)
