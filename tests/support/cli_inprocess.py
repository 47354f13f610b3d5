"""`assist` run in the test's own process, with Playwright replaced by a trap: for the many checks
of input that must stop before any browser opens (a subprocess per check costs ~0.5 s of start-up)."""

from __future__ import annotations

import contextlib
import io

import pytest


class BrowserOpened(BaseException):
    """Raised by the trap that replaces Playwright: a BaseException, so no `except Exception` in
    the tool can swallow it."""


@pytest.fixture
def no_browser(monkeypatch, tmp_path):
    """Playwright's entry point becomes a trap; the environment cannot point anywhere real."""
    import playwright.sync_api

    calls: list[str] = []

    def trap(*_a, **_k):
        calls.append("sync_playwright")
        raise BrowserOpened("a browser was about to open")

    monkeypatch.setattr(playwright.sync_api, "sync_playwright", trap)
    for var in ("ASSIST_BASE_URL", "ASSIST_SELECTORS", "ASSIST_BROWSER", "ASSIST_DATA_DIR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    # The consoles are made once per process: made anew here, they take this width whatever the
    # environment of the run that made them first (`make bench` sets COLUMNS=100).
    from meta_optout_assist.ui import terminal

    terminal.console_out.cache_clear()
    terminal.console_err.cache_clear()
    return calls


def run_cli(argv: list[str]) -> tuple[int | str, str]:
    """cli.main in-process; returns (exit code or 'browser', stderr+stdout). Anything else raises,
    so a traceback the real command would print fails the test."""
    from meta_optout_assist import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            cli.main(argv)
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
            return code, err.getvalue() + out.getvalue()
        except BrowserOpened:
            return "browser", err.getvalue() + out.getvalue()
    raise AssertionError("cli.main returned without exiting")
