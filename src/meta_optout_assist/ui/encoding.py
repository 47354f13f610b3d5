"""Output that never crashes on a console that cannot show every character: a Windows console or a
redirect in cp1252 has no ✓, → or —. Characters the stream's encoding lacks are replaced (shown
as ?), instead of ending the run with a UnicodeEncodeError."""

from __future__ import annotations

import sys
from typing import TextIO


def tolerant(stream: TextIO | None) -> None:
    """Make `stream` replace what its encoding cannot write (a no-op where it can write anything)."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if stream is None or encoding in ("utf8", "utf16", "utf32") or not hasattr(stream, "reconfigure"):
        return
    try:
        stream.reconfigure(errors="replace")
    except (ValueError, OSError):  # a stream that cannot be reconfigured (closed, detached)
        pass


def tolerant_output() -> None:
    tolerant(sys.stdout)
    tolerant(sys.stderr)
