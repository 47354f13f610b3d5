"""What the person sees (issue 7, item 3): the step list with elapsed times, prompts that say what
to do and where, the bell, the review with every value in full, --quiet, --json, --trace, shell
completion and --help examples on every command."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console

from meta_optout_assist.ui.progress import UI, clock, ticking_clock
from tests.support.posix import has_mode

EMAIL = "person@example.org"
TEMPLATE = "art21-particular-situation"


def _words(text: str) -> str:
    return " ".join(text.split())


def _in_order(text: str, phrases: list[str]) -> None:
    """Each phrase appears after the previous one (whitespace-insensitive: the console wraps)."""
    text, at = _words(text), 0
    for phrase in map(_words, phrases):
        found = text.find(phrase, at)
        assert found >= 0, f"{phrase!r} missing (or out of order) after position {at} in:\n{text}"
        at = found + len(phrase)


# -- the real command, end to end ---------------------------------------------------------------


@pytest.mark.slow
def test_fill_reads_as_documented_with_trace(site, assist, data_dir: Path, tmp_path: Path):
    """One run through every phase: the step list in order with elapsed times, the prompts and the
    window they refer to, the review with the template's full text, the summary on stdout; --trace
    warns and writes a 0600 trace; --fresh-session keeps no browser profile."""
    # The simulated person acts once the tool has told them to (a cue per step), so both waits for
    # the person really happen, however slow the machine.
    site.configure(simulate_person=True, person_delay_ms=100, person_waits_for_cue=True)

    def cue(line: str) -> None:
        if line.startswith(("→ Log in to Facebook", "→ Meta emailed a code")):
            site.cue_person()

    trace = tmp_path / "run-trace.zip"
    run = assist("fill", "--platform", "facebook", "--email", EMAIL, "--country", "DE",
                 "--reason-template", TEMPLATE, "--base-url", site.base_url, "--headless", "--yes",
                 "--wait-timeout", "30", "--page-timeout", "10", "--fresh-session",
                 "--trace", str(trace), on_err_line=cue)
    assert run.code == 0, run.text
    err = run.err
    _in_order(err, [
        "--trace: the trace records", "password", "emailed code", "0600",
        "Facebook · objection form · account default",
        "✓ Opening the form", "✓ Declined optional cookies",
        "→ Log in to Facebook in the browser window", "Where: no window is shown (--headless)",
        "✓ Logged in to Facebook", "you took",
        "✓ Filled the form",
        "Review — what will be sent to Meta (Facebook · account default)",
        "✓ Sent the form",
        "→ Meta emailed a code to person@example.org", "Type it into the browser window",
        "✓ Code", "✓ Confirmed by Meta",  # "Code accepted" or "Code entered": pages/ words it
    ])
    steps = [line for line in err.splitlines() if line.startswith("✓")]
    assert steps and all(re.search(r"\d\d:\d\d", line) for line in steps), steps
    assert "\a" not in err  # no bell into a pipe or a log

    # The review showed the reason the page received, in full (the template is long).
    from meta_optout_assist.store.journal import Journal

    (record,) = Journal(data_dir).records()
    sent = (Path(record.receipt_dir) / "sent.json").read_text(encoding="utf-8")
    import json

    reason = json.loads(sent)["reason"]
    assert len(reason) > 500
    assert _words(reason) in _words(err)
    assert _words(site.submissions[-1]["fields"]["reason"]) == _words(reason)  # a form posts CRLF

    # The result is on stdout: a table, the receipt, a verdict.
    _in_order(run.out, ["Result", "default", "facebook", "objection", "confirmed", record.id,
                        "Receipt (default · facebook):", "Confirmed by Meta."])

    # --trace: a Playwright trace with screenshots and snapshots, readable by the owner only.
    assert has_mode(trace, 0o600)
    with zipfile.ZipFile(trace) as z:
        names = z.namelist()
    assert any(n.endswith(".trace") for n in names) and any(n.endswith(".jpeg") for n in names)
    assert not list(tmp_path.glob(".assist-trace-*")), "the staging folder is removed"
    # --fresh-session: a throwaway browser profile, nothing kept.
    assert not (data_dir / "browser-profiles").exists()


def test_json_with_bad_input_prints_nothing_on_stdout(assist, tmp_path: Path):
    run = assist("fill", "--platform", "facebook", "--email", EMAIL, "--country", "DE", "--reason",
                 "Mine.", "--base-url", "http://127.0.0.1:9", "--yes", "--json", "--trace", str(tmp_path))
    assert run.code == 2, run.text
    assert run.out == ""
    assert "--trace" in run.err and "directory" in run.err


# -- the terminal, without a browser -------------------------------------------------------------


def _ui(*, quiet: bool = False, terminal: bool = False) -> tuple[UI, io.StringIO, io.StringIO]:
    err, out = io.StringIO(), io.StringIO()
    ui = UI(Console(file=err, width=100, force_terminal=terminal, color_system=None),
            out=Console(file=out, width=100), quiet=quiet, interactive=False)
    return ui, err, out


@dataclass
class _Result:
    account: str
    platform: str
    form: str
    outcome: str
    exit_code: int
    message: str = ""
    record_id: str | None = None
    receipt_dir: str | None = None
    confirmed_by: str | None = None


def _play(ui: UI) -> None:
    ui.begin(account="alice", platform="Facebook", form="objection", browser="chromium", headless=False,
             email="alice@example.org")
    ui.step("Opening the form (chromium)")
    ui.info("That form address no longer answers; trying the next one.")
    with ui.waiting_for_person("Log in to Facebook in the browser window.", step="Waiting for you to log in"):
        pass
    ui.step("Logged in to Facebook")
    ui.review([("Email", EMAIL), ("Reason", "word " * 300)], ask=False)
    ui.warn("The email field is fixed by Meta")
    ui.failure("Meta refused the request", hint="keep the receipt", where="alice · Facebook")
    ui.summary([_Result("alice", "facebook", "objection", "confirmed", 0, record_id="20260101-aaaaaa",
                        receipt_dir="/data/receipts/20260101-aaaaaa"),
                _Result("bob", "facebook", "objection", "refused", 5, "Meta refused the request",
                        record_id="20260101-bbbbbb")], 5)


def test_step_list_prompt_and_window(monkeypatch):
    from types import SimpleNamespace

    from meta_optout_assist.ui import progress

    # The clock stands still: the step times read 00:00 however long the machine takes to play it.
    monkeypatch.setattr(progress, "time", SimpleNamespace(monotonic=lambda: 1000.0))
    ui, err, out = _ui()
    _play(ui)
    text = err.getvalue()
    _in_order(text, ["Facebook · objection form · account alice", "✓ Opening the form (chromium)  00:00",
                     "trying the next one", "→ Log in to Facebook in the browser window.",
                     "Where: the browser window this command opened for account 'alice' (alice@example.org) "
                     "on Facebook (chromium).",
                     "✓ Logged in to Facebook  00:00 · you took 00:00",
                     "Review — what will be sent to Meta (Facebook · account alice):",
                     "! The email field is fixed by Meta", "Error: alice · Facebook: Meta refused the request",
                     "What to do: keep the receipt"])
    assert _words("word " * 300) in _words(text)  # the review never shortens a value
    _in_order(out.getvalue(), ["Result", "alice", "confirmed", "20260101-aaaaaa", "bob", "refused",
                               "Receipt (alice · facebook): /data/receipts/20260101-aaaaaa",
                               "✗ bob · facebook: Meta refused the request", "1 of 2 went through; exit code 5"])


def test_quiet_keeps_only_what_the_person_must_act_on_errors_and_the_result():
    ui, err, out = _ui(quiet=True)
    _play(ui)
    text = err.getvalue()
    assert "Log in to Facebook in the browser window." in text  # the person must still be told
    assert "Error: alice · Facebook: Meta refused the request" in text
    assert "! The email field is fixed by Meta" in text
    for chatter in ("✓", "Opening the form", "trying the next one", "Review", "objection form"):
        assert chatter not in text
    assert "1 of 2 went through" in out.getvalue()


def test_bell_and_ticking_clock_on_a_terminal():
    ui, err, _ = _ui(terminal=True)
    with ui.waiting_for_person("Type the code into the browser window.", step="Waiting for the code"):
        pass
    assert "\a" in err.getvalue()
    ui, err, _ = _ui(terminal=False)
    with ui.waiting_for_person("Type the code into the browser window.", step="Waiting for the code"):
        pass
    assert "\a" not in err.getvalue()

    @dataclass
    class Task:
        elapsed: float

    assert str(ticking_clock().render(Task(133.4))) == "(02:13)"
    assert [clock(s) for s in (0, 7, 133, 3665)] == ["00:00", "00:07", "02:13", "61:05"]


def test_all_confirmed_verdict():
    ui, _, out = _ui()
    ui.summary([_Result("a", "facebook", "objection", "confirmed", 0),
                _Result("a", "instagram", "objection", "confirmed", 0)], 0)
    assert "All 2 confirmed by Meta." in out.getvalue()


# -- help and completion -------------------------------------------------------------------------


def _commands():
    import typer.main

    from meta_optout_assist.cli import _register, app

    _register()
    group = typer.main.get_command(app)

    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, [*path, name])
        else:
            yield path

    return list(walk(group, []))


def test_every_command_has_help_with_an_example():
    from typer.testing import CliRunner

    from meta_optout_assist.cli import app

    commands = _commands()
    expected = {("fill",), ("forms",), ("reasons",), ("status",), ("mark",), ("export",), ("receipt",),
                ("escalate",), ("forget",), ("profile", "add"), ("profile", "list"), ("profile", "show"),
                ("profile", "remove")}
    assert expected <= {tuple(c) for c in commands}
    runner = CliRunner()
    for path in commands:
        result = runner.invoke(app, [*path, "--help"], prog_name="assist", env={"COLUMNS": "160"})
        assert result.exit_code == 0, (path, result.output)
        assert re.search(r"Examples?:", result.output), f"`assist {' '.join(path)} --help` has no example"
        assert f"assist {path[0]}" in result.output


def test_shell_completion(tmp_path: Path):
    """typer's completion (what --install-completion wires into the shell) answers for `assist`:
    commands, options, choices, and the saved profile names for --profile."""
    from typer.testing import CliRunner

    from meta_optout_assist.cli import _register, app

    _register()
    (tmp_path / "profiles.json").write_text('{"version": 1, "profiles": ["alice", "bob"]}')

    def complete(line: str) -> list[str]:
        words = line.split(" ")
        result = CliRunner().invoke(app, [], prog_name="assist", env={
            "_ASSIST_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1),
            "ASSIST_DATA_DIR": str(tmp_path)})
        return result.output.split()

    assert "fill" in complete("assist fi")
    assert "--platform" in complete("assist fill --pl")
    assert complete("assist fill --platform ") == ["facebook", "instagram", "whatsapp", "all"]
    assert complete("assist fill --profile ") == ["alice", "bob"]
    assert "art21-particular-situation" in complete("assist fill --reason-template ")
    # The shell is named, not detected from whatever runs the tests (sh under make, bash here);
    # typer reads that switch when it builds the command, so it takes a process of its own.
    import os
    import subprocess
    import sys

    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    script = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv[0] = 'assist'; from meta_optout_assist.cli import main; main()",
         "--show-completion", "bash"], capture_output=True, text=True, env=env, check=False).stdout
    assert "_assist_completion" in script and "_ASSIST_COMPLETE" in script
