"""The desk's roles and permissions: the one place that names them.

Services, the admin, the API and the migrations that create the groups all refer to these
constants rather than writing permission strings of their own.
"""

from __future__ import annotations

from typing import Any

APP_LABEL = "verification"

READ_ONLY_GROUP = "Read-only"
REVIEWER_GROUP = "Reviewer"
EDITOR_GROUP = "Editor"
OPERATOR_GROUP = "Operator"

# The permissions the code checks, as `user.has_perm()` takes them.
VIEW_TICKET = f"{APP_LABEL}.view_ticket"
# Change a ticket's status, take it, re-run its corroboration.
REVIEW_TICKET = f"{APP_LABEL}.change_ticket"
# Accept or reject a candidate source.
DECIDE_EVIDENCE = f"{APP_LABEL}.change_candidatesource"
# Hand tickets to others (Ticket.Meta.permissions).
ASSIGN_TICKET = f"{APP_LABEL}.assign_ticket"
# Submit or re-extract a document.
ADD_DOCUMENT = f"{APP_LABEL}.add_document"
# See every job run, not only one's own.
VIEW_ALL_JOB_RUNS = f"{APP_LABEL}.view_jobrun"
# See and manage every client's webhook endpoints (WebhookEndpoint.Meta.permissions).
OVERSEE_ALL_WEBHOOKS = f"{APP_LABEL}.oversee_all_webhooks"
# Register, change, poll and remove the sources the desk watches.
CHANGE_SOURCE = f"{APP_LABEL}.change_source"


def _codes(*permissions: str) -> list[tuple[str, str]]:
    """Return ("app_label", "codename") pairs for "app_label.codename" permission names."""
    return [tuple(p.split(".", 1)) for p in permissions]  # type: ignore[misc]


READ_ONLY_PERMISSIONS = _codes(
    f"{APP_LABEL}.view_document",
    f"{APP_LABEL}.view_passage",
    VIEW_TICKET,
    f"{APP_LABEL}.view_candidatesource",
    f"{APP_LABEL}.view_appearance",
    f"{APP_LABEL}.view_ticketevent",
    VIEW_ALL_JOB_RUNS,
)
# Reviewers decide: evidence decisions, status changes, new documents.
REVIEWER_PERMISSIONS = READ_ONLY_PERMISSIONS + _codes(ADD_DOCUMENT, REVIEW_TICKET, DECIDE_EVIDENCE)
# Editors review too, and hand tickets to reviewers.
EDITOR_PERMISSIONS = REVIEWER_PERMISSIONS + _codes(ASSIGN_TICKET)
# Operators run the desk: the beat schedule, every client's webhooks and their delivery log.
OPERATOR_PERMISSIONS = EDITOR_PERMISSIONS + _codes(
    "django_celery_beat.view_periodictask",
    "django_celery_beat.change_periodictask",
    "django_celery_beat.add_periodictask",
    "django_celery_beat.view_intervalschedule",
    "django_celery_beat.add_intervalschedule",
    "django_celery_beat.view_crontabschedule",
    "django_celery_beat.add_crontabschedule",
    f"{APP_LABEL}.view_webhookendpoint",
    f"{APP_LABEL}.change_webhookendpoint",
    f"{APP_LABEL}.delete_webhookendpoint",
    f"{APP_LABEL}.view_webhookdelivery",
    f"{APP_LABEL}.change_webhookdelivery",
    OVERSEE_ALL_WEBHOOKS,
    f"{APP_LABEL}.view_source",
    f"{APP_LABEL}.add_source",
    CHANGE_SOURCE,
    f"{APP_LABEL}.delete_source",
    f"{APP_LABEL}.view_archivedpage",
    f"{APP_LABEL}.view_knownfactcheck",
)

ROLES = {
    READ_ONLY_GROUP: READ_ONLY_PERMISSIONS,
    REVIEWER_GROUP: REVIEWER_PERMISSIONS,
    EDITOR_GROUP: EDITOR_PERMISSIONS,
    OPERATOR_GROUP: OPERATOR_PERMISSIONS,
}
# The roles whose members review tickets (and so may be assigned them).
REVIEWING_GROUPS = [REVIEWER_GROUP, EDITOR_GROUP, OPERATOR_GROUP]


def ensure_group(
    group_model: Any, permission_model: Any, *, name: str, permissions: list[tuple[str, str]]
) -> Any:
    """Create the group if missing and give it exactly these permissions; return it.

    Takes the models as arguments so that a migration can pass its historical ones.
    """
    group, _ = group_model.objects.get_or_create(name=name)
    group.permissions.set(
        [
            permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in permissions
        ]
    )
    return group
