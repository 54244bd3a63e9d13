"""Fixtures for webhook tests: a receiver on 127.0.0.1 and a client that owns an endpoint."""

import pytest
from django.contrib.auth import get_user_model

from tests.webhooks.receiver import Receiver


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture
def client_user(db):
    return get_user_model().objects.create_user("newsbot", password="newsbot-2026-pass")
