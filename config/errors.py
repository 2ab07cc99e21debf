"""Error pages for requests refused before any view runs."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults

from api.support import error_body


def bad_request(request, exception):
    """400: a form submitted with more than a report may have (pasted text over the limit) says so;
    Django refuses it while reading the form, before the upload page could."""
    if isinstance(exception, RequestDataTooBig):
        message = _("The request is larger than the %(limit).1f MB a report may have.") % {
            "limit": settings.MAX_UPLOAD_BYTES / 1_048_576
        }
    else:
        message = _("The request could not be understood.")
    return render(request, "400.html", {"message": message}, status=400)


def server_error(request):
    """500: under /api/ in the API's one error shape (a program reads it), elsewhere the site's page.
    DRF's views answer their own errors so (api.support); this catches what fails outside them."""
    if request.path.startswith("/api/"):
        body = error_body(500, "server_error", _("The server failed to answer; the error has been logged."))
        return JsonResponse(body, status=500, json_dumps_params={"ensure_ascii": False})
    return defaults.server_error(request)
