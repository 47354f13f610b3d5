"""Nothing lost: `assist fill` killed (SIGKILL, no chance to clean up) at any moment, run after
run, leaves a journal that reads back whole, with every earlier record exactly as it was.

The kill points come from what the test sees the run do, not from guessed timings: a run goes
through phases that end in events the test observes (its record opens in the journal, the replica
serves the form to its browser, the journal records the filled form's receipt folder, the form
reaches the replica, the journal says submitted, then confirmed, the process exits). Two runs go
to the end and measure each phase; then every phase gets one run killed within it: the test waits
for the event that opens the phase and kills after a random fraction of the phase's measured
length, or at the event that ends it if that comes first. On a slow machine every phase is
slower, the kill lands later in seconds and at the same point of the run; and what the test
asserts holds whenever the kill lands, so no assertion depends on the machine's speed.

The journal starts with records in every state and a torn last line, as a power cut in the
middle of a write would leave it: every later run must append past it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from meta_optout_assist.store.journal import Journal, State

ROOT = Path(__file__).resolve().parents[2]
FORM_PATH = "/help/contact/712876720715583"
REACHES_S = 120.0  # a run that has not reached an event by then never will: it is broken, not slow
pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL and process sessions are POSIX")


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "ASSIST_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT / "src"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _start(site, data_dir: Path) -> subprocess.Popen:
    args = ["fill", "--platform", "facebook", "--email", "person@example.org", "--country", "DE",
            "--reason", "My posts are mine.", "--base-url", site.base_url, "--headless", "--yes",
            "--wait-timeout", "60", "--page-timeout", "60"]
    return subprocess.Popen([sys.executable, "-m", "meta_optout_assist", *args], env=_env(data_dir),
                            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


# -- what the test sees a run do ----------------------------------------------------------------------

def _lines(journal: Path, start: int) -> list[dict]:
    raw = journal.read_bytes()[start:] if journal.exists() else b""
    whole = raw[: raw.rfind(b"\n") + 1]  # a line still being written is not there yet
    return [json.loads(line) for line in whole.splitlines() if line.strip()]


def _states(lines: list[dict]) -> list[str]:
    return [line["fields"]["state"] for line in lines if "state" in line["fields"]]


@dataclass
class Run:
    """One `assist fill` run as the test observes it: its journal lines, the replica's events since
    it began, and when the test first saw each of EVENTS."""

    proc: subprocess.Popen
    journal: Path
    site: Any
    journal_from: int  # the journal's size when the run started
    events_from: int  # how many events the replica had recorded by then
    submissions_from: int
    began: float
    lines: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    submissions: int = 0
    exited: bool = False
    seen_at: dict[int, float] = field(default_factory=dict)

    def look(self) -> Run:
        self.exited = self.proc.poll() is not None  # first: nothing the run does can follow it
        self.lines = _lines(self.journal, self.journal_from)
        self.events = self.site.events[self.events_from:]
        self.submissions = len(self.site.submissions) - self.submissions_from
        now = time.monotonic()
        for index, (_, reached) in enumerate(EVENTS):
            if index not in self.seen_at and reached(self):
                self.seen_at[index] = now
        return self

    def wait_for(self, index: int, *, until: float = float("inf")) -> bool:
        """Look until the run reaches EVENTS[index] (True) or the clock reaches `until` (False).
        Fails if the run exits without reaching it, or never does."""
        deadline = time.monotonic() + REACHES_S
        while index not in self.look().seen_at:
            now = time.monotonic()
            if now >= until:
                return False
            if self.exited or now > deadline:
                err = self.proc.stderr.read().decode(errors="replace") if self.exited else ""
                pytest.fail(f"the run {'exited' if self.exited else 'stalled'} before {EVENTS[index][0]}: "
                            f"{err[-2000:]}")
            time.sleep(0.01)
        return True

    def start_of(self, phase: int) -> float:
        """When the phase began: the run's start, or the event that opens it."""
        return self.began if phase == 0 else self.seen_at[phase - 1]


# The events that end each phase, in the order every run reaches them (the last: the run exited).
EVENTS: list[tuple[str, Callable[[Run], bool]]] = [
    ("its record opened in the journal", lambda r: any(line["op"] == "start" for line in r.lines)),
    ("its browser asked for the form", lambda r: any(e.get("path") == FORM_PATH for e in r.events)),
    ("the filled form's receipt folder was recorded",
     lambda r: any("receipt_dir" in line["fields"] and line["op"] == "update" for line in r.lines)),
    ("the form reached the replica", lambda r: r.submissions > 0),
    ("the journal said submitted", lambda r: State.SUBMITTED.value in _states(r.lines)),
    ("the journal said confirmed", lambda r: State.CONFIRMED.value in _states(r.lines)),
    ("the run exited", lambda r: r.exited),
]
PHASES = ["starting"] + [f"after {name}" for name, _ in EVENTS[:-1]]  # phase i ends with EVENTS[i]


def _end_session(sid: int) -> None:
    """Stop what the killed run left (Playwright's driver, the browser) by the session this test
    created, and wait until it is gone, so the next run finds its browser profile free."""
    try:
        os.killpg(sid, signal.SIGKILL)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + REACHES_S
    while _session_alive(sid) and time.monotonic() < deadline:
        time.sleep(0.02)


def _session_alive(sid: int) -> bool:
    """Whether a process of the session still runs (zombies, already dead, do not count: where
    /proc is missing, i.e. macOS, launchd reaps them at once and a signal 0 tells)."""
    if not Path("/proc").is_dir():
        try:
            os.killpg(sid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()  # state, ppid, pgrp, session, ...
            if int(fields[3]) == sid and fields[0] != "Z":
                return True
        except (OSError, ValueError, IndexError):
            continue
    return False


def _snapshot(data_dir: Path) -> tuple[dict[str, dict], set[int]]:
    """Every record, and the numbers of the lines the journal had to skip."""
    journal = Journal(data_dir)
    records = {r.id: r.model_dump(mode="json") for r in journal.records()}
    return records, set(journal._warned)


def _history(site, data_dir: Path) -> tuple[Journal, set[int]]:
    """Earlier records in every kind of state, and a torn last line."""
    journal = Journal(data_dir)
    confirmed = journal.start(platform="facebook", country="DE", email="person@example.org",
                              form_url=site.base_url + FORM_PATH)
    journal.update(confirmed.id, state=State.SUBMITTED, locale="de")
    journal.update(confirmed.id, state=State.CONFIRMED, receipt_dir=str(data_dir / "receipts" / confirmed.id))
    failed = journal.start(platform="instagram", country="FR", email="a@example.org")
    journal.update(failed.id, state=State.FAILED, reason="timed out waiting for the login")
    honored = journal.start(platform="facebook", country="DE", email="b@example.org")
    journal.update(honored.id, state=State.SUBMITTED)
    journal.update(honored.id, state=State.HONORED, note="Meta's email of 3 March")
    with open(journal.path, "ab") as raw:
        raw.write(b'{"v":1,"op":"update","id":"' + honored.id.encode() + b'","at":"2025-')
    return journal, {journal.path.read_bytes().count(b"\n") + 1}


@pytest.mark.slow
def test_sigkill_at_any_moment_loses_no_record(site, data_dir):
    site.configure(simulate_person=True, person_delay_ms=0)
    rnd = random.Random()
    seed = rnd.randrange(2**32)
    rnd.seed(seed)
    journal, torn = _history(site, data_dir)
    earlier, skipped = _snapshot(data_dir)
    assert skipped == torn
    assert [r["state"] for r in earlier.values()] == ["confirmed", "failed", "honored"]

    def begin() -> Run:
        return Run(_start(site, data_dir), journal.path, site, journal.path.stat().st_size, len(site.events),
                   len(site.submissions), time.monotonic())

    def measure(run: Run, lengths: dict[int, float]) -> None:
        for phase in range(len(PHASES)):
            if phase in run.seen_at and (phase == 0 or phase - 1 in run.seen_at):
                lengths[phase] = run.seen_at[phase] - run.start_of(phase)

    # Runs to the end: how long each phase takes on this machine, now. The first also logs in; the
    # second, like every later run, finds the browser profile logged in, and measures (every later
    # run refines the lengths of the phases it went through).
    lengths: dict[int, float] = {}
    for _ in range(2):
        run = begin()
        run.wait_for(len(EVENTS) - 1)
        assert run.proc.returncode == 0, run.proc.stderr.read().decode(errors="replace")[-2000:]
        run.proc.stderr.close()
        measure(run, lengths)
    earlier, _ = _snapshot(data_dir)

    # One run killed within each phase, in random order: at a random fraction of the phase's length,
    # counted from the event that opened it, or at the event that ends it if that comes first.
    kills: list[str] = []
    for phase in rnd.sample(range(len(PHASES)), len(PHASES)):
        fraction = rnd.random()
        run = begin()
        try:
            if phase > 0:
                run.wait_for(phase - 1)
            kill_at = run.start_of(phase) + fraction * lengths[phase]
            ended = run.wait_for(phase, until=kill_at)
            if run.proc.poll() is None:
                run.proc.send_signal(signal.SIGKILL)
            code = run.proc.wait()
            what = "killed" if code == -signal.SIGKILL else f"finished first (exit {code})"
        finally:
            run.proc.stderr.close()
            _end_session(run.proc.pid)
        run.look()
        measure(run, lengths)
        had_record = 0 in run.seen_at
        last_state = (_states(run.lines) or [None])[-1]
        kills.append(f"{what} {PHASES[phase]}, {'at its end' if ended else f'{fraction:.0%} into it'}")

        # The journal reads back, and every record seen before is there, unchanged.
        # A kill cannot tear a line (each event is one small write): only the seeded torn line is
        # ever skipped, so every line a killed run wrote reads back.
        now, skipped = _snapshot(data_dir)
        context = f"seed {seed}, kills {kills}"
        lost = {rid for rid in earlier if rid not in now}
        changed = {rid for rid in earlier if rid in now and now[rid] != earlier[rid]}
        assert not lost and not changed, f"{context}: lost {lost}, changed {changed}"
        assert skipped == torn, f"{context}: lines skipped {skipped}, torn {torn}"
        # ...and what the killed run wrote reads back: a record once its first line was written,
        # in the last state its journal lines gave it.
        new = [now[rid] for rid in now if rid not in earlier]
        assert len(new) == (1 if had_record else 0), f"{context}: records added {new}"
        if new:
            assert new[0]["state"] == last_state, f"{context}: {new[0]['state']} read back, {last_state} written"
        earlier = now
    print("\n".join(kills))  # shown with pytest -rP: where each run was stopped
