"""The uploaded text with each extracted figure marked, as HTML built from escaped pieces so that
nothing in a report can become markup. The text is cut as on the review page (`text_segments`)."""

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from metrics.quotes import text_segments


def highlighted_text(text: str, indicators) -> SafeString:
    """Each quoted stretch in a <mark> linking to the figure's entry in the list beside the text;
    each figure's anchor (`#indicator-<pk>`) where its quote starts. Figures whose offsets do not
    fit the text are left unmarked."""
    pieces = []
    position = 0
    for segment in text_segments(text, indicators):
        if segment.indicators:
            starting_here = ((i.pk,) for i in segment.indicators if i.quote_start == position)
            pieces.append(
                format_html(
                    '<mark class="figure" title="{}">{}<a href="#figure-{}">{}</a></mark>',
                    "；".join(str(i) for i in segment.indicators),
                    format_html_join("", '<span class="anchor" id="indicator-{}"></span>', starting_here),
                    segment.indicators[0].pk,
                    segment.text,
                )
            )
        else:
            pieces.append(escape(segment.text))
        position += len(segment.text)
    # Every piece went through escape or format_html, which escaped the report's own text.
    return mark_safe("".join(pieces))
