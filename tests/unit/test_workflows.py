"""The GitHub workflows say what the README promises: the suite on Linux, macOS and Windows with
the oldest supported Python and the newest, and a weekly look at Meta's real pages judged by
scripts/drift_watch.py."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
NEWEST_PYTHON = (3, 15)  # the newest Python released when the workflow was last brought up to date


def _load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in str(text).split("."))


def test_ci_runs_the_suite_on_three_systems_with_the_oldest_and_newest_python():
    workflow = _load("ci.yml")
    assert {"push", "pull_request"} <= set(_triggers(workflow))
    job = workflow["jobs"]["test"]
    matrix = job["strategy"]["matrix"]
    systems = {re.sub(r"-.*", "", os) for os in matrix["os"]}
    assert systems == {"ubuntu", "macos", "windows"}
    pythons = sorted(_version(v) for v in matrix["python"])
    lowest = re.search(r'requires-python\s*=\s*">=\s*([\d.]+)"', (ROOT / "pyproject.toml").read_text())[1]
    assert len(pythons) == 2 and pythons[0] == _version(lowest)
    assert pythons[1] >= NEWEST_PYTHON
    assert job["strategy"]["fail-fast"] is False

    runs = "\n".join(_runs(job))
    assert "-c constraints.txt" in runs and ".[test]" in runs
    assert "playwright install --with-deps chromium" in runs  # Linux: with the system libraries
    assert re.search(r"playwright install chromium", runs)  # macOS and Windows
    pytest_runs = [r for r in _runs(job) if "pytest" in r]
    assert any(r.startswith("xvfb-run -a ") for r in pytest_runs)  # Linux's headed tests
    assert any(not r.startswith("xvfb-run") for r in pytest_runs)  # the desktops of macOS and Windows
    for run in pytest_runs:
        assert all(folder in run.split() for folder in ("tests/unit", "tests/pages", "tests/e2e")), run


def test_drift_watch_runs_weekly_and_on_demand_and_judges_the_live_doctor():
    workflow = _load("drift-watch.yml")
    triggers = _triggers(workflow)
    assert "workflow_dispatch" in triggers
    [schedule] = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert day == month == "*" and weekday not in ("*", "") and hour != "*"  # once a week
    runs = "\n".join(_runs(workflow["jobs"]["watch"]))
    assert re.search(r"assist doctor --live --headless --json\b", runs)
    assert "--base-url" not in runs  # Meta's real addresses
    assert "python scripts/drift_watch.py doctor.json" in runs
