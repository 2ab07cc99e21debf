"""Links to the page's table as CSV and XLSX: the same address and selection, plus `format`."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def export_links(context):
    query = context["request"].GET.copy()
    links = []
    for file_format, label in (("csv", "CSV"), ("xlsx", "XLSX")):
        query["format"] = file_format
        links.append(format_html('<a href="?{}" download>{}</a>', query.urlencode(), label))
    return format_html(
        '<p class="exports">{} {}</p>',
        _("Download this table:"),
        format_html(" · ".join(["{}"] * len(links)), *links),
    )
