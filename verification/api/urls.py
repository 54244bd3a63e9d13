"""API routes, the OpenAPI schema and its Swagger UI."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from .views import CandidateViewSet, DocumentSubmitView, JobRunViewSet, TicketViewSet, WebhookEndpointViewSet
from .views.sources import ArchivedPageViewSet, SourceViewSet

router = DefaultRouter()
router.register("tickets", TicketViewSet, basename="ticket")
router.register("candidates", CandidateViewSet, basename="candidate")
router.register("jobs", JobRunViewSet, basename="job")
router.register("webhooks", WebhookEndpointViewSet, basename="webhook")
router.register("sources", SourceViewSet, basename="source")
router.register("archives", ArchivedPageViewSet, basename="archive")

urlpatterns = [
    path("", include(router.urls)),
    path("documents/", DocumentSubmitView.as_view(), name="document-submit"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file, so the page needs no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
]
