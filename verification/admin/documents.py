"""Documents as ingested: read-only, since their text is what every offset points into."""

from django.contrib import admin
from django.db.models import Count

from verification.models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "publisher", "published_on", "passage_count", "ingested_at"]
    list_filter = ["publisher", "published_on"]
    search_fields = ["title", "publisher", "source_name", "url"]
    date_hierarchy = "ingested_at"
    fields = [
        "title",
        "publisher",
        "url",
        "published_on",
        "source_name",
        "content_hash",
        "ingested_at",
        "text",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(passage_total=Count("passages"))

    @admin.display(description="Passages", ordering="passage_total")
    def passage_count(self, document):
        return document.passage_total

    def has_add_permission(self, request):
        # Documents come in through `manage.py ingest` or the API, which extract their claims.
        return False

    def has_delete_permission(self, request, obj=None):
        # Tickets, appearances and accepted evidence point into a document's text.
        return False
