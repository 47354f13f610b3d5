"""Before a browser opens: can the data folder keep this run's journal line and receipt?

A run that would fail to save its proof must fail before the person logs in and fills the form,
not after: the folder must exist or be made, be a folder, belong to this user (where the OS has
owners), take a file, and have room for a receipt's screenshots (MIN_FREE_BYTES). Each problem is
said with the folder and the way out, as bad input (exit 2).
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from meta_optout_assist.errors import DataFolderError
from meta_optout_assist.store import files
from meta_optout_assist.store.layout import DATA_DIR_ENV, DataLayout

#: Room a run needs: two full-page screenshots and a page (up to a few MB on Meta's long pages),
#: the journal line, the lock files; a browser profile grows beyond it, but copes with a full disk.
MIN_FREE_BYTES = 10 * 1024 * 1024

_ELSEWHERE = f"choose another folder with --data-dir (or {DATA_DIR_ENV})"


def check_data_folder(data_dir: Path) -> Path:
    """The data folder, made if missing; DataFolderError naming it and the fix if it cannot serve."""
    root = DataLayout(data_dir).root
    cursor = root
    while not cursor.exists() and cursor != cursor.parent:
        if cursor.is_symlink():  # a link to nowhere
            raise _error(root, f"{cursor} is a link to a folder that does not exist", "fix or remove the link")
        cursor = cursor.parent
    if not cursor.is_dir():
        where = "is a file" if cursor == root else f"cannot be made: {cursor} is a file, not a folder"
        raise _error(root, where, "move that file away")
    try:
        files.private_dir(root)
    except OSError as err:
        raise _os_error(root, err, "cannot be made") from None
    if files.has_modes() and hasattr(os, "geteuid"):
        owner = root.stat().st_uid
        if owner != os.geteuid():
            raise _error(root, f"belongs to another user (uid {owner}), who could read what this run keeps",
                         "run as that user, or")
    _probe(root)
    free = shutil.disk_usage(root).free
    if free < MIN_FREE_BYTES:
        raise _error(root, f"has {free // 1024} KB free; a run needs about {MIN_FREE_BYTES // (1024 * 1024)} MB for "
                     "its receipt", "free some space there, or")
    return root


def _probe(root: Path) -> None:
    """Write, sync and remove a small file: the only sure test that files can be kept there."""
    probe = root / f".assist-write-test-{os.getpid()}"
    try:
        fd = os.open(probe, files.binary(os.O_WRONLY | os.O_CREAT | os.O_TRUNC), files.FILE_MODE)
        try:
            files.write_all(fd, b"assist\n")
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as err:
        raise _os_error(root, err, "cannot be written") from None
    finally:
        try:
            probe.unlink()
        except OSError:
            pass


def _os_error(root: Path, err: OSError, what: str) -> DataFolderError:
    why = {
        errno.EROFS: ("is on a read-only file system", "remount it writable, or"),
        errno.EACCES: ("may not be written by you", "fix its permissions, or"),
        errno.EPERM: ("may not be written by you", "fix its permissions, or"),
        errno.ENOSPC: ("is on a full disk", "free some space there, or"),
        getattr(errno, "EDQUOT", -1): ("is over your disk quota", "free some space there, or"),
        errno.ENOTDIR: ("has a file where a folder should be", "move that file away, or"),
    }.get(err.errno)
    if why is None:
        return _error(root, f"{what} ({err.strerror or err})", "")
    return _error(root, why[0], why[1])


def _error(root: Path, problem: str, fix: str) -> DataFolderError:
    fix = fix.strip()
    hint = (f"{fix} {_ELSEWHERE}" if fix.endswith(" or") else f"{fix}, or {_ELSEWHERE}" if fix else _ELSEWHERE)
    return DataFolderError(f"the data folder {root} {problem}; nothing was started",
                           hint=hint[0].upper() + hint[1:])
