"""format_html for markup a page repeats thousands of times (the cells of a large table)."""

import html

from django.utils.functional import Promise
from django.utils.safestring import SafeString


def escaped(value) -> str:
    """conditional_escape's result: markup kept, anything else escaped as django.utils.html.escape
    does (html.escape of its text, quotes included), without the lazy-string wrapper around escape
    that costs most of a conditional_escape call."""
    if type(value) is str:  # most arguments: skip looking for __html__ (a failed lookup is slow)
        return html.escape(value)
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def format_html(format_string: str, *args) -> SafeString:
    """django.utils.html.format_html with positional arguments, the same markup in about a third of
    the time: a table of a thousand cells calls it several thousand times."""
    # SafeString(), as mark_safe gives for a str, without mark_safe's lazy-string wrapper.
    return SafeString(format_string.format(*map(escaped, args)))
