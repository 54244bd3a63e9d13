"""Webhook payload bodies and their HMAC-SHA256 signatures; no ORM, no settings."""

from .signing import SIGNATURE_HEADER, body_bytes, signature, signature_valid

__all__ = ["SIGNATURE_HEADER", "body_bytes", "signature", "signature_valid"]
