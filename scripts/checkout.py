"""What the scripts in this folder share: they run from a checkout of the project.

Importing this module puts the checkout on sys.path (for tests.mock_site, the replica) and, when
meta_optout_assist is not installed (a bare checkout), its sources too. `python scripts/X.py` has
this folder on sys.path already, so `from checkout import ROOT` works before anything else.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

sys.path.insert(0, str(ROOT))
try:
    import meta_optout_assist  # noqa: F401
except ImportError:  # not installed (a bare checkout): use the sources
    sys.path.insert(1, str(SRC))


def pythonpath() -> str:
    """PYTHONPATH for a child process: the sources first, then whatever was set already."""
    return os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p)
