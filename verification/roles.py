"""The desk's roles as permission sets, shared by the migrations that create them and the services."""

READ_ONLY_GROUP = "Read-only"
REVIEWER_GROUP = "Reviewer"
EDITOR_GROUP = "Editor"

READ_ONLY_PERMISSIONS = [
    ("verification", "view_document"),
    ("verification", "view_passage"),
    ("verification", "view_ticket"),
    ("verification", "view_candidatesource"),
    ("verification", "view_appearance"),
    ("verification", "view_ticketevent"),
    ("verification", "view_jobrun"),
]
# Reviewers decide: evidence decisions, status changes, new documents.
REVIEWER_PERMISSIONS = READ_ONLY_PERMISSIONS + [
    ("verification", "add_document"),
    ("verification", "change_ticket"),
    ("verification", "change_candidatesource"),
]
# Editors review too, and hand tickets to reviewers.
EDITOR_PERMISSIONS = REVIEWER_PERMISSIONS + [("verification", "assign_ticket")]

ROLES = {
    READ_ONLY_GROUP: READ_ONLY_PERMISSIONS,
    REVIEWER_GROUP: REVIEWER_PERMISSIONS,
    EDITOR_GROUP: EDITOR_PERMISSIONS,
}


def ensure_group(group_model, permission_model, *, name: str, permissions: list[tuple[str, str]]):
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
