"""API clients for each kind of caller: anonymous, read-only client, reviewer and admin, by token."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from verification.roles import READ_ONLY_GROUP, REVIEWER_GROUP
from verification.services.accounts import account_ensure


def token_client(token: str) -> APIClient:
    """Return a client that sends this token, as an API client would."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture
def accounts(db):
    """A user and token per role: read-only, reviewer, admin (a superuser)."""
    reader, reader_token = account_ensure(username="rory", password="rory-reads-2026", role=READ_ONLY_GROUP)
    reviewer, reviewer_token = account_ensure(
        username="rhea", password="rhea-reviews-2026", role=REVIEWER_GROUP
    )
    admin = get_user_model().objects.create_superuser("ada", "ada@example.org", "ada-admin-2026")
    admin_token, _ = Token.objects.get_or_create(user=admin)
    return {
        "read-only": (reader, reader_token.key),
        "reviewer": (reviewer, reviewer_token.key),
        "admin": (admin, admin_token.key),
    }


@pytest.fixture
def clients(accounts):
    """An API client per caller, anonymous included."""
    return {"anonymous": APIClient(), **{role: token_client(token) for role, (_, token) in accounts.items()}}
