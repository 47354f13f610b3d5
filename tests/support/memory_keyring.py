"""An in-memory keyring backend for tests (this machine, like CI, has no real keyring).

Use the fixture by importing it into a test module or conftest.py:

    from tests.support.memory_keyring import memory_keyring  # noqa: F401  (pytest fixture)

    def test_x(memory_keyring): ...

or install any backend for a block with `installed_keyring(MemoryKeyring())`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Keeps passwords in a dict for the life of the instance; behaves like a real backend
    (deleting a missing entry raises PasswordDeleteError)."""

    priority = 1  # type: ignore[assignment]  # "recommended", like a real OS keyring

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError:
            raise PasswordDeleteError(f"no entry for {username!r} in {service!r}") from None


@contextmanager
def installed_keyring(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """Make `backend` the process-wide keyring for the block, then restore the previous one
    (including "not chosen yet", so later code still detects the real backend)."""
    previous = keyring.core._keyring_backend
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.core._keyring_backend = previous


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A fresh, empty in-memory keyring installed for one test."""
    with installed_keyring(MemoryKeyring()) as backend:
        yield backend  # type: ignore[misc]
