"""How drf-spectacular describes the API (kept apart from config.api_support, which DRF's settings
import while DRF itself is still loading)."""
from django.conf import settings
from drf_spectacular import openapi
from rest_framework.permissions import SAFE_METHODS


class AutoSchema(openapi.AutoSchema):
    def get_auth(self):
        """Reading needs no credentials unless settings.API_READ_REQUIRES_LOGIN (see ReadOpenEditorsWrite),
        which spectacular cannot tell from a permission class of ours."""
        auths = super().get_auth()
        if self.method in SAFE_METHODS and not settings.API_READ_REQUIRES_LOGIN and {} not in auths:
            auths.append({})
        return auths
