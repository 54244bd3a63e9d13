"""Webhook endpoints and their delivery log: who listens, what was sent, how each attempt went."""

from django.contrib import admin, messages
from django.utils.translation import ngettext

from verification import services
from verification.models import WebhookDelivery, WebhookEndpoint


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ["url", "owner", "events", "active", "created_at"]
    list_filter = ["active"]
    list_select_related = ["owner"]
    search_fields = ["url", "description", "owner__username"]
    fields = ["url", "owner", "events", "active", "description", "created_at"]
    # The secret signs deliveries; it is shown to the client once, at registration, never here.
    # The URL and events are the client's to change through the API, which checks them; an operator
    # may pause an endpoint or note why.
    readonly_fields = ["url", "owner", "events", "created_at"]

    def has_add_permission(self, request):
        # Clients register their endpoints through the API, which issues the signing secret.
        return False

    def get_deleted_objects(self, objs, request):
        # The delivery log goes with its endpoint (webhook_endpoint_delete removes both), although
        # no one may delete log entries on their own.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(WebhookDelivery._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj):
        services.webhook_endpoint_delete(endpoint_id=obj.pk)

    def delete_queryset(self, request, queryset):
        # The bulk "delete selected" action goes endpoint by endpoint through the same service.
        for endpoint_id in queryset.values_list("pk", flat=True):
            services.webhook_endpoint_delete(endpoint_id=endpoint_id)


DELIVERY_FIELDS = (
    "endpoint",
    "event",
    "status",
    "attempts",
    "response_code",
    "error",
    "created_at",
    "last_attempt_at",
    "delivered_at",
    "payload",
)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "event",
        "endpoint",
        "status",
        "attempts",
        "response_code",
        "created_at",
        "delivered_at",
    ]
    list_filter = ["status", "event"]
    list_select_related = ["endpoint"]
    search_fields = ["endpoint__url", "error"]
    date_hierarchy = "created_at"
    fields = DELIVERY_FIELDS
    readonly_fields = DELIVERY_FIELDS
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # The log is what a client's support request is checked against; it goes with its endpoint.
        return False

    @admin.action(description="Send the selected deliveries again", permissions=["change"])
    def send_again(self, request, queryset):
        """Queue each selected delivery again with a fresh attempt count."""
        ids = list(queryset.values_list("pk", flat=True))
        for delivery_id in ids:
            services.webhook_delivery_retry(delivery_id=delivery_id)
        self.message_user(
            request,
            ngettext("%d delivery queued again.", "%d deliveries queued again.", len(ids)) % len(ids),
            messages.SUCCESS,
        )
