"""The REST API: status lookups by id and by text, and the writes reviewers and clients make."""
