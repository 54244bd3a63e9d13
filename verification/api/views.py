"""API views: each parses its input, calls one selector or service, and serializes the answer."""

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView

from verification import selectors, services
from verification.ingestion import parse_text

from .filters import TicketFilter
from .serializers import (
    CandidateSerializer,
    DecisionSerializer,
    DocumentInSerializer,
    DocumentOutSerializer,
    LookupQuerySerializer,
    TicketDetailSerializer,
    TicketMatchSerializer,
    TicketSerializer,
    TransitionSerializer,
)


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The document is over the size limit; split it and submit the parts."
    default_code = "request_too_large"


class TicketViewSet(viewsets.ReadOnlyModelViewSet):
    """Verification tickets: list, detail, lookup by claim text, status changes."""

    lookup_value_regex = r"\d+"
    filterset_class = TicketFilter

    def get_queryset(self):
        if self.action == "list":
            return selectors.ticket_list().order_by("-checkworthiness", "-id")
        return selectors.ticket_detail()

    def get_serializer_class(self):
        return TicketSerializer if self.action == "list" else TicketDetailSerializer

    @extend_schema(
        parameters=[LookupQuerySerializer],
        responses=TicketMatchSerializer(many=True),
        description="Tickets whose claim best matches the given words (open ones included), best first.",
    )
    @action(detail=False, methods=["get"], filterset_class=None, pagination_class=None)
    def lookup(self, request):
        query = LookupQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        matches = selectors.tickets_by_text(**query.validated_data)
        return Response(TicketMatchSerializer(matches, many=True).data)

    @extend_schema(request=TransitionSerializer, responses=TicketDetailSerializer)
    @action(detail=True, methods=["post"], filterset_class=None)
    def transition(self, request, pk=None):
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.ticket_transition(
            ticket_id=int(pk),
            to_status=data.validated_data["status"],
            rationale=data.validated_data["rationale"],
            expected_status=data.validated_data.get("expected_status"),
            actor=request.user,
        )
        return Response(TicketDetailSerializer(selectors.ticket_detail().get(pk=pk)).data)


class CandidateViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Candidate sources attached to tickets, and the reviewer's decision on each."""

    lookup_value_regex = r"\d+"
    serializer_class = CandidateSerializer
    write_permission = "verification.change_candidatesource"

    def get_queryset(self):
        return selectors.candidate_list()

    @extend_schema(request=DecisionSerializer, responses=CandidateSerializer)
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        data = DecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.candidate_decide(candidate_id=int(pk), actor=request.user, **data.validated_data)
        return Response(CandidateSerializer(self.get_queryset().get(pk=pk)).data)


class DocumentIngestView(APIView):
    """Submit a plain-text article; it is stored, split and its claims opened as tickets."""

    write_permission = "verification.add_document"

    @extend_schema(
        request=DocumentInSerializer,
        responses={201: DocumentOutSerializer, 200: DocumentOutSerializer},
    )
    def post(self, request):
        # DRF streams a JSON body past Django's upload limit, so the size is checked before parsing.
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            raise RequestTooLarge
        data = DocumentInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        incoming = parse_text(
            fields.pop("text"),
            source_name=fields["title"] or "API submission",
            max_bytes=settings.VERIFICATION["MAX_DOCUMENT_BYTES"],
            **fields,
        )
        result = services.document_ingest(incoming=incoming)
        body = DocumentOutSerializer(
            {
                "document": result.document,
                "created": result.created,
                "tickets_opened": [t.pk for t in result.tickets_opened],
            }
        ).data
        return Response(body, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)
