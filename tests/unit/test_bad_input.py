"""Bad input exits 2 with a message naming the problem, before any browser opens.

Run in-process (tests/cli_inprocess.py: the same `cli.main`, Playwright replaced by a trap that
fails the test if a browser would open); one case runs the real command in a subprocess, for the
exit code and the absence of a traceback as a shell sees them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.cli_inprocess import run_cli

BASE = ["fill", "--platform", "facebook", "--base-url", "http://127.0.0.1:9", "--headless", "--yes"]
GOOD = {"--email": "person@example.org", "--country": "DE", "--reason": "My posts are mine."}


def args(**override: str | None) -> list[str]:
    values = {**GOOD, **{f"--{k.replace('_', '-')}": v for k, v in override.items()}}
    out = list(BASE)
    for flag, value in values.items():
        if value is not None:
            out += [flag, value]
    return out


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({"email": "not-an-email"}, "--email"),
        ({"email": "two@@example.org"}, "--email"),
        ({"country": "XX"}, "--country"),
        ({"country": "Atlantis"}, "--country"),
        ({"reason": None}, "reason is required"),
        ({"reason": "   "}, "reason is required"),
        ({"locale": "tlh"}, "--locale"),
        ({"reason_template": "no-such-template", "reason": None}, "--reason-template"),
        ({"base_url": "ftp://example.org"}, "--base-url"),
    ],
)
def test_bad_flag_exits_2_naming_it(no_browser, tmp_path: Path, override, expected):
    data_dir = tmp_path / "data"
    code, text = run_cli([*args(**override), "--data-dir", str(data_dir)])
    assert code == 2, text
    assert expected in text
    assert not (data_dir / "journal.jsonl").exists(), "nothing is written for bad input"


def test_bad_flag_in_the_real_command(assist, data_dir: Path):
    run = assist(*args(email="not-an-email"))
    assert run.code == 2, run.text
    assert "--email" in run.err and run.out == ""
    assert "Traceback" not in run.text
    assert not (data_dir / "journal.jsonl").exists(), "nothing is written for bad input"


def test_no_terminal_and_no_yes_refuses(no_browser):
    code, text = run_cli([a for a in args() if a != "--yes"])
    assert code == 2, text
    assert "--yes" in text


def _copy_selectors(tmp_path: Path) -> Path:
    src = Path(__file__).resolve().parents[2] / "selectors"
    dst = tmp_path / "selectors"
    shutil.copytree(src, dst)
    return dst


FORM = "forms/facebook-objection.yaml"


@pytest.mark.parametrize(
    ("name", "mutate", "expected"),
    [
        ("facebook.yaml", lambda t: t.replace("site: facebook", "site: [facebook"), "not valid YAML"),
        ("facebook.yaml", lambda t: t.replace("schema_version: 2", "schema_version: 99"), "schema_version"),
        (FORM, lambda t: t.replace("detect_by: email", "detect_by: e_mail"), "detect_by"),
        (FORM, lambda t: t.replace("schema_version: 2", "schema_version: 99"), "schema_version"),
        (FORM, lambda t: t.replace("{label: country}", "{label: contry}"), "'contry'"),
        (FORM, lambda t: t.replace("kind: choice", "kind: dropdown"), "kind"),
        (FORM, lambda t: t.replace("input: email", "input: e_mail"), "e_mail"),
        (FORM, lambda t: t.replace("https://www.facebook.com/help/contact/712876720715583",
                                   "http://www.facebook.com/help/contact/712876720715583"), "https://"),
    ],
)
def test_broken_selectors_file_names_file_and_key(no_browser, tmp_path, name, mutate, expected):
    folder = _copy_selectors(tmp_path)
    target = folder / name
    target.write_text(mutate(target.read_text(encoding="utf-8")), encoding="utf-8")
    code, text = run_cli([*args(), "--selectors", str(folder)])
    assert code == 2, text
    assert Path(name).name in text
    assert expected in text


def test_missing_selectors_folder(no_browser, tmp_path):
    code, text = run_cli([*args(), "--selectors", str(tmp_path / "nowhere")])
    assert code == 2, text
    assert "nowhere" in text and "not found" in text
