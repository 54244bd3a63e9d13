"""Verification Desk: claims in, verification tickets out."""
