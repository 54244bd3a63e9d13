"""The ticket queue and the ticket page: evidence to accept or reject, status changes with a rationale."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect

from verification import selectors, services
from verification.choices import STANDING_DECISIONS, Decision, Stance, TicketStatus
from verification.errors import DomainError
from verification.models import CandidateSource, Ticket

from .rendering import claim_in_context, reasons_list, status_badge


class StanceFilter(admin.SimpleListFilter):
    title = "evidence"
    parameter_name = "evidence"

    def lookups(self, request, model_admin):
        return [("supports", "Has support"), ("contradicts", "Has contradiction"), ("none", "No candidates")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(candidates__isnull=True)
        if self.value() in Stance.values:
            return queryset.filter(
                candidates__stance=self.value(), candidates__decision__in=STANDING_DECISIONS
            ).distinct()
        return queryset


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
        "appearances",
        "last_corroborated_at",
    ]
    list_filter = ["status", StanceFilter, "last_corroborated_at"]
    search_fields = ["claim_text", "claimant"]
    ordering = ["-checkworthiness", "-id"]
    list_per_page = 50
    actions = ["rerun_corroboration"]
    fields = [
        "claim_text",
        "claimant",
        "hedge_list",
        "checkworthiness",
        "reasons",
        "status_badge",
        "status_changed_at",
        "last_corroborated_at",
        "created_at",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return selectors.ticket_list()

    def has_add_permission(self, request):
        # Tickets are opened by claim extraction, never by hand, so each has its claim and appearance.
        return False

    def has_delete_permission(self, request, obj=None):
        # A ticket's history is the desk's audit trail; it is never deleted from the admin.
        return False

    @admin.display(description="Claim", ordering="claim_text")
    def claim(self, ticket):
        return ticket.claim_text if len(ticket.claim_text) <= 140 else ticket.claim_text[:139] + "…"

    class Media:
        css = {"all": ["verification/admin.css"]}

    @admin.display(description="Score", ordering="checkworthiness")
    def score(self, ticket):
        return f"{ticket.checkworthiness:.2f}"

    @admin.display(description="Hedges")
    def hedge_list(self, ticket):
        return ", ".join(ticket.hedges) or "none"

    @admin.display(description="Status", ordering="status")
    def status_badge(self, ticket):
        return status_badge(ticket.status, ticket.get_status_display())

    @admin.display(description="Supports", ordering="supporting_count")
    def supporting(self, ticket):
        return ticket.supporting_count

    @admin.display(description="Contradicts", ordering="contradicting_count")
    def contradicting(self, ticket):
        return ticket.contradicting_count

    @admin.display(description="Seen", ordering="appearance_count")
    def appearances(self, ticket):
        return ticket.appearance_count

    @admin.display(description="Why this score")
    def reasons(self, ticket):
        return reasons_list(ticket.score_reasons)

    @admin.action(description="Re-run corroboration for the selected tickets", permissions=["change"])
    def rerun_corroboration(self, request, queryset):
        queued = services.tickets_recorroborate(ticket_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"Corroboration queued for {queued} ticket(s).", messages.SUCCESS)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Handle the page's own buttons (decide, transition, re-run), else show the ticket."""
        ticket = self.get_object(request, unquote(object_id))
        if ticket is None:
            # Let the admin answer as it does for any missing or malformed id.
            return super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST":
            if not self.has_change_permission(request, ticket):
                raise PermissionDenied
            self._handle_post(request, ticket)
            return HttpResponseRedirect(request.path)
        ticket = selectors.ticket_detail().get(pk=ticket.pk)
        context = {**(extra_context or {}), **self._desk_context(request, ticket)}
        return super().change_view(request, object_id, form_url, extra_context=context)

    def _handle_post(self, request, ticket):
        try:
            if "decide" in request.POST:
                # The button carries the decision and the one the reviewer saw: "<id>:<decision>:<seen>".
                candidate_id, decision, seen = request.POST["decide"].split(":", 2)
                services.candidate_decide(
                    candidate_id=int(candidate_id),
                    ticket_id=ticket.pk,
                    decision=decision,
                    expected_decision=seen,
                    note=request.POST.get(f"note-{candidate_id}", ""),
                    actor=request.user,
                )
                self.message_user(request, f"Candidate {candidate_id} {decision}.", messages.SUCCESS)
            elif "transition" in request.POST:
                updated = services.ticket_transition(
                    ticket_id=ticket.pk,
                    to_status=request.POST.get("to_status", ""),
                    rationale=request.POST.get("rationale", ""),
                    expected_status=request.POST.get("expected_status") or None,
                    actor=request.user,
                )
                self.message_user(
                    request, f"Ticket is now {updated.get_status_display().lower()}.", messages.SUCCESS
                )
            elif "recorroborate" in request.POST:
                services.tickets_recorroborate(ticket_ids=[ticket.pk])
                self.message_user(
                    request, "Corroboration queued; new candidates appear on reload.", messages.INFO
                )
        except CandidateSource.DoesNotExist:
            self.message_user(
                request,
                "That source is not one of this ticket's candidates; reload the page.",
                messages.ERROR,
            )
        except (DomainError, ValueError) as exc:
            self.message_user(request, str(exc), messages.ERROR)

    def _desk_context(self, request, ticket):
        candidates = list(ticket.candidates.all())
        return {
            "ticket": ticket,
            "contexts": [
                (a, claim_in_context(a.document.text, a.start, a.end)) for a in ticket.appearances.all()
            ],
            "candidate_groups": [
                (label, [c for c in candidates if c.stance == stance]) for stance, label in Stance.choices
            ],
            "events": list(ticket.events.all()),
            "targets": [(value, label) for value, label in TicketStatus.choices if value != ticket.status],
            "decisions": Decision,
            "can_decide": self.has_change_permission(request, ticket),
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The page is a desk, not an edit form: the ticket's fields change only through services.
        context.update(
            {"show_save": False, "show_save_and_continue": False, "show_save_and_add_another": False}
        )
        return super().render_change_form(request, context, add, change, form_url, obj)
