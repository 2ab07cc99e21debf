"""The engine scored by the shared scorer on the annotated corpora (../shared/corpus at the
repository's root, as in CI): seeds, and the challenge corpus of issue 11. The thresholds are a
little below the scores measured when they were set (see extraction/README.md); a change that
loses more fails here. No test reads an article's text: only the scorer's figures are asserted."""

import importlib.util
from pathlib import Path

import pytest

from extraction import MetricCatalogue, ZoneGazetteer, extract
from extraction.cli import date_line, jsonl_lines, read_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
DEV_LIST = ROOT / "scripts" / "challenge_dev.txt"
HOLDOUT_LIST = ROOT / "scripts" / "challenge_holdout.txt"

pytestmark = pytest.mark.skipif(
    not SCORER.exists(), reason="the shared corpus is not checked out beside the repo"
)


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def engine():
    gazetteer = ZoneGazetteer.from_csv(
        [ROOT / "zones/data/national_hitech_zones.csv", ROOT / "zones/data/other_zones.csv"]
    )
    catalogue = MetricCatalogue.from_csv(ROOT / "metrics/data/metrics.csv")

    def predict(paths, out: Path):
        """The CLI's JSON lines for `paths` (each dated by its DATE: line), written to `out`."""
        with open(out, "w", encoding="utf-8") as handle:
            for path in paths:
                text = read_text(path)
                result = extract(text, gazetteer=gazetteer, catalogue=catalogue, published=date_line(text))
                handle.writelines(line + "\n" for line in jsonl_lines(result, path.name, with_derived=False))
        return out

    return predict


def _strict(scorer, engine, articles, tmp_path):
    """Strict (precision, recall, F1) as score_extraction.py computes them."""
    gold = [row for path in articles for row in scorer.load(path.with_suffix(".jsonl"))]
    # Loaded by the scorer, with its filter of zone-scope records, as for a CLI run.
    predicted = scorer.load(engine(articles, tmp_path / "pred.jsonl"))
    pairs, _, _ = scorer.match(gold, predicted)
    strict = sum(1 for _, _, is_strict in pairs if is_strict)
    return scorer.prf(strict, len(predicted), len(gold))


def _listed_articles(listing: Path):
    names = [line.strip() for line in listing.read_text().splitlines() if line.strip() and line[0] != "#"]
    return [path for name in names for path in sorted((CORPUS / "challenge").glob(name + "*.txt"))]


def test_seed_corpus(scorer, engine, tmp_path):
    precision, _, f1 = _strict(scorer, engine, sorted(CORPUS.glob("*.txt")), tmp_path)
    assert precision >= 0.95 and f1 >= 0.90


def test_challenge_development_set(scorer, engine, tmp_path):
    """Measured 0.938 precision, 0.936 F1 strict on the 15 development articles."""
    precision, _, f1 = _strict(scorer, engine, _listed_articles(DEV_LIST), tmp_path)
    assert precision >= 0.92 and f1 >= 0.92


def test_challenge_holdout_set(scorer, engine, tmp_path):
    """Measured 0.778 precision, 0.689 F1 strict on the 5 held-out articles, scored once after the
    rules were written: short of issue 11's target (F1 0.85, precision 0.90); this guards the level."""
    precision, _, f1 = _strict(scorer, engine, _listed_articles(HOLDOUT_LIST), tmp_path)
    assert precision >= 0.75 and f1 >= 0.66


def test_challenge_corpus(scorer, engine, tmp_path):
    """Measured 0.906 precision, 0.882 F1 strict on all 20 articles (issue 11 asks F1 >= 0.85 with
    precision >= 0.90; most of it is the development set the rules were written against)."""
    precision, _, f1 = _strict(scorer, engine, sorted((CORPUS / "challenge").glob("*.txt")), tmp_path)
    assert precision >= 0.89 and f1 >= 0.86
