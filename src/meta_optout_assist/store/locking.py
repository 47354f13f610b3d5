"""One `assist fill` at a time per account and platform: a lock file per browser profile.

Two runs on the same data folder for the same account and platform would open the same browser
profile (Chromium refuses, or worse, the logins mix) and could send the same objection twice. So
each run takes an exclusive `fcntl.flock` on `<data dir>/locks/<account>--<platform>.lock` (0600 in
a 0700 folder) before any browser opens, and keeps it until it ends. The second run refuses at once
(exit 2) naming the first run's pid. The kernel drops a flock when its holder dies, however it dies
(Ctrl-C, SIGKILL, a crash), so a lock is never left behind; the file itself stays, harmlessly.

The descriptor is opened non-inheritable (Python's default), so neither Playwright's driver nor the
browser keeps a lock alive after the tool exits.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from meta_optout_assist.errors import BadInput
from meta_optout_assist.store.layout import private_dir

LOCKS_DIR = "locks"


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


@dataclass(frozen=True)
class LockKey:
    account: str
    platform: str

    @property
    def filename(self) -> str:
        # Same naming as the browser profile it guards (browser.profile_dir).
        return f"{self.account}--{self.platform}.lock"


def lock_path(data_dir: Path, account: str, platform: str) -> Path:
    return Path(data_dir) / LOCKS_DIR / LockKey(account, platform).filename


def _read_pid(fd: int) -> int | None:
    try:
        raw = os.pread(fd, 64, 0).decode("ascii", "replace")
        return int(raw.split()[0])
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def hold(data_dir: Path, account: str, platform: str) -> Iterator[Path]:
    """Hold the lock for one account and platform for the block, or raise RunInProgress."""
    path = lock_path(data_dir, account, platform)
    private_dir(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunInProgress(account, platform, _read_pid(fd), Path(data_dir)) from None
        # Ours now: say who holds it, for the message a second run prints.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)  # the file stays (unlinking a flocked file races); the lock goes
    finally:
        os.close(fd)  # closing the last descriptor releases the flock


@contextmanager
def hold_all(data_dir: Path, keys: Iterable[tuple[str, str]]) -> Iterator[list[Path]]:
    """Every (account, platform) lock of a run, taken before anything starts: all or none."""
    with ExitStack() as stack:
        yield [stack.enter_context(hold(data_dir, a, p)) for a, p in sorted(set(keys))]


def busy(data_dir: Path) -> list[tuple[str, int | None]]:
    """The locks some running `assist fill` holds now: (lock file name, its pid)."""
    folder = Path(data_dir) / LOCKS_DIR
    held: list[tuple[str, int | None]] = []
    for path in sorted(folder.glob("*.lock")) if folder.is_dir() else []:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                held.append((path.stem, _read_pid(fd)))
        finally:
            os.close(fd)  # releases the probe's own lock, if it got one
    return held
