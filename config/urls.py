"""Top-level URLs: the admin and the API."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from verification.health import DeskHealthView

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/", include("verification.api.urls")),
    # PostgreSQL, Redis and a worker per queue; 200 when all answer, 503 otherwise.
    path("health/", DeskHealthView.as_view(), name="health"),
]

# Unknown /api/ addresses answer in JSON like the rest of the API.
handler404 = "verification.api.exceptions.not_found"
