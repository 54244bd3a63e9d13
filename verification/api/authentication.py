"""Token authentication whose token-to-user lookup is cached in Redis for a short TTL."""

from __future__ import annotations

from rest_framework.authentication import TokenAuthentication

from verification import hotcache


class CachedTokenAuthentication(TokenAuthentication):
    """Authenticate by token, reading the token's owner from Redis before PostgreSQL.

    Deleting a token or saving its user forgets the cached owner (verification/signals.py); when
    Redis is down every request looks the token up in PostgreSQL, as plain token authentication does.
    """

    def authenticate(self, request):
        self.hot = getattr(request, "hot", None)
        return super().authenticate(request)

    def authenticate_credentials(self, key):
        hot = getattr(self, "hot", None)
        found, token = hot.token if hot and hot.token else hotcache.token_owner_get(key=key)
        if found:
            return token.user, token
        user, token = super().authenticate_credentials(key)
        hotcache.token_owner_put(key=key, user=token)
        return user, token
