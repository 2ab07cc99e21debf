"""Throughput of the extraction engine on one core, next to plain jieba.lcut
over the same whole texts.

    .venv/bin/python bench/extraction.py [--repeat N] [FILE_OR_DIR ...]

Defaults to the demo articles in articles/demo/. Warm-up (OpenCC, jieba
dictionaries, registry) is excluded from both timings.
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


def _texts(paths: list[str]) -> list[str]:
    files = []
    for name in paths or [str(ROOT / "articles" / "demo")]:
        path = Path(name)
        files += sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return [f.read_text(encoding="utf-8") for f in files]


def _rate(run, texts: list[str], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            run(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    texts = _texts(args.paths)
    chars = sum(len(t) for t in texts) * args.repeat
    articles = len(texts) * args.repeat
    jieba.setLogLevel(60)
    for text in texts:  # warm-up: dictionaries, caches
        extract(text)
        jieba.lcut(text)
    engine = _rate(extract, texts, args.repeat)
    segmenter = _rate(jieba.lcut, texts, args.repeat)
    print(f"corpus: {len(texts)} articles, {chars // args.repeat} chars, repeated {args.repeat}x")
    print(f"extract     {chars / engine:12,.0f} chars/s  {articles / engine:8.1f} articles/s")
    print(f"jieba.lcut  {chars / segmenter:12,.0f} chars/s  {articles / segmenter:8.1f} articles/s")
    print(f"ratio extract/jieba: {segmenter / engine:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
