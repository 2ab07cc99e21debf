from django.utils import translation

from articles.models import Article
from extraction.frame import KIND_LABELS


def test_report_kinds_are_the_engines():
    assert set(Article.ReportKind.values) == set(KIND_LABELS)


def test_a_report_kind_reads_as_its_label_and_an_unknown_one_as_itself():
    with translation.override("en"):
        assert Article(frame={"kind": "bulletin"}).report_kind_label == "statistical bulletin"
    assert Article(frame={"kind": "bulletin"}).report_kind_label == "统计公报"  # Chinese first
    assert Article(frame={"kind": "memo"}).report_kind_label == "memo"
    assert Article(frame={}).report_kind_label == ""
