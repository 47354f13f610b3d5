"""Nothing lost: `assist fill` killed (SIGKILL, no chance to clean up) at random moments, run after
run, leaves a journal that reads back whole, with every earlier record exactly as it was.

Up to six runs (at least four; no new one starts after BUDGET_S seconds), each killed at a random
moment within the time a run takes: while Python starts, while the browser starts, while the
journal is written, while the form is filled or sent (a run that finishes first is a completed
run). The journal starts with records in every state and a torn last line, as a power cut in the
middle of a write would leave it: every later run must append past it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from meta_optout_assist.store.journal import Journal, State

ROOT = Path(__file__).resolve().parents[2]
KILLS = 6
RUN_S = 4.5  # about how long one run takes here (the replica plays the person at once)
BUDGET_S = 8.0  # wall time for the kills: past it, no new run starts (once 4 were killed)


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "ASSIST_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT / "src"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _start(site, data_dir: Path) -> subprocess.Popen:
    args = ["fill", "--platform", "facebook", "--email", "person@example.org", "--country", "DE",
            "--reason", "My posts are mine.", "--base-url", site.base_url, "--headless", "--yes",
            "--wait-timeout", "30", "--page-timeout", "10"]
    return subprocess.Popen([sys.executable, "-m", "meta_optout_assist", *args], env=_env(data_dir),
                            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def _end_session(pid: int) -> None:
    """Stop what the killed run left (Playwright's driver, the browser: they would exit on their own
    within seconds) by the session id this test created, so the next run starts at once."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 5
    while _session_members(pid) and time.monotonic() < deadline:
        time.sleep(0.02)


def _session_members(sid: int) -> list[int]:
    """Live processes of a session (zombies, already dead, do not count)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()  # state, ppid, pgrp, session, ...
            if int(fields[3]) == sid and fields[0] != "Z":
                members.append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return members


def _snapshot(data_dir: Path) -> tuple[dict[str, dict], set[int]]:
    """Every record, and the numbers of the lines the journal had to skip."""
    journal = Journal(data_dir)
    records = {r.id: r.model_dump(mode="json") for r in journal.records()}
    return records, set(journal._warned)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to follow the run's processes")
def test_sigkill_at_random_moments_loses_no_record(site, data_dir):
    site.configure(simulate_person=True, person_delay_ms=0)
    rnd = random.Random()
    seed = rnd.randrange(2**32)
    rnd.seed(seed)

    # Earlier history: records in every kind of state, and a torn last line.
    journal = Journal(data_dir)
    confirmed = journal.start(platform="facebook", country="DE", email="person@example.org",
                              form_url=site.base_url + "/help/contact/712876720715583")
    journal.update(confirmed.id, state=State.SUBMITTED, locale="de")
    journal.update(confirmed.id, state=State.CONFIRMED, receipt_dir=str(data_dir / "receipts" / confirmed.id))
    failed = journal.start(platform="instagram", country="FR", email="a@example.org")
    journal.update(failed.id, state=State.FAILED, reason="timed out waiting for the login")
    honored = journal.start(platform="facebook", country="DE", email="b@example.org")
    journal.update(honored.id, state=State.SUBMITTED)
    journal.update(honored.id, state=State.HONORED, note="Meta's email of 3 March")
    with open(journal.path, "ab") as raw:
        raw.write(b'{"v":1,"op":"update","id":"' + honored.id.encode() + b'","at":"2025-')
    torn = {journal.path.read_bytes().count(b"\n") + 1}
    earlier, skipped = _snapshot(data_dir)
    assert skipped == torn
    assert [r["state"] for r in earlier.values()] == ["confirmed", "failed", "honored"]

    kills: list[str] = []
    started = time.monotonic()
    for i in range(KILLS):
        if i >= 4 and time.monotonic() - started > BUDGET_S:
            break
        delay = rnd.uniform(0.05, RUN_S)
        size_before = journal.path.stat().st_size
        proc = _start(site, data_dir)
        try:
            proc.wait(timeout=delay)
            kills.append(f"{delay:.2f}s: finished first (exit {proc.returncode})")
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills.append(f"{delay:.2f}s: killed")
        proc.stderr.close()
        _end_session(proc.pid)

        # The journal reads back, and every record seen before is there, unchanged.
        # A kill cannot tear a line (each event is one small write): only the seeded torn line is
        # ever skipped, so every line a killed run wrote reads back.
        now, skipped = _snapshot(data_dir)
        lost = {rid for rid in earlier if rid not in now}
        changed = {rid for rid in earlier if rid in now and now[rid] != earlier[rid]}
        assert not lost and not changed, (f"seed {seed}, kills {kills}: lost {lost}, changed {changed}")
        assert skipped == torn, f"seed {seed}, kills {kills}: lines skipped {skipped}, torn {torn}"
        # ...and what the killed run wrote reads back: its first event opens a new record.
        if journal.path.stat().st_size > size_before:
            assert len(now) == len(earlier) + 1, f"seed {seed}, kills {kills}: the run's record is lost"
        earlier = now

    # Some runs got as far as the journal (unless every kill came within the first second).
    assert len(earlier) > 3 or all(k.startswith("0.") for k in kills), (seed, kills)
