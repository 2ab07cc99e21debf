"""Error pages for requests refused before any view runs."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.utils.translation import gettext as _


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
