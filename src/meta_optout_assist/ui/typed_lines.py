"""Lines the person types into the terminal while the tool waits on the browser (a link pasted from
Meta's email, "done"): read by a daemon thread so the wait on the page never blocks on the keyboard.
Reading stops at the end of input (a closed or redirected stdin), which is never an error."""

from __future__ import annotations

import queue
import sys
import threading
from typing import TextIO


class TypedLines:
    def __init__(self, stream: TextIO | None = None) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        self._stream = stream
        self._thread: threading.Thread | None = None

    def start(self) -> TypedLines:
        if self._thread is None:
            self._thread = threading.Thread(target=self._read, name="typed-lines", daemon=True)
            self._thread.start()
        return self

    def _read(self) -> None:
        stream = self._stream or sys.stdin
        try:
            for line in stream:
                self._lines.put(line.rstrip("\r\n"))
        except (OSError, ValueError):  # no terminal, a closed or captured stdin: nothing to read
            return

    def poll(self) -> str | None:
        """The next line typed, or None when there is none yet."""
        try:
            return self._lines.get_nowait()
        except queue.Empty:
            return None
