"""The uploaded text with each extracted figure marked, built from escaped pieces so that
nothing in a report can become markup."""
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def quoted_spans(text: str, indicators) -> list[tuple[int, int, list]]:
    """Each figure's [start, end) in `text`, overlapping spans merged (one sentence can hold a
    result and the target it implies). Figures whose offsets do not fit the text are skipped."""
    spans = sorted(
        ((i.quote_start, i.quote_end, i) for i in indicators
         if i.quote_start is not None and i.quote_end is not None and 0 <= i.quote_start < i.quote_end <= len(text)),
        key=lambda span: (span[0], span[1], span[2].pk),
    )
    merged: list[tuple[int, int, list]] = []
    for start, end, indicator in spans:
        if merged and start < merged[-1][1]:
            last_start, last_end, members = merged[-1]
            merged[-1] = (last_start, max(last_end, end), [*members, indicator])
        else:
            merged.append((start, end, [indicator]))
    return merged


def highlighted_text(text: str, indicators) -> SafeString:
    pieces = []
    position = 0
    for start, end, members in quoted_spans(text, indicators):
        anchors = format_html_join("", '<span class="anchor" id="indicator-{}"></span>', ((i.pk,) for i in members))
        title = "；".join(str(i) for i in members)
        pieces.append(format_html('{}<mark class="figure" title="{}">{}<a href="#figure-{}">{}</a></mark>',
                                  text[position:start], title, anchors, members[0].pk, text[start:end]))
        position = end
    pieces.append(format_html("{}", text[position:]))
    # Every piece went through format_html, which escaped the report's own text.
    return mark_safe("".join(pieces))
