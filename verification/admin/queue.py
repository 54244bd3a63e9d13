"""The ticket queue at scale: default filter, index-served filters, a bounded count, one page annotated."""

from django import forms
from django.contrib import admin
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property

from verification import selectors
from verification.choices import STANDING_DECISIONS, Stance, TicketStatus
from verification.models import Appearance, CandidateSource

# Beyond this many matches the queue says "more than" instead of counting a million rows per page.
COUNT_CAP = 10_000
ALL = "all"


class StatusFilter(admin.SimpleListFilter):
    """Status, opening on unverified: the queue is the work still to do."""

    title = "status"
    parameter_name = "status"
    default = TicketStatus.UNVERIFIED

    def lookups(self, request, model_admin):
        return TicketStatus.choices

    def value(self):
        return super().value() or self.default

    def queryset(self, request, queryset):
        if self.value() in TicketStatus.values:
            return queryset.filter(status=self.value())
        return queryset

    def choices(self, changelist):
        for lookup, title in [*self.lookup_choices, (ALL, "All")]:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class AssigneeFilter(admin.SimpleListFilter):
    title = "assignee"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", "Assigned to me"), ("nobody", "Unassigned"), ("anyone", "Assigned to anyone")]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assignee=request.user)
        if self.value() == "nobody":
            return queryset.filter(assignee__isnull=True)
        if self.value() == "anyone":
            return queryset.filter(assignee__isnull=False)
        return queryset


def _has_evidence(stance: str) -> Exists:
    """Return whether a ticket has standing evidence of this stance (an index probe, not a count)."""
    return Exists(
        CandidateSource.objects.filter(ticket=OuterRef("pk"), stance=stance, decision__in=STANDING_DECISIONS)
    )


class EvidenceFilter(admin.SimpleListFilter):
    title = "evidence"
    parameter_name = "evidence"

    def lookups(self, request, model_admin):
        return [
            ("supports", "Has support"),
            ("contradicts", "Has contradiction"),
            ("both", "Has both"),
            ("none", "No candidates yet"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value in (Stance.SUPPORTS, Stance.CONTRADICTS):
            return queryset.filter(_has_evidence(value))
        if value == "both":
            return queryset.filter(_has_evidence(Stance.SUPPORTS), _has_evidence(Stance.CONTRADICTS))
        if value == "none":
            return queryset.filter(~Exists(CandidateSource.objects.filter(ticket=OuterRef("pk"))))
        return queryset


class PublisherFilter(admin.SimpleListFilter):
    title = "publisher"
    parameter_name = "publisher"

    def lookups(self, request, model_admin):
        return [(name, name) for name in selectors.publisher_choices()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                Exists(Appearance.objects.filter(ticket=OuterRef("pk"), document__publisher=self.value()))
            )
        return queryset


class CappedPaginator(Paginator):
    """A paginator that counts at most COUNT_CAP + 1 rows, so a page never scans the whole table."""

    @property
    def cap(self) -> str:
        """Return how far the paginator counts, for the page to say "more than"."""
        return f"{COUNT_CAP:,}"

    @cached_property
    def count(self):
        return self.object_list.order_by()[: COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        """Return whether there are more matches than were counted."""
        return self.count > COUNT_CAP


class QueueChangeList(ChangeList):
    """The queue: rows come from the ordered, filtered table; counts are computed for one page only."""

    def get_results(self, request):
        super().get_results(request)
        ids = [ticket.pk for ticket in self.result_list]
        self.result_list = selectors.ticket_rows(ticket_ids=ids)


class QueueActionForm(ActionForm):
    """The action bar's inputs: whom to assign to, and the status and rationale of a bulk change."""

    assignee = forms.ModelChoiceField(
        queryset=selectors.reviewer_choices(), required=False, empty_label="(reviewer)", label="Reviewer"
    )
    to_status = forms.ChoiceField(
        choices=[("", "(status)"), *TicketStatus.choices], required=False, label="Status"
    )
    rationale = forms.CharField(
        required=False,
        label="Rationale",
        widget=forms.TextInput(attrs={"placeholder": "Rationale for a status change", "size": 40}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Evaluated per request, so that a reviewer added a minute ago is offered.
        self.fields["assignee"].queryset = selectors.reviewer_choices()
