"""Throughput of the extraction engine on one core, next to plain jieba.lcut
over the same whole texts.

    .venv/bin/python bench/extraction.py [--repeat N] [FILE_OR_DIR ...]

Defaults to the demo articles in articles/demo/. Warm-up (OpenCC, jieba
dictionaries, registry) is excluded from both timings; each figure is the
fastest of N alternating passes over all the texts.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from metrics.extraction import extract  # noqa: E402


# Long digit runs and run-on sentences: each should take milliseconds, growing linearly with length.
PATHOLOGICAL = {
    "50,000 digits": "1" * 50000,
    "50,000 Chinese numerals": "一" * 50000,
    "3,000 growth rates": "增长12.5%," * 3000,
    "10,000 counts": "21家" * 10000,
}


def _texts(paths: list[str]) -> list[str]:
    files = []
    for name in paths or [str(ROOT / "articles" / "demo")]:
        path = Path(name)
        files += sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return [f.read_text(encoding="utf-8") for f in files]


def _pass_seconds(run, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        run(text)
    return time.perf_counter() - start


def _best_pass(runs: dict, texts: list[str], repeat: int) -> dict[str, float]:
    """Fastest pass of each runner; passes alternate between runners so a
    busy machine slows both alike, and the minimum discards interruptions."""
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            best[name] = min(best[name], _pass_seconds(run, texts))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    texts = _texts(args.paths)
    jieba.setLogLevel(60)
    for text in texts:  # warm-up: dictionaries, caches
        extract(text)
        jieba.lcut(text)
    best = _best_pass({"extract": extract, "jieba": jieba.lcut}, texts, args.repeat)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} articles, {chars} chars; best of {args.repeat} passes each, one core")
    for name, label in (("extract", "extract"), ("jieba", "jieba.lcut")):
        print(f"{label:<11} {chars / best[name]:12,.0f} chars/s  {len(texts) / best[name]:8.1f} articles/s")
    print(f"ratio extract/jieba: {best['jieba'] / best['extract']:.2f}x")
    print("pathological inputs (patterns that retry at every position would show here):")
    for label, text in PATHOLOGICAL.items():
        print(f"  {label:<24} {_pass_seconds(extract, [text]) * 1000:9.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
