"""Desk roles: read-only users read, reviewers decide, editors also assign."""

import pytest

from verification.roles import EDITOR_GROUP, READ_ONLY_GROUP, REVIEWER_GROUP
from verification.services.accounts import account_ensure

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "decides", "assigns"),
    [(READ_ONLY_GROUP, False, False), (REVIEWER_GROUP, True, False), (EDITOR_GROUP, True, True)],
)
def test_each_role_has_the_rights_it_names(role, decides, assigns):
    user, token = account_ensure(username=f"user-{role}", password="long-enough-2026", role=role)
    assert user.is_staff and token.key
    assert user.has_perm("verification.view_ticket")
    assert user.has_perm("verification.change_candidatesource") is decides
    assert user.has_perm("verification.change_ticket") is decides
    assert user.has_perm("verification.assign_ticket") is assigns


def test_an_unknown_role_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="Read-only, Reviewer, Editor"):
        account_ensure(username="x", password="long-enough-2026", role="Boss")
