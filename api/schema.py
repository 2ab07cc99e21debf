"""How drf-spectacular describes the API. Kept apart from api.support: DRF loads the default
paginator from there while defining its generic views, which drf-spectacular's openapi module imports."""

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
