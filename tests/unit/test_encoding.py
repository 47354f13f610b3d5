"""A console that is not UTF-8 (a Windows console, a cp1252 redirect) never makes the tool crash on
✓, → or —: what it cannot show is replaced."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from meta_optout_assist.ui.encoding import tolerant

ROOT = Path(__file__).resolve().parents[2]


def test_a_cp1252_stream_replaces_what_it_cannot_write():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    tolerant(stream)
    stream.write("✓ Sent — → done")
    stream.flush()
    assert raw.getvalue() == "? Sent \x97 ? done".encode("latin-1")


def test_the_real_command_prints_to_a_cp1252_pipe(tmp_path):
    """`assist forms` prints ✓ and —: through a cp1252 pipe it ends normally."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONPATH": str(ROOT / "src"),
           "ASSIST_DATA_DIR": str(tmp_path), "PYTHONUTF8": "0"}
    run = subprocess.run([sys.executable, "-m", "meta_optout_assist", "forms", "--country", "DE"],
                         capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr.decode("cp1252", "replace")
    out = run.stdout.decode("cp1252")
    assert "you can use it" in out and "Traceback" not in run.stderr.decode("cp1252", "replace")
