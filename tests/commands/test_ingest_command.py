"""`manage.py ingest`: folders, idempotence, a clear error per bad file without stopping the rest."""

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import SEEDS
from verification.models import Document

pytestmark = pytest.mark.django_db


def test_ingesting_the_seed_folder_twice_stores_two_documents(capsys):
    call_command("ingest", str(SEEDS))
    call_command("ingest", str(SEEDS))
    assert Document.objects.count() == 2
    assert "0 ingested, 2 already known" in capsys.readouterr().out


def test_a_bad_file_is_reported_and_the_others_still_ingested(tmp_path, capsys):
    (tmp_path / "a_good.txt").write_text("Officials said that 12 people were detained in Kharkiv on Monday.")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "c_broken.txt").write_bytes("Kyiv’s mayor said 3 people died.".encode() + b"\xff")
    (tmp_path / "d_empty.txt").write_text("")
    (tmp_path / "e_bad.json").write_text('{"text": 5}')
    with pytest.raises(CommandError, match="4 file"):
        call_command("ingest", str(tmp_path))
    err = capsys.readouterr().err
    assert "b_binary.txt: looks binary" in err
    assert "c_broken.txt: not valid UTF-8" in err
    assert "d_empty.txt: has no text" in err
    assert 'e_bad.json: "text" must be a string' in err
    assert Document.objects.count() == 1


def test_html_json_and_other_encodings_are_ingested_by_extension(tmp_path, capsys):
    (tmp_path / "a.html").write_text(
        "<html><head><title>Kharkiv</title></head><body><nav>Home</nav><article>"
        "<p>Officials said that 12 people were detained in Kharkiv on Monday.</p></article></body></html>"
    )
    (tmp_path / "b.json").write_text(
        '{"title": "Lviv", "publisher": "Wire", "url": "https://example.org/lviv", "date": "2022-04-05",'
        ' "text": "Police said that 30 people were arrested in Lviv on Sunday."}'
    )
    (tmp_path / "c.txt").write_bytes(
        "Le maire a déclaré que 3 écoles ont été détruites à Kharkiv.".encode("cp1252")
    )
    call_command("ingest", str(tmp_path))
    assert "3 ingested" in capsys.readouterr().out
    by_name = {doc.source_name: doc for doc in Document.objects.all()}
    assert by_name["a.html"].text == "Officials said that 12 people were detained in Kharkiv on Monday."
    assert by_name["a.html"].original.startswith("<html>")
    assert (by_name["b.json"].publisher, str(by_name["b.json"].published_on)) == ("Wire", "2022-04-05")
    assert "déclaré" in by_name["c.txt"].text


def test_a_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", str(tmp_path / "nope.txt"))


def test_an_unexpected_failure_on_one_file_does_not_stop_the_others(tmp_path, monkeypatch, capsys):
    from verification import services

    real_ingest = services.document_ingest

    def flaky(*, incoming):
        if incoming.source_name == "a_breaks.txt":
            raise RuntimeError("disk on fire")
        return real_ingest(incoming=incoming)

    monkeypatch.setattr(services, "document_ingest", flaky)
    (tmp_path / "a_breaks.txt").write_text(
        "Officials said that 12 people were detained in Kharkiv on Monday."
    )
    (tmp_path / "b_fine.txt").write_text("Police said that 30 people were arrested in Lviv on Sunday.")
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", str(tmp_path))
    assert "a_breaks.txt: unexpected error" in capsys.readouterr().err
    assert Document.objects.get().source_name == "b_fine.txt"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, settings, capsys):
    settings.VERIFICATION_MAX_DOCUMENT_BYTES = 100
    (tmp_path / "a_huge.html").write_bytes(b"<p>" + b"Officials said 5 died. " * 20 + b"</p>")
    (tmp_path / "b_small.txt").write_text("Officials said 5 people died in Kharkiv.")
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", str(tmp_path))
    assert "a_huge.html: 467 bytes is over the 100-byte limit" in capsys.readouterr().err
    assert Document.objects.get().source_name == "b_small.txt"
