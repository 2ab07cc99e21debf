from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def plain_number(value):
    """A stored decimal as people write it: 320, 116.2, -3.4 (not 320.000000 nor 3.2E+2)."""
    if not isinstance(value, Decimal):
        return value
    return format(value.normalize(), "f")


# The qualifiers Chinese writes after the number (40个以上); the others come before (突破100亿元).
TRAILING_QUALIFIERS = {"以上", "左右", "以下"}


@register.filter
def as_written(figure):
    """A figure's (or indicator's) value with its unit and qualifier, in the order of the text."""
    number = f"{plain_number(figure.value)}{figure.unit}"
    if figure.qualifier in TRAILING_QUALIFIERS:
        return f"{number}{figure.qualifier}"
    return f"{figure.qualifier}{number}"
