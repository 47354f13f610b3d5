"""The journal and the receipts: round trip, crash safety (torn lines, SIGKILL), concurrent writers,
private file modes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from meta_optout_assist.errors import BadInput
from meta_optout_assist.store.journal import Journal, Record, State
from meta_optout_assist.store.layout import DataLayout
from meta_optout_assist.store.receipts import MANIFEST, Receipt
from tests.support.posix import has_mode, only_posix

SRC = Path(__file__).resolve().parents[2] / "src"


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return env


def _start(j: Journal, **kw) -> Record:
    fields = dict(platform="facebook", form="objection", account="default", country="DE",
                  email="a@b.eu", form_url="https://www.facebook.com/help/contact/1",
                  tool_version="0.1.0", selectors_version="2025.1")
    fields.update(kw)
    return j.start(**fields)


def test_round_trip(tmp_path):
    j = Journal(tmp_path / "data")
    assert j.records() == []
    assert not (tmp_path / "data").exists(), "the journal is created lazily, on the first write"

    a = _start(j)
    b = _start(j, platform="instagram", account="work")
    assert a.id != b.id and a.state is State.STARTED
    assert len(a.id) <= 16 and a.id[:8].isdigit()
    assert a.started_at.tzinfo is not None

    j.update(a.id, state=State.SUBMITTED, receipt_dir=str(tmp_path / "r"))
    j.update(a.id, state=State.CONFIRMED)
    j.update(b.id, state=State.FAILED, reason="page not understood")

    fresh = Journal(tmp_path / "data")  # a new process would see the same
    recs = fresh.records()
    assert [r.id for r in recs] == [a.id, b.id]
    ra = fresh.get(a.id)
    assert ra.state is State.CONFIRMED
    assert ra.submitted_at is not None and ra.confirmed_at is not None
    assert ra.receipt_dir == str(tmp_path / "r")
    assert [h.state for h in ra.history] == [State.STARTED, State.SUBMITTED, State.CONFIRMED]
    assert (ra.country, ra.email, ra.tool_version, ra.selectors_version) == (
        "DE", "a@b.eu", "0.1.0", "2025.1")
    rb = fresh.get(b.id)
    assert (rb.state, rb.reason, rb.platform, rb.account) == (
        State.FAILED, "page not understood", "instagram", "work")

    # ids by unique prefix, or by the random part after the date
    assert fresh.get(a.id[:-1]).id == a.id
    assert fresh.get(a.id.split("-")[1][:5]).id == a.id

    # every line is one self-contained JSON event, timestamps in UTC ISO 8601
    lines = j.path.read_text().splitlines()
    assert len(lines) == 5
    events = [json.loads(line) for line in lines]
    assert events[0]["fields"]["started_at"].endswith("Z")


def test_unknown_and_ambiguous_ids(tmp_path):
    j = Journal(tmp_path)
    a = _start(j)
    with pytest.raises(BadInput) as err:
        j.get("nope")
    assert "nope" in err.value.message and "assist status" in err.value.hint
    b = _start(j)
    common = os.path.commonprefix([a.id, b.id])
    with pytest.raises(BadInput, match="matches 2 records"):
        j.get(common)
    with pytest.raises(TypeError):
        j.update(a.id, colour="blue")
    with pytest.raises(ValueError):
        j.update(a.id, state="sent")
    assert j.get(a.id).state is State.STARTED  # a refused update left nothing behind


def test_torn_trailing_line_is_skipped_with_one_warning(tmp_path, capsys):
    j = Journal(tmp_path)
    a = _start(j)
    j.update(a.id, state=State.SUBMITTED)
    with open(j.path, "ab") as fh:  # a kill in the middle of writing the third event
        fh.write(b'{"v":1,"op":"update","id":"' + a.id.encode() + b'","fields":{"sta')

    fresh = Journal(tmp_path)
    assert [r.state for r in fresh.records()] == [State.SUBMITTED]
    fresh.records()
    err = capsys.readouterr().err
    assert err.count("Warning") == 1
    assert str(j.path) in err and "line 3" in err

    # the next append starts on a line of its own and is read back whole
    b = _start(fresh)
    fresh.update(a.id, state=State.CONFIRMED)
    again = Journal(tmp_path)
    assert {r.id: r.state for r in again.records()} == {a.id: State.CONFIRMED, b.id: State.STARTED}
    raw = j.path.read_bytes()
    assert raw.endswith(b"\n")
    assert len(raw.splitlines()) == 5
    assert capsys.readouterr().err.count("Warning") == 1  # the old torn line, still skipped


def test_garbled_lines_anywhere_are_skipped(tmp_path, capsys):
    j = Journal(tmp_path)
    a = _start(j)
    with open(j.path, "ab") as fh:
        fh.write(b"\xff\xfe not json\n")
        fh.write(b'{"v":1,"op":"update","id":"no-such-record","at":"2026-01-01T00:00:00Z",'
                 b'"fields":{"state":"submitted"}}\n')
        fh.write(b"[1,2,3]\n")
    b = _start(j)
    assert [r.id for r in Journal(tmp_path).records()] == [a.id, b.id]
    err = capsys.readouterr().err
    assert all(f"line {n}" in err for n in (2, 3, 4))


def test_private_modes_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        j = Journal(tmp_path / "data")
        rec = _start(j)
        r = Receipt.create(tmp_path / "data", rec.id)
        r.add_bytes("form-before-send.png", b"\x89PNG fake")
        r.add_text("confirmation.html", "<html>ok</html>")
        r.add_json("sent.json", {"email": "a@b.eu"})
        r.write_manifest(record=rec, fields_sent={"email": "a@b.eu"}, timestamps={},
                         tool_version="0.1.0", selectors_version="x")
    finally:
        os.umask(old)
    assert has_mode(tmp_path / "data", 0o700)
    assert has_mode(j.path, 0o600)
    assert has_mode(tmp_path / "data" / "receipts", 0o700)
    assert has_mode(r.dir, 0o700)
    assert r.dir == tmp_path / "data" / "receipts" / rec.id
    for f in r.dir.iterdir():
        assert has_mode(f, 0o600), f


def test_receipt_manifest_and_checks(tmp_path):
    j = Journal(tmp_path)
    rec = _start(j)
    r = Receipt.create(tmp_path, rec.id)
    r.add_bytes("form-before-send.png", b"before")
    r.add_bytes("confirmation.png", b"after")
    r.add_text("confirmation.html", "<p>Merci</p>")
    r.add_json("sent.json", {"country": "France", "email": "a@b.eu"})
    r.write_manifest(record=rec, fields_sent={"country": "France"},
                     timestamps={"submitted_at": rec.started_at}, tool_version="0.1.0",
                     selectors_version="2025.1")
    m = json.loads((r.dir / MANIFEST).read_text())
    assert m["record"]["id"] == rec.id
    assert m["timestamps"]["submitted_at"].endswith("Z")
    assert (m["tool_version"], m["selectors_version"]) == ("0.1.0", "2025.1")
    assert set(m["files"]) == {"form-before-send.png", "confirmation.png", "confirmation.html",
                               "sent.json"}
    files = {f.name: f for f in r.files()}
    assert files["confirmation.png"].sha256_ok is True
    assert files[MANIFEST].sha256_ok is None
    (r.dir / "confirmation.png").write_bytes(b"edited")
    assert {f.name: f for f in r.files()}["confirmation.png"].sha256_ok is False
    with pytest.raises(ValueError):
        r.add_text("../escape.txt", "no")
    with pytest.raises(ValueError):
        Receipt.create(tmp_path, "../../etc")


_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from meta_optout_assist.store.journal import Journal, State
    j = Journal(Path(sys.argv[1]))
    tag = sys.argv[2]
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        r = j.start(platform="facebook", account=tag, country="DE", email="a@b.eu",
                    note="x" * (n * 37 % 900))
        print(r.id, "started", flush=True)
        j.update(r.id, state=State.SUBMITTED, receipt_dir="/tmp/receipts/" + r.id)
        print(r.id, "submitted", flush=True)
""")


@only_posix
def test_sigkill_at_random_moments_keeps_every_fsynced_record(tmp_path):
    """20 writers killed with SIGKILL at random moments, four at a time on one journal: the
    journal stays readable and holds every event a writer reported as written. Each writer is
    killed once it has reported a random number of events (one to four) and a random moment
    later, so every writer has written something however slow the machine."""
    rng = random.Random(1234)
    data = tmp_path / "data"
    script = tmp_path / "writer.py"
    script.write_text(_WRITER)
    seen: dict[str, str] = {}
    kills = 0
    for _ in range(5):
        procs = [subprocess.Popen([sys.executable, str(script), str(data), f"w{kills + i}"],
                                  stdout=subprocess.PIPE, env=_child_env())
                 for i in range(4)]
        for p in procs:
            assert p.stdout.readline().strip() == b"ready"
        outputs = []
        for p in procs:
            reported = [p.stdout.readline() for _ in range(rng.randint(1, 4))]
            assert all(line.endswith(b"\n") for line in reported), reported  # still writing
            time.sleep(rng.uniform(0, 0.05))  # where in the next write the kill lands
            p.send_signal(signal.SIGKILL)
            outputs.append(b"".join(reported))
        for p, before in zip(procs, outputs, strict=True):
            out = (before + p.communicate()[0]).decode()
            assert p.returncode == -signal.SIGKILL
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 2:  # the last line may be cut short by the kill
                    seen[parts[0]] = max(seen.get(parts[0], ""), parts[1],
                                         key=["", "started", "submitted"].index)
            kills += 1
    assert kills == 20 and len(seen) >= 20  # every writer reported at least one record

    recs = {r.id: r for r in Journal(data).records()}
    for rid, state in seen.items():
        assert rid in recs, f"record {rid} was fsynced before the kill but is lost"
        if state == "submitted":
            assert recs[rid].state is State.SUBMITTED
            assert recs[rid].receipt_dir == "/tmp/receipts/" + rid
    # A kill can cut a write short at a page boundary (Linux stops a write between pages for a
    # fatal signal), leaving a torn line that the next writer ends with its fresh line: at most one
    # per kill; the journal skips those (with a warning) and every other line is a whole event.
    lines = [line for line in DataLayout(data).journal_file.read_bytes().split(b"\n") if line]
    torn = [line for line in lines if not _is_event(line)]
    assert len(torn) <= kills
    assert len(lines) - len(torn) >= len(seen)


def _is_event(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


_APPENDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from meta_optout_assist.store.journal import Journal
    j = Journal(Path(sys.argv[1]))
    for i in range(int(sys.argv[3])):
        j.start(platform="instagram", account=sys.argv[2], note=sys.argv[2] * (i * 97 % 6000))
""")


def test_two_processes_appending_never_interleave(tmp_path):
    data = tmp_path / "data"
    script = tmp_path / "appender.py"
    script.write_text(_APPENDER)
    n = 60
    procs = [subprocess.Popen([sys.executable, str(script), str(data), tag, str(n)],
                              env=_child_env()) for tag in ("a", "b")]
    for p in procs:
        assert p.wait(timeout=30) == 0
    lines = DataLayout(data).journal_file.read_bytes().splitlines()
    assert len(lines) == 2 * n
    events = [json.loads(line) for line in lines]  # a mixed line would not parse
    for e in events:
        note = e["fields"].get("note") or ""
        assert set(note) <= {e["fields"]["account"]}
    recs = Journal(data).records()
    assert len(recs) == 2 * n and len({r.id for r in recs}) == 2 * n
