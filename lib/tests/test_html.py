import pytest
from django.utils import html as django_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from lib.html import format_html


@pytest.mark.parametrize(
    "arguments",
    [
        ("plain", "引文“号”"),
        ('<script>alert("x")</script>', "a & b 'c'"),
        (mark_safe("<b>kept</b>"), 12),
        (gettext_lazy("Target"), None),
        (3.5, mark_safe("&amp;")),
    ],
)
def test_the_same_markup_as_djangos_format_html(arguments):
    template = '<a href="{}" title="{}">{}</a>'
    ours = format_html(template, *arguments, "末")
    assert ours == django_html.format_html(template, *arguments, "末")
    assert isinstance(ours, SafeString)
