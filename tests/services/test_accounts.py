"""Desk roles: read-only users read, reviewers decide, editors also assign."""

import pytest

from verification.roles import EDITOR_GROUP, OPERATOR_GROUP, READ_ONLY_GROUP, REVIEWER_GROUP
from verification.services.accounts import account_ensure

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "decides", "assigns"),
    [
        (READ_ONLY_GROUP, False, False),
        (REVIEWER_GROUP, True, False),
        (EDITOR_GROUP, True, True),
        (OPERATOR_GROUP, True, True),
    ],
)
def test_each_role_has_the_rights_it_names(role, decides, assigns):
    user, token = account_ensure(username=f"user-{role}", password="long-enough-2026", role=role)
    assert user.is_staff
    assert token.key
    assert user.has_perm("verification.view_ticket")
    assert user.has_perm("verification.change_candidatesource") is decides
    assert user.has_perm("verification.change_ticket") is decides
    assert user.has_perm("verification.assign_ticket") is assigns


def test_an_unknown_role_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="Read-only, Reviewer, Editor, Operator"):
        account_ensure(username="x", password="long-enough-2026", role="Boss")


def test_only_operators_oversee_the_schedule_and_every_webhook(client):
    from verification import services

    operator, _ = account_ensure(username="olga", password="long-enough-2026", role=OPERATOR_GROUP)
    reviewer, _ = account_ensure(username="rita", password="long-enough-2026", role=REVIEWER_GROUP)
    assert operator.has_perm("verification.oversee_all_webhooks")
    assert not reviewer.has_perm("verification.oversee_all_webhooks")
    services.webhook_endpoint_create(owner=reviewer, url="https://cms.example.org/hooks")
    client.force_login(operator)
    assert client.get("/admin/django_celery_beat/periodictask/").status_code == 200
    assert client.get("/admin/verification/webhookendpoint/").context["cl"].result_count == 1
    assert client.get("/admin/verification/webhookdelivery/").status_code == 200


def test_a_reviewers_admin_links_only_to_pages_it_may_open(client):
    reviewer, _ = account_ensure(username="rita", password="long-enough-2026", role=REVIEWER_GROUP)
    client.force_login(reviewer)
    index = client.get("/admin/").content.decode()
    links = {part.split('"')[0] for part in index.split('href="/admin/')[1:]}
    for link in links:
        assert client.get(f"/admin/{link}").status_code == 200, link
    assert not any(link.startswith(("django_celery_beat/", "verification/webhook")) for link in links)
