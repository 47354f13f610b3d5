"""The real `assist` in a pseudo-terminal (pexpect): for what it asks and says when a person is at
the keyboard. expect() waits on the output itself, never on a delay."""

from __future__ import annotations

import io
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest

from tests.support.fixtures import ROOT

# Generous: a wait ends as soon as the text shows; this only bounds a run that went wrong.
TIMEOUT = 120
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|[\x07\r]")


@dataclass
class Session:
    child: pexpect.spawn
    log: io.StringIO

    def expect(self, pattern: str, timeout: float = TIMEOUT) -> str:
        """Wait for a regular expression in the output; the text up to and with it."""
        self.child.expect(pattern, timeout=timeout)
        return self.child.before + self.child.after

    def answer(self, prompt: str, line: str, timeout: float = TIMEOUT) -> None:
        """Wait for the question (a regular expression), then type the answer and Enter."""
        self.expect(prompt, timeout)
        self.child.sendline(line)

    def finish(self, timeout: float = TIMEOUT) -> int:
        """Wait for the command to end; its exit code."""
        self.child.expect(pexpect.EOF, timeout=timeout)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else 128 + (self.child.signalstatus or 0)

    @property
    def text(self) -> str:
        """Everything the terminal showed, without colours and cursor moves, one space between words."""
        return " ".join(_ANSI.sub("", self.log.getvalue()).split())


@pytest.fixture
def in_terminal(data_dir: Path):
    """Start `assist ARGS` in a pseudo-terminal, as a person types it (no keyring unless given)."""
    started: list[Session] = []

    def spawn(*args: str, env: dict[str, str] | None = None) -> Session:
        full_env = {
            **os.environ,
            "ASSIST_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(ROOT / "src"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "TZ": "Europe/Berlin",
            "NO_COLOR": "1",
            "COLUMNS": "200",
            **(env or {}),
        }
        full_env = {k: v for k, v in full_env.items() if v is not None}
        log = io.StringIO()
        child = pexpect.spawn(sys.executable, ["-m", "meta_optout_assist", *args], env=full_env, cwd=str(ROOT),
                              encoding="utf-8", codec_errors="replace", timeout=TIMEOUT, dimensions=(60, 200))
        child.logfile_read = log
        session = Session(child, log)
        started.append(session)
        return session

    yield spawn
    for session in started:
        if session.child.isalive():
            session.child.terminate(force=True)
