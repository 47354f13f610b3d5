"""`assist status|mark|export|receipt|forget` through the real entry point (cli.main)."""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import subprocess
import sys
import types
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

import meta_optout_assist.cli as cli
from meta_optout_assist.store.journal import Journal, State, utc_now
from meta_optout_assist.store.receipts import Receipt
from meta_optout_assist.ui import terminal
from tests.support.posix import has_mode

SRC = Path(__file__).resolve().parents[2] / "src"
STATUS_FIELDS = {"id", "platform", "form", "country", "state", "submitted_at", "receipt_dir"}


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "data"
    monkeypatch.setenv("ASSIST_DATA_DIR", str(d))
    monkeypatch.setenv("COLUMNS", "200")
    return d


@pytest.fixture
def assist(monkeypatch, capsys, data_dir):
    """Run `assist ARGS…` in-process through cli.main; returns exit code, stdout, stderr."""
    monkeypatch.setattr(
        cli, "_register", lambda: importlib.import_module("meta_optout_assist.cli.records"))

    def run(*args: str, stdin: str | None = None) -> Result:
        terminal.console_out.cache_clear()
        terminal.console_err.cache_clear()
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        with pytest.raises(SystemExit) as exc:
            cli.main(list(args))
        out, err = capsys.readouterr()
        return Result(int(exc.value.code or 0), out, err)

    return run


def _record(data_dir: Path, state: State = State.CONFIRMED, *, sent_days_ago: float = 2,
            **kw) -> str:
    j = Journal(data_dir)
    fields = dict(platform="facebook", form="objection", account="default", country="DE",
                  email="a@b.eu", form_url="https://www.facebook.com/help/contact/1",
                  tool_version="0.1.0", selectors_version="2025.1")
    fields.update(kw)
    rec = j.start(**fields)
    if state is State.STARTED:
        return rec.id
    sent = utc_now() - timedelta(days=sent_days_ago)
    if state in (State.FAILED, State.ABORTED):
        j.update(rec.id, state=state, reason="the site showed an error")
        return rec.id
    j.update(rec.id, state=State.SUBMITTED, submitted_at=sent)
    if state is not State.SUBMITTED:
        j.update(rec.id, state=state)
    return rec.id


def test_status_empty_and_table(assist, data_dir):
    r = assist("status")
    assert r.code == 0 and "No records yet" in r.out
    a = _record(data_dir, platform="instagram", account="work")
    b = _record(data_dir, State.FAILED)
    r = assist("status")
    assert r.code == 0
    for text in (a, b, "instagram", "work", "facebook", "confirmed", "failed", "objection"):
        assert text in r.out
    assert "overdue" not in r.out


def test_status_json_has_the_contract_fields(assist, data_dir):
    rid = _record(data_dir, receipt_dir="/somewhere/receipt")
    _record(data_dir, State.STARTED)
    r = assist("status", "--json")
    assert r.code == 0
    rows = json.loads(r.out)  # nothing but JSON on stdout
    assert len(rows) == 2
    for row in rows:
        assert STATUS_FIELDS <= set(row)
    first = rows[0]
    assert first["id"] == rid and first["state"] == "confirmed" and first["country"] == "DE"
    assert first["submitted_at"].endswith("Z") and first["receipt_dir"] == "/somewhere/receipt"
    assert rows[1]["submitted_at"] is None


def test_overdue_after_one_month_without_outcome(assist, data_dir):
    old = _record(data_dir, State.CONFIRMED, sent_days_ago=40)
    old_sub = _record(data_dir, State.SUBMITTED, sent_days_ago=33)
    answered = _record(data_dir, State.REJECTED, sent_days_ago=60)
    fresh = _record(data_dir, State.CONFIRMED, sent_days_ago=20)
    rows = {row["id"]: row for row in json.loads(assist("status", "--json").out)}
    assert rows[old]["overdue"] and rows[old_sub]["overdue"]
    assert not rows[answered]["overdue"] and not rows[fresh]["overdue"]
    r = assist("status")
    assert f"assist escalate {old}" in r.out and f"assist escalate {old_sub}" in r.out
    assert f"assist escalate {fresh}" not in r.out and f"assist escalate {answered}" not in r.out
    assert "overdue" in r.out


def test_mark_outcomes(assist, data_dir):
    rid = _record(data_dir)
    r = assist("mark", rid[-6:], "--outcome", "rejected", "--note", "email of 3 Dec")
    assert r.code == 0, r.err
    assert "rejected" in r.out and f"assist escalate {rid}" in r.out
    rec = Journal(data_dir).get(rid)
    assert rec.state is State.REJECTED and rec.note == "email of 3 Dec"
    assert rec.outcome_at is not None
    r = assist("mark", rid, "--outcome", "honored")  # Meta changed its mind
    assert r.code == 0 and Journal(data_dir).get(rid).state is State.HONORED

    failed = _record(data_dir, State.FAILED)
    r = assist("mark", failed, "--outcome", "honored")
    assert r.code == 2 and "never sent" in r.err
    r = assist("mark", rid, "--outcome", "maybe")
    assert r.code == 2
    r = assist("mark", "zzzz", "--outcome", "honored")
    assert r.code == 2 and "zzzz" in r.err and "assist status" in r.err
    assert "Traceback" not in r.err


def test_export_csv_and_json(assist, data_dir, tmp_path):
    a = _record(data_dir, note='says "no", twice')
    b = _record(data_dir, State.FAILED, platform="instagram")
    r = assist("export", "--format", "csv")
    assert r.code == 0
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert [row["id"] for row in rows] == [a, b]
    assert rows[0]["note"] == 'says "no", twice' and rows[1]["platform"] == "instagram"
    assert rows[1]["reason"] == "the site showed an error"
    assert STATUS_FIELDS <= set(rows[0])

    r = assist("export", "--format", "json")
    assert [row["id"] for row in json.loads(r.out)] == [a, b]

    out = tmp_path / "out" / "records.json"
    r = assist("export", "--format", "json", "--output", str(out))
    assert r.code == 0 and r.out == ""
    assert [row["id"] for row in json.loads(out.read_text())] == [a, b]
    assert has_mode(out, 0o600)
    assert assist("export", "--format", "xml").code == 2


def test_receipt_summary(assist, data_dir):
    rid = _record(data_dir)
    r = assist("receipt", rid)
    assert r.code == 0 and "No receipt" in r.out

    rec = Journal(data_dir).get(rid)
    receipt = Receipt.create(data_dir, rid)
    receipt.add_bytes("form-before-send.png", b"png-before")
    receipt.add_bytes("confirmation.png", b"png-after")
    receipt.add_text("confirmation.html", "<html>Thanks</html>")
    receipt.add_json("sent.json", {"email": "a@b.eu", "country": "Deutschland"})
    receipt.write_manifest(record=rec, fields_sent={"email": "a@b.eu"},
                           timestamps={"submitted_at": rec.submitted_at},
                           tool_version="0.1.0", selectors_version="2025.1")
    Journal(data_dir).update(rid, receipt_dir=str(receipt.dir))

    r = assist("receipt", rid)
    assert r.code == 0
    assert str(receipt.dir) in r.out
    for name in ("form-before-send.png", "confirmation.png", "confirmation.html", "sent.json",
                 "manifest.json", "submitted_at", "2025.1", "checksum ok"):
        assert name in r.out
    (receipt.dir / "sent.json").write_text("{}")
    assert "changed since saved" in assist("receipt", rid).out
    assert assist("receipt", "nope").code == 2


def _populate(data_dir: Path) -> list[Path]:
    _record(data_dir)
    Receipt.create(data_dir, "20260101-abcdef").add_text("sent.json", "{}")
    profile = data_dir / "browser-profiles" / "default"
    profile.mkdir(parents=True)
    (profile / "Cookies").write_bytes(b"secret")
    (data_dir / "diagnostics" / "x").mkdir(parents=True)
    (data_dir / "diagnostics" / "x" / "page.html").write_text("<html>a@b.eu</html>")
    (data_dir / "keep.txt").write_text("not ours")
    return [data_dir / "journal.jsonl", data_dir / "receipts", data_dir / "diagnostics",
            data_dir / "browser-profiles"]


def test_forget_refuses_without_terminal_or_yes(assist, data_dir):
    paths = _populate(data_dir)
    r = assist("forget")
    assert r.code == 2 and "--yes" in r.err
    assert all(p.exists() for p in paths)


def test_forget_asks_and_respects_no(assist, data_dir, monkeypatch):
    from meta_optout_assist.cli import records as cli_records

    paths = _populate(data_dir)
    monkeypatch.setattr(cli_records, "_interactive", lambda: True)
    r = assist("forget", stdin="n\n")
    assert r.code == 0 and "Nothing removed" in r.out
    assert all(str(p) in r.out for p in paths)
    assert all(p.exists() for p in paths)
    r = assist("forget", stdin="y\n")
    assert r.code == 0
    assert not any(p.exists() for p in paths)
    assert (data_dir / "keep.txt").exists()


def test_forget_yes_and_all(assist, data_dir, monkeypatch):
    paths = _populate(data_dir)
    calls = []

    def forget_all(d):
        calls.append(Path(d))
        return ["me", "work"]

    fake = types.ModuleType("meta_optout_assist.store.profiles")
    fake.forget_all = forget_all
    monkeypatch.setitem(sys.modules, "meta_optout_assist.store.profiles", fake)
    import meta_optout_assist.store

    monkeypatch.setattr(meta_optout_assist.store, "profiles", fake, raising=False)

    r = assist("forget", "--all", "--yes")
    assert r.code == 0, r.err
    assert not any(p.exists() for p in paths)
    assert calls == [data_dir]
    for p in paths:
        assert f"Removed {p}" in r.out
    assert "'me'" in r.out and "'work'" in r.out
    r = assist("forget", "--yes")
    assert r.code == 0 and "Nothing to remove" in r.out


def test_forget_refuses_while_a_fill_runs(assist, data_dir):
    """A running fill holds its account lock: forget must not pull its profile and journal away."""
    from meta_optout_assist.store.locking import hold

    paths = _populate(data_dir)
    with hold(data_dir, "default", "facebook"):
        r = assist("forget", "--yes")
    assert r.code == 2
    assert "running" in r.err and str(os.getpid()) in r.err
    assert all(p.exists() for p in paths)
    r = assist("forget", "--yes")  # the run is over: the lock goes with the rest
    assert r.code == 0, r.err
    assert not (data_dir / "locks").exists()


def test_real_entry_point_status_json(data_dir):
    """The installed command path: `python -m meta_optout_assist status --json`."""
    rid = _record(data_dir)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(SRC), os.environ.get("PYTHONPATH")])))
    probe = subprocess.run(
        [sys.executable, "-c", "import meta_optout_assist.cli as c; c._register()"],
        env=env, capture_output=True, text=True)
    missing = probe.stderr.strip().splitlines()[-1:] if probe.returncode else []
    if missing and "ModuleNotFoundError" in missing[0] and "records" not in missing[0]:
        pytest.skip(f"another command module is not there yet: {missing[0]}")
    p = subprocess.run([sys.executable, "-m", "meta_optout_assist", "status", "--json"],
                       env=env, capture_output=True, text=True, timeout=30)
    assert p.returncode == 0, p.stderr
    assert [row["id"] for row in json.loads(p.stdout)] == [rid]
    p = subprocess.run([sys.executable, "-m", "meta_optout_assist", "mark", "nope", "--outcome",
                        "honored"], env=env, capture_output=True, text=True, timeout=30)
    assert p.returncode == 2 and "nope" in p.stderr and "Traceback" not in p.stderr
