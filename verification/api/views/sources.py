"""Watched sources (managed through the source service) and the archived copies of fetched pages."""

from django.http import FileResponse, HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from verification import roles, services
from verification.archive import read_warc_record
from verification.archive.storage import archive_storage
from verification.models import ArchivedPage, JobRun, Source

from ..limits import BodySizeLimitMixin
from ..serializers import JobRunSerializer
from ..serializers.sources import ArchivedPageSerializer, SourceInSerializer, SourceSerializer


class SourceViewSet(
    BodySizeLimitMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Feeds, sitemaps and pages the desk polls, each on its own schedule."""

    lookup_value_regex = r"\d+"
    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    write_permission = roles.CHANGE_SOURCE
    throttle_scope = "writes"

    @extend_schema(request=SourceInSerializer, responses={201: SourceSerializer})
    def create(self, request, *args, **kwargs):
        data = SourceInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        source = services.source_create(**data.validated_data)
        return Response(SourceSerializer(source).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=SourceInSerializer, responses=SourceSerializer)
    def partial_update(self, request, *args, **kwargs):
        source = self.get_object()
        data = SourceInSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        source = services.source_update(source_id=source.pk, **data.validated_data)
        return Response(SourceSerializer(source).data)

    def destroy(self, request, *args, **kwargs):
        services.source_delete(source_id=self.get_object().pk)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={202: JobRunSerializer})
    @action(detail=True, methods=["post"])
    def poll(self, request, pk=None):
        """Poll the source now, as its beat entry would."""
        run_id = services.source_poll_request(source_id=self.get_object().pk)
        run = JobRun.objects.get(pk=run_id)
        body = JobRunSerializer(run, context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED)


class ArchivedPageViewSet(mixins.RetrieveModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The archived copy of each fetched page: its metadata, its WARC record and the page as served."""

    lookup_value_regex = r"\d+"
    queryset = ArchivedPage.objects.all()
    serializer_class = ArchivedPageSerializer
    filterset_fields = ["document"]

    @extend_schema(responses={(200, "application/warc"): OpenApiResponse(description="The WARC record.")})
    @action(detail=True, methods=["get"])
    def warc(self, request, pk=None):
        page = self.get_object()
        return FileResponse(
            archive_storage().open(page.warc_path, "rb"),
            content_type="application/warc",
            as_attachment=True,
            filename=f"archived-{page.pk}.warc.gz",
        )

    @extend_schema(responses={200: OpenApiResponse(description="The body as the server sent it.")})
    @action(detail=True, methods=["get"])
    def content(self, request, pk=None):
        page = self.get_object()
        with archive_storage().open(page.warc_path, "rb") as handle:
            archived = read_warc_record(handle.read())
        response = HttpResponse(archived.body, content_type=archived.header("Content-Type") or "text/plain")
        # Someone else's page served from the desk's origin: no script runs, no form posts, no sniffing.
        response["Content-Security-Policy"] = "sandbox"
        response["X-Content-Type-Options"] = "nosniff"
        response["X-Archived-From"] = page.final_url
        response["X-Archived-At"] = page.fetched_at.isoformat()
        return response
