"""Zone attribution of an extraction run, beside the shared scorer's strict/loose.

    python scripts/zone_attribution.py GOLD.jsonl PRED.jsonl [SCORER.py]

Of the gold zone figures the engine found with the zone ignored (same doc, value and unit; one
prediction per gold figure, a prediction with a right zone preferred), the share whose prediction
names the gold zone or one of its zone_alt, by the scorer's own zones_agree.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

DEFAULT_SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "score_extraction.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def zone_attribution(gold: list[dict], pred: list[dict], scorer) -> tuple[int, int]:
    """(figures found ignoring the zone, of which the zone is right)."""
    by_doc: dict[str, list[dict]] = {}
    for p in pred:
        by_doc.setdefault(scorer.doc_key(p.get("doc")), []).append(p)

    def same_figure(g, p):
        return scorer.values_agree(g.get("value"), p.get("value")) and scorer.unit_of(
            g.get("unit")
        ) == scorer.unit_of(p.get("unit"))

    def right_zone(g, p):
        return any(scorer.zones_agree(z, p.get("zone")) for z in [g.get("zone"), *g.get("zone_alt", [])])

    used, found, right = set(), 0, 0
    # Right zones first, so that a wrongly placed duplicate does not take the right one's place.
    for wanted in (right_zone, None):
        for g in gold:
            if id(g) in used:
                continue
            candidates = by_doc.get(scorer.doc_key(g.get("doc")), [])
            hit = next(
                (
                    p
                    for p in candidates
                    if id(p) not in used and same_figure(g, p) and (wanted is None or wanted(g, p))
                ),
                None,
            )
            if hit is not None:
                used.update((id(g), id(hit)))
                found += 1
                right += wanted is not None
    return found, right


def main(argv: list[str]) -> int:
    scorer = load_scorer(Path(argv[2]) if len(argv) > 2 else DEFAULT_SCORER)
    gold, pred = scorer.load(argv[0]), scorer.load(argv[1])
    found, right = zone_attribution(gold, pred, scorer)
    share = right / found if found else 0.0
    print(
        f"zone    attribution {share:.3f}  ({right} of {found} gold figures found with the zone ignored;"
        f" {len(gold)} gold)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
