"""Filters for the ticket list."""

import datetime as dt

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
    updated_since = django_filters.IsoDateTimeFilter(method="filter_updated_since")

    class Meta:
        model = Ticket
        fields = ["status", "claimant", "document", "publisher", "updated_since"]

    def filter_updated_since(self, queryset, name, value):
        """Keep tickets changed at or after value, compared in UTC.

        ISO 8601 allows offsets (say -22:17) that PostgreSQL refuses to parse; the same instant in
        UTC is one it takes.
        """
        try:
            since = value.astimezone(dt.UTC)
        except OverflowError:
            # Past either end of the calendar in UTC: every ticket is after the start, none after the end.
            return queryset if value.year == dt.MINYEAR else queryset.none()
        return queryset.filter(updated_at__gte=since)
