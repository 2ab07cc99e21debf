import pytest
from django.contrib.auth.models import Group, Permission

from lib.copying import copy_new_rows

pytestmark = pytest.mark.django_db


def test_rows_are_copied_with_keys_from_the_sequence_as_bulk_create_sets_them():
    before = Group.objects.create(name="before")
    groups = [Group(name=f"copied {n}\t“引号” \\ {n}\n") for n in range(3)]
    copy_new_rows(groups)
    after = Group.objects.create(name="after")
    assert [group.pk for group in groups] == sorted(group.pk for group in groups)
    assert before.pk < groups[0].pk and groups[-1].pk < after.pk
    assert dict(Group.objects.filter(pk__in=[g.pk for g in groups]).values_list("pk", "name")) == {
        group.pk: group.name for group in groups
    }
    assert not groups[0]._state.adding


def test_rows_of_several_models_are_refused():
    with pytest.raises(TypeError, match="one model"):
        copy_new_rows([Group(name="a"), Permission(name="b", codename="b")])
    assert not Group.objects.filter(name="a").exists()
