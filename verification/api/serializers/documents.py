"""Documents clients submit, and the extraction jobs they poll."""

from django.core.validators import RegexValidator
from rest_framework import serializers
from rest_framework.reverse import reverse

from verification.models import JobRun

from ..schema import TEXT_PATTERN
from .fields import StrictCharField, StrictURLField


class DocumentMetaSerializer(serializers.Serializer):
    title = StrictCharField(max_length=500, allow_blank=True, default="")
    publisher = StrictCharField(max_length=200, allow_blank=True, default="")
    url = StrictURLField(max_length=2000, allow_blank=True, default="")
    published_on = serializers.DateField(required=False, allow_null=True, default=None)
    # `date` is what JSON files for `manage.py ingest` carry; the API reads it too, as an alias.
    date = serializers.DateField(
        required=False, allow_null=True, write_only=True, help_text="Another name for published_on."
    )

    def validate(self, attrs):
        """Fold `date` into `published_on`, refusing the two when they disagree."""
        attrs = dict(attrs)
        date = attrs.pop("date", None)
        if date is not None:
            if attrs.get("published_on") not in (None, date):
                raise serializers.ValidationError(
                    {"date": "Give the date once: published_on and date disagree."}
                )
            attrs["published_on"] = date
        return attrs


class DocumentInSerializer(DocumentMetaSerializer):
    text = StrictCharField(
        trim_whitespace=False,
        validators=[RegexValidator(TEXT_PATTERN, message="The text is empty or has NUL characters.")],
        help_text="The article's text.",
    )


class JobRunSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = JobRun
        fields = [
            "id",
            "url",
            "kind",
            "status",
            "document",
            "ticket",
            "attempts",
            "queued_at",
            "started_at",
            "finished_at",
            "duration_ms",
            "result",
            "error",
        ]
        read_only_fields = fields

    def get_url(self, run) -> str:
        return reverse("job-detail", args=[run.pk], request=self.context.get("request"))


class SubmissionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="document.pk", help_text="The document's id.")
    title = serializers.CharField(source="document.title")
    content_hash = serializers.CharField(source="document.content_hash")
    created = serializers.BooleanField(help_text="False when the same content was submitted before.")
    job = JobRunSerializer(source="run", allow_null=True, help_text="The extraction job to poll.")
