"""scripts/drift_watch.py judges `assist doctor --live --json` reports: recorded from the replica in
states the real site could be in (tests/unit/data/doctor-reports/record.sh), and variants of them."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "drift_watch.py"
REPORTS = Path(__file__).parent / "data" / "doctor-reports"

_spec = importlib.util.spec_from_file_location("drift_watch", SCRIPT)
drift_watch = importlib.util.module_from_spec(_spec)
sys.modules["drift_watch"] = drift_watch  # its dataclasses look their module up
_spec.loader.exec_module(drift_watch)


def _report(name: str) -> dict:
    return json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))


def _watch(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT)


@pytest.mark.parametrize(("name", "code", "says"), [
    ("all-fine", 0, "No drift: all 11 addresses look as the tool knows them"),
    ("one-address-gone", 1, "/help/contact/712876720715583: gone: this address no longer answers"),
    ("form-not-understood", 1, "/help/contact/6359191084165019: not understood: no page the tool knows"),
    ("fields-missing", 1, "/help/contact/712876720715583: fields not found: country"),
    ("browser-fails", 2, "Could not judge: Browser: the browser (/bin/false) did not start"),
    ("unreachable", 2, "Could not judge: no address could be opened"),
])
def test_recorded_reports(name, code, says):
    run = _watch(str(REPORTS / f"{name}.json"))
    assert run.returncode == code, run.stdout + run.stderr
    assert says in run.stdout


def test_what_drifted_is_listed_and_only_that():
    verdict = drift_watch.judge(_report("form-not-understood"))
    assert [line.split(":")[-2].strip() for line in verdict.drifted] == ["not understood", "not understood"]
    assert len(verdict.drifted) == 2 and not verdict.unreached
    text = drift_watch.render(verdict)
    assert text.startswith("DRIFT: 2 of 8 addresses")
    assert "Update selectors/" in text


def test_a_login_wall_is_normal_and_a_gone_fallback_is_a_note():
    report = _report("all-fine")
    assert sum(r["outcome"] == "login needed" for r in report["live"]) == 4  # both platforms' objection forms
    verdict = drift_watch.judge(report)
    assert verdict.code == 0 and not verdict.drifted
    assert any("1266025207620918" in note and "fallback address is gone" in note for note in verdict.notes)
    assert any("knowledge (2. way" in note for note in verdict.notes)  # the first strategy no longer matches


def test_every_route_to_a_form_gone_is_drift_even_for_a_fallback():
    report = _report("all-fine")
    for entry in report["live"]:
        if entry["form"] == "third-party" and entry["outcome"] == "gone":
            entry["status"] = "fail"  # the doctor's verdict when no other route works
    assert drift_watch.judge(report).code == 1


@pytest.mark.parametrize(("outcome", "code"), [
    ("unexpected page", 1), ("no link", 1), ("something new", 1),  # a changed page
    ("error page", 0), ("unreachable", 0), ("error", 0),  # Meta or the network, not a changed page
])
def test_each_outcome(outcome, code):
    report = _report("all-fine")
    report["live"][2]["outcome"] = outcome  # the gate page
    verdict = drift_watch.judge(report)
    assert verdict.code == code, drift_watch.render(verdict)


def test_an_email_field_not_found_is_drift():
    report = _report("all-fine")
    third_party = next(r for r in report["live"] if r["form"] == "third-party" and r["outcome"] == "form")
    third_party["fields"]["email"] = {"found": False, "way": None, "how": None}
    third_party["status"] = "fail"
    [line] = drift_watch.judge(report).drifted
    assert "fields not found: email" in line


def test_reads_stdin_and_writes_the_job_summary(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("before\n", encoding="utf-8")
    run = _watch("--markdown", str(summary), stdin=(REPORTS / "one-address-gone.json").read_text(encoding="utf-8"))
    assert run.returncode == 1
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("before\n## Drift watch\n") and "gone" in written


@pytest.mark.parametrize("text", ["", "not json", "[]", json.dumps({"checks": []})])
def test_no_usable_report_cannot_be_judged(text):
    run = _watch(stdin=text)
    assert run.returncode == 2 and run.stdout.startswith("Could not judge")


def test_a_missing_file_cannot_be_judged(tmp_path):
    run = _watch(str(tmp_path / "absent.json"))
    assert run.returncode == 2 and "cannot read" in run.stderr


def test_the_recorded_reports_are_the_doctors_own_shape():
    """Each fixture is a real `assist doctor --json` output: the keys the watch reads are there."""
    from meta_optout_assist.doctor.address import AddressReport
    from meta_optout_assist.doctor.verdict import Check

    address_keys = set(AddressReport("p", "f", "k", "a").as_json())
    check_keys = set(Check("c", "ok", "d").as_json())
    for path in REPORTS.glob("*.json"):
        report = json.loads(path.read_text(encoding="utf-8"))
        assert all(set(c) == check_keys for c in report["checks"]), path
        assert all(set(r) == address_keys for r in report.get("live", [])), path
