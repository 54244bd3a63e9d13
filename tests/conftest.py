"""Shared fixtures: the seed articles, reviewers and API clients, on the real PostgreSQL."""

from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from verification import services
from verification.ingestion import read_text_file
from verification.services.accounts import reviewer_ensure

pytest_plugins = ["tests.local_web"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BUCHA = SEEDS / "000_9afca7dae90c1c15.txt"
BALAKLIYA = SEEDS / "001_1f08442e5b047b61.txt"


def pytest_configure(config):
    """Start the embedded servers the test settings were left to use (importing settings starts none)."""
    from config import embedded

    embedded.start_for_settings()


def ingest_file(path: Path):
    """Ingest one file through the service, as the command does."""
    return services.document_ingest(
        incoming=read_text_file(path, max_bytes=settings.VERIFICATION_MAX_DOCUMENT_BYTES)
    )


def assert_each_seed_has_evidence_from_the_other(bucha, balakliya):
    """Assert a ticket of each seed carries a candidate passage from the other seed."""
    from verification.models import CandidateSource

    for claims_in, evidence_from in ((bucha, balakliya), (balakliya, bucha)):
        assert CandidateSource.objects.filter(
            ticket__appearances__document=claims_in, passage__document=evidence_from
        ).exists(), f"no ticket of {claims_in} has a candidate from {evidence_from}"


@pytest.fixture
def seeds(db):
    """Both seed articles ingested, returned as (bucha, balakliya) documents."""
    return ingest_file(BUCHA).document, ingest_file(BALAKLIYA).document


# An independent report from Bucha, written for the tests: the seeds are two towns, so neither
# supports the other's claims, and the desk's guards need a source that does.
BUCHA_WIRE = (
    "Journalists confirm the torture room in Bucha\n\n"
    "Reporters taken to Bucha on Tuesday were shown the basement room where, Ukrainian officials say, "
    "Russian troops tortured civilians before retreating from the town.\n\n"
    "The officials said they had discovered the torture room after Russian troops were pushed out of Bucha."
)


def ingest_bucha_wire():
    """Ingest the independent Bucha report as a wire agency's document."""
    from verification.ingestion import parse_text

    return services.document_ingest(
        incoming=parse_text(
            BUCHA_WIRE,
            source_name="wire-bucha.txt",
            max_bytes=settings.VERIFICATION_MAX_DOCUMENT_BYTES,
            title="Journalists confirm the torture room in Bucha",
            publisher="Wire",
        )
    ).document


@pytest.fixture
def corroborated_seeds(seeds):
    """Both seeds and an independent Bucha report ingested, every ticket corroborated (in-process)."""
    from verification.models import Ticket

    ingest_bucha_wire()
    for ticket_id in Ticket.objects.values_list("pk", flat=True):
        services.ticket_corroborate(ticket_id=ticket_id)
    return seeds


@pytest.fixture
def reviewer(db):
    user, _ = reviewer_ensure(username="rita", password="rita-reviews-2026")
    return user


@pytest.fixture
def reviewer_token(reviewer):
    return reviewer.auth_token.key


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def reviewer_api(reviewer):
    client = APIClient()
    client.force_authenticate(reviewer)
    return client


@pytest.fixture(scope="session", autouse=True)
def fresh_hot_cache():
    """Forget cached status reads, token owners and throttle counts of earlier runs (ids restart)."""
    from verification import hotcache

    redis = hotcache.client()
    for key in redis.scan_iter(match=hotcache.PREFIX + "*", count=1000):
        redis.delete(key)


@pytest.fixture(autouse=True)
def stale_lookups():
    """Make cached lookups by text stale: an earlier test's tickets were rolled back, which no signal sees."""
    from verification import hotcache

    hotcache.client().incr(hotcache.LOOKUP_GENERATION_KEY)
