"""File locks on every OS, through portalocker: shared to read, exclusive to write, and a try.

POSIX: `flock`, advisory and on the whole file; the kernel drops it when its holder dies, however
it dies. Windows: byte-range locks from the start of the file, which the OS enforces (another
process cannot read the locked bytes meanwhile) and drops when the holder dies. Shared locks there
need pywin32 (portalocker's `win32` extra); without it a reader takes an exclusive lock instead,
which is only slower. A blocking lock on Windows gives up after about ten seconds: it is tried
again until it is had, as `flock` would wait.

Where there are no locks at all (a file system without them, or a platform portalocker cannot
lock on) the callers go on without one, as they did on such file systems before: the journal still
appends each event with one write. portalocker is imported when a lock is first taken, so the store
imports on any platform.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType


def _portalocker() -> ModuleType | None:
    try:
        import portalocker
    except ImportError:  # a platform with neither fcntl nor msvcrt
        return None
    return portalocker


def _lock(pl: ModuleType, fd: int, shared: bool) -> bool:
    flags = pl.LockFlags.SHARED if shared else pl.LockFlags.EXCLUSIVE
    while True:
        try:
            pl.lock(fd, flags)
            return True
        except pl.AlreadyLocked:
            continue  # Windows: a blocking lock gave up after ~10 s of waiting; wait on
        except pl.LockException:
            return False  # a file system without locks
        except ImportError:  # Windows without pywin32: no shared locks, an exclusive one serves
            if flags == pl.LockFlags.EXCLUSIVE:
                return False
            flags = pl.LockFlags.EXCLUSIVE


@contextmanager
def locked(fd: int, *, shared: bool = False) -> Iterator[bool]:
    """Hold a lock on an open file for the block, waiting for it; yields False when the file
    system or the platform has no locks (the block runs anyway)."""
    pl = _portalocker()
    held = pl is not None and _lock(pl, fd, shared)
    try:
        yield held
    finally:
        if held:
            unlock(fd)


def try_exclusive(fd: int) -> bool:
    """Take an exclusive lock at once, or return False when another holder has it.

    True also where there are no locks at all: there is nobody to wait for that the OS knows of.
    """
    pl = _portalocker()
    if pl is None:
        return True
    try:
        pl.lock(fd, pl.LockFlags.EXCLUSIVE | pl.LockFlags.NON_BLOCKING)
    except pl.AlreadyLocked:
        return False
    except pl.LockException:
        return True
    return True


def unlock(fd: int) -> None:
    """Release a lock taken here before closing the file (Windows may keep it a while after a
    close). Best effort: a lock that is not there is no error."""
    pl = _portalocker()
    if pl is None:
        return
    try:
        pl.unlock(fd)
    except pl.LockException:
        pass
