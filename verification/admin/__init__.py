"""The reviewers' desk in the Django admin, one module per model admin."""

from . import documents, jobs, tickets  # noqa: F401  (registers the admins)
