"""The health endpoint: PostgreSQL, Redis and a live worker on every queue, answered 200 or 503."""

from datetime import timedelta

from django.conf import settings
from health_check.views import HealthCheckView
from redis.asyncio import Redis

from config import embedded


def redis_client() -> Redis:
    """Return a client for the desk's Redis (broker and cache)."""
    return Redis.from_url(embedded.redis_client_url(settings.REDIS_URL), socket_timeout=2)


class DeskHealthView(HealthCheckView):
    """django-health-check's view with the desk's checks; a failed check answers 503, for balancers."""

    checks = (
        "health_check.checks.Database",
        ("health_check.contrib.redis.Redis", {"client_factory": redis_client}),
        # Every queue needs a worker consuming it, or its work waits for ever.
        ("health_check.contrib.celery.Ping", {"timeout": timedelta(seconds=2)}),
    )

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503
        return response
