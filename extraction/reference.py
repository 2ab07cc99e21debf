"""Readers of the reference files the engine is built from: the zone registry CSVs and the metric
catalogue CSV. The one place their format is known; the Django apps load the same rows through
these functions."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path


def split_list(value: str | None) -> list[str]:
    """A '|'-separated cell (aliases, synonyms) as a list, blanks dropped."""
    return [item.strip() for item in (value or "").split("|") if item.strip()]


def _rows(path: str | Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(handle)]


def read_zone_rows(paths: Iterable[str | Path] | str | Path) -> list[dict]:
    """Rows of zone registry CSVs (name, short_name, province, city, level, aliases, ...), every
    cell stripped, `aliases` as a list."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    rows = []
    for path in paths:
        for row in _rows(path):
            row["aliases"] = split_list(row.get("aliases"))
            rows.append(row)
    return rows


def read_metric_rows(path: str | Path) -> list[dict]:
    """Rows of the metric catalogue CSV (code, name_zh, name_en, unit, family, synonyms), every cell
    stripped, `synonyms` as a list."""
    rows = _rows(path)
    for row in rows:
        row["synonyms"] = split_list(row.get("synonyms"))
    return rows
