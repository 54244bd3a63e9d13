"""Webhook endpoints a client registers for itself, and their delivery logs."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from verification import roles, selectors, services
from verification.models import WebhookEndpoint

from ..limits import BodySizeLimitMixin
from ..scoping import OwnerScopedMixin
from ..serializers import (
    WebhookDeliverySerializer,
    WebhookEndpointCreatedSerializer,
    WebhookEndpointSerializer,
)


class WebhookEndpointViewSet(
    OwnerScopedMixin,
    BodySizeLimitMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """A client's webhook endpoints: each receives signed JSON on status changes and accepted evidence."""

    lookup_value_regex = r"\d+"
    queryset = WebhookEndpoint.objects.none()
    serializer_class = WebhookEndpointSerializer
    owner_field = "owner_id"
    # Operators (and superusers) oversee other clients' endpoints.
    oversight_permission = roles.OVERSEE_ALL_WEBHOOKS
    throttle_scope = "writes"

    def visible_to(self, user):
        return selectors.webhook_endpoints_of(user).select_related("owner")

    @extend_schema(request=WebhookEndpointSerializer, responses={201: WebhookEndpointCreatedSerializer})
    def create(self, request):
        data = WebhookEndpointSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        endpoint = services.webhook_endpoint_create(owner=request.user, **data.validated_data)
        return Response(WebhookEndpointCreatedSerializer(endpoint).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=WebhookEndpointSerializer, responses=WebhookEndpointSerializer)
    def partial_update(self, request, pk=None):
        endpoint = self.get_object()
        data = WebhookEndpointSerializer(endpoint, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        endpoint = services.webhook_endpoint_update(endpoint=endpoint, **data.validated_data)
        return Response(WebhookEndpointSerializer(endpoint).data)

    def perform_destroy(self, instance):
        services.webhook_endpoint_delete(endpoint_id=instance.pk)

    @extend_schema(responses=WebhookDeliverySerializer(many=True))
    @action(detail=True, methods=["get"], serializer_class=WebhookDeliverySerializer)
    def deliveries(self, request, pk=None):
        endpoint = self.get_object()
        page = self.paginate_queryset(selectors.webhook_deliveries_for(endpoint_id=endpoint.pk))
        return self.get_paginated_response(WebhookDeliverySerializer(page, many=True).data)
