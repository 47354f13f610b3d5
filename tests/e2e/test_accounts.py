"""Several accounts and both platforms in one `assist fill` run (issue 3, item 7), through the real
command against the replica, which plays the person (logs in, types the emailed code).

Profiles are what name accounts, and they live in the OS keyring; the `assist` subprocess cannot
see the test's in-memory keyring, so these tests save profiles in a test-only file-backed keyring
(tests/file_keyring.py, a 0600 file in tmp_path) that both processes use.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meta_optout_assist.browser.launch import choose as choose_browser
from meta_optout_assist.store.profiles import add_profile, build_profile
from tests.support.file_keyring import file_keyring
from tests.support.posix import has_mode

TEMPLATE = "art21-particular-situation"


def _fill(site, *extra: str) -> list[str]:
    return ["fill", "--base-url", site.base_url, "--headless", "--yes",
            "--wait-timeout", "30", "--page-timeout", "10", *extra]


def _logins(site) -> list[dict]:
    return [e for e in site.events if e["type"] == "login"]


@pytest.mark.slow
def test_two_accounts_both_platforms_one_run_then_still_logged_in(
        site, assist, data_dir: Path, tmp_path: Path, person_browser: str, playwright):
    """alice (DE) and nora (NO) on Facebook and Instagram in one run. Meta's 2024 form has no
    Norway in its country list (as reported), so nora's forms fail while alice's are confirmed;
    each account+platform logs in in its own browser profile, and a second run for alice goes
    straight to the form. The first run is in what --headless takes (the headless shell where
    there is one), the second in the person's own browser (a full Chromium): the login the one
    kept holds in the other (both keep cookies under Playwright's basic password store)."""
    site.configure(simulate_person=True, person_delay_ms=0)
    with file_keyring(tmp_path / "keyring.json") as env:
        add_profile(data_dir, build_profile(name="alice", email="alice@example.org", country="DE",
                                            reason_template=TEMPLATE))
        add_profile(data_dir, build_profile(name="nora", email="nora@example.org", country="NO",
                                            reason_template=TEMPLATE))

    run = assist(*_fill(site, "--platform", "all", "--profile", "alice", "--profile", "nora", "--json"),
                 env=env)

    # The first form that did not go through sets the exit code: nora's, page not understood.
    assert run.code == 3, run.text
    results = json.loads(run.out)  # stdout is the JSON and nothing else
    assert [(r["account"], r["platform"], r["outcome"], r["exit_code"]) for r in results] == [
        ("alice", "facebook", "confirmed", 0), ("alice", "instagram", "confirmed", 0),
        ("nora", "facebook", "not-understood", 3), ("nora", "instagram", "not-understood", 3),
    ]
    for r in results:
        assert set(r) >= {"account", "platform", "form", "outcome", "exit_code", "record_id",
                          "receipt_dir", "message"}
        assert r["form"] == "objection" and r["record_id"]
    assert all(Path(r["receipt_dir"]).is_dir() for r in results[:2])
    assert "Norway" in results[2]["message"] and results[2]["receipt_dir"] is None
    assert "Error: nora · facebook:" in run.err  # said when it happened, and the run went on

    # Exactly alice's two objections reached Meta, one per platform.
    sent = sorted((s["form"], s["fields"]["email"], s["status"]) for s in site.submissions)
    assert sent == [("facebook-objection", "alice@example.org", "confirmed"),
                    ("instagram-objection", "alice@example.org", "confirmed")]

    # Never shared: every account+platform had to log in in its own profile (4 logins, not 2)...
    assert sorted(e["platform"] for e in _logins(site)) == ["facebook", "facebook", "instagram", "instagram"]
    profiles = data_dir / "browser-profiles"
    assert sorted(p.name for p in profiles.iterdir()) == [
        "alice--facebook", "alice--instagram", "nora--facebook", "nora--instagram"]
    assert has_mode(profiles, 0o700)
    assert all(has_mode(p, 0o700) for p in profiles.iterdir())
    # A second run for alice: still logged in (no login page, no login), straight to the form.
    logins_before = len(_logins(site))
    again = assist(*_fill(site, "--platform", "facebook", "--profile", "alice", "--browser", person_browser),
                   env=env)
    assert again.code == 0, again.text
    assert f"Opening the form ({choose_browser(playwright, None, headless=True).label})" in run.err
    assert f"Opening the form ({person_browser})" in again.err
    assert len(_logins(site)) == logins_before
    assert "Log in to" not in again.err
    assert site.submissions[-1]["status"] == "confirmed"
    # Without --json the result is a table on stdout.
    assert "Result" in again.out and "alice" in again.out and "confirmed" in again.out
    assert "Confirmed by Meta." in again.out


# -- the pieces, without a browser -----------------------------------------------------------------


@pytest.mark.parametrize(("codes", "expected"), [([0, 0], 0), ([0, 3, 5], 3), ([130, 0], 130), ([], 0)])
def test_exit_code_is_the_first_form_that_did_not_go_through(codes, expected):
    from meta_optout_assist.flow.filling import FillResult, exit_code

    assert exit_code([FillResult(None, "x", c) for c in codes]) == expected  # type: ignore[arg-type]


def test_requests_one_per_account_and_platform(data_dir: Path, tmp_path: Path):
    from meta_optout_assist.cli.fill import _plan, _requests
    from meta_optout_assist.flow.filling import trace_path
    from meta_optout_assist.site import registry

    with file_keyring(tmp_path / "keyring.json"):
        add_profile(data_dir, build_profile(name="alice", email="alice@example.org", country="DE"))
        add_profile(data_dir, build_profile(name="bob", email="bob@example.org", country="FR"))
        given = {"reason": "Mine, not training data.", "email": None, "country": None}
        # --platform all: WhatsApp's form needs a phone, which neither profile has: skipped.
        reqs = _requests(data_dir, _plan(registry.load(), "all", "objection"), "objection",
                         ["alice", "bob", "alice"], None, given=given, every_platform=True)
        assert [(r.account, r.platform, r.email) for r in reqs] == [
            ("alice", "facebook", "alice@example.org"), ("alice", "instagram", "alice@example.org"),
            ("bob", "facebook", "bob@example.org"), ("bob", "instagram", "bob@example.org")]
        # A flag given on the command line wins over every profile's value.
        reqs = _requests(data_dir, ["facebook"], "objection", ["alice", "bob"], None,
                         given={**given, "country": "IE"})
        assert [r.country for r in reqs] == ["IE", "IE"]
    assert trace_path(tmp_path / "t.zip", reqs[0], False) == tmp_path / "t.zip"
    assert trace_path(tmp_path / "t.zip", reqs[1], True) == tmp_path / "t-bob-facebook.zip"


def test_a_closed_window_is_an_abort_not_a_crash():
    from meta_optout_assist.errors import ExitCode
    from meta_optout_assist.flow.filling import _closed_browser

    err = _closed_browser(Exception("Locator.wait_for: Target page, context or browser has been closed"), None)
    assert err is not None and err.exit_code == ExitCode.ABORTED and "nothing was sent" in err.message
    assert _closed_browser(Exception("Timeout 1000ms exceeded"), None) is None
