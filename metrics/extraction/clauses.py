"""Sentence, clause and list-item boundaries shared by every stage."""
from __future__ import annotations

import re

# A comma inside 1,250.5 separates thousands, not clauses.
_COMMA = r"(?:(?<!\d),|,(?!\d{3}(?!\d)))"
SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
# The leading class lets the engine skip ordinary characters quickly.
CLAUSE_BREAK = re.compile(rf"(?=[,；;：:。！？!?\n])(?:{_COMMA}|[；;：:。！？!?\n])")
ITEM_BREAK = re.compile(rf"(?=[,；;：:。！？!?\n、])(?:{_COMMA}|[；;：:。！？!?\n、])")
PHRASE_BREAK = re.compile(rf"(?=[,；;：:。！？!?\n、()])(?:{_COMMA}|[；;：:。！？!?\n、()])")


def clause_start(text: str, pos: int, reach: int = 40) -> int:
    """Start of the clause holding text[pos], looking back at most `reach` chars."""
    start = max(0, pos - reach)
    for match in CLAUSE_BREAK.finditer(text, start, pos):
        start = match.end()
    return start
