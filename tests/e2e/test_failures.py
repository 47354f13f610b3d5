"""Failures a person understands, through the real command (issue 21, part 3): no display is said
before a browser starts, a missing browser is another message, Meta unreachable is exit 5 with the
cause in one line and no traceback."""

from __future__ import annotations

import socket

import pytest

from tests.support.values import EMAIL, journal


def _args(base_url: str, *extra: str) -> list[str]:
    return ["fill", "--platform", "instagram", "--email", EMAIL, "--country", "DE",
            "--reason-template", "art21-particular-situation", "--base-url", base_url, "--yes",
            "--wait-timeout", "30", "--page-timeout", "10", *extra]


def _closed_port() -> int:
    """A port nothing listens on (the OS just handed it out and it was closed again)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_no_display_is_said_before_the_browser_starts(site, assist, data_dir):
    run = assist(*_args(site.base_url), env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert run.code == 2, run.text
    assert "no display" in run.err
    assert "xvfb-run -a" in run.err and "--headless" in run.err
    assert "install a browser" not in run.err and "did not start" not in run.err
    assert "Traceback" not in run.text
    # Nothing started: no request reached the replica, no record, no browser profile.
    assert site.events == [] and site.submissions == []
    assert not (data_dir / "browser-profiles").exists()
    assert journal(data_dir) == []


def test_a_missing_browser_is_another_message(site, assist, tmp_path):
    run = assist(*_args(site.base_url, "--headless", "--browser", str(tmp_path / "no-such-chrome")))
    assert run.code == 2, run.text
    assert "no such browser" in run.err and "assist install-browser" in run.err
    assert "no display" not in run.err and "Traceback" not in run.text


@pytest.mark.slow
def test_an_unreachable_site_is_exit_5_with_the_cause(assist, data_dir):
    run = assist(*_args(f"http://127.0.0.1:{_closed_port()}", "--headless"))
    assert run.code == 5, run.text
    lines = [line for line in run.err.splitlines() if line.startswith("Error:")]
    assert lines and "could not reach 127.0.0.1:" in lines[0]
    assert "refused" in run.err.replace("\n", " ") and "ERR_CONNECTION_REFUSED" in run.err.replace("\n", "")
    assert "Traceback" not in run.text and "bug" not in run.text.lower() and "internal error" not in run.text
    assert "nothing was sent" in run.err.replace("\n", " ")
    assert "unreachable" in run.out  # the result's outcome
    assert [r["state"] for r in journal(data_dir)] == ["failed"]
