"""How lists are filtered. Kept apart from api.filters (the filter sets, which import models): DRF
imports its default filter backend while it is still loading, before any model may be."""

from django.core.exceptions import ValidationError
from django_filters import ModelChoiceFilter
from django_filters import utils as filter_utils
from django_filters.rest_framework import DjangoFilterBackend

from api.support import NamesNothing


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, except that a filter naming a zone, metric or article that does not
    exist is 404 (NamesNothing) rather than 400: the request is well formed, what it names is not there."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            if names_nothing(filterset):
                raise NamesNothing(filterset.errors)
            raise filter_utils.translate_validation(filterset.errors)
        return filterset.qs


def names_nothing(filterset) -> bool:
    """Every problem of the filters is an object asked for by a well-formed name that does not exist."""
    errors = filterset.form.errors.as_data()
    return all(
        error.code == "invalid_choice" and well_formed_name(filterset, name)
        for name, field_errors in errors.items()
        for error in field_errors
    )


def well_formed_name(filterset, name: str) -> bool:
    """The filter chooses an object and its value could name one (an id is a number)."""
    chooser = filterset.filters.get(name)
    if not isinstance(chooser, ModelChoiceFilter):
        return False
    model = chooser.queryset.model
    key = model._meta.get_field(chooser.extra.get("to_field_name") or model._meta.pk.name)
    try:
        key.to_python(filterset.form.data.get(name))
    except ValidationError:
        return False
    return True
