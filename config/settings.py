"""ZoneScope settings. Every value that differs between machines is read from the environment here,
and only here.

Environment:
  DATABASE_URL     postgres://user:pass@host:port/name; unset = embedded PostgreSQL in var/pgdata
  SECRET_KEY       required when DEBUG is off: at least 50 characters, not the development key
  DEBUG            1/0 (default 0; `make run`, `make setup` and the tests set 1)
  ALLOWED_HOSTS    comma-separated host names (default: localhost names when DEBUG)
  CSRF_TRUSTED_ORIGINS  comma-separated origins, e.g. https://zonescope.example.org
  SECURE_SSL_REDIRECT   1/0 (default 1 when DEBUG is off); set 0 behind a proxy that redirects
  SECURE_COOKIES   1/0 (default 1 when DEBUG is off): session/CSRF cookies over HTTPS only
  API_READ_REQUIRES_LOGIN  1/0 (default 0): close the read API to anonymous clients
  API_ANON_RATE, API_USER_RATE  API throttling, e.g. 120/minute (anonymous), 600/minute (per user)
  BACKGROUND_EXTRACTION_BYTES  reports with more text (UTF-8 bytes) are extracted by a job worker
                   (default 100 KiB); smaller ones while the upload waits
  ZONESCOPE_DATA_DIR  where the embedded database lives (default: <project>/var)
  TRUSTED_PROXY    1/0 (default 0): a proxy in front sets X-Forwarded-Proto/-For, which are then believed
  EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, DEFAULT_FROM_EMAIL
                   outgoing mail; password reset by email exists only when EMAIL_HOST is set
  REDIS_URL        redis://host:6379/0 for the shared cache; unset = the database cache
  LOGIN_FAILURE_LIMIT, LOGIN_LOCKOUT_MINUTES  failed logins before a lockout (default 5), its length (15)
  API_TOKEN_DAYS   how long an API token is valid (default 90)
  API_TOKEN_FAILURE_RATE  wrong API tokens accepted per client (default 10/minute), then 429
  MAX_TEXT_CHARS, MAX_PDF_PAGES, MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO, EXTRACTION_SECONDS  bounds of
                   the work one report may cost (see articles.limits)
  DATABASE_CONN_MAX_AGE  seconds a database connection is kept between requests (default 60; 0: close)
"""

import os
from datetime import timedelta
from pathlib import Path

import orjson

from config.database import DEFAULT_CONN_MAX_AGE, database_config
from config.secret_key import DEVELOPMENT_KEY, production_secret_key
from lib.env import env_flag, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent


# Off unless asked for: a server started without configuration must not show tracebacks.
DEBUG = env_flag("DEBUG", False)

if DEBUG:
    SECRET_KEY = os.environ.get("SECRET_KEY") or DEVELOPMENT_KEY
else:
    SECRET_KEY = production_secret_key(os.environ.get("SECRET_KEY", ""))

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DATA_DIR = Path(os.environ.get("ZONESCOPE_DATA_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "axes",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "procrastinate.contrib.django",
    "accounts",
    "zones",
    "articles",
    "metrics",
    "ingestion",
    "review",
    "dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": database_config(
        os.environ.get("DATABASE_URL"),
        DATA_DIR / "pgdata",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", DEFAULT_CONN_MAX_AGE),
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Behind a proxy (TLS terminated in front), the proxy says which scheme and client a request came from;
# without one, anybody could say so in those headers.
TRUSTED_PROXY = env_flag("TRUSTED_PROXY", False)

# Shared by every worker process, so that throttling and lockouts count each client once and a page
# fragment is worked out once for all: the database cache (tables made by `createcachetable`) needs
# nothing more than PostgreSQL; Redis is faster under load and is used when REDIS_URL names one.
# Page fragments have a cache of their own ("fragments"): dropping old fragments to make room
# must never drop a client's throttle count (in Redis the two share the server's memory). Each
# database cache holds up to 2,000 entries (page fragments are compressed to a few tens of KB)
# before it drops a third of them.
REDIS_URL = os.environ.get("REDIS_URL", "")


def cache_settings(table: str) -> dict:
    if REDIS_URL:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": table,
        }
    return {
        "BACKEND": "lib.caches.CompressingDatabaseCache",
        "LOCATION": table,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }


CACHES = {"default": cache_settings("zonescope_cache"), "fragments": cache_settings("zonescope_fragments")}

# Failed logins (the login page, the admin's and password reset's) are counted per user name and
# client address by django-axes, in the database; after LOGIN_FAILURE_LIMIT the pair is locked out
# for LOGIN_LOCKOUT_MINUTES. `manage.py axes_reset` lifts every lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "config.clients.client_address"

# Password reset sends a link by email: offered only where mail can be sent.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
PASSWORD_RESET_ENABLED = bool(EMAIL_HOST)

# Scripts only from our own static files (Chart.js included), never inline; the JSON data blocks of
# the charts are not scripts. Swagger UI's is served as a file too (api.urls).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Browser features the site never uses, refused to it and anything it might embed (config.middleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)

# Translations: msgids are English in code and templates; locale/zh_Hans/ gives the Chinese of the
# default UI, locale/en/ the English of the few msgids written in Chinese (zone levels, site name).
# After changing strings: manage.py makemessages -l zh_Hans -l en --no-location --ignore=.venv
# --ignore=var --ignore="*/tests/*", translate, compilemessages; commit the .po and the .mo files.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Uploaded reports: larger files are refused with a clear message (see articles.decoding), and so is
# any report that would cost more work than these bounds allow (articles.limits), before that work.
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
MAX_TEXT_CHARS = env_int("MAX_TEXT_CHARS", 300_000)
MAX_PDF_PAGES = env_int("MAX_PDF_PAGES", 500)
MAX_UNZIPPED_BYTES = env_int("MAX_UNZIPPED_BYTES", 50 * 1024 * 1024)
MAX_ZIP_RATIO = env_int("MAX_ZIP_RATIO", 100)
EXTRACTION_SECONDS = env_int("EXTRACTION_SECONDS", 20)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024

# Extraction of a report with more text than this runs as a job (ingestion/tasks.py) on a worker
# (`manage.py procrastinate worker`); the upload answers at once with the job's address.
BACKGROUND_EXTRACTION_BYTES = env_int("BACKGROUND_EXTRACTION_BYTES", 100 * 1024)

API_READ_REQUIRES_LOGIN = env_flag("API_READ_REQUIRES_LOGIN", False)

# The REST API under /api/v1/ (api/urls.py); its plumbing lives in api/support.py.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous write then gets 401 with a WWW-Authenticate header, not 403.
        "api.authentication.ThrottledTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.ReadOpenEditorsWrite"],
    "DEFAULT_RENDERER_CLASSES": [
        # DRF's JSON, written by orjson (a 100-row list in a tenth of the json module's time).
        "drf_orjson_renderer.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["api.filtering.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.support.PageNumberPagination",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "api.authentication.SignedInRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "120/minute"),
        "user": os.environ.get("API_USER_RATE", "600/minute"),
        "token_failure": os.environ.get("API_TOKEN_FAILURE_RATE", "10/minute"),
    },
    # The client's address: REMOTE_ADDR, or the one address the trusted proxy added.
    "NUM_PROXIES": 1 if TRUSTED_PROXY else 0,
    "EXCEPTION_HANDLER": "api.support.error_response",
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # Subclasses of dict, list and str through the renderer's conversion: a form's ErrorList is a
    # list subclass keeping its items elsewhere, which orjson on its own writes as [].
    "ORJSON_RENDERER_OPTIONS": (orjson.OPT_PASSTHROUGH_SUBCLASS,),
}
# API tokens (django-rest-knox): stored as hashes, valid for API_TOKEN_DAYS; `create_api_token USER`.
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=env_int("API_TOKEN_DAYS", 90)),
    "AUTH_HEADER_PREFIX": "Token",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ZoneScope API",
    "DESCRIPTION": "High-tech zones, their indicators (targets and achievements) and comparisons.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.blank_means_not_given",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "articles.models.Article.Status",
        "ReportKindEnum": "articles.models.Article.ReportKind",
        "IndicatorKindEnum": "metrics.models.Indicator.Kind",
        "ProgressStatusEnum": "dashboard.progress.Status",
        "JobStateEnum": "ingestion.selectors.JobState",
    },
}

# Production hardening: on whenever DEBUG is off (`manage.py check --deploy` passes).
if not DEBUG:
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    if TRUSTED_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 30)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", False)
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # The embedded server's start/stop chatter is not news; nor is procrastinate's task registration at
    # every start (its workers' job log is), nor axes' note at every successful login.
    "loggers": {
        "pgserver": {"level": "WARNING"},
        "procrastinate.blueprints": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
