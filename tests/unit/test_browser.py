"""Starting the browser: Playwright's compiled code is cached in a private folder, and which browser
a run takes (a window: the person's Chromium; --headless: a system headless shell when there is one)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME places the cache on Linux")
def test_node_compile_cache_is_private_and_an_existing_choice_is_kept(tmp_path, monkeypatch):
    from meta_optout_assist.browser import launch as browser

    monkeypatch.delenv("NODE_COMPILE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    browser.cache_node_compilation()
    folder = Path(os.environ["NODE_COMPILE_CACHE"])
    assert folder.is_dir() and folder.is_relative_to(tmp_path / "cache")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700

    monkeypatch.setenv("NODE_COMPILE_CACHE", str(tmp_path / "mine"))
    browser.cache_node_compilation()
    assert os.environ["NODE_COMPILE_CACHE"] == str(tmp_path / "mine")


# -- which browser: a headless run takes a system headless shell -------------------------------------


def _executable(path: Path) -> str:
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def this_machine(tmp_path, monkeypatch):
    """A machine with no Playwright browser, a system Chromium and a headless shell (both fakes:
    the choice is what is tested here; the suite itself runs in whatever is chosen for real)."""
    from types import SimpleNamespace

    from meta_optout_assist.browser import launch as browser

    monkeypatch.delenv(browser.BROWSER_ENV, raising=False)
    full = _executable(tmp_path / "chromium")
    shell = _executable(tmp_path / "chromium-headless-shell")
    monkeypatch.setattr(browser, "_SYSTEM_CANDIDATES", {key: [full] for key in ("linux", "darwin", "win32")})
    monkeypatch.setattr(browser, "_HEADLESS_SHELL_CANDIDATES", [shell])
    no_bundled = SimpleNamespace(chromium=SimpleNamespace(executable_path=str(tmp_path / "not-downloaded")))
    return SimpleNamespace(pw=no_bundled, full=full, shell=shell, browser=browser, monkeypatch=monkeypatch)


def test_a_headless_run_takes_the_headless_shell_and_a_window_the_full_browser(this_machine):
    m = this_machine
    assert m.browser.choose(m.pw, None, headless=True).executable == m.shell
    assert m.browser.choose(m.pw, None, headless=False).executable == m.full
    assert m.browser.choose(m.pw, None).executable == m.full  # a window unless told otherwise


def test_a_browser_asked_for_is_used_even_headless(this_machine, tmp_path):
    m = this_machine
    assert m.browser.choose(m.pw, "chromium", headless=True).executable == m.full
    other = _executable(tmp_path / "my-chrome")
    assert m.browser.choose(m.pw, other, headless=True).executable == other
    m.monkeypatch.setenv(m.browser.BROWSER_ENV, other)
    assert m.browser.choose(m.pw, None, headless=True).executable == other
    assert m.browser.choose(m.pw, "chrome", headless=True).channel == "chrome"


def test_without_a_headless_shell_a_headless_run_takes_the_full_browser(this_machine, tmp_path):
    m = this_machine
    m.monkeypatch.setattr(m.browser, "_HEADLESS_SHELL_CANDIDATES", [str(tmp_path / "absent")])
    assert m.browser.choose(m.pw, None, headless=True).executable == m.full


def test_playwrights_own_chromium_is_left_to_pick_its_own_shell(this_machine, tmp_path):
    m = this_machine
    m.pw.chromium.executable_path = _executable(tmp_path / "playwright-chrome")
    choice = m.browser.choose(m.pw, None, headless=True)
    assert choice.label == "Playwright Chromium" and choice.executable is None


def test_the_tests_run_in_what_assist_would_choose_headless(browser_type_launch_args, playwright):
    """The suite's browser is the one `assist fill --headless` takes on this machine."""
    from meta_optout_assist.browser import launch as browser

    headless = browser_type_launch_args["headless"]
    choice = browser.choose(playwright, None, headless=headless)
    assert browser_type_launch_args.get("executable_path") == choice.executable
    shell = browser._first_found(browser._HEADLESS_SHELL_CANDIDATES)
    if headless and shell and not Path(playwright.chromium.executable_path).is_file():
        assert choice.executable == shell
