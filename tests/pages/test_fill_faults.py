"""A fill under faults (issue 23), in the test's own browser against the replica: the record follows
what Meta received whatever happens on this computer afterwards (a disk that fills after Send, the
person not typing the code), a question answered with end of input, text with Windows line endings
or terminal escapes, the evidence file kept with its hash, a journal holding a line no parser can
take, and a run against an origin that is not Meta."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import sys
from pathlib import Path

import pytest

from meta_optout_assist.flow import filling
from meta_optout_assist.store import files
from meta_optout_assist.store.journal import Journal, State
from tests.support.cli_inprocess import run_cli
from tests.support.disks import fill_up, tmpfs
from tests.support.samples import png
from tests.support.values import EMAIL, REASON

OBJECTION = {"platform": "facebook", "email": EMAIL, "country": "DE"}


def _objections(site) -> list[dict]:
    return [s for s in site.submissions if s["form"].endswith("objection")]


def _record(data_dir: Path):
    (record,) = Journal(data_dir).records()
    return record


# -- the record follows what Meta received -------------------------------------------------------------

def _fill_up_after_send(monkeypatch, data_dir: Path, leave: int) -> list[str]:
    """Fill the data folder's disk the moment the form has been sent."""
    real = filling.Recorder.submitted
    done: list[str] = []

    def submitted_then_full(self):
        real(self)
        fill_up(data_dir, leave=leave)
        done.append("full")

    monkeypatch.setattr(filling.Recorder, "submitted", submitted_then_full)
    return done


def _assert_kept_as_confirmed(site, data_dir: Path, filled, missing: str) -> None:
    assert filled.code == 0, filled.text
    assert len(_objections(site)) == 1  # Meta has it
    record = _record(data_dir)
    assert record.state is State.CONFIRMED and record.submitted_at and record.confirmed_at
    assert missing in record.receipt_missing
    receipt = Path(record.receipt_dir)
    names = {p.name for p in receipt.iterdir()}
    assert missing not in names, "a part that could not be written is not there at all"
    assert not [n for n in names if files.is_temporary(n)], names
    assert "form-before-send.png" in names and "sent.json" in names
    assert "internal error" not in filled.text and "bug" not in filled.text
    said = " ".join(filled.output.split())
    assert "Confirmed by Meta" in said and missing in said and "No space left" in said
    # `assist mark` takes the record Meta confirmed.
    code, out = run_cli(["mark", record.id, "--outcome", "honored", "--data-dir", str(data_dir)])
    assert code == 0, out


def test_a_disk_that_fills_after_send_keeps_the_record_confirmed(site, fill_here, data_dir, monkeypatch,
                                                                 tmp_path):
    """A real small disk (tmpfs): full right after Send. Meta confirms; the record says confirmed,
    names the receipt parts it could not keep, and has no cut-off file."""
    site.configure(simulate_person=True, person_delay_ms=0, require_login=False, cookie_banner="none")
    with tmpfs(data_dir, "24m"):
        done = _fill_up_after_send(monkeypatch, data_dir, leave=12 * 1024)
        filled = fill_here(site, reason=REASON, **OBJECTION)
        assert done == ["full"]
        _assert_kept_as_confirmed(site, data_dir, filled, "confirmation.png")
        for entry in (Path(_record(data_dir).receipt_dir)).iterdir():  # what is there is whole
            if entry.name.endswith(".png"):
                assert entry.read_bytes().endswith(b"IEND\xaeB`\x82"), entry.name


def test_a_write_error_after_send_keeps_the_record_confirmed(site, fill_here, data_dir, monkeypatch):
    """The same with the error injected where the receipt is written (any machine, no tmpfs)."""
    site.configure(simulate_person=True, person_delay_ms=0, require_login=False, cookie_banner="none")
    real = files.write_all

    def no_room_for_the_confirmation(fd, data):
        if len(data) > 4096 and bytes(data[:4]) == b"\x89PNG" and _objections(site):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(files, "write_all", no_room_for_the_confirmation)
    filled = fill_here(site, reason=REASON, **OBJECTION)
    _assert_kept_as_confirmed(site, data_dir, filled, "confirmation.png")
    manifest = json.loads((Path(_record(data_dir).receipt_dir) / "manifest.json").read_text())
    assert manifest["receipt_missing"] == ["confirmation.png"]
    assert "confirmation.png" not in manifest["files"]


def test_no_room_before_send_sends_nothing(site, fill_here, data_dir, monkeypatch):
    site.configure(simulate_person=True, person_delay_ms=0, require_login=False, cookie_banner="none")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "write_all", full)
    filled = fill_here(site, reason=REASON, **OBJECTION)
    assert filled.code == 2, filled.text
    assert _objections(site) == []
    assert "nothing was sent" in filled.text and str(data_dir) in filled.text
    assert "internal error" not in filled.text
    record = _record(data_dir)
    assert record.state is State.FAILED and record.submitted_at is None


def test_not_typing_the_code_after_send_keeps_the_record_submitted(site, fill_here, data_dir):
    """Meta emailed its code: the form reached it. The run times out waiting for the person (exit 4),
    the record stays `submitted`, and `assist mark` takes it."""
    site.configure(require_login=False, cookie_banner="none")  # nobody types the code
    filled = fill_here(site, reason=REASON, wait_timeout_s=1, **OBJECTION)
    assert filled.code == 4, filled.text
    assert len(_objections(site)) == 1
    record = _record(data_dir)
    assert record.state is State.SUBMITTED and record.submitted_at is not None
    assert "code was not entered" in record.reason
    code, out = run_cli(["mark", record.id, "--outcome", "no-reply", "--data-dir", str(data_dir)])
    assert code == 0, out


# -- end of input at the review -------------------------------------------------------------------------

def test_end_of_input_at_the_review_is_an_abort(site, fill_here, data_dir, monkeypatch):
    site.configure(simulate_person=True, person_delay_ms=0, require_login=False, cookie_banner="none")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # Ctrl-D, or a closed pipe
    filled = fill_here(site, reason=REASON, assume_yes=False, **OBJECTION)
    assert filled.code == 130, filled.text
    assert "nothing was sent" in filled.text and "internal error" not in filled.text
    assert _objections(site) == []
    assert _record(data_dir).state is State.ABORTED


# -- what is typed is what was given ------------------------------------------------------------------

def test_a_reason_with_windows_line_endings(site, fill_here, data_dir):
    """`--reason "$(cat reason.txt)"` with a file saved on Windows."""
    reason = "My posts are mine.\r\nThey show my children.\r\n\r\nI object.\r\n"
    site.configure(simulate_person=True, person_delay_ms=0, require_login=False, cookie_banner="none")
    filled = fill_here(site, reason=reason, **OBJECTION)
    assert filled.code == 0, filled.text
    sent = _objections(site)[0]["fields"]["reason"].replace("\r\n", "\n")  # a form posts CRLF
    assert sent == "My posts are mine.\nThey show my children.\n\nI object."
    kept = json.loads((Path(_record(data_dir).receipt_dir) / "sent.json").read_text())
    assert kept["reason"] == "My posts are mine.\nThey show my children.\n\nI object."


def test_control_and_bidi_characters_are_sent_as_typed_and_shown_escaped(site, fill_here):
    reason = "I object \u202eot gniniart\u202c to training \u2066AI\u2069, \x1b[31mred\x1b[0m."
    site.configure(simulate_person=True, person_delay_ms=0, require_login=False, cookie_banner="none")
    filled = fill_here(site, reason=reason, **OBJECTION)
    assert filled.code == 0, filled.text
    assert _objections(site)[0]["fields"]["reason"] == reason
    assert r"\u202eot gniniart\u202c" in filled.output and r"\x1b[31mred\x1b[0m" in filled.output
    assert "\x1b" not in filled.output and "\u202e" not in filled.output


def test_the_evidence_file_is_kept_in_the_receipt_with_its_hash(site, fill_here, data_dir, tmp_path):
    site.configure(simulate_person=True, person_delay_ms=0)
    evidence = png(tmp_path / "Meta AI answer (1).png")
    filled = fill_here(site, platform="facebook", form="third-party", email=EMAIL, country="DE", request="object",
                       first_name="Ada", last_name="Example", prompts=("Who is Ada Example?",),
                       evidence=evidence, details="x" * 120)
    assert filled.code == 0, filled.text
    receipt = Path(_record(data_dir).receipt_dir)
    kept = receipt / "evidence.png"
    assert kept.read_bytes() == evidence.read_bytes()
    digest = hashlib.sha256(evidence.read_bytes()).hexdigest()
    manifest = json.loads((receipt / "manifest.json").read_text())
    assert manifest["files"]["evidence.png"]["sha256"] == digest
    assert manifest["evidence"] == {"file": "evidence.png", "name": evidence.name, "sha256": digest}
    code, out = run_cli(["receipt", _record(data_dir).id, "--data-dir", str(data_dir)])
    assert "evidence.png" in out and "checksum ok" in out


def test_a_fill_reads_past_a_journal_line_nested_too_deep(site, fill_here, data_dir, capsys):
    earlier = Journal(data_dir).start(platform="facebook", country="DE", email=EMAIL)
    with open(Journal(data_dir).path, "ab") as fh:
        fh.write(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    site.configure(simulate_person=True, person_delay_ms=0, require_login=False, cookie_banner="none")
    filled = fill_here(site, reason=REASON, **OBJECTION)
    assert filled.code == 0, filled.text
    records = Journal(data_dir).records()
    assert [r.id for r in records][0] == earlier.id and records[1].state is State.CONFIRMED
    assert "line 2: skipped a garbled line" in capsys.readouterr().err


# -- an origin that is not Meta ---------------------------------------------------------------------------

@pytest.fixture
def elsewhere(playwright, browser_type_launch_args, monkeypatch):
    """A browser for which `replica.example` is the replica's address (Chromium's host resolver
    rules; nothing else resolves): a --base-url that is not this computer, served here."""
    import contextlib

    from meta_optout_assist.browser import launch as browser_module

    args = [*browser_type_launch_args.get("args", []),
            "--host-resolver-rules=MAP replica.example 127.0.0.1, MAP * ~NOTFOUND"]
    own = playwright.chromium.launch(**{**browser_type_launch_args, "args": args})

    @contextlib.contextmanager
    def context_there(_pw, _choice, *, headless, user_data_dir=None, locale=None):
        context = own.new_context()
        context.new_page()
        try:
            yield context
        finally:
            context.close()

    monkeypatch.setattr(browser_module, "open_context", context_there)
    yield browser_module.BrowserChoice(label="chromium (replica.example)")
    own.close()


def test_a_run_against_another_origin_never_says_by_meta(site, elsewhere, playwright, data_dir):
    from rich.console import Console

    from meta_optout_assist.inputs import build_request
    from meta_optout_assist.site import urls
    from meta_optout_assist.ui.progress import UI

    site.configure(simulate_person=True, person_delay_ms=0, require_login=False, cookie_banner="none")
    origin = site.base_url.replace("127.0.0.1", "replica.example")
    base = urls.check_base_url(origin, not_meta=True)
    options = filling.RunOptions(data_dir=data_dir, base_url=base, headless=True, assume_yes=True,
                                 wait_timeout_s=30, page_timeout_s=15, fresh_session=True)
    sink = io.StringIO()
    ui = UI(Console(file=sink, width=250), interactive=False, out=Console(file=sink, width=250))
    result = filling.fill_one(playwright, elsewhere, build_request(reason=REASON, **OBJECTION), options, ui)
    ui.summary([result], 0)
    said = sink.getvalue()

    assert len(_objections(site)) == 1
    assert result.outcome == "confirmed" and result.confirmed_by == origin
    assert "by Meta" not in said and "Meta confirmed" not in result.message
    assert f"Confirmed by {origin}" in said and f"confirmed by {origin}" in said.lower()
    assert f"what will be sent to {origin}" in said
    record = _record(data_dir)
    assert record.confirmed_by == origin and record.form_url.startswith(origin)
    manifest = json.loads((Path(record.receipt_dir) / "manifest.json").read_text())
    assert manifest["verification"]["confirmed_by"] == origin
    assert "Meta" not in manifest["verification"]["note"]


# -- every file the tool writes is 0600 -----------------------------------------------------------------

def test_the_network_log_is_private(site, context, page, tmp_path, monkeypatch):
    import stat

    from meta_optout_assist.browser import network
    from meta_optout_assist.site.urls import rewrite

    log = tmp_path / "requests.log"
    monkeypatch.setenv(network.LOG_ENV, str(log))
    network.install(context, network.NetworkPolicy(("facebook.com",), site.base_url))
    page.goto(rewrite("https://www.facebook.com/help/contact/510058597920541", site.base_url))
    assert "allow " in log.read_text()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600

    theirs = tmp_path / "theirs.log"  # a log the person made: its mode is theirs
    theirs.write_text("")
    theirs.chmod(0o644)
    monkeypatch.setenv(network.LOG_ENV, str(theirs))
    other = context.new_page()
    network.install(other.context, network.NetworkPolicy(("facebook.com",), site.base_url))
    other.goto(rewrite("https://www.facebook.com/help/contact/510058597920541", site.base_url))
    assert "allow " in theirs.read_text() and stat.S_IMODE(theirs.stat().st_mode) == 0o644
