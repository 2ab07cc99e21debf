"""Amounts shown in one unit per table: 6380亿元 next to 1.15万亿元 reads as 6380亿元 and 11500亿元.

Only sums of money are rescaled (元, 万元, 亿元, 万亿元; the same for 美元): the catalogue's unit is the
smallest one shown, and a larger one is chosen only when every amount in the table is at least 1 in it.
"""

from decimal import ROUND_HALF_UP, Decimal

from django import template

from extraction.units import parse_unit
from metrics.templatetags.figures import plain_number, with_qualifier

register = template.Library()

MONEY_FAMILIES = {"cny", "usd"}
PREFIXES = ("万", "亿", "万亿")
SHOWN_PLACES = Decimal("0.01")


def scale(unit: str) -> tuple[str, Decimal] | None:
    """(family, factor to the family's reference unit) for a sum of money; None for anything else."""
    parsed = parse_unit(unit) if unit else None
    if parsed is None or parsed[0] not in MONEY_FAMILIES:
        return None
    return parsed[0], Decimal(str(parsed[1]))


def larger_units(unit: str) -> list[str]:
    """元 → 万元, 亿元, 万亿元; 亿元 → 万亿元 (the units of the same money that are larger)."""
    root = unit
    for prefix in sorted(PREFIXES, key=len, reverse=True):
        if unit.startswith(prefix):
            root = unit[len(prefix) :]
            break
    own = scale(unit)
    return [prefix + root for prefix in PREFIXES if (s := scale(prefix + root)) and own and s[1] > own[1]]


def table_unit(amounts, unit: str) -> str:
    """The unit to show a table's amounts (given in `unit`) in."""
    own = scale(unit)
    nonzero = [abs(amount) for amount in amounts if amount]
    if own is None or not nonzero:
        return unit
    smallest = min(nonzero) * own[1]
    chosen = unit
    for candidate in larger_units(unit):
        if smallest >= scale(candidate)[1]:
            chosen = candidate
    return chosen


def converted(amount: Decimal, unit: str, shown_unit: str) -> Decimal | None:
    source, target = scale(unit), scale(shown_unit)
    if source is None or target is None or source[0] != target[0]:
        return None
    return (amount * source[1] / target[1]).quantize(SHOWN_PLACES, rounding=ROUND_HALF_UP)


def amounts_of(rows) -> list[Decimal]:
    return [f.amount for row in rows if row for f in row.chosen_values if f.amount is not None]


@register.filter
def rows_unit(rows) -> str:
    """The unit for the amounts of these progress rows (all on one metric and kind); none (each as
    written) when they are not all in one unit."""
    units = {f.amount_unit for row in rows if row for f in row.chosen_values}
    return table_unit(amounts_of(rows), units.pop()) if len(units) == 1 else ""


@register.filter
def comparison_row_unit(comparison_row) -> str:
    return rows_unit([cell.progress for cell in comparison_row.cells])


@register.filter
def ranking_unit(ranking) -> str:
    return rows_unit([entry.progress for entry in ranking])


@register.filter
def in_unit(chosen, shown_unit: str) -> str:
    """A chosen value in the table's unit, with its qualifier (超过11500亿元); as written when its
    amount cannot be shown in that unit."""
    amount = converted(chosen.amount, chosen.amount_unit, shown_unit) if chosen.amount is not None else None
    if amount is None:
        return with_qualifier(plain_number(chosen.value), chosen.unit, chosen.qualifier)
    return with_qualifier(plain_number(amount), shown_unit, chosen.qualifier)
