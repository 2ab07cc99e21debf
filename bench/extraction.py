"""Throughput of the extraction engine on one core, next to plain jieba.lcut
over the same whole texts.

    .venv/bin/python bench/extraction.py [--repeat N] [FILE_OR_DIR ...]

Defaults to the demo articles in ingestion/demo/. Warm-up (OpenCC, jieba
dictionaries, registry) is excluded from the timings; each figure is the
fastest of N alternating passes over all the texts. Two engine figures:
"warm" repeats the texts, so the engine's bounded memos (jieba tokens of a
window, catalogue matches, numerals, units, period bounds) already hold their
answers; "cold" empties those memos before each article (untimed), as for
text the engine has never seen.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from extraction import MetricCatalogue, ZoneGazetteer, extract  # noqa: E402
from extraction.numbers import parse_numeral  # noqa: E402
from extraction.periods import period_bounds  # noqa: E402
from extraction.units import canonical_unit, parse_unit  # noqa: E402

# Long digit runs and run-on sentences: each should take milliseconds, growing linearly with length.
PATHOLOGICAL = {
    "50,000 digits": "1" * 50000,
    "50,000 Chinese numerals": "一" * 50000,
    "3,000 growth rates": "增长12.5%," * 3000,
    "10,000 counts": "21家" * 10000,
}


GAZETTEER = ZoneGazetteer.from_csv(sorted((ROOT / "zones" / "data").glob("*.csv")))
CATALOGUE = MetricCatalogue.from_csv(ROOT / "metrics" / "data" / "metrics.csv")


def _extract(text: str):
    return extract(text, gazetteer=GAZETTEER, catalogue=CATALOGUE)


def _texts(paths: list[str]) -> list[str]:
    files = []
    for name in paths or [str(ROOT / "ingestion" / "demo")]:
        path = Path(name)
        files += sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return [f.read_text(encoding="utf-8") for f in files]


def _pass_seconds(run, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        run(text)
    return time.perf_counter() - start


def _forget_seen_text() -> None:
    """Empty the engine's bounded memos (not the loaded registry, catalogue
    or jieba dictionaries, which any long-running process keeps)."""
    catalogue = CATALOGUE
    for memo in (
        catalogue.match,
        catalogue.reader()._segmented,
        parse_numeral,
        period_bounds,
        canonical_unit,
        parse_unit,
    ):
        memo.cache_clear()


def _warm_pass_seconds(texts: list[str]) -> float:
    """extract() on texts it has just read (untimed), so the memos hold their answers
    even right after a cold pass emptied them."""
    for text in texts:
        _extract(text)
    return _pass_seconds(_extract, texts)


def _cold_pass_seconds(texts: list[str]) -> float:
    """extract() on each text right after the memos were emptied; only extract() is timed."""
    seconds = 0.0
    for text in texts:
        _forget_seen_text()
        start = time.perf_counter()
        _extract(text)
        seconds += time.perf_counter() - start
    return seconds


def _best_pass(runs: dict, texts: list[str], repeat: int) -> dict[str, float]:
    """Fastest pass of each runner; passes alternate between runners so a
    busy machine slows both alike, and the minimum discards interruptions."""
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            best[name] = min(best[name], run(texts))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    texts = _texts(args.paths)
    jieba.setLogLevel(60)
    for text in texts:  # warm-up: dictionaries, caches
        _extract(text)
        jieba.lcut(text)
    runs = {
        "warm": _warm_pass_seconds,
        "cold": _cold_pass_seconds,
        "jieba": lambda t: _pass_seconds(jieba.lcut, t),
    }
    best = _best_pass(runs, texts, args.repeat)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} articles, {chars} chars; best of {args.repeat} passes each, one core")
    for name, label in (("warm", "extract warm"), ("cold", "extract cold"), ("jieba", "jieba.lcut")):
        print(f"{label:<12} {chars / best[name]:12,.0f} chars/s  {len(texts) / best[name]:8.1f} articles/s")
    print(
        f"ratio extract/jieba: warm {best['jieba'] / best['warm']:.2f}x, "
        f"cold (memos emptied before each article) {best['jieba'] / best['cold']:.2f}x"
    )
    print("pathological inputs (patterns that retry at every position would show here):")
    for label, text in PATHOLOGICAL.items():
        print(f"  {label:<24} {_pass_seconds(_extract, [text]) * 1000:9.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
