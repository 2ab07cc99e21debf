"""The SECRET_KEY a production start accepts: signing sessions, password-reset links and CSRF tokens
with a key anyone can read (the development key in this repository) or guess (short or a placeholder)
would hand every account to whoever reads it."""

from django.core.exceptions import ImproperlyConfigured

DEVELOPMENT_KEY = "development-only-key-not-for-production-use-zonescope-0123456789"
MIN_LENGTH = 50
MIN_DISTINCT_CHARACTERS = 5
# Prefix of the keys `startproject` writes into settings files, which then get published.
_GENERATED_INSECURE_PREFIX = "django-insecure-"
GENERATE_HINT = "generate one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"


def production_secret_key(value: str) -> str:
    """`value` if it is fit to sign a production site's sessions; otherwise the start is refused,
    saying why."""
    if not value:
        problem = "SECRET_KEY must be set when DEBUG is off"
    elif value == DEVELOPMENT_KEY:
        problem = "SECRET_KEY is the development key published in the source code"
    elif value.startswith(_GENERATED_INSECURE_PREFIX):
        problem = (
            f"SECRET_KEY is a key Django generated for development (it starts “{_GENERATED_INSECURE_PREFIX}”)"
        )
    elif len(value) < MIN_LENGTH:
        problem = f"SECRET_KEY is {len(value)} characters long; at least {MIN_LENGTH} are required"
    elif len(set(value)) < MIN_DISTINCT_CHARACTERS:
        problem = (
            f"SECRET_KEY has only {len(set(value))} distinct characters; "
            f"at least {MIN_DISTINCT_CHARACTERS} are required"
        )
    else:
        return value
    raise ImproperlyConfigured(f"{problem} (DEBUG is off); {GENERATE_HINT}")
