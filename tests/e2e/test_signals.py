"""The real `assist fill` stopped by a signal while it waits (issue 23): SIGTERM (a service manager,
`timeout`, `kill`: to the process alone), SIGHUP (a closed terminal: to the whole process group,
browser and driver included) and Ctrl-C's SIGINT, while the person logs in, while they type the
emailed code, and at the question before Send (in a real terminal, a pty); and end of input
(Ctrl-D) at that question.

Each ends like Ctrl-C: the record says `aborted` before Send and stays `submitted` after it, the
summary is printed, the exit code is 130 for Ctrl-C and end of input, 143 for SIGTERM, 129 for
SIGHUP, and no traceback anywhere. Each test waits for the run to say it is waiting (a line it
prints), never for a time.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from meta_optout_assist.store.journal import Journal, State
from tests.support.cli_inprocess import run_cli
from tests.support.values import EMAIL, REASON

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 90  # the longest a run may take to reach a wait on a loaded machine (an upper bound only)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals and process groups")]


class Run:
    """`assist fill` in a session of its own; its output read line by line as it comes."""

    def __init__(self, site, data_dir: Path, *extra: str, terminal: bool = False) -> None:
        args = ["fill", "--platform", "facebook", "--email", EMAIL, "--country", "DE", "--reason", REASON,
                "--base-url", site.base_url, "--headless", "--wait-timeout", "300", "--page-timeout", "30",
                *extra]
        env = {**os.environ, "ASSIST_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT / "src"),
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "COLUMNS": "200"}
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        command = [sys.executable, "-m", "meta_optout_assist", *args]
        if terminal:
            primary, secondary = os.openpty()
            self.proc = subprocess.Popen(command, env=env, cwd=ROOT, stdin=secondary, stdout=secondary,
                                         stderr=secondary, start_new_session=True)
            os.close(secondary)
            self.tty = primary
            reader = os.fdopen(primary, "rb", buffering=0)
            self.out = ""
        else:
            self.proc = subprocess.Popen(command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         start_new_session=True)
            reader = self.proc.stderr
            self.tty = None
        threading.Thread(target=self._read, args=(reader,), daemon=True).start()

    def _read(self, stream) -> None:
        buffer = b""
        while True:
            try:
                chunk = stream.read1(4096) if hasattr(stream, "read1") else stream.read(4096)
            except OSError:  # a pty reports EIO once the other side is gone
                chunk = b""
            if not chunk:
                break
            buffer += chunk
            *done, buffer = buffer.split(b"\n")
            for line in done:
                self.lines.put(ANSI.sub("", line.decode("utf-8", "replace")))
            if buffer and (b"?" in buffer[-40:]):  # a question waits without a line end
                self.lines.put(ANSI.sub("", buffer.decode("utf-8", "replace")))
        if buffer:
            self.lines.put(ANSI.sub("", buffer.decode("utf-8", "replace")))
        self.lines.put("\0")

    def wait_for(self, phrase: str) -> None:
        """Until the run prints `phrase` (it has reached that point)."""
        while True:
            try:
                line = self.lines.get(timeout=WAIT_S)
            except queue.Empty:
                self.proc.kill()
                pytest.fail(f"the run never said {phrase!r}:\n" + "\n".join(self.seen))
            if line == "\0":
                pytest.fail(f"the run ended before saying {phrase!r}:\n" + "\n".join(self.seen))
            self.seen.append(line)
            if phrase in line:
                return

    def finish(self) -> tuple[int, str, str]:
        code = self.proc.wait(timeout=WAIT_S)
        while True:
            try:
                line = self.lines.get(timeout=WAIT_S)
            except queue.Empty:
                break
            if line == "\0":
                break
            self.seen.append(line)
        out = self.proc.stdout.read().decode() if self.proc.stdout else ""
        if self.proc.stdout:
            self.proc.stdout.close()
        if self.proc.stderr:
            self.proc.stderr.close()
        try:  # what the run left (the browser, the driver) goes with its session
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return code, out, "\n".join(self.seen)

    def signal(self, signum: int, *, group: bool) -> None:
        if group:
            os.killpg(self.proc.pid, signum)
        else:
            self.proc.send_signal(signum)


def _objections(site) -> list[dict]:
    return [s for s in site.submissions if s["form"].endswith("objection")]


def _the_record(data_dir: Path):
    (record,) = Journal(data_dir).records()
    return record


def _assert_ended_cleanly(code: int, expected: int, out: str, err: str, terminal: bool = False) -> None:
    text = out + err
    assert code == expected, text
    assert "Traceback" not in text and "internal error" not in text and "bug" not in text, text
    assert "Result" in text and "aborted" in text, text  # the summary
    assert f"exit code {expected}" in " ".join(text.split()), text


STOPS = {  # name: (signal, to the whole group?, exit code)
    "SIGTERM": (signal.SIGTERM, False, 143),
    "SIGHUP": (signal.SIGHUP, True, 129),
    "SIGINT": (signal.SIGINT, True, 130),
}


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGHUP"])
def test_a_signal_while_the_person_logs_in_aborts_with_nothing_sent(site, data_dir, stop):
    signum, group, expected = STOPS[stop]
    site.configure(simulate_person=False)  # nobody logs in
    run = Run(site, data_dir, "--yes")
    run.wait_for("Log in to Facebook in the browser window")
    run.signal(signum, group=group)
    code, out, err = run.finish()
    _assert_ended_cleanly(code, expected, out, err)
    assert _objections(site) == []
    record = _the_record(data_dir)
    assert record.state is State.ABORTED and record.submitted_at is None
    assert "interrupted" in record.reason


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_while_waiting_for_the_code_keeps_the_record_submitted(site, data_dir, stop):
    signum, group, expected = STOPS[stop]
    site.configure(require_login=False, cookie_banner="none")  # nobody types the code
    run = Run(site, data_dir, "--yes")
    run.wait_for("Meta emailed a code to")
    run.signal(signum, group=group)
    code, out, err = run.finish()
    _assert_ended_cleanly(code, expected, out, err)
    assert "the form had been sent" in " ".join(err.split())
    assert len(_objections(site)) == 1
    record = _the_record(data_dir)
    assert record.state is State.SUBMITTED and record.submitted_at is not None
    assert "interrupted" in record.reason
    code, said = run_cli(["mark", record.id, "--outcome", "honored", "--data-dir", str(data_dir)])
    assert code == 0, said


def test_end_of_input_at_the_question_before_send_is_an_abort(site, data_dir):
    site.configure(require_login=False, cookie_banner="none")
    run = Run(site, data_dir, terminal=True)
    run.wait_for("Send this to Meta now?")
    os.write(run.tty, b"\x04")  # Ctrl-D: the terminal ends the input
    code, out, err = run.finish()
    _assert_ended_cleanly(code, 130, out, err, terminal=True)
    assert "nothing was sent" in " ".join(err.split())
    assert _objections(site) == []
    assert _the_record(data_dir).state is State.ABORTED


def test_sigterm_at_the_question_before_send_aborts(site, data_dir):
    site.configure(require_login=False, cookie_banner="none")
    run = Run(site, data_dir, terminal=True)
    run.wait_for("Send this to Meta now?")
    run.signal(signal.SIGTERM, group=False)
    code, out, err = run.finish()
    _assert_ended_cleanly(code, 143, out, err, terminal=True)
    assert _objections(site) == []
    assert _the_record(data_dir).state is State.ABORTED


def test_the_exit_codes_are_documented():
    code, out = run_cli(["fill", "--help"])
    words = " ".join(out.split())
    assert code == 0 and "143" in words and "129" in words and "SIGTERM" in words and "SIGHUP" in words
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "143" in readme and "129" in readme and "SIGTERM" in readme
