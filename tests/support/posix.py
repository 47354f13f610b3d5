"""What only POSIX systems (Linux, macOS) have, for the tests that check it: file modes, signals
and process sessions. On Windows a file has an access list instead of a mode (Python reports 0o666
or 0o444 whatever the tool asked for), and there is no SIGKILL, no process group to kill and no
shell script to run as a browser: the checks of those are skipped there, with this reason."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

POSIX = os.name != "nt"
only_posix = pytest.mark.skipif(not POSIX, reason="POSIX only: file modes, signals and process sessions")


def has_mode(path: Path, mode: int) -> bool:
    """Whether `path`'s permission bits are exactly `mode` (0o600, 0o700). On Windows, where files
    have no such bits, True: the tool asks for them and Windows keeps its per-user access list."""
    return not POSIX or stat.S_IMODE(Path(path).stat().st_mode) == mode
