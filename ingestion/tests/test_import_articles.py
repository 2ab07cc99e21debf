import pytest
from django.core.management import call_command
from django.utils import translation

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_import_stores_files_reports_duplicates_and_failures(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("甲高新区全年完成投资10亿元。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("乙高新区全年完成投资20亿元。".encode("gbk"))
    (tmp_path / "copy-of-a.txt").write_text("甲高新区全年完成投资10亿元。\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    with translation.override("en"):
        call_command("import_articles", str(tmp_path), "--no-extract", verbosity=0)
    out, err = capsys.readouterr()
    assert "Imported 2, duplicates 1, failed 1." in out
    assert "empty.txt: The file is empty." in err
    assert sorted(Article.objects.values_list("raw_text", flat=True)) == [
        "乙高新区全年完成投资20亿元。",
        "甲高新区全年完成投资10亿元。",
    ]

    call_command("import_articles", str(tmp_path), "--no-extract", verbosity=0)
    out, _ = capsys.readouterr()
    assert "Imported 0, duplicates 3, failed 1." in out
    assert Article.objects.count() == 2


def test_a_web_page_brings_its_title_site_and_date(tmp_path):
    (tmp_path / "page.html").write_text(
        '<html><head><title>丙高新区投资情况</title><meta property="og:site_name" content="丙市政府网">'
        '<meta name="date" content="2024-05-06"></head><body><article><h1>丙高新区投资情况</h1>'
        "<p>丙高新区全年完成投资30亿元，同比增长9%。新增高新技术企业40家。</p></article></body></html>",
        encoding="utf-8",
    )
    call_command("import_articles", str(tmp_path), "--no-extract", verbosity=0)
    article = Article.objects.get()
    assert (article.title, article.source_name, str(article.published_on)) == (
        "丙高新区投资情况",
        "丙市政府网",
        "2024-05-06",
    )
    assert article.original_filename == "page.html"


def test_a_report_the_engine_fails_on_is_reported_and_the_rest_imported(tmp_path, capsys, monkeypatch):
    from ingestion import services

    real_read = services.read_figures

    def fails_on_b(article, *args):
        if "乙" in article.raw_text:
            raise ValueError("engine bug")
        return real_read(article, *args)

    monkeypatch.setattr(services, "read_figures", fails_on_b)
    (tmp_path / "a.txt").write_text("甲高新区全年完成投资10亿元。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙高新区全年完成投资20亿元。", encoding="utf-8")
    with translation.override("en"):
        call_command("import_articles", str(tmp_path), "--now", verbosity=0)
    out, err = capsys.readouterr()
    assert "Imported 1, duplicates 0, failed 1." in out
    assert "b.txt: The figures could not be extracted (ValueError)" in err
    assert list(Article.objects.values_list("raw_text", flat=True)) == ["甲高新区全年完成投资10亿元。"]
