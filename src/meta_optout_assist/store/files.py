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

import errno
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
    """Create `path` and every missing parent as 0700 (whatever the umask). Folders that were there
    already are left as they are: the tool sets the modes of its own folders only, never of a home
    folder, /tmp, or a folder the person made (`assist doctor` says when the data folder is open)."""
    missing = []
    cursor = path
    while not cursor.exists():
        missing.append(cursor)
        cursor = cursor.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:  # made meanwhile by someone else: not ours to change
            continue
        if has_modes():
            os.chmod(folder, FOLDER_MODE)
    return path


def write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


TEMP_PREFIX = "."
TEMP_MARK = ".tmp-"


def is_temporary(name: str) -> bool:
    """A file `write_private` is still writing (or that a kill left half-written): not a file of
    the folder yet."""
    return name.startswith(TEMP_PREFIX) and TEMP_MARK in name


def write_private(path: Path, data: bytes | str) -> Path:
    """Write a whole file that only the owner can read (0600 from creation, not after), whole or
    not at all: into a temporary name beside it, fsynced, then renamed over `path`. A full disk or
    a kill midway leaves the earlier file (or none), never a cut-off one."""
    import secrets

    private_dir(path.parent)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f"{TEMP_PREFIX}{path.name}{TEMP_MARK}{secrets.token_hex(3)}")
    fd = os.open(tmp, binary(os.O_WRONLY | os.O_CREAT | os.O_EXCL), FILE_MODE)
    try:
        try:
            restrict(fd)
            write_all(fd, raw)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
    return path


def write_named(path: Path, data: bytes | str) -> Path:
    """Write a file the person named (`assist export -o PATH`), touching nothing else of theirs: a
    new file is created 0600 (in folders made 0700 where they are missing); an existing file, or a
    device such as /dev/stdout, is written in place and keeps its mode, owner and links; an existing
    folder is never changed."""
    private_dir(path.parent)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd = os.open(path, binary(os.O_WRONLY | os.O_CREAT | os.O_EXCL), FILE_MODE)
    except FileExistsError:
        fd = os.open(path, binary(os.O_WRONLY | os.O_TRUNC))
    try:
        write_all(fd, raw)
        try:
            os.fsync(fd)
        except OSError as err:  # a pipe or a terminal cannot be fsynced: nothing to make durable
            if err.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
                raise
    finally:
        os.close(fd)
    return path


def open_log(path: Path) -> int:
    """os.open a log to append to: a new one is created 0600; one that exists keeps its mode (the
    person named it: ASSIST_NETWORK_LOG)."""
    return os.open(path, binary(os.O_WRONLY | os.O_APPEND | os.O_CREAT), FILE_MODE)


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
