"""How API clients prove who they are — django-rest-knox tokens (stored as hashes, expiring), with
wrong tokens throttled per client so that they cannot be guessed — and how often each may ask."""

from knox.auth import TokenAuthentication
from knox.settings import knox_settings
from rest_framework import exceptions
from rest_framework.authentication import get_authorization_header
from rest_framework.throttling import SimpleRateThrottle, UserRateThrottle


class TokenFailureThrottle(SimpleRateThrottle):
    """Counts a client's wrong tokens (rate "token_failure"); unlike DRF's throttles it is asked
    first and told of a failure afterwards, so that right tokens cost nothing."""

    scope = "token_failure"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def is_exhausted(self, request) -> bool:
        self.key = self.get_cache_key(request, None)
        self.now = self.timer()
        self.history = [
            moment for moment in self.cache.get(self.key, []) if moment > self.now - self.duration
        ]
        return len(self.history) >= self.num_requests

    def record_failure(self) -> None:
        self.cache.set(self.key, [self.now, *self.history], self.duration)


class ThrottledTokenAuthentication(TokenAuthentication):
    """`Authorization: Token …` (knox). After too many wrong tokens a client is answered 429 with the
    seconds to wait, before its next token is even looked up."""

    def authenticate(self, request):
        if not self.sends_token(request):
            return None  # nothing to check, nor to count
        throttle = TokenFailureThrottle()
        if throttle.is_exhausted(request):
            raise exceptions.Throttled(throttle.wait())
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            throttle.record_failure()
            raise

    @staticmethod
    def sends_token(request) -> bool:
        words = get_authorization_header(request).split()
        return bool(words) and words[0].lower() == knox_settings.AUTH_HEADER_PREFIX.lower().encode()


class SignedInRateThrottle(UserRateThrottle):
    """Rate "user", for signed-in clients only: DRF's UserRateThrottle also counts anonymous clients by
    address, which would give them two limits; they have the "anon" one alone."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
