"""One `assist fill` at a time per data folder, account and platform (issue 8, item 5).

A second run refuses at once (exit 2) naming the first run's pid; the lock is an OS file lock
(portalocker: flock here), so the OS drops it when its holder dies, however it dies; browser
profiles are never shared.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from meta_optout_assist.errors import ExitCode
from meta_optout_assist.store import locking
from tests.support.posix import has_mode, only_posix

ROOT = Path(__file__).resolve().parents[2]


def test_second_holder_is_refused_naming_the_first_pid(tmp_path: Path):
    with locking.hold(tmp_path, "alice", "facebook") as path:
        assert has_mode(path, 0o600)
        assert has_mode(path.parent, 0o700)
        with pytest.raises(locking.RunInProgress) as caught:
            with locking.hold(tmp_path, "alice", "facebook"):
                pass
        assert caught.value.exit_code == ExitCode.BAD_INPUT
        assert caught.value.pid == os.getpid()
        assert f"pid {os.getpid()}" in caught.value.message
        assert "'alice' on facebook" in caught.value.message
        # The pid is beside the lock, where Windows lets another process read it too.
        assert path.with_suffix(".pid").read_text() == f"{os.getpid()}\n"
        assert locking.busy(tmp_path) == [("alice--facebook", os.getpid())]
        # Other accounts and platforms are not held up.
        with locking.hold(tmp_path, "alice", "instagram"), locking.hold(tmp_path, "bob", "facebook"):
            pass
    assert locking.busy(tmp_path) == []
    assert path.with_suffix(".pid").read_text() == ""  # no pid left for a run that ended
    with locking.hold(tmp_path, "alice", "facebook"):  # released at the end of the block
        pass


def test_all_or_none(tmp_path: Path):
    with locking.hold(tmp_path, "bob", "instagram"):
        with pytest.raises(locking.RunInProgress):
            with locking.hold_all(tmp_path, [("alice", "facebook"), ("bob", "instagram")]):
                pass
        # The lock taken before the refusal was given back.
        with locking.hold(tmp_path, "alice", "facebook"):
            pass


HOLDER = """
import sys
from pathlib import Path
from meta_optout_assist.store import locking
with locking.hold(Path(sys.argv[1]), "alice", "facebook"):
    print("held", flush=True)
    sys.stdin.read()
"""


def _readline(stream, want: str, timeout: float) -> str:
    """Read a child's pipe until `want` shows (no sleeps: a reader thread hands over each line as
    it comes, on every system; Windows cannot select() on a pipe). `timeout` only bounds a child
    that hangs without a word."""
    lines: queue.Queue[bytes] = queue.Queue()

    def read() -> None:
        for line in iter(stream.readline, b""):
            lines.put(line)
        lines.put(b"")  # the child closed it

    threading.Thread(target=read, daemon=True).start()
    seen = b""
    while want.encode() not in seen:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            line = b""
        if not line:
            raise AssertionError(f"{want!r} never appeared; output so far:\n{seen.decode()}")
        seen += line
    return seen.decode(errors="replace")


def test_lock_dies_with_a_killed_holder(tmp_path: Path):
    """SIGKILL gives no chance to clean up: the kernel releases the flock anyway."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, env=env)
    try:
        _readline(holder.stdout, "held", 20)
        with pytest.raises(locking.RunInProgress) as caught:
            with locking.hold(tmp_path, "alice", "facebook"):
                pass
        assert caught.value.pid == holder.pid
        assert locking.busy(tmp_path) == [("alice--facebook", holder.pid)]
    finally:
        holder.kill()
        holder.wait()
    assert locking.busy(tmp_path) == []  # its pid file is still there: it says nothing now
    with locking.hold(tmp_path, "alice", "facebook"):
        assert locking.busy(tmp_path) == [("alice--facebook", os.getpid())]


@pytest.mark.slow
@only_posix
def test_two_fill_runs_at_once_second_refuses(site, data_dir: Path, assist):
    """Two real `assist fill` runs: the first waits at the login wall holding the lock; the second,
    for the same account and platform, refuses with exit 2 naming the first's pid and opens no
    browser; killing the first (its whole process group, browser included) frees the lock, and the
    journal reads back whole."""
    site.configure(simulate_person=False)  # nobody logs in: the first run waits
    args = ["fill", "--platform", "facebook", "--email", "person@example.org", "--country", "DE",
            "--reason", "My posts are mine and not training data.", "--base-url", site.base_url,
            "--headless", "--yes", "--wait-timeout", "60", "--page-timeout", "15"]
    env = {**os.environ, "ASSIST_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT / "src"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "COLUMNS": "200"}
    first = subprocess.Popen([sys.executable, "-m", "meta_optout_assist", *args], cwd=ROOT, env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, start_new_session=True)
    try:
        _readline(first.stderr, "Log in to Facebook", 60)
        pages_before = [e for e in site.events if e["type"] == "page"]
        second = assist(*args, timeout=30)
        assert second.code == 2, second.text
        assert f"pid {first.pid}" in second.err
        assert "already running for account 'default' on facebook" in second.err
        assert "Traceback" not in second.text
        # The second run opened no browser: the replica saw no new page request.
        assert [e for e in site.events if e["type"] == "page"] == pages_before
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # python, Playwright's driver and the browser
        first.wait()
    with locking.hold(data_dir, "default", "facebook"):  # the kernel released it
        pass
    from meta_optout_assist.store.journal import Journal

    records = Journal(data_dir).records()
    assert [r.state.value for r in records] == ["started"]  # the killed run's record, whole
    assert site.submissions == []
