"""What the API shows of tickets, their appearances, evidence and history, and the writes on them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from verification import selectors
from verification.choices import Decision, Stance, TicketStatus
from verification.models import Appearance, ArchivedPage, CandidateSource, Ticket, TicketEvent

from .fields import BlankAsNullChoiceField, StrictCharField
from .sources import KnownFactCheckSerializer


class TicketSerializer(serializers.ModelSerializer):
    appearance_count = serializers.IntegerField(read_only=True)
    supporting_count = serializers.IntegerField(
        read_only=True, help_text="Supporting candidates not rejected, one per passage."
    )
    contradicting_count = serializers.IntegerField(
        read_only=True, help_text="Contradicting candidates not rejected, one per passage."
    )
    supporting_origins = serializers.IntegerField(
        read_only=True, help_text="Independent origins of the supporting evidence."
    )
    contradicting_origins = serializers.IntegerField(
        read_only=True, help_text="Independent origins of the contradicting evidence."
    )
    has_factcheck = serializers.BooleanField(
        read_only=True, default=False, help_text="A known fact-check by another desk matches the claim."
    )

    class Meta:
        model = Ticket
        fields = [
            "id",
            "claim_text",
            "claimant",
            "hedges",
            "status",
            "version",
            "checkworthiness",
            "score_reasons",
            "appearance_count",
            "supporting_count",
            "contradicting_count",
            "supporting_origins",
            "contradicting_origins",
            "has_factcheck",
            "last_corroborated_at",
            "status_changed_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class AppearanceSerializer(serializers.ModelSerializer):
    document_title = serializers.CharField(source="document.title", read_only=True)
    publisher = serializers.CharField(source="document.publisher", read_only=True)
    url = serializers.CharField(source="document.url", read_only=True)
    published_on = serializers.DateField(source="document.published_on", read_only=True, allow_null=True)
    text = serializers.CharField(read_only=True)

    class Meta:
        model = Appearance
        fields = [
            "document",
            "document_title",
            "publisher",
            "url",
            "published_on",
            "start",
            "end",
            "text",
            "claimant",
            "hedges",
        ]
        read_only_fields = fields


class CandidateSerializer(serializers.ModelSerializer):
    document = serializers.IntegerField(source="passage.document_id", read_only=True)
    document_title = serializers.CharField(source="passage.document.title", read_only=True)
    passage_text = serializers.CharField(source="passage.text", read_only=True)
    decided_by = serializers.CharField(
        source="decided_by.username", read_only=True, default=None, allow_null=True
    )
    archived_copy = serializers.SerializerMethodField(
        help_text="The archived copy of the page the passage comes from, as fetched; null if never fetched."
    )
    stance = serializers.ChoiceField(
        choices=Stance.choices,
        read_only=True,
        help_text="The stance that counts: the reviewer's, else the machine's.",
    )
    machine_stance = serializers.ChoiceField(
        choices=Stance.choices, read_only=True, help_text="The stance the machine found."
    )
    stance_confidence = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text="The stance model's probability for its stance; null without it.",
    )
    stance_sentence = serializers.CharField(read_only=True, help_text="The sentence that carries the stance.")
    agreeing_facts = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Places, dates, names, figures that agree."
    )
    clashing_facts = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Places, dates, names, figures that clash."
    )
    stance_corrected_by = serializers.CharField(
        source="stance_corrected_by.username", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = CandidateSource
        fields = [
            "id",
            "ticket",
            "document",
            "document_title",
            "passage",
            "passage_text",
            "score",
            "matched_terms",
            "stance",
            "machine_stance",
            "stance_confidence",
            "stance_sentence",
            "agreeing_facts",
            "clashing_facts",
            "stance_cues",
            "stance_corrected_by",
            "stance_corrected_at",
            "decision",
            "decided_by",
            "decided_at",
            "archived_copy",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_archived_copy(self, candidate) -> str | None:
        if hasattr(candidate, "archived_page_id"):
            page_id = candidate.archived_page_id
        else:  # a candidate a service returned, not read through the selectors' annotation
            page_id = (
                ArchivedPage.objects.filter(document_id=candidate.passage.document_id)
                .order_by("-fetched_at", "-pk")
                .values_list("pk", flat=True)
                .first()
            )
        if page_id is None:
            return None
        # A path, not an absolute URL: status reads are cached and shared, whatever Host asked first.
        return reverse("archive-detail", args=[page_id])


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", read_only=True, default=None, allow_null=True)
    # A status change has no decision and a decision no statuses: those are null, not "".
    from_status = BlankAsNullChoiceField(choices=TicketStatus.choices)
    to_status = BlankAsNullChoiceField(choices=TicketStatus.choices)
    decision = BlankAsNullChoiceField(choices=Decision.choices)

    class Meta:
        model = TicketEvent
        fields = [
            "kind",
            "from_status",
            "to_status",
            "candidate",
            "decision",
            "from_stance",
            "to_stance",
            "actor",
            "rationale",
            "created_at",
        ]
        read_only_fields = fields


class TicketDetailSerializer(TicketSerializer):
    appearances = AppearanceSerializer(many=True, read_only=True)
    accepted_evidence = serializers.SerializerMethodField()
    last_status_change = serializers.SerializerMethodField()
    candidates = CandidateSerializer(many=True, read_only=True)
    history = EventSerializer(source="events", many=True, read_only=True)
    known_factchecks = KnownFactCheckSerializer(
        source="factcheck_matches", many=True, read_only=True, help_text="Other desks' verdicts on the claim."
    )

    class Meta(TicketSerializer.Meta):
        fields = [
            *TicketSerializer.Meta.fields,
            "known_factchecks",
            "appearances",
            "accepted_evidence",
            "last_status_change",
            "candidates",
            "history",
        ]
        read_only_fields = fields

    @extend_schema_field(CandidateSerializer(many=True))
    def get_accepted_evidence(self, ticket):
        return CandidateSerializer(selectors.accepted_candidates(ticket), many=True).data

    @extend_schema_field(EventSerializer(allow_null=True))
    def get_last_status_change(self, ticket):
        change = selectors.last_status_change(ticket)
        return EventSerializer(change).data if change else None


class StatusAppearanceSerializer(AppearanceSerializer):
    text = serializers.CharField(source="span_text", read_only=True)


class TicketStatusSerializer(TicketDetailSerializer):
    """The detail representation, read from selectors.ticket_status() (the claim span cut in SQL)."""

    appearances = StatusAppearanceSerializer(many=True, read_only=True)


class TicketMatchSerializer(serializers.Serializer):
    similarity = serializers.FloatField(source="score")
    shared_terms = serializers.ListField(child=serializers.CharField(), source="shared")
    ticket = TicketSerializer(source="item")


class LookupQuerySerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000, trim_whitespace=True)
    min_similarity = serializers.FloatField(
        min_value=0, max_value=1, default=0.2, help_text="Leave out matches scoring below this."
    )
    limit = serializers.IntegerField(min_value=1, max_value=50, default=5)


class TransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=TicketStatus.choices)
    rationale = StrictCharField(max_length=5000, allow_blank=True, default="")
    expected_status = serializers.ChoiceField(
        choices=TicketStatus.choices,
        required=False,
        help_text="The status you saw; a different one is a 409.",
    )
    expected_version = serializers.IntegerField(
        min_value=0, required=False, help_text="The ticket's version you saw; a newer one is a 409."
    )


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    note = StrictCharField(max_length=5000, allow_blank=True, default="")
    expected_decision = serializers.ChoiceField(
        choices=Decision.choices, required=False, help_text="The decision you saw; a different one is a 409."
    )
    expected_version = serializers.IntegerField(
        min_value=0, required=False, help_text="The ticket's version you saw; a newer one is a 409."
    )


class StanceCorrectionSerializer(serializers.Serializer):
    stance = serializers.ChoiceField(choices=Stance.choices)
    rationale = serializers.CharField(
        max_length=5000, help_text="Why the stance is wrong; kept in the history."
    )
    expected_stance = serializers.ChoiceField(
        choices=Stance.choices, required=False, help_text="The stance you saw; a different one is a 409."
    )
    expected_version = serializers.IntegerField(
        min_value=0, required=False, help_text="The ticket's version you saw; a newer one is a 409."
    )
