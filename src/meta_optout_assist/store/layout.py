"""Where the tool keeps its files, and how it keeps them private (folders 0700, files 0600)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "meta-optout-assist"
DATA_DIR_ENV = "ASSIST_DATA_DIR"


def default_data_dir() -> Path:
    """The platform's per-user data folder (platformdirs), unless ASSIST_DATA_DIR says otherwise."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def private_dir(path: Path) -> Path:
    """Create `path` and every missing parent as 0700 (whatever the umask); make `path` 0700."""
    missing = []
    cursor = path
    while not cursor.exists():
        missing.append(cursor)
        cursor = cursor.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    os.chmod(path, 0o700)
    return path


def write_private(path: Path, data: bytes | str) -> Path:
    """Write a whole file that only the owner can read (0600 from creation, not after)."""
    private_dir(path.parent)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    return path
