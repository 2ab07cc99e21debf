"""reverse() for an address a page repeats hundreds of times with different ids: the pattern is
resolved once per view and the id filled in, instead of a resolver walk per link."""

from functools import lru_cache
from urllib.parse import quote

from django.urls import get_script_prefix, reverse
from django.utils.http import RFC3986_SUBDELIMS

# Matched by both int and slug converters, and found in no other part of an address.
_PLACEHOLDER = "987654321"
# What reverse() leaves unquoted in an argument.
_SAFE = RFC3986_SUBDELIMS + "/~:@"


@lru_cache(maxsize=64)
def _halves(script_prefix: str, view_name: str) -> tuple[str, str]:
    # Keyed on the script prefix, which reverse() puts in front.
    before, after = reverse(view_name, args=[_PLACEHOLDER]).split(_PLACEHOLDER)
    return before, after


def _filled(before: str, after: str, argument: int | str) -> str:
    text = str(argument) if type(argument) is int else quote(str(argument), safe=_SAFE)
    return f"{before}{text}{after}"


def reverser(view_name: str):
    """`argument -> reverse(view_name, args=[argument])` for a view taking one id or slug, quoted as
    reverse() does; the script prefix read once, for a loop over many rows."""
    before, after = _halves(get_script_prefix(), view_name)
    return lambda argument: _filled(before, after, argument)


def reverse_with(view_name: str, argument: int | str) -> str:
    """reverse(view_name, args=[argument]) for a view taking one id or slug."""
    return _filled(*_halves(get_script_prefix(), view_name), argument)


@lru_cache(maxsize=64)
def _fixed(script_prefix: str, view_name: str) -> str:
    return reverse(view_name)


def reverse_fixed(view_name: str) -> str:
    """reverse(view_name) of a view without arguments, resolved once."""
    return _fixed(get_script_prefix(), view_name)
