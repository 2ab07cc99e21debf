#!/usr/bin/env bash
# Score the extraction engine on annotated corpora (GUIDE.md schema): strict/loose from the shared
# scorer, and the zone attribution (scripts/zone_attribution.py) beside them.
#   scripts/score_corpus.sh [CORPUS_DIR] [--only LIST] [--show-errors N]
# Without CORPUS_DIR: the seeds (../shared/corpus) and the challenge corpus (../shared/corpus/challenge).
# --only LIST: score only the articles named in LIST, a file of names or globs (S1_0[1-7]*), one a line;
# or LIST itself a glob. Each article is read with --date-line: its publication date is its DATE: line.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
scorer="${SCORER:-../shared/tools/score_extraction.py}"
corpora=()
while [[ $# -gt 0 && "$1" != -* ]]; do corpora+=("$1"); shift; done
[[ ${#corpora[@]} -eq 0 ]] && corpora=(../shared/corpus ../shared/corpus/challenge)
only=""
if [[ "${1:-}" == --only ]]; then only="$2"; shift 2; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Every registry file: zone lists, place table, districts, zone changes (the reader tells them apart).
zones=()
for file in zones/data/*.csv; do zones+=(--zones "$file"); done

articles_of() {  # the corpus' articles, those named by --only if given
  local corpus="$1" pattern
  if [[ -z "$only" ]]; then ls "$corpus"/*.txt; return; fi
  if [[ -f "$only" ]]; then
    grep -v '^\s*\(#\|$\)' "$only" | while read -r pattern; do
      compgen -G "$corpus/${pattern%.txt}*.txt" || true; done
  else compgen -G "$corpus/$only" || compgen -G "$corpus/$only.txt" || true; fi
}

for corpus in "${corpora[@]}"; do
  mapfile -t articles < <(articles_of "$corpus" | sort -u)
  echo "== $corpus (${#articles[@]} articles${only:+, --only $only})"
  [[ ${#articles[@]} -eq 0 ]] && continue
  for article in "${articles[@]}"; do cat "${article%.txt}.jsonl"; echo; done > "$work/gold.jsonl"
  "$python" -m extraction "${articles[@]}" --date-line "${zones[@]}" --metrics metrics/data/metrics.csv \
    > "$work/pred.jsonl"
  "$python" "$scorer" "$work/gold.jsonl" "$work/pred.jsonl" "$@"
  "$python" scripts/zone_attribution.py "$work/gold.jsonl" "$work/pred.jsonl" "$scorer"
done
