import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_import_stores_files_reports_duplicates_and_failures(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("甲高新区全年完成投资10亿元。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("乙高新区全年完成投资20亿元。".encode("gbk"))
    (tmp_path / "copy-of-a.txt").write_text("甲高新区全年完成投资10亿元。\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    call_command("import_articles", str(tmp_path), "--no-extract", verbosity=0)
    out, err = capsys.readouterr()
    assert "Imported 2, duplicates 1, failed 1." in out
    assert "empty.txt: The file is empty." in err
    assert sorted(Article.objects.values_list("raw_text", flat=True)) == ["乙高新区全年完成投资20亿元。", "甲高新区全年完成投资10亿元。"]

    call_command("import_articles", str(tmp_path), "--no-extract", verbosity=0)
    out, _ = capsys.readouterr()
    assert "Imported 0, duplicates 3, failed 1." in out
    assert Article.objects.count() == 2
