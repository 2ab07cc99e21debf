from django.conf import settings
from django.utils import translation


class ChineseFirstLocaleMiddleware:
    """Serve the interface in simplified Chinese unless the visitor chose another language in the
    language menu (Django's set_language view stores the choice in a cookie).

    Django's LocaleMiddleware would also follow the browser's Accept-Language, which turns the
    dashboard English for staff whose browsers happen to be set up in English; ZoneScope is
    Chinese first, so only an explicit choice switches it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        # Pages differ by the language cookie, so caches must key on cookies.
        response.headers["Vary"] = ", ".join(filter(None, [response.headers.get("Vary"), "Cookie"]))
        return response


class PermissionsPolicyMiddleware:
    """Every response says which browser features the site may use (settings.PERMISSIONS_POLICY): none
    of camera, microphone, location and the like, so that injected or embedded content cannot ask."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
