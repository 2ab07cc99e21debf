"""Turn an uploaded article into clean simplified text, remembering where every
character came from so quotes can be cut from the ORIGINAL upload.

The normalised text is built from runs of characters copied one-to-one from the
original (after length-preserving conversions); an `OffsetMap` stores one entry
per run, so mapping back is a bisect instead of a per-character table.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import opencc

# Pinyin glosses put after a character by some sites: 高(gao)質量, 增長(zhǎng), 發（fa）展.
# Each pattern opens with a character class and checks what precedes after
# it: re skips quickly to that class, where a leading look-behind is tried
# at every position.
_GLOSS = r"[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,7}[)）]"
PINYIN_GLOSS = re.compile(rf"[(（](?<=[\u3400-\u9fff][(（]){_GLOSS}(?:[(（]{_GLOSS})*")
# Runs of spaces (ASCII, ideographic, no-break) and tabs collapse to one space,
# as does a single non-ASCII space or tab; blank lines are kept as paragraph
# breaks by the line splitter.
_SPACE = r"[ \t\u3000\u00a0\u2002\u2003]"
SPACE_RUN = re.compile(rf"{_SPACE}(?:{_SPACE}+|(?<=[\t\u3000\u00a0\u2002\u2003]))")
# Zero-width spaces and byte-order marks inside words (营业\u200b收入) are dropped.
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH_CHARS}]+")

FULLWIDTH = re.compile("[\uff01-\uff5e]")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@dataclass(frozen=True)
class OffsetMap:
    """Runs (norm_start, orig_start, length) in increasing norm_start order."""

    runs: tuple[tuple[int, int, int], ...]

    def __post_init__(self):
        object.__setattr__(self, "_starts", [run[0] for run in self.runs])

    def _run_index(self, norm_pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, norm_pos) - 1)

    def to_original(self, norm_pos: int) -> int:
        """Original offset of the normalised character at norm_pos."""
        if not self.runs:
            return 0
        norm_start, orig_start, length = self.runs[self._run_index(norm_pos)]
        offset = norm_pos - norm_start
        if offset >= length:  # past the end of the text: its last character
            offset = length - 1 if length else 0
        return orig_start + (offset if offset > 0 else 0)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering normalised [start, end) (end exclusive)."""
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True)
class NormalisedText:
    text: str
    offsets: OffsetMap
    original: str

    def quote(self, start: int, end: int) -> tuple[str, int, int]:
        orig_start, orig_end = self.offsets.span_to_original(start, end)
        return self.original[orig_start:orig_end], orig_start, orig_end


def _kept_runs(original: str) -> list[tuple[int, str]]:
    """Pieces of the original to keep, as (orig_start, text); glosses dropped and
    space runs replaced by a single space (which maps to the run's first char)."""
    drops = [(m.start(), m.end(), "") for m in PINYIN_GLOSS.finditer(original)]
    drops += [(m.start(), m.end(), " ") for m in SPACE_RUN.finditer(original)]
    if any(char in original for char in ZERO_WIDTH_CHARS):  # rare; `in` is far faster than a regex scan
        drops += [(m.start(), m.end(), "") for m in ZERO_WIDTH.finditer(original)]
    drops.sort()
    pieces, cursor = [], 0
    for start, end, replacement in drops:
        if start < cursor:  # a space run inside a gloss cannot happen, but stay safe
            continue
        if start > cursor:
            pieces.append((cursor, original[cursor:start]))
        if replacement:
            pieces.append((start, replacement))
        cursor = end
    if cursor < len(original):
        pieces.append((cursor, original[cursor:]))
    return pieces


def to_simplified(text: str) -> str:
    """OpenCC t2s, forced to keep the length so offsets stay aligned.

    t2s is length-preserving for nearly all text; when a line is not, that line
    is converted character by character, keeping a character as is whenever
    its conversion would change the length."""
    converter = _t2s()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.split("\n"):
        simple = converter.convert(line)
        if len(simple) != len(line):
            simple = "".join(c if len(s := converter.convert(c)) != 1 else s for c in line)
        lines.append(simple)
    return "\n".join(lines)


def _to_halfwidth(text: str) -> str:
    """Full-width ASCII forms (，１２％) as ASCII. An article uses a handful of
    them; one str.replace each is far faster than str.translate with a
    mapping, which looks up every character."""
    for char in set(FULLWIDTH.findall(text)):
        text = text.replace(char, chr(ord(char) - 0xFEE0))
    return text


def normalise(original: str) -> NormalisedText:
    """Simplified, gloss-free, half-width text with an offset map to `original`."""
    pieces = _kept_runs(original)
    runs, parts, norm_pos = [], [], 0
    for orig_start, piece in pieces:
        runs.append((norm_pos, orig_start, len(piece)))
        parts.append(piece)
        norm_pos += len(piece)
    joined = _to_halfwidth("".join(parts))
    return NormalisedText(to_simplified(joined), OffsetMap(tuple(runs)), original)
