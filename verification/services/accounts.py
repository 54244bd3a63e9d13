"""Reviewer accounts: staff users in the Reviewer group."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from rest_framework.authtoken.models import Token

from verification.roles import REVIEWER_GROUP, REVIEWER_PERMISSIONS, ensure_group


@transaction.atomic
def reviewer_ensure(*, username: str, password: str) -> tuple:
    """Create or update a staff reviewer with this password; return the user and their API token."""
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
    user.is_staff = True
    user.set_password(password)
    user.save()
    user.groups.add(ensure_group(Group, Permission, name=REVIEWER_GROUP, permissions=REVIEWER_PERMISSIONS))
    token, _ = Token.objects.get_or_create(user=user)
    return user, token
