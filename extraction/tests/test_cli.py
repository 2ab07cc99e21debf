import csv
import json

import pytest

from extraction.cli import main

from .conftest import METRICS, ZONES


@pytest.fixture
def reference(tmp_path):
    """The test registry and catalogue written as the CSV files the CLI reads."""
    zones, metrics = tmp_path / "zones.csv", tmp_path / "metrics.csv"
    with open(zones, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["name", "short_name", "aliases", "city", "province", "level"])
        writer.writeheader()
        writer.writerows({**zone, "aliases": "|".join(zone["aliases"])} for zone in ZONES)
    with open(metrics, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["code", "name_zh", "unit", "family", "synonyms"])
        writer.writeheader()
        writer.writerows({**metric, "synonyms": "|".join(metric["synonyms"])} for metric in METRICS)
    return ["--zones", str(zones), "--metrics", str(metrics)]


def test_prints_one_json_line_per_indicator(tmp_path, capsys, reference):
    article = tmp_path / "report.txt"
    article.write_text("高新区今年营业收入300亿元,完成年度计划的120%。", encoding="utf-8")
    assert main([str(article), *reference, "--zone", "某高新区", "--published", "2023-06-01"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["doc"], r["zone"], r["value"], r["period"]) for r in records} == {
        ("report.txt", "某高新区", 300.0, "2023"),
        ("report.txt", "某高新区", 120.0, "2023"),
    }


def test_implied_targets_on_request(tmp_path, capsys, reference):
    article = tmp_path / "report.txt"
    article.write_text("高新区今年营业收入300亿元,完成年度计划的120%。", encoding="utf-8")
    main([str(article), *reference, "--published", "2023-06-01", "--with-derived"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["value"] for r in records if r["derived"]] == [250.0]


def test_reads_gbk_files(tmp_path, capsys, reference):
    article = tmp_path / "gbk.txt"
    article.write_bytes("洛阳高新区今年新增高新技术企业80家,营业收入增长12%。".encode("gb18030"))
    main([str(article), *reference, "--published", "2023-06-01"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["zone"], r["value"]) for r in records} == {("洛阳高新区", 80.0), ("洛阳高新区", 12.0)}


def test_date_line_sets_each_files_publication_date(tmp_path, capsys, reference):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("SOURCE: test\nDATE: 2023-03-01\n\n高新区今年营业收入300亿元。", encoding="utf-8")
    second.write_text("高新区今年营业收入200亿元。", encoding="utf-8")
    main([str(first), str(second), *reference, "--date-line", "--published", "2021-06-01"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["doc"], r["period"]) for r in records} == {("a.txt", "2023"), ("b.txt", "2021")}
