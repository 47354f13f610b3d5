"""The store runs where its users are (Windows, macOS, Linux): every platform branch with the
platform faked, since only Linux runs here.

- no module of the store imports or calls anything POSIX-only at import time: each imports, and the
  journal, receipts, locks and profile names work, with `import fcntl` failing;
- files.py: binary opens (O_BINARY where it exists), private modes only where the OS has them,
  no fchmod/pread/O_DIRECTORY needed;
- filelock.py: portalocker's Windows behaviours (no shared lock without pywin32, a blocking lock
  that gives up), a file system without locks, and no portalocker at all.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from meta_optout_assist.store import filelock, files, locking
from meta_optout_assist.store.journal import Journal, State
from meta_optout_assist.store.layout import DataLayout
from meta_optout_assist.store.receipts import Receipt

SRC = Path(__file__).resolve().parents[2] / "src"
FAKE_O_BINARY = 0x4000_0000  # a bit no Linux open flag uses


def _python(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=60)


# -- without fcntl ------------------------------------------------------------------------------

_NO_FCNTL = """
    import sys
    sys.modules["fcntl"] = None  # `import fcntl` raises ImportError, as on Windows
    try:
        import fcntl
    except ImportError:
        pass
    else:
        raise SystemExit("fcntl still imports")
"""


def test_every_store_module_imports_without_fcntl(tmp_path):
    run = _python(_NO_FCNTL + """
    import importlib, pkgutil
    import meta_optout_assist.store as store
    names = sorted(m.name for m in pkgutil.walk_packages(store.__path__, "meta_optout_assist.store."))
    for name in names:
        importlib.import_module(name)
    assert "portalocker" not in sys.modules, "portalocker is imported when a lock is first taken"
    print(" ".join(names))
    """, tmp_path)
    assert run.returncode == 0, run.stderr
    imported = run.stdout.split()
    for name in ("files", "filelock", "journal", "layout", "locking", "receipts", "records",
                 "profiles", "profiles.keyring", "profiles.model", "profiles.names"):
        assert f"meta_optout_assist.store.{name}" in imported


def test_the_store_works_without_fcntl(tmp_path):
    """No fcntl, hence no portalocker: the journal, receipts, run locks, forget's probe and the
    profile names still work (without OS locks, as on a file system that has none)."""
    run = _python(_NO_FCNTL + """
    from pathlib import Path
    from meta_optout_assist.store import locking, records
    from meta_optout_assist.store.journal import Journal, State
    from meta_optout_assist.store.profiles import list_profiles
    from meta_optout_assist.store.profiles.names import write_names
    from meta_optout_assist.store.receipts import Receipt
    data = Path(sys.argv[1]) / "data"
    with locking.hold(data, "alice", "facebook"):
        j = Journal(data)
        rec = j.start(platform="facebook", country="DE", email="a@b.eu")
        r = Receipt.create(data, rec.id)
        r.add_bytes("confirmation.png", b"\\x89PNG\\r\\n\\x1a\\n")
        j.update(rec.id, state=State.CONFIRMED, receipt_dir=str(r.dir))
        assert locking.busy(data) == []  # no OS locks: nothing to see
    assert [x.state for x in Journal(data).records()] == [State.CONFIRMED]
    assert records.receipt_summary(Journal(data), rec.id).exists
    write_names(data, ["me"])
    assert list_profiles(data) == ["me"]
    assert "portalocker" not in sys.modules
    print("ok")
    """, tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


# -- files.py: the OS faked ---------------------------------------------------------------------

@pytest.fixture
def opens(monkeypatch):
    """Every os.open call's flags; a fake O_BINARY bit is recorded, then taken off for Linux."""
    seen: list[tuple[str, int]] = []
    real_open = os.open

    def recording_open(path, flags, mode=0o777, *, dir_fd=None):
        seen.append((os.fspath(path), flags))
        return real_open(path, flags & ~FAKE_O_BINARY, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", recording_open)
    return seen


def _fake_windows(monkeypatch) -> list[str]:
    """os as Windows has it (on Python < 3.13): no fchmod, pread, pwrite, O_DIRECTORY, O_CLOEXEC,
    an O_BINARY flag, and chmod calls recorded (Windows only knows a read-only flag)."""
    chmods: list[str] = []
    monkeypatch.setattr(sys, "platform", "win32")  # not os.name: pathlib reads that one
    for attribute in ("fchmod", "pread", "pwrite", "O_DIRECTORY", "O_CLOEXEC"):
        monkeypatch.delattr(os, attribute, raising=False)
    monkeypatch.setattr(os, "O_BINARY", FAKE_O_BINARY, raising=False)
    monkeypatch.setattr(os, "chmod", lambda path, mode, **kw: chmods.append(os.fspath(path)))
    return chmods


def test_privacy_says_what_the_platform_gives(monkeypatch):
    posix = files.privacy()
    assert posix.modes and "0700" in posix.summary and "0600" in posix.summary
    monkeypatch.setattr(sys, "platform", "win32")
    windows = files.privacy()
    assert not windows.modes and "Windows" in windows.summary and "ACL" in windows.summary
    assert not files.has_modes()


def test_binary_opens_where_the_os_has_a_text_mode(monkeypatch, opens, tmp_path):
    assert files.binary(os.O_RDONLY) == os.O_RDONLY  # Linux has no O_BINARY
    monkeypatch.setattr(os, "O_BINARY", FAKE_O_BINARY, raising=False)
    assert files.binary(os.O_RDONLY) == os.O_RDONLY | FAKE_O_BINARY
    png = b"\x89PNG\r\n\x1a\n\x00\x00\r\n"  # text mode would turn \n into \r\n on Windows
    r = Receipt.create(tmp_path / "data", "20261203-abc123")
    r.add_bytes("confirmation.png", png)
    j = Journal(tmp_path / "data")
    rec = j.start(platform="facebook")
    j.records()
    with locking.hold(tmp_path / "data", "alice", "facebook"):
        locking.busy(tmp_path / "data")
    file_opens = [(p, f) for p, f in opens if not Path(p).is_dir()]
    assert file_opens and all(f & FAKE_O_BINARY for _, f in file_opens), file_opens
    assert (r.dir / "confirmation.png").read_bytes() == png
    assert j.get(rec.id).platform == "facebook"


def test_files_on_windows_skip_what_it_lacks(monkeypatch, opens, tmp_path):
    chmods = _fake_windows(monkeypatch)
    target = tmp_path / "data" / "sub" / "file.bin"
    files.write_private(target, b"a\nb")
    assert target.read_bytes() == b"a\nb"
    assert chmods == [], "no POSIX modes on Windows"
    opened = len(opens)
    files.fsync_dir(tmp_path / "data")  # Windows cannot open a folder: nothing is tried
    assert len(opens) == opened
    fd = files.open_private(target, os.O_RDWR)
    try:
        assert files.read_at(fd, 2, 1) == b"\nb"
    finally:
        os.close(fd)


def test_posix_without_fchmod_or_o_directory(monkeypatch, tmp_path):
    """A POSIX Python lacking fchmod (or O_DIRECTORY) still creates files 0600, through the mode
    given at creation."""
    monkeypatch.delattr(os, "fchmod")
    monkeypatch.delattr(os, "O_DIRECTORY", raising=False)
    old = os.umask(0)
    try:
        path = files.write_private(tmp_path / "d" / "f", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    files.fsync_dir(path.parent)


def test_journal_receipts_and_locks_on_faked_windows(monkeypatch, opens, tmp_path):
    """The whole store with Windows' os: appends (a torn last line included), reads, receipts,
    the run lock and forget's probe."""
    _fake_windows(monkeypatch)
    data = tmp_path / "data"
    j = Journal(data)
    a = j.start(platform="facebook", country="DE", email="a@b.eu")
    with open(j.path, "ab") as fh:
        fh.write(b'{"v":1,"op":"update","id":"' + a.id.encode() + b'","fie')  # a torn line
    r = Receipt.create(data, a.id)
    r.add_bytes("form-before-send.png", b"\x89PNG\r\n")
    r.write_manifest(record=a, fields_sent={}, timestamps={})
    j.update(a.id, state=State.SUBMITTED, receipt_dir=str(r.dir))
    assert Journal(data).get(a.id).state is State.SUBMITTED
    assert Journal(data).get(a.id).receipt_dir == str(r.dir)
    assert all(f.sha256_ok is not False for f in r.files())
    with locking.hold(data, "alice", "facebook"):
        assert locking.busy(data) == [("alice--facebook", os.getpid())]
        with pytest.raises(locking.RunInProgress):
            with locking.hold(data, "alice", "facebook"):
                pass
    assert locking.busy(data) == []


# -- filelock.py: portalocker faked -------------------------------------------------------------

class _FakePortalocker(types.ModuleType):
    """portalocker's surface as filelock.py uses it, with each call's behaviour scripted."""

    class LockException(Exception):
        pass

    class AlreadyLocked(LockException):
        pass

    class LockFlags:
        EXCLUSIVE, SHARED, NON_BLOCKING = 2, 4, 8

    def __init__(self, *outcomes: BaseException | None) -> None:
        super().__init__("portalocker")
        self.outcomes = list(outcomes)
        self.calls: list[tuple[str, int | None]] = []

    def lock(self, fd: int, flags: int) -> None:
        self.calls.append(("lock", flags))
        outcome = self.outcomes.pop(0) if self.outcomes else None
        if outcome is not None:
            raise outcome

    def unlock(self, fd: int) -> None:
        self.calls.append(("unlock", None))


def _install(monkeypatch, fake: types.ModuleType | None) -> None:
    monkeypatch.setitem(sys.modules, "portalocker", fake)


EX, SH, NB = _FakePortalocker.LockFlags.EXCLUSIVE, _FakePortalocker.LockFlags.SHARED, \
    _FakePortalocker.LockFlags.NON_BLOCKING


def test_shared_lock_without_pywin32_takes_an_exclusive_one(monkeypatch):
    fake = _FakePortalocker(ImportError("Shared locks on Windows require the win32 extra"))
    _install(monkeypatch, fake)
    with filelock.locked(3, shared=True) as held:
        assert held
    assert fake.calls == [("lock", SH), ("lock", EX), ("unlock", None)]


def test_a_blocking_lock_that_gives_up_is_tried_again(monkeypatch):
    fake = _FakePortalocker(_FakePortalocker.AlreadyLocked(), _FakePortalocker.AlreadyLocked())
    _install(monkeypatch, fake)
    with filelock.locked(3) as held:
        assert held
    assert fake.calls == [("lock", EX)] * 3 + [("unlock", None)]


def test_a_file_system_without_locks_goes_on_without(monkeypatch):
    fake = _FakePortalocker(_FakePortalocker.LockException("no locks here"),
                            _FakePortalocker.LockException("no locks here"))
    _install(monkeypatch, fake)
    with filelock.locked(3, shared=True) as held:
        assert not held
    assert filelock.try_exclusive(3) is True  # nobody the OS knows of to wait for
    assert fake.calls == [("lock", SH), ("lock", EX | NB)]
    fake2 = _FakePortalocker(ImportError(), ImportError())  # no pywin32, and no exclusive either
    _install(monkeypatch, fake2)
    with filelock.locked(3, shared=True) as held:
        assert not held


def test_try_exclusive_says_when_another_holds_it(monkeypatch):
    fake = _FakePortalocker(_FakePortalocker.AlreadyLocked(), None)
    _install(monkeypatch, fake)
    assert filelock.try_exclusive(3) is False
    assert filelock.try_exclusive(3) is True
    filelock.unlock(3)
    assert fake.calls == [("lock", EX | NB), ("lock", EX | NB), ("unlock", None)]


def test_unlock_is_best_effort(monkeypatch):
    fake = _FakePortalocker()
    fake.unlock = lambda fd: (_ for _ in ()).throw(_FakePortalocker.LockException("not locked"))
    _install(monkeypatch, fake)
    filelock.unlock(3)


def test_no_portalocker_at_all(monkeypatch, tmp_path):
    _install(monkeypatch, None)  # `import portalocker` raises ImportError
    with filelock.locked(3) as held:
        assert not held
    assert filelock.try_exclusive(3) is True
    filelock.unlock(3)
    with locking.hold(tmp_path, "alice", "facebook") as path:  # a run still starts
        assert path == DataLayout(tmp_path).lock_file("alice", "facebook")
