"""Plumbing shared by every API endpoint: addresses, how lists are paged, the CSV format, the one
shape every error takes and how these are documented. Who may do what: api.permissions."""

import csv
import io
import json
import logging

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import exceptions, pagination, renderers, serializers
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler, set_rollback

from lib.spreadsheets import BYTE_ORDER_MARK, escape_formula

logger = logging.getLogger(__name__)


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The absolute address of the object's page on the site, for people rather than programs."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class APIURLField(serializers.HyperlinkedIdentityField):
    """The object's API address, without the request's `?format=csv`, which single objects do not serve."""

    def get_url(self, obj, view_name, request, format):
        path = reverse(view_name, kwargs={self.lookup_url_kwarg: getattr(obj, self.lookup_field)})
        return request.build_absolute_uri(path)

    def to_representation(self, value):
        # A plain string: DRF's Hyperlink (a str subclass) is refused as a header value (Location) by wsgiref.
        return str(super().to_representation(value))


class ExistingSlugField(serializers.SlugRelatedField):
    """The slug of an existing object; a slug that names none is 404 (NamesNothing), one holding a
    NUL character is not even asked of PostgreSQL."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        try:
            return self.get_queryset().get(**{self.slug_field: data})
        except ObjectDoesNotExist:
            message = _("Object with %(slug_name)s=%(value)s does not exist.") % {
                "slug_name": self.slug_field,
                "value": data,
            }
            raise NamesNothing({self.field_name or self.parent.field_name: [message]}) from None
        except (TypeError, ValueError):
            self.fail("invalid")


# Addresses of single objects: what their lookup fields can hold, so that anything else is the
# API's 404 (api.urls) before it reaches the database.
SLUG_IN_ADDRESS = r"[-\w]+"
ID_IN_ADDRESS = r"[0-9]+"


class ChosenPageSize:
    """`?page_size=` from 1 to 500; anything else is refused, where DRF would silently use the default
    or the maximum. The schema states the bounds (and `page`'s: from 1; past the last page is 404)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        if self.page_size_query_param in request.query_params:
            try:
                chosen = int(request.query_params[self.page_size_query_param])
            except ValueError:
                chosen = 0
            if not 1 <= chosen <= self.max_page_size:
                problem = _("Enter a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
                raise exceptions.ValidationError({self.page_size_query_param: [problem]})
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size}}
        if getattr(self, "page_query_param", None):
            bounds[self.page_query_param] = {"minimum": 1}
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters


class PageLinksHeader:
    """The next and previous pages in a `Link` header too: a CSV download has nowhere else to say them."""

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        pages = {"next": self.get_next_link(), "prev": self.get_previous_link()}
        links = [f'<{url}>; rel="{relation}"' for relation, url in pages.items() if url]
        if links:
            response["Link"] = ", ".join(links)
        return response


class PageNumberPagination(ChosenPageSize, PageLinksHeader, pagination.PageNumberPagination):
    pass


class CursorPagination(ChosenPageSize, PageLinksHeader, pagination.CursorPagination):
    """For long, growing lists: pages stay stable while new rows are added."""

    ordering = "id"


class CSVRenderer(renderers.BaseRenderer):
    """`?format=csv`: one row per result, nested values flattened into dotted column names.
    UTF-8 with a byte-order mark, without which Excel reads Chinese as mojibake."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = [flatten(row) for row in result_rows(data)]
        serializer = row_serializer(data)
        if serializer is not None:
            columns = serializer_columns(serializer)
        else:
            columns = list(dict.fromkeys(column for row in rows for column in row))
        out = io.StringIO()
        out.write(BYTE_ORDER_MARK)
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().encode("utf-8")


def result_rows(data) -> list:
    if data is None:
        return []
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return data["results"]
    return data if isinstance(data, list) else [data]


def row_serializer(data) -> serializers.Serializer | None:
    """The serializer that made each row, where DRF left it on the data: with it the columns are
    the same whichever values happen to be empty."""
    serializer = getattr(data, "serializer", None)
    if isinstance(data, dict) and "results" in data:
        serializer = getattr(data["results"], "serializer", None) or (
            serializer and serializer.fields.get("results")
        )
    if isinstance(serializer, serializers.ListSerializer):
        serializer = serializer.child
    return serializer if isinstance(serializer, serializers.Serializer) else None


def serializer_columns(serializer: serializers.Serializer, prefix: str = "") -> list[str]:
    columns = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        if isinstance(field, serializers.Serializer):
            columns += serializer_columns(field, f"{prefix}{name}.")
        else:
            columns.append(f"{prefix}{name}")
    return columns


def flatten(value, prefix: str = "") -> dict:
    if not isinstance(value, dict):
        return {prefix or "value": cell(value)}
    row = {}
    for key, item in value.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        row.update(flatten(item, name) if isinstance(item, dict) else {name: cell(item)})
    return row


def cell(value):
    if isinstance(value, list):
        if all(not isinstance(item, (dict, list)) for item in value):
            return escape_formula("; ".join("" if item is None else str(item) for item in value))
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else escape_formula(value)


# For views other than viewsets (the comparison): JSON or CSV.
TABLE_RENDERERS = [*api_settings.DEFAULT_RENDERER_CLASSES, CSVRenderer]


class CSVListMixin:
    """For viewsets: the collection's address answers in CSV as well; single objects stay JSON.
    Decided by address, not action, so that any method there is first told whether it is allowed."""

    def get_renderers(self):
        renderers = super().get_renderers()
        return renderers if self.detail else [*renderers, CSVRenderer()]


def error_body(status: int, code: str, message: str, details: dict | None = None) -> dict:
    return {"error": {"status": status, "code": code, "message": str(message), "details": details or {}}}


class RequestTooLarge(exceptions.APIException):
    status_code = 413
    default_code = "too_large"


class NamesNothing(exceptions.NotFound):
    """A well-formed request naming a zone, metric or article that does not exist: 404, with the
    fields and values in `details` (a typo is not a malformed request)."""

    def __init__(self, problems: dict):
        super().__init__(first_problem(problems))
        self.problems = problems


class ServerError(exceptions.APIException):
    status_code = 500
    default_code = "server_error"
    default_detail = _("The server failed to answer; the error has been logged.")


def error_response(exc, context):
    """DRF's EXCEPTION_HANDLER: every API error as {"error": {status, code, message, details}}."""
    # Django's own exceptions become their DRF counterparts first, so that they have a code.
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge(
            _("The request is larger than the %(limit).1f MB a report may have.")
            % {"limit": settings.MAX_UPLOAD_BYTES / 1_048_576}
        )
    response = exception_handler(exc, context)
    if response is None:
        # Not an API error but a failure of ours: logged with its traceback, answered in the same
        # shape (and the transaction rolled back, as DRF does for its own errors).
        logger.error("API request failed: %s", context["request"].path, exc_info=exc)
        set_rollback()
        exc = ServerError()
        response = exception_handler(exc, context)
    if isinstance(exc, exceptions.ValidationError):
        details = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        message = f"{_('Invalid input.')} {first_problem(details)}".strip()
        response.data = error_body(response.status_code, "invalid", message, details)
    else:
        code = getattr(exc.detail, "code", None) or exc.default_code
        details = getattr(exc, "problems", None) or (
            {"wait_seconds": exc.wait} if getattr(exc, "wait", None) is not None else {}
        )
        response.data = error_body(response.status_code, code, exc.detail, details)
    return response


def first_problem(details, path: str = "") -> str:
    """The first error message of a (possibly nested) validation error, named by its field."""
    if isinstance(details, dict):
        for key, item in details.items():
            return first_problem(item, f"{path}.{key}" if path else str(key))
    if isinstance(details, list) and details:
        return first_problem(details[0], path)
    if path in ("", "non_field_errors"):
        return str(details)
    return f"{path}: {details}"


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    details = serializers.DictField()


class ErrorSerializer(serializers.Serializer):
    """The documented shape of every error response."""

    error = ErrorDetailSerializer()


def api_not_found(request, *args, **kwargs):
    """Addresses under /api/ that name nothing get the API's 404, not the site's HTML page."""
    body = error_body(404, "not_found", _("There is nothing at this API address."))
    return JsonResponse(body, status=404, json_dumps_params={"ensure_ascii": False})


FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv"],
    description=_("json (default) or csv: UTF-8 with a byte-order mark for Excel"),
)
ERROR_RESPONSE = OpenApiResponse(
    ErrorSerializer, description=_("The error, in the shape every API error takes.")
)


def error_responses(*statuses) -> dict:
    """The documented errors of an operation: `statuses`, and those any request may meet: 401 for a
    wrong token, 404 for an object, page or ?format= that does not exist (or a zone, metric or article
    named in a filter), 429 for too many requests, 500 for a failure of ours."""
    return dict.fromkeys(sorted({401, 404, 429, 500, *statuses}), ERROR_RESPONSE)


def list_schema(serializer):
    """The schema of a filtered list: a CSV variant, and 400 for filter values that make no sense."""
    return extend_schema(parameters=[FORMAT_PARAMETER], responses={200: serializer, **error_responses(400)})


def detail_schema(serializer):
    return extend_schema(responses={200: serializer, **error_responses()})


def read_only_schema(serializer):
    """For a read-only viewset: its list and its detail."""
    return extend_schema_view(list=list_schema(serializer), retrieve=detail_schema(serializer))
