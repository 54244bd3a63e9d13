"""Settings for the test suite: the same real PostgreSQL and Redis, faster hashing."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Its own queue, so a worker of a running demo on the same Redis never takes the tests' tasks.
CELERY_TASK_DEFAULT_QUEUE = "verification-test"
