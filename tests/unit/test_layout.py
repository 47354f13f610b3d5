"""The data folder's layout: one owner of every path in it, made absolute once, and paths in
records kept relative to it (older records' absolute and `<--data-dir>/receipts/<id>` paths still
read)."""

from __future__ import annotations

import io
import json
import os
import tokenize
from pathlib import Path

import pytest

import meta_optout_assist
from meta_optout_assist.store.journal import Journal, State
from meta_optout_assist.store.layout import DataLayout
from meta_optout_assist.store.receipts import Receipt

SRC = Path(meta_optout_assist.__file__).parent
NAMES = (DataLayout.JOURNAL, DataLayout.RECEIPTS, DataLayout.DIAGNOSTICS,
         DataLayout.BROWSER_PROFILES, DataLayout.LOCKS, DataLayout.NAMES)


def test_every_path_in_the_data_folder(tmp_path):
    layout = DataLayout(tmp_path / "data")
    root = tmp_path / "data"
    assert layout.root == root
    assert layout.journal_file == root / "journal.jsonl"
    assert layout.receipts_dir == root / "receipts"
    assert layout.receipt_dir("20261203-abc123") == root / "receipts" / "20261203-abc123"
    assert layout.diagnostics_dir == root / "diagnostics"
    assert layout.browser_profiles_dir == root / "browser-profiles"
    assert layout.browser_profile_dir("alice", "facebook") == root / "browser-profiles" / "alice--facebook"
    assert layout.locks_dir == root / "locks"
    lock = layout.lock_file("alice", "facebook")
    assert lock == root / "locks" / "alice--facebook.lock"
    assert layout.pid_file(lock) == root / "locks" / "alice--facebook.pid"
    assert layout.names_file == root / "profiles.json"
    assert layout.forgettable() == [root / "journal.jsonl", root / "receipts", root / "diagnostics",
                                    root / "browser-profiles", root / "locks"]
    assert layout.lock_files() == []
    layout.locks_dir.mkdir(parents=True)
    for name in ("b--instagram.lock", "a--facebook.lock", "a--facebook.pid"):
        (layout.locks_dir / name).touch()
    assert [p.name for p in layout.lock_files()] == ["a--facebook.lock", "b--instagram.lock"]


def test_made_absolute_once_at_construction(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    layout = DataLayout("rel")
    assert layout.root == tmp_path / "rel" and layout.root.is_absolute()
    monkeypatch.chdir(tmp_path.parent)  # where the command runs later changes nothing
    assert layout.journal_file == tmp_path / "rel" / "journal.jsonl"
    assert DataLayout(layout.root) == layout and hash(DataLayout(layout.root)) == hash(layout)
    assert DataLayout("a/../b").root == tmp_path.parent / "b"  # normalised, links not followed
    monkeypatch.setenv("HOME", str(tmp_path))
    assert DataLayout("~/d").root == tmp_path / "d"


def test_default_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASSIST_DATA_DIR", "here")
    assert DataLayout.default().root == tmp_path / "here"
    monkeypatch.delenv("ASSIST_DATA_DIR")
    assert DataLayout.default().root.is_absolute()
    assert DataLayout.default().root.name == "meta-optout-assist"


def _spellings(text: str) -> list[tuple[int, str]]:
    """String literals naming something in the data folder: a file name only it has, or a folder
    name joined to a path (`x / "receipts"`) or kept in a constant (`RECEIPTS_DIR = "receipts"`)."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
              if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)]
    found = []
    for i, tok in enumerate(tokens):
        value = tok.string.strip("\"'") if tok.type == tokenize.STRING else None
        if value not in NAMES:
            continue
        before = [t.string for t in tokens[max(i - 2, 0):i]]
        after = tokens[i + 1].string if i + 1 < len(tokens) else ""
        joined = "/" in (before[-1:] + [after]) or "joinpath" in text.splitlines()[tok.start[0] - 1]
        constant = len(before) == 2 and before[1] == "=" and before[0].isupper()
        if "." in value or "-" in value or joined or constant:
            found.append((tok.start[0], tok.string))
    return found


def test_no_other_module_spells_a_name_of_the_data_folder():
    """Every path inside the data folder comes from DataLayout."""
    found = [f"{path.relative_to(SRC)}:{line}: {literal}"
             for path in sorted(SRC.rglob("*.py")) if path != SRC / "store" / "layout.py"
             for line, literal in _spellings(path.read_text(encoding="utf-8"))]
    assert found == []
    # The check itself finds the spellings it is about.
    assert [s for _, s in _spellings('X_DIR = "locks"\np = d / "receipts"\nf = "journal.jsonl"\n'
                                     'getattr(err, "diagnostics", None)\n')] == [
        '"locks"', '"receipts"', '"journal.jsonl"']


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("receipts/20261203-abc123", "receipts/20261203-abc123"),  # as kept now
        ("rel/receipts/20261203-abc123", "receipts/20261203-abc123"),  # `--data-dir rel`, before
        ("../x/receipts/20261203-abc123", "receipts/20261203-abc123"),
        ("receipts/receipts/20261203-abc123", "receipts/20261203-abc123"),  # `--data-dir receipts`
        ("somewhere/else", "somewhere/else"),
    ],
)
def test_relative_paths_in_records(tmp_path, stored, expected):
    layout = DataLayout(tmp_path / "data")
    assert layout.from_stored(stored) == layout.root / expected
    assert layout.to_stored(stored) == expected


def test_absolute_paths_in_records(tmp_path):
    layout = DataLayout(tmp_path / "data")
    inside = layout.receipt_dir("20261203-abc123")
    assert layout.to_stored(inside) == "receipts/20261203-abc123"
    assert layout.to_stored(str(inside)) == "receipts/20261203-abc123"
    assert layout.from_stored(str(inside)) == inside
    elsewhere = tmp_path / "moved" / "receipts" / "20261203-abc123"
    assert layout.to_stored(elsewhere) == str(elsewhere)
    assert layout.from_stored(str(elsewhere)) == elsewhere


def _events(journal: Journal) -> list[dict]:
    return [json.loads(line) for line in journal.path.read_text().splitlines()]


def test_journal_keeps_receipt_folders_relative_and_reads_them_back_absolute(tmp_path):
    data = tmp_path / "data"
    journal = Journal(data)
    rec = journal.start(platform="facebook", country="DE", email="a@b.eu")
    receipt = Receipt.create(data, rec.id)
    updated = journal.update(rec.id, state=State.SUBMITTED, receipt_dir=str(receipt.dir))
    assert updated.receipt_dir == str(receipt.dir)
    assert _events(journal)[-1]["fields"]["receipt_dir"] == f"receipts/{rec.id}"

    # The same folder under another name (moved, or named through another path) reads the same.
    moved = tmp_path / "moved"
    data.rename(moved)
    again = Journal(moved).get(rec.id)
    assert again.receipt_dir == str(moved / "receipts" / rec.id)
    assert Path(again.receipt_dir).is_dir()


def test_journal_reads_the_paths_older_versions_kept(tmp_path, monkeypatch):
    """Records from before: an absolute path inside the data folder, an absolute path elsewhere,
    and `rel/receipts/<id>` from a run with `--data-dir rel`."""
    data = tmp_path / "data"
    journal = Journal(data)
    inside = journal.start(platform="facebook", receipt_dir=str(data / "receipts" / "x1"))
    elsewhere = journal.start(platform="facebook")
    relative = journal.start(platform="instagram")
    lines = [
        {"v": 1, "op": "update", "id": elsewhere.id, "at": "2026-01-01T00:00:00Z",
         "fields": {"receipt_dir": "/old/place/receipts/x2"}},
        {"v": 1, "op": "update", "id": relative.id, "at": "2026-01-01T00:00:00Z",
         "fields": {"receipt_dir": "rel/receipts/x3"}},
    ]
    with open(journal.path, "a", encoding="utf-8") as fh:
        fh.writelines(json.dumps(line) + "\n" for line in lines)
    monkeypatch.chdir(tmp_path.parent)  # where the command runs plays no part
    records = {r.id: r for r in Journal(data).records()}
    assert records[inside.id].receipt_dir == str(data / "receipts" / "x1")
    assert records[elsewhere.id].receipt_dir == "/old/place/receipts/x2"
    assert records[relative.id].receipt_dir == str(data / "receipts" / "x3")
    # A later update keeps what it is given the new way.
    Journal(data).update(relative.id, note="seen")
    assert _events(journal)[-1]["fields"] == {"note": "seen"}


def test_cli_makes_the_data_folder_absolute(tmp_path, monkeypatch):
    from meta_optout_assist.cli import data_dir_or_default

    monkeypatch.chdir(tmp_path)
    assert data_dir_or_default(Path("rel")) == tmp_path / "rel"
    monkeypatch.setenv("ASSIST_DATA_DIR", "env-rel")
    assert data_dir_or_default(None) == tmp_path / "env-rel"
    assert os.path.isabs(data_dir_or_default(None))
