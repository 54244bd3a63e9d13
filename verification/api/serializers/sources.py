"""Watched sources, archived copies and known fact-checks, as the API shows and accepts them."""

from rest_framework import serializers
from rest_framework.reverse import reverse

from verification.choices import SourceKind
from verification.models import ArchivedPage, FactCheckMatch, Source


class SourceInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, help_text="The publisher its articles are stored under.")
    kind = serializers.ChoiceField(choices=SourceKind.choices, default=SourceKind.FEED)
    url = serializers.URLField(max_length=2000)
    poll_seconds = serializers.IntegerField(min_value=5, default=3600, help_text="Seconds between polls.")
    enabled = serializers.BooleanField(default=True)


class SourceSerializer(serializers.ModelSerializer):
    failing = serializers.BooleanField(read_only=True, help_text="Its recent polls failed in a row.")

    class Meta:
        model = Source
        fields = [
            "id",
            "name",
            "kind",
            "url",
            "poll_seconds",
            "enabled",
            "failing",
            "consecutive_failures",
            "last_error",
            "last_polled_at",
            "last_succeeded_at",
            "created_at",
        ]
        read_only_fields = fields


class ArchivedPageSerializer(serializers.ModelSerializer):
    warc = serializers.SerializerMethodField(help_text="The WARC record of the response.")
    content = serializers.SerializerMethodField(help_text="The page as served then, sandboxed.")

    class Meta:
        model = ArchivedPage
        fields = [
            "id",
            "url",
            "final_url",
            "status",
            "content_type",
            "sha256",
            "size",
            "fetched_at",
            "document",
            "warc",
            "content",
        ]
        read_only_fields = fields

    def get_warc(self, page) -> str:
        return reverse("archive-warc", args=[page.pk], request=self.context.get("request"))

    def get_content(self, page) -> str:
        return reverse("archive-content", args=[page.pk], request=self.context.get("request"))


class KnownFactCheckSerializer(serializers.ModelSerializer):
    claim_text = serializers.CharField(source="factcheck.claim_text")
    rating = serializers.CharField(source="factcheck.rating")
    author = serializers.CharField(source="factcheck.author")
    reviewed_on = serializers.DateField(source="factcheck.reviewed_on", allow_null=True)
    url = serializers.URLField(source="factcheck.url")
    verdict = serializers.CharField(help_text='"checked by … on …: rating", as the desk says.')

    class Meta:
        model = FactCheckMatch
        fields = ["claim_text", "rating", "author", "reviewed_on", "url", "similarity", "verdict"]
        read_only_fields = fields


class DocumentUrlSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000, help_text="A page to fetch, archive and ingest.")
