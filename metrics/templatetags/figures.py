from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from extraction.vocabulary import CUMULATIVE

register = template.Library()


@register.filter
def plain_number(value):
    """A stored decimal as people write it: 320, 116.2, -3.4 (not 320.000000 nor 3.2E+2)."""
    if not isinstance(value, Decimal):
        return value
    return format(value.normalize(), "f")


# The qualifiers Chinese writes after the number (40个以上); the others come before (突破100亿元).
TRAILING_QUALIFIERS = {"以上", "左右", "以下"}
# Words that say nothing a bare number does not (达到3156家 is 3156家).
SILENT_QUALIFIERS = {"达到"}


@register.filter
def as_written(figure):
    """A figure's (or indicator's) value with its unit and qualifier, in the order of the text."""
    return with_qualifier(f"{plain_number(figure.value)}{figure.unit}", figure.qualifier)


def with_qualifier(number: str, qualifier: str) -> str:
    """突破100亿元, 40个以上; 3156家 for 达到3156家."""
    if qualifier in SILENT_QUALIFIERS:
        return number
    if qualifier in TRAILING_QUALIFIERS:
        return f"{number}{qualifier}"
    return f"{qualifier}{number}"


@register.filter
def period_text(label: str) -> str:
    """A stored period label as people read it: 2024–2026 for 2024..2026, "to date" for cumulative."""
    if label == CUMULATIVE:
        return _("to date")
    return label.replace("..", "–")
