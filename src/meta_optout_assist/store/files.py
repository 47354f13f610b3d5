"""Private files on every OS: folders 0700 and files 0600 where the OS has modes, binary writes,
durable new files, and a plain statement of what privacy the platform gives.

POSIX (Linux, macOS) keeps the modes: a folder is made 0700 and a file 0600 from its creation,
whatever the umask. Windows has no such modes (access is ruled by the folder's ACLs, inherited
from the user profile for the default data folder): there a file is created with the mode Python
passes on and nothing more is asked of the OS. Only what the running OS offers is called
(`os.fchmod` exists on Windows only from Python 3.13, `os.O_BINARY` only on Windows,
`os.O_DIRECTORY` not there at all), and every check is made when the function runs, so the tests
can fake the platform.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def has_modes() -> bool:
    """Does this OS keep POSIX permission bits (owner-only folders and files)?"""
    return sys.platform != "win32"


@dataclass(frozen=True)
class Privacy:
    """What keeps the data folder private on this platform (for `assist doctor` to say)."""

    modes: bool  # the tool sets owner-only modes itself (folders 0700, files 0600)
    summary: str


def privacy() -> Privacy:
    """What privacy the platform gives the data folder, in one sentence for the person."""
    if has_modes():
        return Privacy(True, "folders 0700 and files 0600: only your user account (and the "
                             "administrator, root) can read them")
    return Privacy(False, "Windows has no 0700/0600 modes: files get the access rules (ACLs) of "
                          "the folder they are in; the default data folder, under your user "
                          "profile, is readable by your account and administrators only")


def binary(flags: int) -> int:
    """`flags` for os.open, in binary mode where the OS has a text mode (Windows: O_BINARY)."""
    return flags | getattr(os, "O_BINARY", 0)


def restrict(fd: int) -> None:
    """Make an open file 0600 where the OS has modes (an existing file may be looser)."""
    if has_modes() and hasattr(os, "fchmod"):
        os.fchmod(fd, FILE_MODE)


def open_private(path: Path, flags: int) -> int:
    """os.open a file of ours: binary, created 0600, and made 0600 if it was there already."""
    fd = os.open(path, binary(flags | os.O_CREAT), FILE_MODE)
    try:
        restrict(fd)
    except BaseException:
        os.close(fd)
        raise
    return fd


def open_read(path: Path) -> int:
    """os.open a file for reading, binary."""
    return os.open(path, binary(os.O_RDONLY))


def private_dir(path: Path) -> Path:
    """Create `path` and every missing parent as 0700 (whatever the umask); make `path` 0700."""
    missing = []
    cursor = path
    while not cursor.exists():
        missing.append(cursor)
        cursor = cursor.parent
    for folder in reversed(missing):
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
        if has_modes():
            os.chmod(folder, FOLDER_MODE)
    if has_modes():
        os.chmod(path, FOLDER_MODE)
    return path


def write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_private(path: Path, data: bytes | str) -> Path:
    """Write a whole file that only the owner can read (0600 from creation, not after)."""
    private_dir(path.parent)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd = open_private(path, os.O_WRONLY | os.O_TRUNC)
    try:
        write_all(fd, raw)
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def read_all(fd: int) -> bytes:
    """The rest of an open file, from where its position is."""
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def read_at(fd: int, size: int, offset: int) -> bytes:
    """Up to `size` bytes at `offset` (os.pread is POSIX-only; callers hold the file's lock)."""
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)


def fsync_dir(path: Path) -> None:
    """Make a new file's directory entry durable too (a crash right after creation keeps it).

    POSIX only: Windows cannot open a folder as a file, and NTFS journals its folders itself.
    """
    if sys.platform == "win32":
        return
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a directory; the file itself was fsynced
    finally:
        os.close(fd)
