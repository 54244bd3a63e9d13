"""The stored full-text vector that passages and tickets are searched by."""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models

# The text search configuration for every stored vector and query: stems English, drops stopwords.
SEARCH_CONFIG = "english"


def stored_search_vector(source_field: str) -> models.GeneratedField:
    """Return a column PostgreSQL keeps equal to to_tsvector(SEARCH_CONFIG, source_field)."""
    return models.GeneratedField(
        expression=SearchVector(source_field, config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
