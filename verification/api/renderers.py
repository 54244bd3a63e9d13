"""JSON-LD: JSON under its own media type, for ClaimReview documents."""

from rest_framework.renderers import JSONRenderer


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"
