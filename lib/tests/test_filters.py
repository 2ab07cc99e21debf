import django_filters
from django.contrib.auth.models import User
from django.utils import translation

from lib.filters import FilterSet


class UserFilter(FilterSet):
    username = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = User
        fields = ["username", "id", "is_staff"]


def test_the_form_class_is_built_once_and_each_request_validates_its_own_data():
    first, second = UserFilter({"username": "ann"}), UserFilter({"id": "seven"})
    assert first.get_form_class() is second.get_form_class()
    assert first.is_valid() and first.form.cleaned_data["username"] == "ann"
    assert not second.is_valid() and list(second.errors) == ["id"]
    assert not second.form.cleaned_data["username"]


def test_default_labels_are_in_the_language_of_the_request():
    with translation.override("en"):
        english = UserFilter({}).form.fields["is_staff"].label
    with translation.override("zh-hans"):
        chinese = UserFilter({}).form.fields["is_staff"].label
    assert english == "Staff status" and chinese == "工作人员状态"
