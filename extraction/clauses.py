"""Sentence, clause and list-item boundaries shared by every stage."""

from __future__ import annotations

import bisect
import re

# A comma inside 1,250.5 separates thousands, not clauses.
_NOT_THOUSANDS = r"(?!(?<=\d,)\d{3}(?!\d))"
# Each opens with a bare character class, which re skips to quickly.
CLAUSE_BREAK = re.compile(rf"[,；;：:。！？!?\n]{_NOT_THOUSANDS}")
ITEM_BREAK = re.compile(rf"[,；;：:。！？!?\n、]{_NOT_THOUSANDS}")
PHRASE_BREAK = re.compile(rf"[,；;：:。！？!?\n、()]{_NOT_THOUSANDS}")


class Boundaries:
    """Break positions of one level (sentence, clause, item or paragraph) and
    the span of that level around any position."""

    def __init__(self, positions: list[int], length: int):
        self.positions = positions
        self.length = length
        self._spans: dict[int, tuple[int, int]] = {}  # every stage asks about the same few positions

    def around(self, pos: int) -> tuple[int, int]:
        span = self._spans.get(pos)
        if span is None:
            i = bisect.bisect_left(self.positions, pos)
            span = (
                self.positions[i - 1] + 1 if i > 0 else 0,
                self.positions[i] if i < len(self.positions) else self.length,
            )
            self._spans[pos] = span
        return span


SENTENCE_CHARS = frozenset("。！？!?\n")
CLAUSE_CHARS = SENTENCE_CHARS | frozenset(",；;：:")


def boundaries(text: str) -> tuple[Boundaries, Boundaries, Boundaries, Boundaries]:
    """(sentences, clauses, items, paragraphs) from one pass over the breaks."""
    items = [match.start() for match in ITEM_BREAK.finditer(text)]  # each break is one character
    clauses = [pos for pos in items if text[pos] in CLAUSE_CHARS]
    sentences = [pos for pos in clauses if text[pos] in SENTENCE_CHARS]
    paragraphs = [pos for pos in sentences if text[pos] == "\n"]
    length = len(text)
    return (
        Boundaries(sentences, length),
        Boundaries(clauses, length),
        Boundaries(items, length),
        Boundaries(paragraphs, length),
    )
