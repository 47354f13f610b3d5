"""Secrets at rest: the password the person types to log in and the code Meta emails never end up in
any file under the data dir (journal, receipts, diagnostics, the browser profile), nor in the
tool's output; no trace is recorded unless asked for.

The replica plays the person with canary values (a random password, the codes it issues), so
every byte the run leaves behind can be searched for them, in the encodings Chromium writes (UTF-8,
UTF-16, URL-encoded). Chromium's own stores that are encrypted or hashed cannot be searched that
way, so the test also checks they hold nothing: no saved login, no autocomplete entry, no session
files (quiet_browser.py turns them off). The diagnostics bundle of a page the tool did not
understand, written right after the person logged in, is searched the same way in
tests/e2e/test_fill.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from meta_optout_assist.browser import quiet as quiet_browser
from tests.support.posix import has_mode
from tests.support.values import EMAIL, REASON, canary, files_holding


def fill_args(site, *extra: str) -> list[str]:
    return ["fill", "--platform", "facebook", "--email", EMAIL, "--country", "DE", "--reason", REASON,
            "--base-url", site.base_url, "--headless", "--yes", "--wait-timeout", "60", "--page-timeout", "15",
            *extra]






def _rows(db: Path, query: str) -> list:
    if not db.exists():
        return []
    with sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True) as conn:
        return conn.execute(query).fetchall()




@pytest.mark.slow
def test_password_and_code_are_nowhere_after_a_full_run(site, assist, data_dir, person_browser):
    password = canary()
    site.configure(simulate_person=True, person_delay_ms=0, person_password=password, code_expired_first=True)
    # The person's own browser (a full Chromium): what it keeps on disk is what is checked here.
    run = assist(*fill_args(site, "--browser", person_browser))
    assert run.code == 0, run.text
    codes = site.issued_codes
    assert len(codes) == 2, "the person typed an expired code, then the new one"
    assert any(e["type"] == "login" for e in site.events), "the person logged in (with the canary)"

    secret_values = {"password": password, **{f"code {c}": c for c in codes}}
    assert files_holding(data_dir, secret_values) == []
    assert not any(value in run.out + run.err for value in secret_values.values())

    # What cannot be searched because Chromium encrypts or hashes it must be empty.
    default = next((data_dir / "browser-profiles").glob("*facebook*")) / "Default"
    assert _rows(default / "Login Data", "SELECT origin_url FROM logins") == [], "a saved login"
    assert _rows(default / "Web Data", "SELECT name FROM autofill") == [], "remembered form entries"
    for name in quiet_browser.SESSION_DIRS:
        assert not (default / name).is_dir(), f"session restore wrote {name}/ (it holds typed values)"
    # The profile holds the login cookies: private to the person.
    assert has_mode(default.parent, 0o700)

    # No trace or HAR was recorded: none was asked for.
    recorded = [p.name for p in data_dir.rglob("*") if p.suffix in (".zip", ".har", ".trace")
                or "trace" in p.name.lower()]
    assert recorded == []
