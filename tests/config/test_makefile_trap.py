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
    # A shell started with SIGINT ignored (a background job, as CI may start the tests) can never
    # trap it; make under a terminal starts with the default, so the child gets that back.
    shell = subprocess.Popen(
        ["dash", "-c", script],
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Ctrl-C reaches honcho (the sleep here) only once it runs: a signal taken between the fork
    # and the exec is lost, and dash would wait the whole sleep. Wait for the sleep to be running.
    children = Path(f"/proc/{shell.pid}/task/{shell.pid}/children")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not _running_sleep(children):
        time.sleep(0.05)
    os.killpg(shell.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's process group
    shell.wait(timeout=10)
    assert marker.read_text().strip() == "stopped"


def _running_sleep(children: Path) -> bool:
    """Return whether the shell's child has become the sleep command."""
    try:
        pids = children.read_text().split()
        return any(Path(f"/proc/{pid}/comm").read_text().strip() == "sleep" for pid in pids)
    except OSError:
        return False
