"""The ticket queue and the ticket page: evidence to accept or reject, status changes with a rationale."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import ShowFacets
from django.contrib.admin.utils import unquote
from django.contrib.postgres.search import SearchQuery
from django.http import HttpResponseNotAllowed
from django.urls import path, reverse
from django.utils.html import format_html

from verification import roles, selectors, services
from verification.choices import Decision, Stance, TicketStatus
from verification.models import Ticket
from verification.models.search import SEARCH_CONFIG
from verification.models.tickets import URGENCY
from verification.services.transitions import evidence_shortfall

from .queue import (
    AssigneeFilter,
    CappedPaginator,
    EvidenceFilter,
    PublisherFilter,
    QueueActionForm,
    QueueChangeList,
    StatusFilter,
)
from .rendering import badge, claim_in_context, highlight_matches, reasons_list, status_badge, words_of
from .stances import candidate_stance_view
from .ticket_views import DESK_ACTIONS, desk_action_view, url_name

# Bulk changes go ticket by ticket, each in its own transaction; past this many, select fewer.
BULK_LIMIT = 500


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _bulk_summary(done: str, outcome) -> tuple[int, str]:
    """Return the message level and text summing up a bulk action: how many done, each refusal and why."""
    text = f"{done.format(n=len(outcome.done))}"
    if not outcome.refused:
        return messages.SUCCESS, text
    refusals = "; ".join(f"#{pk}: {why}" for pk, why in outcome.refused.items())
    return messages.WARNING, f"{text} Refused {len(outcome.refused)}: {refusals}"


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    change_form_template = "admin/verification/ticket/change_form.html"
    list_display = [
        "claim",
        "claimant",
        "score",
        "status_badge",
        "supporting",
        "contradicting",
        "seen",
        "assignee",
        "factchecked",
        "last_corroborated_at",
    ]
    list_filter = [
        StatusFilter,
        AssigneeFilter,
        EvidenceFilter,
        PublisherFilter,
        ("last_seen_at", admin.DateFieldListFilter),
    ]
    # Full-text search over the stored claim vector (GIN index); "#123" or "123" finds a ticket by id.
    search_fields = ["claim_text"]
    search_help_text = "Words of the claim (full-text, stemmed), or a ticket number such as #42."
    # Most urgent first; every prefix of this order is served by an index (see Ticket.Meta.indexes).
    ordering = tuple(URGENCY)
    sortable_by = ["score", "seen", "last_corroborated_at"]
    list_per_page = 50
    list_select_related = ["assignee"]
    show_full_result_count = False
    show_facets = ShowFacets.NEVER
    paginator = CappedPaginator
    action_form = QueueActionForm
    actions = ["assign_to_me", "assign_to_reviewer", "change_status", "rerun_corroboration"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "claim_text",
                    "claimant",
                    "hedge_list",
                    "status_badge",
                    "checkworthiness",
                    "reasons",
                ]
            },
        ),
        (
            "Dates",
            {
                "classes": ["collapse"],
                "fields": ["created_at", "last_seen_at", "last_corroborated_at", "status_changed_at"],
            },
        ),
    ]
    readonly_fields = [
        name for _, options in fieldsets for name in options["fields"] if isinstance(name, str)
    ]

    class Media:
        css = {"all": ["verification/admin.css"]}

    def candidate_stance_view(self, request, object_id, candidate_id):
        return candidate_stance_view(self, request, unquote(object_id), candidate_id)

    def get_changelist(self, request, **kwargs):
        return QueueChangeList

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": "Verification queue", **(extra_context or {})})

    def get_queryset(self, request):
        # The plain table: filters, search and order run on indexed columns; counts come per page.
        return Ticket.objects.select_related("assignee")

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        if term.lstrip("#").isdigit():
            return queryset.filter(pk=int(term.lstrip("#"))), False
        query = SearchQuery(term, search_type="websearch", config=SEARCH_CONFIG)
        return queryset.filter(search_vector=query), False

    def has_add_permission(self, request):
        # Tickets are opened by claim extraction, never by hand, so each has its claim and appearance.
        return False

    def has_delete_permission(self, request, obj=None):
        # A ticket's history is the desk's audit trail; it is never deleted from the admin.
        return False

    def has_assign_permission(self, request):
        return request.user.has_perm(roles.ASSIGN_TICKET)

    # The queue's columns.

    def action_checkbox(self, ticket):
        # The version the reviewer saw travels with the row, so a bulk change on a stale row is refused.
        # Written directly: rendering a checkbox widget template per row was a third of the page's time.
        return format_html(
            '<input type="checkbox" name="{name}" value="{pk}" class="action-select" '
            'aria-label="Select ticket #{pk}"><input type="hidden" name="version-{pk}" value="{version}">',
            name=helpers.ACTION_CHECKBOX_NAME,
            pk=ticket.pk,
            version=ticket.version,
        )

    @admin.display(description="Claim")
    def claim(self, ticket):
        return ticket.claim_text if len(ticket.claim_text) <= 140 else ticket.claim_text[:139] + "…"

    @admin.display(description="Score", ordering="-checkworthiness")
    def score(self, ticket):
        return f"{ticket.checkworthiness:.2f}"

    @admin.display(description="Hedges")
    def hedge_list(self, ticket):
        return ", ".join(ticket.hedges) or "none"

    @admin.display(description="Status")
    def status_badge(self, ticket):
        return status_badge(ticket.status, ticket.get_status_display())

    @admin.display(description="Supporting origins")
    def supporting(self, ticket):
        return ticket.supporting_origins

    @admin.display(description="Contradicting origins")
    def contradicting(self, ticket):
        return ticket.contradicting_origins

    @admin.display(description="Seen", ordering="-appearance_total")
    def seen(self, ticket):
        return ticket.appearance_total

    @admin.display(description="Known fact-check")
    def factchecked(self, ticket):
        # Another desk checked this claim already: the reviewer should read their verdict first.
        return badge("#7c3aed", "checked elsewhere") if getattr(ticket, "has_factcheck", False) else ""

    @admin.display(description="Why this score")
    def reasons(self, ticket):
        return reasons_list(ticket.score_reasons)

    # Bulk actions: each calls one service, which checks every ticket's guard and version.

    def _selected_versions(self, request, queryset) -> dict[int, int | None] | None:
        """Return the selected tickets' ids with the versions their rows showed, or None if too many."""
        ids = list(queryset.values_list("pk", flat=True)[: BULK_LIMIT + 1])
        if len(ids) > BULK_LIMIT:
            self.message_user(
                request,
                f"Select at most {BULK_LIMIT} tickets: a bulk change goes through them one at a time.",
                messages.ERROR,
            )
            return None
        return {pk: _int_or_none(request.POST.get(f"version-{pk}")) for pk in ids}

    def _report(self, request, done: str, outcome):
        level, text = _bulk_summary(done, outcome)
        self.message_user(request, text, level)

    @admin.action(description="Assign the selected tickets to me", permissions=["change"])
    def assign_to_me(self, request, queryset):
        versions = self._selected_versions(request, queryset)
        if versions is None:
            return
        outcome = services.tickets_assign(
            ticket_ids=list(versions),
            assignee_id=request.user.pk,
            actor=request.user,
            expected_versions=versions,
        )
        self._report(request, "Assigned {n} ticket(s) to you.", outcome)

    @admin.action(description="Assign the selected tickets to the chosen reviewer", permissions=["assign"])
    def assign_to_reviewer(self, request, queryset):
        assignee_id = _int_or_none(request.POST.get("assignee"))
        versions = self._selected_versions(request, queryset)
        if versions is None:
            return
        outcome = services.tickets_assign(
            ticket_ids=list(versions), assignee_id=assignee_id, actor=request.user, expected_versions=versions
        )
        self._report(
            request, "Assigned {n} ticket(s)." if assignee_id else "Unassigned {n} ticket(s).", outcome
        )

    @admin.action(description="Move the selected tickets to the chosen status", permissions=["change"])
    def change_status(self, request, queryset):
        to_status = request.POST.get("to_status", "")
        if to_status not in TicketStatus.values:
            self.message_user(
                request, "Choose a status next to the action, then run it again.", messages.ERROR
            )
            return
        versions = self._selected_versions(request, queryset)
        if versions is None:
            return
        outcome = services.tickets_transition(
            ticket_ids=list(versions),
            to_status=to_status,
            rationale=request.POST.get("rationale", ""),
            actor=request.user,
            expected_versions=versions,
        )
        self._report(request, f"Moved {{n}} ticket(s) to {TicketStatus(to_status).label.lower()}.", outcome)

    @admin.action(description="Re-run corroboration for the selected tickets", permissions=["change"])
    def rerun_corroboration(self, request, queryset):
        versions = self._selected_versions(request, queryset)
        if versions is None:
            return
        queued = services.tickets_corroboration_request(ticket_ids=list(versions), actor=request.user)
        self.message_user(request, f"Corroboration queued for {queued} ticket(s).", messages.SUCCESS)

    # The ticket page.

    def get_urls(self):
        # The page's buttons, each a view of its own in front of the admin's own URLs.
        desk = [
            path(
                f"<path:object_id>/{action.name}/",
                self.admin_site.admin_view(desk_action_view(self, action)),
                name=url_name(action),
            )
            for action in DESK_ACTIONS
        ]
        # Correcting a candidate's stance is a page of its own, with a form and a rationale.
        stance = path(
            "<path:object_id>/candidates/<int:candidate_id>/stance/",
            self.admin_site.admin_view(self.candidate_stance_view),
            name="verification_ticket_candidate_stance",
        )
        return [*desk, stance, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Show the ticket: its claim in context, candidates, status moves and history."""
        if request.method == "POST":
            # Changes go through the buttons' own views; the page itself saves nothing.
            return HttpResponseNotAllowed(["GET"])
        ticket = self.get_object(request, unquote(object_id))
        if ticket is None:
            # Let the admin answer as it does for any missing or malformed id.
            return super().change_view(request, object_id, form_url, extra_context)
        ticket = selectors.ticket_detail().select_related("assignee").get(pk=ticket.pk)
        context = {
            "title": f"Ticket #{ticket.pk}",
            **(extra_context or {}),
            **self._desk_context(request, ticket),
        }
        return super().change_view(request, object_id, form_url, extra_context=context)

    def _desk_context(self, request, ticket):
        candidates = list(ticket.candidates.all())
        stems_of = selectors.word_stems(
            words=sorted(set().union(*(words_of(c.passage.text) for c in candidates)))
        )
        can_decide = self.has_change_permission(request, ticket)
        return {
            "ticket": ticket,
            "contexts": [
                (a, claim_in_context(a.document.text, a.start, a.end)) for a in ticket.appearances.all()
            ],
            "candidate_groups": [
                (
                    stance,
                    label,
                    [
                        (c, highlight_matches(c.passage.text, c.matched_terms, stems_of))
                        for c in candidates
                        if c.stance == stance
                    ],
                )
                for stance, label in Stance.choices
            ],
            "events": list(ticket.events.all()),
            "factchecks": list(ticket.factcheck_matches.all()),
            "targets": [
                # The guard's verdict with no rationale yet, so the reviewer sees what a move still needs.
                (value, label, evidence_shortfall(ticket, value, "") if can_decide else None)
                for value, label in TicketStatus.choices
                if value != ticket.status
            ],
            "decisions": Decision,
            "can_decide": can_decide,
            "can_assign": self.has_assign_permission(request),
            "reviewers": selectors.reviewer_choices() if self.has_assign_permission(request) else [],
            "changelist_url": reverse("admin:verification_ticket_changelist"),
            "action_urls": {
                action.name: reverse(f"admin:{url_name(action)}", args=[ticket.pk]) for action in DESK_ACTIONS
            },
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The page is a desk, not an edit form: the ticket's fields change only through services.
        context.update(
            {"show_save": False, "show_save_and_continue": False, "show_save_and_add_another": False}
        )
        return super().render_change_form(request, context, add, change, form_url, obj)
