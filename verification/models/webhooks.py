"""Webhooks: the endpoints clients register, and the log of every delivery made to them."""

from django.conf import settings
from django.db import models

from verification.choices import DeliveryStatus, WebhookEvent


def all_events() -> list[str]:
    """Return every event name; a new endpoint hears all of them unless it asks for fewer."""
    return list(WebhookEvent.values)


class WebhookEndpoint(models.Model):
    """A client's URL that receives signed JSON for the events it subscribed to."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(max_length=2000)
    # Kept in clear: every delivery is signed with it (HMAC-SHA256), so it must be readable.
    secret = models.CharField(max_length=100, help_text="Shared secret the payloads are signed with.")
    events = models.JSONField(default=all_events, help_text="Event names this endpoint receives.")
    active = models.BooleanField(default=True)
    description = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["owner", "-id"], name="webhook_owner_idx")]
        # Checked as verification.roles.OVERSEE_ALL_WEBHOOKS: operators manage every client's endpoints.
        permissions = [("oversee_all_webhooks", "Can see and manage every client's webhook endpoints")]

    def __str__(self):
        return self.url


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint: the payload, each attempt's outcome."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40, choices=WebhookEvent.choices)
    # The exact body sent, so that a receiver's signature check can be reproduced from the log.
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [
            models.Index(fields=["endpoint", "-id"], name="delivery_endpoint_idx"),
            models.Index(fields=["status", "-id"], name="delivery_status_idx"),
        ]

    def __str__(self):
        return f"{self.event} to {self.endpoint_id} ({self.status})"
