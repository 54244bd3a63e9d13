"""schemathesis against the live schema: generated requests never get a 5xx, every response matches it."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from config.wsgi import application
from tests.factories import AppearanceFactory, CandidateFactory, TicketFactory

# The schema as the running application serves it (generating it reads no database).
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)

# Bounded so this part of the suite stays well under a minute on two cores; derandomized so that a
# run is repeatable and a failure is the same failure on every machine.
FUZZ = settings(
    max_examples=10,
    derandomize=True,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


# Every other check runs (no 5xx; status codes, content types, bodies and headers as documented;
# auth enforced). These two judge the inputs rather than the answers, and are left out on purpose:
# the API is lenient where DRF and django-filter are (an empty filter value means "no filter", a
# number is taken as a text), and a URL the schema calls valid (format uri) can have a host name
# longer than DNS allows, which Django's URL validator refuses with a 400.
LENIENT = [schemathesis.checks.negative_data_rejection, schemathesis.checks.positive_data_acceptance]


@pytest.fixture
def tickets(db):
    """A few tickets with evidence, for the generated lookups and lists to find.

    Calls go straight to the WSGI application, so, as Django's test client does, the end of a request
    must not close the connection that holds the test's transaction.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    ticket = TicketFactory(claim_text="Officials said troops destroyed tanks near the river.")
    AppearanceFactory(ticket=ticket)
    CandidateFactory(ticket=ticket)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@FUZZ
def test_anonymous_requests_get_no_5xx_and_answers_that_match_the_schema(case, tickets):
    case.call_and_validate(excluded_checks=LENIENT)


@schema.parametrize()
@FUZZ
def test_a_reviewers_requests_get_no_5xx_and_answers_that_match_the_schema(case, tickets, accounts):
    case.call_and_validate(
        headers={"Authorization": f"Token {accounts['reviewer'][1]}"}, excluded_checks=LENIENT
    )


@schema.parametrize()
@FUZZ
def test_an_admins_requests_get_no_5xx_and_answers_that_match_the_schema(case, tickets, accounts):
    # An admin sees every client's webhooks and jobs: the widest answers the schema must describe.
    case.call_and_validate(
        headers={"Authorization": f"Token {accounts['admin'][1]}"}, excluded_checks=LENIENT
    )

