"""Filters for the ticket list."""

import django_filters

from verification.choices import TicketStatus
from verification.models import Ticket


class TicketFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=TicketStatus.choices)
    claimant = django_filters.CharFilter(lookup_expr="icontains")
    document = django_filters.NumberFilter(field_name="appearances__document", distinct=True)
    publisher = django_filters.CharFilter(
        field_name="appearances__document__publisher", lookup_expr="iexact", distinct=True
    )
    updated_since = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Ticket
        fields = ["status", "claimant", "document", "publisher", "updated_since"]
