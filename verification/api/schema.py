"""The OpenAPI schema as clients need it: optional auth on open reads, integer ids, every error answer."""

from drf_spectacular.openapi import AutoSchema

from .permissions import ReadAnyoneWriteReviewers

# A non-empty text without NUL characters: what the ingestion readers accept.
TEXT_PATTERN = r"^[^\x00]*\S[^\x00]*$"

# Ids are matched by the URL pattern \d+; in the schema they are the integers they are.
ID_PATTERN = r"^\d+$"
BIGINT_MAX = 2**63 - 1

_NAMED = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {"@type": {"type": "string"}, "name": {"type": "string"}, "url": {"type": "string"}},
}
_WORK = {
    "type": "object",
    "required": ["@type", "headline"],
    "properties": {
        "@type": {"type": "string", "enum": ["CreativeWork"]},
        "headline": {"type": "string"},
        "url": {"type": "string"},
        "datePublished": {"type": "string", "format": "date"},
        "publisher": _NAMED,
    },
}
# The ClaimReview JSON-LD the builder in verification/claimreview/ returns, field by field.
CLAIMREVIEW_SCHEMA = {
    "type": "object",
    "required": [
        "@context",
        "@type",
        "url",
        "claimReviewed",
        "datePublished",
        "author",
        "reviewRating",
        "itemReviewed",
    ],
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": {"type": "string"},
        "claimReviewed": {"type": "string"},
        "datePublished": {"type": "string", "format": "date"},
        "reviewBody": {"type": "string"},
        "author": _NAMED,
        "reviewRating": {
            "type": "object",
            "required": ["@type", "ratingValue", "bestRating", "worstRating", "alternateName"],
            "properties": {
                "@type": {"type": "string", "enum": ["Rating"]},
                "ratingValue": {"type": "integer"},
                "bestRating": {"type": "integer"},
                "worstRating": {"type": "integer"},
                "alternateName": {"type": "string", "enum": ["Corroborated", "Disputed"]},
            },
        },
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "author"],
            "properties": {
                "@type": {"type": "string", "enum": ["Claim"]},
                "author": _NAMED,
                "datePublished": {"type": "string", "format": "date"},
                "appearance": {"type": "array", "items": _WORK},
                "firstAppearance": _WORK,
            },
        },
    },
}

ERROR_SCHEMA = {
    "type": "object",
    "description": "What went wrong and what to do; validation errors list the reasons per field.",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "additionalProperties": True,
}
ALWAYS = {
    "401": "No credentials, or a token that is not valid.",
    "403": "The token's user lacks the permission this needs.",
    "429": "Too many requests from this client; wait and retry (see Retry-After).",
}
WITH_ID = {"404": "No such object, or it belongs to another client."}
WITH_CURSOR = {"404": "The cursor is not one this API gave out; start again from the first page."}
WITH_INPUT = {"400": "The input is not valid; the body says which field and why."}
WITH_BODY = {
    "413": "The request body is over the size limit.",
    "415": "The body's content type is not one this operation reads.",
}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def complete_schema(result, generator, request, public):
    """Give path ids their integer type and every operation the error responses it can return."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            parameters = operation.get("parameters", [])
            for parameter in parameters:
                if parameter["in"] == "path" and parameter["schema"].get("pattern") == ID_PATTERN:
                    parameter["schema"] = {"type": "integer", "minimum": 0, "maximum": BIGINT_MAX}
            errors = dict(ALWAYS)
            if "{id}" in path:
                errors.update(WITH_ID)
            if any(p["name"] == "cursor" for p in parameters):
                errors.update(WITH_CURSOR)
            if method in ("post", "put", "patch"):
                errors.update(WITH_INPUT | WITH_BODY)
            elif any(p["in"] == "query" for p in parameters):
                errors.update(WITH_INPUT)
            responses = operation.setdefault("responses", {})
            for code, description in errors.items():
                responses.setdefault(code, _error(description))
    return result


class DeskAutoSchema(AutoSchema):
    """Mark an operation's token as optional where anonymous callers may read it (per the setting)."""

    def get_auth(self):
        auths = super().get_auth()
        if {} not in auths and any(
            isinstance(p, ReadAnyoneWriteReviewers) and p.allows_anonymous(self.method)
            for p in self.view.get_permissions()
        ):
            auths.append({})
        return auths
