#!/usr/bin/env bash
# Score the extraction engine on an annotated corpus (GUIDE.md schema).
#   scripts/score_corpus.sh [CORPUS_DIR] [--show-errors N]
# CORPUS_DIR holds *.txt articles and their gold *.jsonl (default: ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="../shared/corpus"
if [[ $# -gt 0 && "$1" != -* ]]; then corpus="$1"; shift; fi
python="${PYTHON:-.venv/bin/python}"
scorer="${SCORER:-../shared/tools/score_extraction.py}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$python" -m extraction "$corpus"/*.txt --zones zones/data/national_hitech_zones.csv \
  --zones zones/data/other_zones.csv --metrics metrics/data/metrics.csv > "$out"
"$python" "$scorer" "$corpus" "$out" "$@"
