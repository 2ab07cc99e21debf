"""Title, source and publication date stated in an article's page header."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# The header is where sites print source and date; body dates are about events.
HEADER_CHARS = 800
SOURCE = re.compile(r"来源\s*[:：]\s*([^\s\d:：|()（）]{2,20})")
DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)(?!\d)"
)
DATE_LABEL = re.compile(r"(日期|时间|发布|发表|来源|更新)\s*[:：]?\s*$")
TITLE_PREFIX = re.compile(r"^(正在阅读|标题)\s*[:：]\s*")
# "Headline - Site name" / "Headline_Site"
TITLE_SITE_SUFFIX = re.compile(r"\s*[-_|]\s*[^-_|]{2,15}$")
TITLE_MIN, TITLE_MAX = 6, 80


@dataclass(frozen=True)
class ArticleMetadata:
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None


def _date(match: re.Match) -> dt.date | None:
    year = int(match.group(1))
    month = int(match.group(2) or match.group(4))
    day = int(match.group(3) or match.group(5))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_published(text: str) -> dt.date | None:
    """A labelled header date (日期:, 发布时间:, 来源:X 2024-02-01) first, else the
    first complete date in the header."""
    header = text[:HEADER_CHARS]
    dates = [(m, _date(m)) for m in DATE.finditer(header)]
    dates = [(m, d) for m, d in dates if d]
    for match, date in dates:
        line_start = header.rfind("\n", 0, match.start()) + 1
        before = header[line_start : match.start()]
        if DATE_LABEL.search(before) or SOURCE.search(before) or not before.strip():
            return date
    return dates[0][1] if dates else None


def find_source(text: str) -> str | None:
    match = SOURCE.search(text[:HEADER_CHARS])
    return match.group(1) if match else None


def find_title(text: str, body: str) -> str | None:
    """First header line that survived boilerplate masking or carries a
    '正在阅读:' prefix, looks like a headline, and is not a sentence."""
    for raw, kept in zip(text[:HEADER_CHARS].split("\n"), body[:HEADER_CHARS].split("\n"), strict=False):
        line = raw.strip()
        prefixed = TITLE_PREFIX.match(line)
        if not kept.strip() and not prefixed:
            continue
        line = TITLE_PREFIX.sub("", line)
        line = TITLE_SITE_SUFFIX.sub("", line) if len(line) > 20 else line
        if (
            TITLE_MIN <= len(line) <= TITLE_MAX
            and "。" not in line
            and not line.endswith((":", "："))
            and not DATE.search(line)
            and "来源" not in line
        ):
            return line
    return None


def extract_metadata(text: str, body: str) -> ArticleMetadata:
    """`text` is the normalised article, `body` the same with furniture masked."""
    return ArticleMetadata(find_title(text, body), find_source(text), find_published(text))
