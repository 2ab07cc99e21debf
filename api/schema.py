"""How drf-spectacular describes the API. Kept apart from api.support: DRF loads the default
paginator from there while defining its generic views, which drf-spectacular's openapi module imports."""

import re

from django.conf import settings
from drf_spectacular import openapi
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from rest_framework.permissions import SAFE_METHODS


class AutoSchema(openapi.AutoSchema):
    def get_auth(self):
        """Reading needs no credentials unless settings.API_READ_REQUIRES_LOGIN (see
        api.permissions), which spectacular cannot tell from a permission class of ours."""
        auths = super().get_auth()
        if self.method in SAFE_METHODS and not settings.API_READ_REQUIRES_LOGIN and {} not in auths:
            auths.append({})
        return auths


class TokenScheme(KnoxTokenScheme):
    """`Authorization: Token …` for our knox authentication (api.authentication)."""

    target_class = "api.authentication.ThrottledTokenAuthentication"
    name = "tokenAuth"


# Query parameters where a blank value is refused like any other wrong value; everywhere else a blank
# value means "not given" (django-filter's convention, DRF's for ?format= and ?page=).
BLANK_REFUSED = frozenset({"page_size", "zones"})
BLANK = {"type": "string", "maxLength": 0}


def blank_means_not_given(result, generator, request, public):
    """drf-spectacular postprocessing hook: the schema of each query parameter that takes a blank
    value as "not given" admits the blank value, as the API does."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and parameter["name"] not in BLANK_REFUSED:
                    parameter["schema"] = admitting_blank(parameter["schema"])
    return result


def admitting_blank(schema: dict) -> dict:
    if schema.get("type") == "string" and "pattern" not in schema and "enum" not in schema:
        # Django's form fields refuse a NUL character (400) in any text.
        schema = {**schema, "pattern": "^[^\\x00]*$"}
    if "enum" in schema:
        return {**schema, "enum": list(dict.fromkeys([*schema["enum"], ""]))}
    if (
        schema.get("type") == "string"
        and not schema.get("minLength")
        and re.search(schema.get("pattern", ""), "")
    ):
        return schema  # a string that may be empty already
    return {"anyOf": [schema, BLANK]}
