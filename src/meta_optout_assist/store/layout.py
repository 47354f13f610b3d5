"""The data folder's layout: every path inside it comes from `DataLayout`, and nowhere else.

    journal.jsonl                          the record of every attempt (journal.py)
    receipts/<record id>/                  the proof of each submission (receipts.py)
    diagnostics/<bundle>/                  pages the tool did not understand (doctor/diagnostics.py)
    browser-profiles/<account>--<platform>/  the browser's logins, one profile each
    locks/<account>--<platform>.lock       one `assist fill` at a time (locking.py)
    locks/<account>--<platform>.pid        the pid of the run that holds that lock
    profiles.json                          the saved profiles' names (profiles/names.py)

The folder is made absolute once, when a `DataLayout` is made, so a relative `--data-dir` means the
folder it named from where the command ran. Paths kept inside records are relative to the folder
(`to_stored`/`from_stored`), so the folder can be named differently, or moved, and still be read.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from meta_optout_assist.store.files import private_dir, write_private

__all__ = ["APP_NAME", "DATA_DIR_ENV", "DataLayout", "default_data_dir", "private_dir",
           "write_private"]  # private_dir and write_private live in files.py

APP_NAME = "meta-optout-assist"
DATA_DIR_ENV = "ASSIST_DATA_DIR"


def default_data_dir() -> Path:
    """The platform's per-user data folder (platformdirs), unless ASSIST_DATA_DIR says otherwise."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


class DataLayout:
    """The paths of one data folder. `root` is absolute (with `~` expanded)."""

    __slots__ = ("root",)

    JOURNAL = "journal.jsonl"
    RECEIPTS = "receipts"
    DIAGNOSTICS = "diagnostics"
    BROWSER_PROFILES = "browser-profiles"
    LOCKS = "locks"
    NAMES = "profiles.json"

    def __init__(self, data_dir: str | os.PathLike[str]) -> None:
        # abspath, not resolve(): a folder reached through a link keeps the name it was given.
        self.root = Path(os.path.abspath(Path(data_dir).expanduser()))

    @classmethod
    def default(cls) -> DataLayout:
        """ASSIST_DATA_DIR, else the platform's per-user data folder."""
        return cls(default_data_dir())

    def __repr__(self) -> str:
        return f"DataLayout({str(self.root)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DataLayout) and other.root == self.root

    def __hash__(self) -> int:
        return hash(self.root)

    # -- the files and folders ------------------------------------------------------------------

    @property
    def journal_file(self) -> Path:
        return self.root / self.JOURNAL

    @property
    def receipts_dir(self) -> Path:
        return self.root / self.RECEIPTS

    def receipt_dir(self, record_id: str) -> Path:
        return self.receipts_dir / record_id

    @property
    def diagnostics_dir(self) -> Path:
        return self.root / self.DIAGNOSTICS

    @property
    def browser_profiles_dir(self) -> Path:
        return self.root / self.BROWSER_PROFILES

    def browser_profile_dir(self, account: str, platform: str) -> Path:
        return self.browser_profiles_dir / self.key(account, platform)

    @property
    def locks_dir(self) -> Path:
        return self.root / self.LOCKS

    def lock_file(self, account: str, platform: str) -> Path:
        return self.locks_dir / f"{self.key(account, platform)}.lock"

    def lock_files(self) -> list[Path]:
        """The lock files there are now, sorted."""
        folder = self.locks_dir
        return sorted(folder.glob("*.lock")) if folder.is_dir() else []

    def pid_file(self, lock_file: Path) -> Path:
        """Where the holder of a lock writes its pid (beside the lock: Windows keeps a locked
        file's bytes from other processes)."""
        return lock_file.with_suffix(".pid")

    @property
    def names_file(self) -> Path:
        return self.root / self.NAMES

    def forgettable(self) -> list[Path]:
        """What `assist forget` removes: every record, receipt, diagnostic, login and lock.
        (profiles.json goes with the keyring entries, `assist forget --all`.)"""
        return [self.journal_file, self.receipts_dir, self.diagnostics_dir,
                self.browser_profiles_dir, self.locks_dir]

    @staticmethod
    def key(account: str, platform: str) -> str:
        """One account on one platform: names its browser profile and its lock alike."""
        return f"{account}--{platform}"

    # -- paths kept in records ------------------------------------------------------------------

    def to_stored(self, path: str | os.PathLike[str]) -> str:
        """A path as a record keeps it: relative to the data folder (`receipts/<id>`, with `/`)
        when it is inside, else absolute. A relative path is taken as `from_stored` reads one."""
        located = self.from_stored(path)
        try:
            return located.relative_to(self.root).as_posix()
        except ValueError:
            return str(located)

    def from_stored(self, stored: str | os.PathLike[str]) -> Path:
        """Where a path kept in a record is now (absolute).

        Absolute paths are kept as they are. Relative ones are inside the data folder; older
        versions kept them as the run saw them, `<--data-dir as typed>/receipts/<id>`: from the
        last `receipts` part on, they name the same folder inside this one.
        """
        path = Path(stored)
        if path.is_absolute():
            return path
        parts = PurePath(stored).parts
        if self.RECEIPTS in parts:
            last = len(parts) - 1 - parts[::-1].index(self.RECEIPTS)
            return self.root.joinpath(*parts[last:])
        return self.root / path
