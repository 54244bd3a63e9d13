"""The reviewers' desk in the Django admin, one module per model admin."""

from django.contrib import admin

from . import documents, jobs, sources, tickets, webhooks  # noqa: F401  (registers the admins)

admin.site.site_header = "Verification Desk"
admin.site.site_title = "Verification Desk"
admin.site.index_title = "The desk"
