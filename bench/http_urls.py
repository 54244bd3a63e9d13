"""The desk's URLs plus a bare Django view returning constant JSON: the HTTP benchmark's yardstick."""

from django.http import JsonResponse
from django.urls import path

from config.urls import urlpatterns as desk_urlpatterns


def bare(request):
    """Return constant JSON through the same middleware as every desk view, with no DRF and no query."""
    return JsonResponse({"status": "ok"})


urlpatterns = [path("bench/bare/", bare), *desk_urlpatterns]
