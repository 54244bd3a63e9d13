"""Sentence embeddings of passages, searched with pgvector's HNSW index."""

from django.db import models
from pgvector.django import HnswIndex, VectorField

from .documents import Passage

# all-MiniLM-L6-v2 embeds into 384 dimensions.
EMBEDDING_DIMENSIONS = 384


class PassageEmbedding(models.Model):
    """A passage's sentence embedding (unit length, so cosine distance ranks it)."""

    # DO_NOTHING in Django, ON DELETE CASCADE in the database (see migration 0007): the table exists
    # only where the server has pgvector, so Django's delete collector must never query it.
    passage = models.OneToOneField(
        Passage,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        related_name="embedding",
        db_constraint=False,
    )
    vector = VectorField(dimensions=EMBEDDING_DIMENSIONS)
    # Which encoder made the vector (search.semantic.encoder_version): a retrained one re-embeds the rest.
    encoder = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        indexes = [
            HnswIndex(
                name="passage_embedding_hnsw",
                fields=["vector"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            )
        ]

    def __str__(self):
        return f"Embedding of passage {self.passage_id}"
