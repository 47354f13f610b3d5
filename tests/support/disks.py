"""A small disk of its own for a test: a tmpfs mounted where the test says (root only), to fill
up, or to make read-only. A machine that does not allow it skips the test, saying why."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def tmpfs(path: Path, size: str = "32m", *, read_only: bool = False) -> Iterator[Path]:
    """A tmpfs of `size` at `path` for the block (unmounted after, whatever happened)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a small file system of its own needs root and mount (a tmpfs)")
    path.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0700" + (",ro" if read_only else "")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                          capture_output=True, text=True, check=False)
    if made.returncode:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {made.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def fill_up(folder: Path, leave: int = 0) -> Path:
    """Fill the file system `folder` is on until it is full, then give back about `leave` bytes."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for chunk in (b"\0" * (1 << 20), b"\0" * 4096):  # big steps, then page by page
            while True:
                try:
                    if os.write(fd, chunk) < len(chunk):
                        break
                except OSError as err:
                    if err.errno != errno.ENOSPC:
                        raise
                    break
        size = os.fstat(fd).st_size
        os.ftruncate(fd, max(0, size - leave))
    finally:
        os.close(fd)
    return filler


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free
