"""Throughput of the extraction engine on one core, next to plain jieba.lcut
over the same whole texts.

    .venv/bin/python bench/extraction.py [--repeat N] [--long] [FILE_OR_DIR ...]

Each FILE_OR_DIR is a corpus of its own, reported with its own ratio; by default the demo
articles in ingestion/demo/ and the shared challenge corpus (../shared/corpus/challenge, when
present: short reports dense with figures, where the engine's work per figure shows). Warm-up (OpenCC, jieba
dictionaries, registry) is excluded from the timings; each figure is the
fastest of N alternating passes over all the texts. Two engine figures:
"warm" repeats the texts, so the engine's bounded memos (jieba tokens of a
window, catalogue matches, numerals, units, period bounds) already hold their
answers; "cold" empties those memos before each article (untimed), as for
text the engine has never seen.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from extraction import MetricCatalogue, ZoneGazetteer, extract  # noqa: E402
from extraction.numbers import parse_numeral  # noqa: E402
from extraction.periods import period_bounds  # noqa: E402
from extraction.reference import read_metric_rows, read_reference  # noqa: E402
from extraction.units import canonical_unit, parse_unit  # noqa: E402

# Long digit runs and run-on sentences: each should take milliseconds, growing linearly with length.
PATHOLOGICAL = {
    "50,000 digits": "1" * 50000,
    "50,000 Chinese numerals": "一" * 50000,
    "3,000 growth rates": "增长12.5%," * 3000,
    "10,000 counts": "21家" * 10000,
}


ZONE_FILES = sorted((ROOT / "zones" / "data").glob("*.csv"))
METRIC_FILE = ROOT / "metrics" / "data" / "metrics.csv"
GAZETTEER = ZoneGazetteer.from_csv(ZONE_FILES)
CATALOGUE = MetricCatalogue.from_csv(METRIC_FILE)


def _extract(text: str):
    return extract(text, gazetteer=GAZETTEER, catalogue=CATALOGUE)


DEFAULT_CORPORA = (ROOT / "ingestion" / "demo", ROOT.parent / "shared" / "corpus" / "challenge")


def _texts(paths: list[str]) -> list[str]:
    files = []
    for name in paths or [str(ROOT / "ingestion" / "demo")]:
        path = Path(name)
        files += sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return [f.read_text(encoding="utf-8") for f in files]


def _corpora(paths: list[str]) -> list[tuple[str, list[str]]]:
    """(name, texts) of each corpus to report: each path given, else the default ones present."""
    names = paths or [str(path) for path in DEFAULT_CORPORA if path.is_dir()]
    return [(name, _texts([name])) for name in names]


# One report this long (a huge upload), written from the registry's zones and the catalogue's metrics
# with years, growth rates and goals, so that every stage has work all along: extraction should grow
# linearly with the text.
LONG_TEXT_SIZES = (100_000, 1_000_000, 4_000_000)
# A size is left out once a shorter one took this long (the growth is then plain already).
LONG_TEXT_GIVE_UP_SECONDS = 120


def _long_text(size: int) -> str:
    """`size` characters of paragraphs about many zones, the same for every run (a fixed seed)."""
    draw = random.Random(size)
    zones = [zone["short_name"] or zone["name"] for zone in read_reference(ZONE_FILES).zones]
    metrics = [row["name_zh"] for row in read_metric_rows(METRIC_FILE)]
    paragraphs, length = [], 0
    while length < size:
        year = draw.randint(2018, 2025)
        paragraph = (
            f"{year}年，{draw.choice(zones)}实现{draw.choice(metrics)}{draw.randint(10, 900)}亿元，"
            f"同比增长{draw.randint(1, 30)}.{draw.randint(0, 9)}%；{draw.choice(metrics)}达到"
            f"{draw.randint(20, 500)}家。"
            f"{year + 1}年，力争{draw.choice(metrics)}增长{draw.randint(5, 15)}%以上。"
        )
        paragraphs.append(paragraph)
        length += len(paragraph) + 1
    return "\n".join(paragraphs)[:size]


def _long_text_seconds() -> dict[int, float | None]:
    """Seconds to extract each of LONG_TEXT_SIZES once (None: not tried, a shorter one took too long)."""
    seconds: dict[int, float | None] = {}
    for size in LONG_TEXT_SIZES:
        if any(taken is None or taken > LONG_TEXT_GIVE_UP_SECONDS for taken in seconds.values()):
            seconds[size] = None
            continue
        seconds[size] = _pass_seconds(_extract, [_long_text(size)])
    return seconds


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
    parser.add_argument("--long", action="store_true", help="also time one report of 100 KB, 1 MB and 4 MB")
    args = parser.parse_args(argv)
    corpora = _corpora(args.paths)
    jieba.setLogLevel(60)
    for _, texts in corpora:
        for text in texts:  # warm-up: dictionaries, caches
            _extract(text)
            jieba.lcut(text)
    runs = {
        "warm": _warm_pass_seconds,
        "cold": _cold_pass_seconds,
        "jieba": lambda t: _pass_seconds(jieba.lcut, t),
    }
    for name, texts in corpora:
        _print_corpus(name, texts, _best_pass(runs, texts, args.repeat), args.repeat)
    print("pathological inputs (patterns that retry at every position would show here):")
    for label, text in PATHOLOGICAL.items():
        print(f"  {label:<24} {_pass_seconds(_extract, [text]) * 1000:9.1f} ms")
    if args.long:
        _print_long_texts()
    return 0


def _print_corpus(name: str, texts: list[str], best: dict[str, float], repeat: int) -> None:
    chars = sum(len(t) for t in texts)
    print(f"corpus {name}: {len(texts)} articles, {chars} chars; best of {repeat} passes each, one core")
    for run, label in (("warm", "extract warm"), ("cold", "extract cold"), ("jieba", "jieba.lcut")):
        print(f"{label:<12} {chars / best[run]:12,.0f} chars/s  {len(texts) / best[run]:8.1f} articles/s")
    print(
        f"ratio extract/jieba: warm {best['jieba'] / best['warm']:.2f}x, "
        f"cold (memos emptied before each article) {best['jieba'] / best['cold']:.2f}x"
    )


def _print_long_texts() -> None:
    print("one long report of many articles (time should grow with the length, not faster):")
    seconds = _long_text_seconds()
    base = seconds[LONG_TEXT_SIZES[0]]
    for size, taken in seconds.items():
        if taken is None:
            print(f"  {size:>9,} chars   not tried (a shorter text took over {LONG_TEXT_GIVE_UP_SECONDS} s)")
        else:
            ratio = taken / base if base else float("nan")
            print(
                f"  {size:>9,} chars {taken:9.2f} s   {ratio:6.1f}x the {LONG_TEXT_SIZES[0]:,}-char time "
                f"for {size / LONG_TEXT_SIZES[0]:.0f}x the text"
            )


if __name__ == "__main__":
    sys.exit(main())
