"""The receipt of one submission: a private folder holding the proof of what was sent, and when.

`data_dir/receipts/<record id>/` (0700) holds screenshots of the filled form before Send and of
the confirmation, the confirmation page's HTML, the exact fields sent, and `manifest.json`
(timestamps in UTC ISO 8601, tool and selectors versions, and a SHA-256 of every file, so the
evidence can be shown to be unaltered). Every file is 0600 from the moment it is created, and
written whole or not at all (files.write_private: a temporary name, fsync, rename).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from meta_optout_assist.store.files import is_temporary, private_dir, write_private
from meta_optout_assist.store.layout import DataLayout

MANIFEST = "manifest.json"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")

#: What the well-known files of a receipt are, for summaries and for the escalation letters.
KNOWN_FILES = {
    "form-before-send.png": "screenshot of the filled form just before Send",
    "confirmation.png": "screenshot of the confirmation page",
    "confirmation.html": "the confirmation page as received (HTML)",
    "sent.json": "the exact fields sent",
    **{f"evidence{ext}": "the evidence file sent with the form (a copy; its SHA-256 in the manifest)"
       for ext in (".png", ".jpg", ".gif", ".webp", ".bin")},
    MANIFEST: "timestamps, versions and a SHA-256 of every file",
}


def _check_name(name: str, what: str) -> str:
    if not _SAFE_NAME.match(name) or name in (".", ".."):
        raise ValueError(f"unsafe {what} for a receipt: {name!r}")
    return name


def _json_default(value: Any) -> Any:
    if hasattr(value, "model_dump"):  # pydantic models, such as a journal Record
        return value.model_dump(mode="json")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot store {type(value).__name__} in a receipt")


def to_json_text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False,
                      default=_json_default) + "\n"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class ReceiptFile:
    name: str
    size: int
    description: str | None
    sha256_ok: bool | None  # None: the manifest does not list it (or there is no manifest)


@dataclass(frozen=True)
class Receipt:
    dir: Path

    @classmethod
    def create(cls, data_dir: Path, record_id: str) -> Receipt:
        """Make (or reopen) the receipt folder of a record: `data_dir/receipts/<record_id>/`."""
        _check_name(record_id, "record id")
        layout = DataLayout(data_dir)
        private_dir(layout.receipts_dir)
        return cls(private_dir(layout.receipt_dir(record_id)))

    @classmethod
    def at(cls, path: Path | str) -> Receipt:
        """An existing receipt folder (as a journal Record's `receipt_dir` names it)."""
        return cls(Path(path))

    # -- writing --------------------------------------------------------------------------------

    def add_bytes(self, name: str, data: bytes) -> Path:
        return write_private(self.dir / _check_name(name, "file name"), data)

    def add_text(self, name: str, text: str) -> Path:
        return write_private(self.dir / _check_name(name, "file name"), text)

    def add_json(self, name: str, obj: Any) -> Path:
        return self.add_text(name, to_json_text(obj))

    def write_manifest(self, *, record: Any = None, fields_sent: Any = None,
                       timestamps: dict[str, Any] | None = None, tool_version: str | None = None,
                       selectors_version: str | None = None, **extra: Any) -> Path:
        """Write `manifest.json`: what was sent, when, by which versions, and each file's hash.

        Call it last, after the screenshots and pages are in the folder."""
        files = {
            p.name: {"size": p.stat().st_size, "sha256": sha256_of(p)}
            for p in sorted(self.dir.iterdir())
            if p.is_file() and p.name != MANIFEST and not is_temporary(p.name)
        }
        manifest = {
            "record": record,
            "fields_sent": fields_sent,
            "timestamps": timestamps or {},
            "tool_version": tool_version,
            "selectors_version": selectors_version,
            **extra,
            "files": files,
        }
        return self.add_json(MANIFEST, manifest)

    # -- reading --------------------------------------------------------------------------------

    def exists(self) -> bool:
        return self.dir.is_dir()

    def manifest(self) -> dict[str, Any] | None:
        try:
            data = json.loads((self.dir / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # RecursionError: nested too deep to read
            return None
        return data if isinstance(data, dict) else None

    def files(self) -> list[ReceiptFile]:
        """What the folder holds, each file checked against the manifest's hash where listed."""
        if not self.exists():
            return []
        listed = (self.manifest() or {}).get("files") or {}
        out = []
        for p in sorted(self.dir.rglob("*")):
            if not p.is_file() or is_temporary(p.name):
                continue
            rel = p.relative_to(self.dir).as_posix()
            entry = listed.get(rel)
            ok = None
            if isinstance(entry, dict) and "sha256" in entry:
                ok = entry["sha256"] == sha256_of(p)
            out.append(ReceiptFile(rel, p.stat().st_size, KNOWN_FILES.get(rel), ok))
        return out
