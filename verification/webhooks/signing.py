"""Sign webhook bodies the way receivers check them: HMAC-SHA256 of the exact bytes sent."""

import hashlib
import hmac
import json

SIGNATURE_HEADER = "X-Signature"
SCHEME = "sha256="


def body_bytes(payload: dict) -> bytes:
    """Return the canonical JSON bytes for payload (sorted keys, no spaces), so a logged payload re-signs."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def signature(secret: str, body: bytes) -> str:
    """Return the X-Signature header value for body: `sha256=` and the hex HMAC-SHA256 under secret."""
    return SCHEME + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    """Return whether header is the signature of body under secret (constant-time comparison)."""
    return header is not None and hmac.compare_digest(signature(secret, body), header)
