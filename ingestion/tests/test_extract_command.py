import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from metrics.models import Indicator

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.django_db


def extract_jsonl(capsys, *args) -> list[dict]:
    call_command("extract", *map(str, args))
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_prints_guide_records_and_writes_nothing(tmp_path, capsys, registry):
    report = tmp_path / "report.txt"
    report.write_bytes("高新区2023年完成固定资产投资85亿元，同比增长12.5%。".encode("gbk"))
    records = extract_jsonl(capsys, report, "--jsonl", "--zone", "威海高新区", "--published", "2024-01-10")
    assert [(r["doc"], r["zone"], r["value"], r["unit"], r["kind"], r["period"]) for r in records] == [
        ("report.txt", "威海高新区", 85, "亿元", "level", "2023"),
        ("report.txt", "威海高新区", 12.5, "%", "growth", "2023"),
    ]
    assert not Article.objects.exists() and not Indicator.objects.exists()


def test_implied_targets_only_when_asked_for(tmp_path, capsys, registry):
    report = tmp_path / "plan.txt"
    report.write_text("威海高新区2023年完成投资122.2亿元，完成年度投资计划的149.6%。", encoding="utf-8")
    plain = extract_jsonl(capsys, report, "--published", "2024-01-10")
    with_derived = extract_jsonl(capsys, report, "--published", "2024-01-10", "--with-derived")
    derived = [r for r in with_derived if r["derived"]]
    assert not any(r["derived"] for r in plain)
    assert [(r["value"], r["stance"]) for r in derived] == [(81.7, "target")]


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not beside the project")
def test_seed_corpus_scores_above_the_bar(tmp_path, capsys, registry):
    predictions = tmp_path / "pred.jsonl"
    call_command("extract", *map(str, sorted((SHARED / "corpus").glob("*.txt"))), "--jsonl")
    predictions.write_text(capsys.readouterr().out, encoding="utf-8")
    scored = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_extraction.py"),
            str(SHARED / "corpus"),
            str(predictions),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    strict = next(line for line in scored.splitlines() if line.startswith("strict"))
    _, _, precision, _, _recall, _, f1 = strict.split()
    assert float(precision) >= 0.95 and float(f1) >= 0.90, scored
