"""`manage.py ingest DIR` reads only what is inside DIR: a link out of it is reported, never read."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from verification.models import Document

pytestmark = pytest.mark.django_db

ARTICLE = "Officials in Kharkiv said on Monday that troops destroyed three bridges near the river.\n"


def test_a_link_out_of_the_folder_is_not_ingested(tmp_path: Path):
    folder, secret = tmp_path / "articles", tmp_path / "secret.txt"
    folder.mkdir()
    (folder / "report.txt").write_text(ARTICLE)
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 3)
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "report.txt")  # inside: fine, the same content
    (folder / "etc").symlink_to(tmp_path, target_is_directory=True)
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", str(folder), stdout=out, stderr=err)
    assert [d.text.strip() for d in Document.objects.all()] == [ARTICLE.strip()]
    assert "passwd.txt: a link out of its folder, not read." in err.getvalue()
    assert "root:x" not in "".join(Document.objects.values_list("text", flat=True))
