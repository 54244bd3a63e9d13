"""Top-level URLs: the admin and the API."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/", include("verification.api.urls")),
]

# Unknown /api/ addresses answer in JSON like the rest of the API.
handler404 = "verification.api.exceptions.not_found"
