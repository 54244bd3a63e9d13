"""`make demo` stops the embedded servers on Ctrl-C under dash, make's shell, not only on a clean exit."""

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


@pytest.mark.skipif(shutil.which("dash") is None, reason="dash is not installed")
def test_the_demo_recipe_stops_the_servers_when_interrupted(tmp_path):
    recipe = MAKEFILE.read_text()
    traps = re.search(r"@(trap .*?);\s*\\?\s*\n?\s*PATH=", recipe, re.S)
    assert traps, "the demo recipe should set its traps before starting honcho"
    marker = tmp_path / "stopped"
    # The recipe's own traps, with the stop command writing a marker and a sleep for honcho.
    stop = traps.group(1).replace("$(PY) -m config.embedded stop", f"echo stopped > {marker}")
    script = f"{stop}; sleep 30"
    shell = subprocess.Popen(["dash", "-c", script], start_new_session=True)
    time.sleep(1)
    os.killpg(shell.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's process group
    shell.wait(timeout=10)
    assert marker.read_text().strip() == "stopped"
