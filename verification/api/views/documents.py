"""Document submissions (answered 202 with a job to poll) and the job runs clients poll."""

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from verification import roles, selectors, services
from verification.fetching import fetch_allowed_hosts, public_target
from verification.ingestion import read_document
from verification.models import JobRun

from ..limits import BodySizeLimitMixin
from ..parsers import HTMLParser, LimitedJSONParser, PlainTextParser, RawBody
from ..schema import TEXT_PATTERN
from ..scoping import OwnerScopedMixin
from ..serializers import DocumentInSerializer, DocumentMetaSerializer, JobRunSerializer, SubmissionSerializer
from ..serializers.sources import DocumentUrlSerializer


class DocumentSubmitView(BodySizeLimitMixin, APIView):
    """Submit an article as JSON, text or HTML; it is stored at once, its claims extracted by a job."""

    write_permission = roles.ADD_DOCUMENT
    throttle_scope = "documents"
    parser_classes = [LimitedJSONParser, PlainTextParser, HTMLParser]

    def max_body_bytes(self) -> int:
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    @extend_schema(
        request={
            "application/json": DocumentInSerializer,
            "text/plain": {"type": "string", "pattern": TEXT_PATTERN},
            "text/html": {"type": "string", "pattern": TEXT_PATTERN},
        },
        parameters=[DocumentMetaSerializer],
        responses={
            202: OpenApiResponse(
                SubmissionSerializer,
                description="Its claims are being extracted: a new document, or a known one whose "
                "last extraction failed.",
            ),
            200: OpenApiResponse(SubmissionSerializer, description="The same content was submitted before."),
            400: OpenApiResponse(description="Not a document: empty, binary, not UTF-8, or bad metadata."),
            413: OpenApiResponse(description="Over the size limit."),
            415: OpenApiResponse(description="Not JSON, text/plain or text/html."),
        },
        description="JSON bodies carry text and metadata, or only a url: the page is then fetched, "
        "archived and ingested by a job (202 with the job to poll); text/plain and text/html bodies take "
        "their metadata from the query string (title, publisher, url, published_on).",
    )
    def post(self, request):
        if isinstance(request.data, RawBody):
            meta = DocumentMetaSerializer(data=request.query_params)
            meta.is_valid(raise_exception=True)
            fields = dict(meta.validated_data)
            body, body_format = request.data["body"], request.data["format"]
            media_type = body_format.split(";")[0].strip().lower()
            if media_type == "text/plain" and "charset" not in body_format.lower():
                # Plain text names no encoding of its own: without a declared charset it must be
                # UTF-8, as documented, rather than a guess that stores it garbled.
                body_format = f"{body_format}; charset=utf-8"
        elif isinstance(request.data, dict) and "url" in request.data and "text" not in request.data:
            return self._fetch(request)
        else:
            data = DocumentInSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            fields = dict(data.validated_data)
            body, body_format = fields.pop("text"), "text"
        incoming = read_document(
            body,
            source_name=fields.get("title") or "API submission",
            max_bytes=settings.VERIFICATION_MAX_DOCUMENT_BYTES,
            declared_format=body_format,
            **fields,
        )
        submission = services.document_submit(incoming=incoming, requested_by=request.user)
        body = SubmissionSerializer(submission, context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED if submission.queued else status.HTTP_200_OK)


    def _fetch(self, request):
        """Queue the fetch of the page at the given URL; answer 202 with the job to poll."""
        data = DocumentUrlSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        url = data.validated_data["url"]
        # The address is checked now, so a client learns at once that an internal one is refused.
        public_target(url, allowed_hosts=fetch_allowed_hosts())
        run = services.document_url_submit(url=url, requested_by=request.user)
        body = {"url": url, "job": JobRunSerializer(run, context={"request": request}).data}
        return Response(body, status=status.HTTP_202_ACCEPTED)


class JobRunViewSet(OwnerScopedMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Background jobs a client can poll: its own, or all of them with the view permission."""

    lookup_value_regex = r"\d+"
    queryset = JobRun.objects.none()
    serializer_class = JobRunSerializer
    owner_field = "requested_by_id"
    oversight_permission = roles.VIEW_ALL_JOB_RUNS

    def visible_to(self, user):
        return selectors.job_runs_visible_to(user)
