"""python -m extraction FILE... --zones CSV [--zones CSV...] --metrics CSV [--zone NAME]
                         [--published YYYY-MM-DD] [--date-line] [--with-derived]

Prints one JSON line per indicator (GUIDE.md fields; doc = file basename).
Implied targets (derived from completion ratios) are left out unless
--with-derived is given, since they are not statements of the article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from .metric import MetricCatalogue
from .pipeline import ExtractionResult, extract
from .zones import ZoneGazetteer

# A corpus file's own header line giving the date it was published (DATE: 2022-01-20).
DATE_LINE = re.compile(r"^DATE:\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)
DATE_LINE_REACH = 400


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def date_line(text: str) -> dt.date | None:
    """The date of a `DATE:` line among the first lines of a corpus file."""
    match = DATE_LINE.search(text[:DATE_LINE_REACH])
    return _date(match.group(1)) if match else None


def read_text(path: Path) -> str:
    """A text file in UTF-8, or in the encoding charset-normalizer detects
    (Chinese pages are often GBK/GB18030)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes  # only needed for non-UTF-8 files

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extraction", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument(
        "--zones",
        action="append",
        required=True,
        type=Path,
        metavar="CSV",
        help="zone registry CSV (repeat for several files)",
    )
    parser.add_argument("--metrics", required=True, type=Path, metavar="CSV", help="metric catalogue CSV")
    parser.add_argument("--zone", help="zone of articles that never name theirs")
    parser.add_argument("--published", type=_date, help="publication date when the page states none")
    parser.add_argument(
        "--date-line",
        action="store_true",
        help="publication date of each file from its 'DATE: YYYY-MM-DD' line (else --published)",
    )
    parser.add_argument("--with-derived", action="store_true", help="also print implied targets")
    args = parser.parse_args(argv)
    gazetteer, catalogue = ZoneGazetteer.from_csv(args.zones), MetricCatalogue.from_csv(args.metrics)
    for path in args.files:
        text = read_text(path)
        published = (args.date_line and date_line(text)) or args.published
        result = extract(
            text, gazetteer=gazetteer, catalogue=catalogue, published=published, default_zone=args.zone
        )
        for line in jsonl_lines(result, path.name, with_derived=args.with_derived):
            print(line)
    return 0


def jsonl_lines(result: ExtractionResult, doc: str, *, with_derived: bool) -> Iterator[str]:
    """One article's indicators as GUIDE.md JSON lines; implied targets only when asked for."""
    for indicator in result.indicators:
        if with_derived or not indicator.derived:
            yield json.dumps(indicator.to_json(doc), ensure_ascii=False, default=str)


if __name__ == "__main__":
    sys.exit(main())
