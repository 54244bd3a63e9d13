"""Signatures: HMAC-SHA256 of the exact body, checked in constant time; a logged payload re-signs."""

import hashlib
import hmac

from verification.webhooks import body_bytes, signature, signature_valid


def test_the_signature_is_the_hmac_sha256_of_the_body_under_the_secret():
    body = body_bytes({"event": "ticket.status_changed", "ticket": {"id": 7}})
    expected = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert signature("s3cret", body) == f"sha256={expected}"


def test_the_body_is_canonical_so_key_order_does_not_change_it():
    assert body_bytes({"b": 1, "a": "é"}) == body_bytes({"a": "é", "b": 1}) == '{"a":"é","b":1}'.encode()


def test_a_signature_checks_only_for_its_secret_and_its_body():
    body = body_bytes({"a": 1})
    header = signature("one", body)
    assert signature_valid("one", body, header)
    assert not signature_valid("two", body, header)
    assert not signature_valid("one", body_bytes({"a": 2}), header)
    assert not signature_valid("one", body, None)
