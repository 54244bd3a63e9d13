"""The desk's roles as permission sets, shared by the migration that creates them and the services."""

REVIEWER_GROUP = "Reviewer"
REVIEWER_PERMISSIONS = [
    ("verification", "view_document"),
    ("verification", "add_document"),
    ("verification", "view_passage"),
    ("verification", "view_ticket"),
    ("verification", "change_ticket"),
    ("verification", "view_candidatesource"),
    ("verification", "change_candidatesource"),
    ("verification", "view_appearance"),
    ("verification", "view_ticketevent"),
]


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
