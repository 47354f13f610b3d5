"""One `assist fill` at a time per account and platform: a lock file per browser profile.

Two runs on the same data folder for the same account and platform would open the same browser
profile (Chromium refuses, or worse, the logins mix) and could send the same objection twice. So
each run takes an exclusive lock (filelock.py) on `<data dir>/locks/<account>--<platform>.lock`
(0600 in a 0700 folder) before any browser opens, and keeps it until it ends; it writes its pid
beside it (`….pid`: Windows keeps a locked file's bytes from other processes). The second run
refuses at once (exit 2) naming the first run's pid. The OS drops the lock when its holder dies,
however it dies (Ctrl-C, SIGKILL, a crash), so a lock is never left behind; the files stay,
harmlessly.

The descriptor is opened non-inheritable (Python's default), so neither Playwright's driver nor the
browser keeps a lock alive after the tool exits.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from meta_optout_assist.errors import BadInput
from meta_optout_assist.store import filelock, files
from meta_optout_assist.store.layout import DataLayout


class RunInProgress(BadInput):
    """Another run holds the lock for this account and platform (exit 2)."""

    def __init__(self, account: str, platform: str, pid: int | None, data_dir: Path) -> None:
        who = f"pid {pid}" if pid else "its pid is not written yet"
        super().__init__(
            f"another `assist fill` ({who}) is already running for account {account!r} on "
            f"{platform} with the data folder {data_dir}",
            hint="let that run finish (or close its browser window, or press Ctrl-C in its "
            "terminal), then run this again. Two runs at once would share one browser profile and "
            "could send the same objection twice; the lock goes away by itself when that run ends.",
        )
        self.pid = pid


def _read_pid(pid_file: Path) -> int | None:
    try:
        return int(pid_file.read_bytes()[:64].decode("ascii", "replace").split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _write_pid(pid_file: Path, text: str) -> None:
    try:
        files.write_private(pid_file, text)
    except OSError:  # the pid only makes a second run's message better
        pass


@contextmanager
def hold(data_dir: Path, account: str, platform: str) -> Iterator[Path]:
    """Hold the lock for one account and platform for the block, or raise RunInProgress."""
    layout = DataLayout(data_dir)
    path = layout.lock_file(account, platform)
    pid_file = layout.pid_file(path)
    files.private_dir(path.parent)
    fd = files.open_private(path, os.O_RDWR)
    try:
        if not filelock.try_exclusive(fd):
            raise RunInProgress(account, platform, _read_pid(pid_file), layout.root)
        try:
            _write_pid(pid_file, f"{os.getpid()}\n")  # ours now: say who holds it
            try:
                yield path
            finally:
                _write_pid(pid_file, "")
        finally:
            filelock.unlock(fd)
    finally:
        os.close(fd)


@contextmanager
def hold_all(data_dir: Path, keys: Iterable[tuple[str, str]]) -> Iterator[list[Path]]:
    """Every (account, platform) lock of a run, taken before anything starts: all or none."""
    with ExitStack() as stack:
        yield [stack.enter_context(hold(data_dir, a, p)) for a, p in sorted(set(keys))]


def busy(data_dir: Path) -> list[tuple[str, int | None]]:
    """The locks some running `assist fill` holds now: (lock file name, its pid)."""
    layout = DataLayout(data_dir)
    held: list[tuple[str, int | None]] = []
    for path in layout.lock_files():
        fd = files.open_read(path)
        try:
            if filelock.try_exclusive(fd):
                filelock.unlock(fd)  # the probe's own lock
            else:
                held.append((path.stem, _read_pid(layout.pid_file(path))))
        finally:
            os.close(fd)
    return held
