"""API routes, the OpenAPI schema and its Swagger UI."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from .views import CandidateViewSet, DocumentIngestView, TicketViewSet

router = DefaultRouter()
router.register("tickets", TicketViewSet, basename="ticket")
router.register("candidates", CandidateViewSet, basename="candidate")

urlpatterns = [
    path("", include(router.urls)),
    path("documents/", DocumentIngestView.as_view(), name="document-ingest"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
]
