"""The pieces every table of targets and results repeats: a chosen value, linked to its quote, a
row's progress with its status, and a comparison's row of cells.

Tags written in Python rather than included templates: a zone summary or a comparison repeats them
hundreds of times, and each include is a template render of its own (two thirds of such a page's
time at a thousand cells).
"""

from functools import lru_cache

from django import template
from django.utils.formats import localize
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from dashboard.progress import ChosenValue, TargetProgress
from dashboard.selectors import ComparisonRow
from dashboard.templatetags.amounts import comparison_row_unit, in_unit
from lib.html import format_html
from lib.urls import reverse_fixed, reverse_with
from metrics.templatetags.figures import as_written

register = template.Library()


@lru_cache(maxsize=16)
def cell_words(language: str) -> dict[str, str]:
    """The fixed words of the cells, translated once per language (`language` is the active one):
    each gettext looks the language up in a context-local, which costs more than the cell's markup."""
    return {
        "quoted": _("Quoted from a report of %(date)s"),
        "implied_why": _("Implied by a completion ratio, not stated in the report."),
        "implied": _("implied"),
        "checked": _("Checked by an editor."),
        "how_decided": _("How this status is decided"),
        "gone": _("%(elapsed_percent)s%% of the period gone"),
        "no_figure": _("no figure"),
        "target": _("Target"),
        "achieved": _("Achieved"),
    }


@register.simple_tag
def chosen_value(chosen: ChosenValue | None, shown_unit: str = "") -> SafeString:
    """The value (in the table's unit, if it has one) linked to its quote, with its badges: implied,
    checked by an editor, other reports disagreeing."""
    if not chosen:
        return mark_safe('<span class="none">—</span>')
    language = get_language()
    words = cell_words(language)
    written = as_written(chosen)
    quoted = words["quoted"] % {"date": localized_date(language, chosen.published_on)}
    html = format_html(
        '<a class="figure-link" href="{}" title="{} · {}">{}</a>',
        chosen.url,
        quoted,
        written,
        in_unit(chosen, shown_unit) if shown_unit else written,
    )
    if chosen.derived:
        html += format_html(
            ' <span class="badge" title="{}">{}</span>', words["implied_why"], words["implied"]
        )
    if chosen.reviewed:
        html += format_html(' <span class="badge ok" title="{}">✓</span>', words["checked"])
    if chosen.disagreeing:
        others = ngettext(
            "%(counter)s other report gives a different figure.",
            "%(counter)s other reports give a different figure.",
            chosen.disagreeing,
        ) % {"counter": chosen.disagreeing}
        html += format_html(' <span class="badge warn" title="{}">≠{}</span>', others, chosen.disagreeing)
    return html


@lru_cache(maxsize=4096)
def localized_date(language: str, day) -> str:
    """A date as the language writes it; tables repeat the same few hundred publication dates."""
    return localize(day) or "—"


def percent(share) -> int:
    """A share as a whole percentage, rounded as the `widthratio` tag rounds."""
    return round(float(share) * 100)


@register.simple_tag
def progress_cell(row: TargetProgress) -> SafeString:
    """The completion bar and percentage (when there is one), the status linked to how it is
    decided, why there is no completion rate, and how much of the period has gone."""
    words = cell_words(get_language())
    html = mark_safe("")
    if row.progress is not None:
        html += format_html(
            '<progress max="100" value="{0}" aria-hidden="true"></progress> <span class="num">{0}%</span>',
            percent(row.progress),
        )
    html += format_html(
        '\n<a class="status status-{0}" href="{1}#status-{0}" title="{2}">{3}</a>',
        row.status,
        reverse_fixed("dashboard:methodology"),
        words["how_decided"],
        row.status_label,
    )
    if row.reason:
        html += format_html(' <small class="reason">{}</small>', row.reason)
    if row.elapsed is not None and row.elapsed < 1:
        gone = words["gone"] % {"elapsed_percent": percent(row.elapsed)}
        html += format_html(' <small class="elapsed">{}</small>', gone)
    return html


@register.simple_tag
def comparison_table_row(row: ComparisonRow, year: int | None) -> SafeString:
    """One metric and kind of a comparison: its title (linked to its ranking), then each zone's
    target and result, each with its period when it is not the year compared, and progress."""
    title = row.title
    if row.metric:
        query = urlencode({"year": year, "kind": row.kind} if year else {"kind": row.kind})
        title = format_html(
            '<a href="{}?{}">{}</a>', reverse_with("dashboard:metric", row.metric.code), query, title
        )
    html = format_html('<tr><th scope="row">{} <small class="kind">{}</small></th>\n', title, row.kind_label)
    shown_unit, compared = comparison_row_unit(row), "" if year is None else str(year)
    words = cell_words(get_language())
    for cell in row.cells:
        progress = cell.progress
        if not progress:
            html += format_html('<td><span class="none">{}</span></td>', words["no_figure"])
            continue
        target, achieved = progress.target, progress.achievement
        target_period = achieved_period = ""
        if target and progress.period_label != compared:
            target_period = format_html(' <small class="period">({})</small>', progress.period_label)
        if achieved and achieved.period.label != compared:
            achieved_period = format_html(' <small class="period">({})</small>', achieved.period.display)
        html += format_html(
            '<td>\n  <dl class="cell">\n    <dt>{}</dt><dd>{}{}</dd>\n    <dt>{}</dt><dd>{}{}</dd>\n  </dl>\n'
            "  {}\n</td>",
            words["target"],
            chosen_value(target, shown_unit),
            target_period,
            words["achieved"],
            chosen_value(achieved, shown_unit),
            achieved_period,
            progress_cell(progress),
        )
    return html + mark_safe("</tr>")
