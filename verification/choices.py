"""The states and labels the desk uses, in one place."""

from django.db.models import TextChoices


class TicketStatus(TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    CORROBORATED = "corroborated", "Corroborated"
    DISPUTED = "disputed", "Disputed"


class Stance(TextChoices):
    SUPPORTS = "supports", "Supports"
    CONTRADICTS = "contradicts", "Contradicts"
    # The same event, no side taken: a report that the claim was made, or a passage about it.
    DISCUSSES = "discusses", "Discusses"
    # Another event, place, time or person: retrieved for its words, not evidence either way.
    UNRELATED = "unrelated", "Unrelated"


class Decision(TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


# Decisions under which a candidate still counts as evidence; rejected ones do not.
STANDING_DECISIONS = (Decision.PENDING, Decision.ACCEPTED)


class EventKind(TextChoices):
    STATUS_CHANGE = "status_change", "Status change"
    DECISION = "decision", "Evidence decision"
    ASSIGNMENT = "assignment", "Assignment"
    STANCE_CORRECTION = "stance_correction", "Stance correction"


class JobKind(TextChoices):
    CORROBORATE_TICKET = "corroborate_ticket", "Corroborate a ticket"
    RECHECK_DOCUMENT = "recheck_document", "Re-check open tickets against a new document"
    STALE_SWEEP = "stale_sweep", "Queue stale tickets"
    EXTRACT_DOCUMENT = "extract_document", "Extract a document's claims"
    EMBED_PASSAGES = "embed_passages", "Embed passages for semantic search"
    PRUNE_RUNS = "prune_runs", "Forget old job runs"
    POLL_SOURCE = "poll_source", "Poll a watched source"
    FETCH_DOCUMENT = "fetch_document", "Fetch a page by its URL and ingest it"
    DELIVER_WEBHOOK = "deliver_webhook", "Deliver a webhook"
    RELAY_OUTBOX = "relay_outbox", "Publish recorded work to the queue"
    REAP_STUCK = "reap_stuck", "Re-queue or fail runs stuck in the queue"


class JobStatus(TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class WebhookEvent(TextChoices):
    TICKET_STATUS_CHANGED = "ticket.status_changed", "A ticket's status changed"
    CANDIDATE_ACCEPTED = "candidate.accepted", "A candidate source was accepted"


class DeliveryStatus(TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"


class SourceKind(TextChoices):
    FEED = "feed", "RSS or Atom feed"
    SITEMAP = "sitemap", "Sitemap"
    PAGE = "page", "Single page"
