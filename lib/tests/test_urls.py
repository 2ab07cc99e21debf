import pytest
from django.urls import reverse, set_script_prefix

from lib.urls import reverse_with


@pytest.mark.parametrize(
    ("view_name", "argument"),
    [("dashboard:article", 7), ("dashboard:article", 987654321), ("dashboard:zone", "wuhan-donghu"),
     ("api:zone-detail", "kunming")],
)  # fmt: skip
def test_an_address_is_the_one_reverse_gives(view_name, argument):
    assert reverse_with(view_name, argument) == reverse(view_name, args=[argument])


def test_the_script_prefix_is_followed():
    try:
        set_script_prefix("/zonescope/")
        assert (
            reverse_with("dashboard:article", 3)
            == "/zonescope/articles/3/"
            == reverse("dashboard:article", args=[3])
        )
    finally:
        set_script_prefix("/")
