"""An article's text cut at the quotes of its indicators, for the pages that mark figures in the text
(the article page and the review page)."""

import itertools
from dataclasses import dataclass, field

from metrics.models import Indicator


@dataclass
class Segment:
    """A stretch of the article's text and the figures quoting it (none for plain text)."""

    text: str
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def is_reviewed(self) -> bool:
        return all(indicator.is_reviewed for indicator in self.indicators)


def text_segments(text: str, indicators) -> list[Segment]:
    """The text cut where quotes of the (not rejected) indicators start and end; quotes may overlap."""
    quoted = [
        indicator
        for indicator in indicators
        if indicator.review_state != Indicator.ReviewState.REJECTED
        and indicator.quote_start is not None
        and indicator.quote_end is not None
        and 0 <= indicator.quote_start < indicator.quote_end <= len(text)
    ]
    cuts = sorted({0, len(text), *(i.quote_start for i in quoted), *(i.quote_end for i in quoted)})
    return [
        Segment(text[start:end], [i for i in quoted if i.quote_start <= start and end <= i.quote_end])
        for start, end in itertools.pairwise(cuts)
    ]
