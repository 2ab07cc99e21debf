import django_filters
from django.contrib.auth.models import User

from lib.filters import FilterSet


class UserFilter(FilterSet):
    username = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = User
        fields = ["username", "id"]


def test_the_form_class_is_built_once_and_each_request_validates_its_own_data():
    first, second = UserFilter({"username": "ann"}), UserFilter({"id": "seven"})
    assert first.get_form_class() is second.get_form_class()
    assert first.is_valid() and first.form.cleaned_data["username"] == "ann"
    assert not second.is_valid() and list(second.errors) == ["id"]
    assert not second.form.cleaned_data["username"]
