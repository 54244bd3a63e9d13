"""Documents as ingested: read-only (every offset points into their text), with a re-extract action."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.urls import reverse

from verification import roles, selectors, services
from verification.errors import DomainError
from verification.models import Document, Passage

from .queue import CappedPaginator
from .rendering import text_with_claims

DOCUMENT_FIELDS = (
    "title",
    "publisher",
    "url",
    "published_on",
    "source_name",
    "content_hash",
    "ingested_at",
)


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    change_form_template = "admin/verification/document/change_form.html"
    list_display = ["__str__", "publisher", "published_on", "passage_count", "ingested_at"]
    list_filter = ["publisher", "published_on"]
    search_fields = ["title", "publisher", "source_name", "url"]
    date_hierarchy = "ingested_at"
    actions = ["reextract"]
    fields = DOCUMENT_FIELDS
    readonly_fields = DOCUMENT_FIELDS

    # Like the queue: no full count per page, and the passage count computed for the page's rows only.
    show_full_result_count = False
    paginator = CappedPaginator

    def get_queryset(self, request):
        passages = Passage.objects.filter(document=OuterRef("pk")).order_by().values("document")
        return (
            super()
            .get_queryset(request)
            .defer("original", "text")
            .annotate(passage_total=Subquery(passages.annotate(n=Count("pk")).values("n")))
        )

    @admin.display(description="Passages")
    def passage_count(self, document):
        return document.passage_total or 0

    def has_add_permission(self, request):
        # Documents come in through `manage.py ingest` or the API, which extract their claims.
        return False

    def has_delete_permission(self, request, obj=None):
        # Tickets, appearances and accepted evidence point into a document's text.
        return False

    def has_extract_permission(self, request, obj=None):
        return request.user.has_perm(roles.ADD_DOCUMENT)

    @admin.action(description="Re-extract claims from the selected documents", permissions=["extract"])
    def reextract(self, request, queryset):
        opened = sum(
            len(services.document_reextract(document_id=pk, actor=request.user))
            for pk in queryset.values_list("pk", flat=True)
        )
        self.message_user(request, f"Re-extracted; {opened} new ticket(s) opened.", messages.SUCCESS)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Handle the re-extract button, else show the document's text with its claims marked."""
        document = self.get_object(request, unquote(object_id))
        if document is None:
            return super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST":
            if not self.has_extract_permission(request, document):
                raise PermissionDenied
            try:
                opened = services.document_reextract(document_id=document.pk, actor=request.user)
            except DomainError as exc:
                self.message_user(request, str(exc), messages.ERROR)
            else:
                self.message_user(
                    request, f"Re-extracted; {len(opened)} new ticket(s) opened.", messages.SUCCESS
                )
            return HttpResponseRedirect(request.path)
        spans = selectors.document_claim_spans(document_id=document.pk)
        context = {
            **(extra_context or {}),
            "marked_text": text_with_claims(
                document.text,
                spans,
                lambda ticket_id: reverse("admin:verification_ticket_change", args=[ticket_id]),
            ),
            "claim_count": len(spans),
            "can_extract": self.has_extract_permission(request, document),
        }
        return super().change_view(request, object_id, form_url, extra_context=context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            {"show_save": False, "show_save_and_continue": False, "show_save_and_add_another": False}
        )
        return super().render_change_form(request, context, add, change, form_url, obj)
