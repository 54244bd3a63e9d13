"""Explicit serializers: what the API shows of tickets and evidence, and what it accepts."""

from rest_framework import serializers

from verification.choices import Decision, TicketStatus
from verification.models import Appearance, CandidateSource, Ticket, TicketEvent


class TicketSerializer(serializers.ModelSerializer):
    appearance_count = serializers.IntegerField(read_only=True)
    supporting_count = serializers.IntegerField(read_only=True)
    contradicting_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Ticket
        fields = [
            "id",
            "claim_text",
            "claimant",
            "hedges",
            "status",
            "checkworthiness",
            "score_reasons",
            "appearance_count",
            "supporting_count",
            "contradicting_count",
            "last_corroborated_at",
            "status_changed_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class AppearanceSerializer(serializers.ModelSerializer):
    document_title = serializers.CharField(source="document.title", read_only=True)
    publisher = serializers.CharField(source="document.publisher", read_only=True)
    published_on = serializers.DateField(source="document.published_on", read_only=True)
    text = serializers.CharField(read_only=True)

    class Meta:
        model = Appearance
        fields = [
            "document",
            "document_title",
            "publisher",
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
    decided_by = serializers.CharField(source="decided_by.username", read_only=True, default=None)

    class Meta:
        model = CandidateSource
        fields = [
            "id",
            "document",
            "document_title",
            "passage",
            "passage_text",
            "score",
            "matched_terms",
            "stance",
            "stance_cues",
            "decision",
            "decided_by",
            "decided_at",
        ]
        read_only_fields = fields


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", read_only=True, default=None)

    class Meta:
        model = TicketEvent
        fields = [
            "kind",
            "from_status",
            "to_status",
            "candidate",
            "decision",
            "actor",
            "rationale",
            "created_at",
        ]
        read_only_fields = fields


class TicketDetailSerializer(TicketSerializer):
    appearances = AppearanceSerializer(many=True, read_only=True)
    candidates = CandidateSerializer(many=True, read_only=True)
    history = EventSerializer(source="events", many=True, read_only=True)

    class Meta(TicketSerializer.Meta):
        fields = [*TicketSerializer.Meta.fields, "appearances", "candidates", "history"]
        read_only_fields = fields


class TicketMatchSerializer(serializers.Serializer):
    similarity = serializers.FloatField(source="score")
    shared_terms = serializers.ListField(child=serializers.CharField(), source="shared")
    ticket = TicketSerializer(source="item")


class LookupQuerySerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000, trim_whitespace=True)
    min_similarity = serializers.FloatField(min_value=0, max_value=1, default=0.2)
    limit = serializers.IntegerField(min_value=1, max_value=50, default=5)


class TransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=TicketStatus.choices)
    rationale = serializers.CharField(max_length=5000, allow_blank=True, default="")
    expected_status = serializers.ChoiceField(
        choices=TicketStatus.choices,
        required=False,
        help_text="The status you saw; a different one is a 409.",
    )


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    note = serializers.CharField(max_length=5000, allow_blank=True, default="")
    expected_decision = serializers.ChoiceField(
        choices=Decision.choices, required=False, help_text="The decision you saw; a different one is a 409."
    )


class DocumentInSerializer(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False)
    title = serializers.CharField(max_length=500, allow_blank=True, default="")
    publisher = serializers.CharField(max_length=200, allow_blank=True, default="")
    url = serializers.URLField(max_length=2000, allow_blank=True, default="")
    published_on = serializers.DateField(required=False, allow_null=True, default=None)


class DocumentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="document.pk")
    title = serializers.CharField(source="document.title")
    created = serializers.BooleanField()
    tickets_opened = serializers.ListField(child=serializers.IntegerField())
