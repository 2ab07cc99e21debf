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
