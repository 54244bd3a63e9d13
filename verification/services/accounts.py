"""Desk accounts: staff users in one of the desk's roles (Read-only, Reviewer, Editor)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from rest_framework.authtoken.models import Token

from verification.roles import REVIEWER_GROUP, ROLES, ensure_group


def roles_ensure() -> dict[str, Group]:
    """Create or repair every role group with exactly its permissions; return them by name."""
    return {
        name: ensure_group(Group, Permission, name=name, permissions=permissions)
        for name, permissions in ROLES.items()
    }


@transaction.atomic
def account_ensure(*, username: str, password: str, role: str = REVIEWER_GROUP) -> tuple:
    """Create or update a staff user in this role with this password; return the user and their API token."""
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; choose one of: {', '.join(ROLES)}.")
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
    user.is_staff = True
    user.set_password(password)
    user.save()
    user.groups.add(roles_ensure()[role])
    token, _ = Token.objects.get_or_create(user=user)
    return user, token


def reviewer_ensure(*, username: str, password: str) -> tuple:
    """Create or update a staff reviewer with this password; return the user and their API token."""
    return account_ensure(username=username, password=password, role=REVIEWER_GROUP)
