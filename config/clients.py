"""Who a request came from, as far as the deployment can vouch for it."""

from django.conf import settings


def client_address(request) -> str:
    """The client's IP address: the connection's, or — behind a trusted proxy (TRUSTED_PROXY) — the
    address that proxy appended last to X-Forwarded-For; addresses before it are the client's own
    say. The same rule as the API throttles' (REST_FRAMEWORK["NUM_PROXIES"])."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.TRUSTED_PROXY and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
