"""Splitting a comparison's rows for the page: those with a figure first, the empty ones folded away."""

from django import template

register = template.Library()


def has_figures(row) -> bool:
    return any(cell.progress is not None for cell in row.cells)


@register.filter
def with_figures(rows) -> list:
    return [row for row in rows if has_figures(row)]


@register.filter
def without_figures(rows) -> list:
    return [row for row in rows if not has_figures(row)]
