"""A file-backed keyring backend, for tests only: profiles saved by the test process are read by
the `assist` subprocess (the in-memory keyring dies with its process).

    PYTHON_KEYRING_BACKEND=tests.support.file_keyring.FileKeyring
    ASSIST_TEST_KEYRING_FILE=<tmp_path>/keyring.json      (0600, plain JSON: test data only)

Never use it for real data: it is a plain-text file, which is exactly what profiles.py refuses to
do without the person asking for it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "ASSIST_TEST_KEYRING_FILE"
BACKEND = "tests.support.file_keyring.FileKeyring"


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # "recommended", like a real OS keyring

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = Path(path or os.environ[ENV])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _save(self, data: dict[str, str]) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)

    @staticmethod
    def _key(service: str, username: str) -> str:
        return f"{service}\x1f{username}"

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(self._key(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[self._key(service, username)] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(self._key(service, username), None) is None:
            raise PasswordDeleteError(f"no entry for {username!r} in {service!r}")
        self._save(data)


@contextmanager
def file_keyring(path: Path) -> Iterator[dict[str, str]]:
    """Install a FileKeyring at `path` in this process; yields the env for an `assist` subprocess."""
    from tests.support.memory_keyring import installed_keyring

    with installed_keyring(FileKeyring(path)):
        yield {"PYTHON_KEYRING_BACKEND": BACKEND, ENV: str(path)}
