"""Ticket and candidate endpoints: each parses its input, calls one selector or service, serializes."""

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from verification import hotcache, roles, selectors, services
from verification.claimreview import claim_review

from ..filters import TicketFilter
from ..hotpath import HotPathMixin
from ..limits import BodySizeLimitMixin
from ..renderers import JSONLDRenderer
from ..schema import CLAIMREVIEW_SCHEMA
from ..serializers import (
    CandidateSerializer,
    DecisionSerializer,
    LookupQuerySerializer,
    StanceCorrectionSerializer,
    TicketDetailSerializer,
    TicketMatchSerializer,
    TicketSerializer,
    TicketStatusSerializer,
    TransitionSerializer,
)

REFUSED = OpenApiResponse(description="Refused: the guard's reason, or a change since you looked.")
NOT_MODIFIED = OpenApiResponse(description="Not modified: the If-None-Match entity tag is current.")


class TicketViewSet(HotPathMixin, BodySizeLimitMixin, viewsets.ReadOnlyModelViewSet):
    """Verification tickets: list, detail, lookup by claim text, status changes, ClaimReview."""

    lookup_value_regex = r"\d+"
    filterset_class = TicketFilter

    @property
    def throttle_scope(self):
        return {"lookup": "lookup", "transition": "writes"}.get(self.action)

    def hot_read_keys(self, request) -> hotcache.ReadKeys | None:
        if self.action == "retrieve":
            return hotcache.status_keys(int(self.kwargs["pk"]))
        if self.action == "lookup":
            return self.lookup_keys(request)
        return None

    @staticmethod
    def lookup_keys(request) -> hotcache.ReadKeys:
        """Return the cache keys of a lookup by text, from its parameters as sent."""
        asked = request.query_params
        return hotcache.lookup_keys(
            text=asked.get("text", ""),
            limit=asked.get("limit", ""),
            min_similarity=asked.get("min_similarity", ""),
        )

    def get_renderers(self):
        # The cached reads answer their rendered JSON whatever is asked: nothing to negotiate.
        if self.action in ("retrieve", "lookup"):
            return [JSONRenderer()]
        return super().get_renderers()

    def get_queryset(self):
        if self.action == "list":
            return selectors.ticket_list()
        return selectors.ticket_detail()

    def get_serializer_class(self):
        return TicketSerializer if self.action == "list" else TicketDetailSerializer

    @extend_schema(
        description="Tickets, newest first, one cursor page at a time; filter by status, claimant, "
        "document, publisher or a time they were last updated since."
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        responses={
            200: TicketDetailSerializer,
            304: NOT_MODIFIED,
        },
        description="One ticket: status, claim, claimant, appearances, evidence counted by independent "
        "origin, accepted evidence, the last status change with its rationale, candidates, history. "
        "Answers with an ETag; send it back as If-None-Match to get 304 while nothing changed.",
    )
    def retrieve(self, request, *args, **kwargs):
        ticket_id = int(kwargs["pk"])
        return self.cached_read(request, hotcache.status_keys(ticket_id), lambda: self.status_body(ticket_id))

    @staticmethod
    def cached_read(request, keys: hotcache.ReadKeys, render: Callable[[], bytes]) -> HttpResponse:
        """Answer from the cached rendered read when it is current, else render and cache it; ETag, 304."""
        hot = getattr(request, "hot", None)
        cached = hot.read if hot and hot.read else hotcache.read_get(keys)
        if cached is not None and cached.body is not None and cached.etag is not None:
            etag, body = cached.etag, cached.body
        else:
            body = render()
            etag = hotcache.body_etag(body)
            if cached is not None:  # None: Redis is down, the read is served from PostgreSQL alone
                hotcache.read_put(keys, generation=cached.generation, etag=etag, body=body)
        response = get_conditional_response(request._request, etag=etag) or HttpResponse(
            body, content_type="application/json"
        )
        response["ETag"] = etag
        # Publishers' pages may keep a badge a few seconds, then must ask again (cheaply, by ETag).
        audience = "public" if settings.VERIFICATION_API_ANONYMOUS_READ else "private"
        response["Cache-Control"] = f"{audience}, max-age={settings.VERIFICATION_STATUS_MAX_AGE}"
        return response

    @staticmethod
    def status_body(ticket_id: int) -> bytes:
        """Return the rendered JSON of the ticket's status read, from PostgreSQL."""
        ticket = selectors.ticket_status().filter(pk=ticket_id).first()
        if ticket is None:
            raise Http404
        return JSONRenderer().render(TicketStatusSerializer(ticket).data)

    @extend_schema(
        parameters=[LookupQuerySerializer],
        responses={200: TicketMatchSerializer(many=True), 304: NOT_MODIFIED},
        description="Tickets whose claim best matches the given words (open ones included), best first. "
        "Answers with an ETag; send it back as If-None-Match to get 304 while no ticket changed.",
    )
    @action(detail=False, methods=["get"], filterset_class=None, pagination_class=None)
    def lookup(self, request):
        return self.cached_read(request, self.lookup_keys(request), lambda: self.lookup_body(request))

    @staticmethod
    def lookup_body(request) -> bytes:
        """Return the rendered JSON of a lookup by text, from PostgreSQL (a 400 for a bad query)."""
        query = LookupQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        matches = selectors.tickets_by_text(**query.validated_data)
        return JSONRenderer().render(TicketMatchSerializer(matches, many=True).data)

    @extend_schema(
        request=TransitionSerializer,
        responses={200: TicketDetailSerializer, 409: REFUSED},
        description="Move the ticket to a status, through the same guards as the admin.",
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def transition(self, request, pk=None):
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.ticket_transition(
            ticket_id=int(pk),
            to_status=data.validated_data["status"],
            rationale=data.validated_data["rationale"],
            expected_status=data.validated_data.get("expected_status"),
            expected_version=data.validated_data.get("expected_version"),
            actor=request.user,
        )
        return Response(TicketDetailSerializer(selectors.ticket_detail().get(pk=pk)).data)

    @extend_schema(
        responses={
            200: OpenApiResponse(response=CLAIMREVIEW_SCHEMA, description="schema.org ClaimReview JSON-LD."),
            404: OpenApiResponse(description="No such ticket, or it has no verdict yet."),
        },
        description="The ticket's verdict as schema.org ClaimReview JSON-LD (corroborated or disputed only).",
    )
    @action(
        detail=True, methods=["get"], filterset_class=None, renderer_classes=[JSONLDRenderer, JSONRenderer]
    )
    def claimreview(self, request, pk=None):
        ticket = selectors.claimreview_tickets().filter(pk=pk).first()
        if ticket is None:
            raise NotFound("No ticket with a verdict has this id; an open ticket has no ClaimReview yet.")
        body = claim_review(selectors.reviewed_claim(ticket), publisher=selectors.claimreview_publisher())
        return Response(body)


class CandidateViewSet(BodySizeLimitMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Candidate sources attached to tickets, and the reviewer's decision on each."""

    lookup_value_regex = r"\d+"
    serializer_class = CandidateSerializer
    write_permission = roles.DECIDE_EVIDENCE

    @property
    def throttle_scope(self):
        return "writes" if self.action in ("decision", "stance") else None

    def get_queryset(self):
        return selectors.candidate_list()

    @extend_schema(request=DecisionSerializer, responses={200: CandidateSerializer, 409: REFUSED})
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        data = DecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.candidate_decide(candidate_id=int(pk), actor=request.user, **data.validated_data)
        return Response(CandidateSerializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(
        request=StanceCorrectionSerializer,
        responses={200: CandidateSerializer, 409: REFUSED},
        description="Correct the stance this source counts with, saying why; recorded in the ticket's "
        "history, used by the status guards and origin counts, and never overwritten by corroboration.",
    )
    @action(detail=True, methods=["post"])
    def stance(self, request, pk=None):
        data = StanceCorrectionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.candidate_stance_correct(candidate_id=int(pk), actor=request.user, **data.validated_data)
        return Response(CandidateSerializer(self.get_queryset().get(pk=pk)).data)
