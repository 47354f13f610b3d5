"""A snap-confined browser (Ubuntu's Chromium) gets its persistent profile where the snap can reach
it: the real browser is started on the profile open_context hands it, and writes it there."""

from __future__ import annotations

import dataclasses
import os
import stat

import pytest

from meta_optout_assist.browser import launch as browser


@pytest.mark.skipif(os.name == "nt", reason="snaps are a Linux thing; the mapping runs on POSIX paths")
def test_a_snap_browsers_profile_lives_under_its_snap_folder(playwright, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    # This machine's browser, said to be the chromium snap (the mapping is what is tested here).
    choice = dataclasses.replace(browser.choose(playwright, None, headless=True), snap="chromium")
    usual = home / ".local" / "share" / "meta-optout-assist" / "browser-profiles" / "ana--facebook"

    with browser.open_context(playwright, choice, headless=True, user_data_dir=usual) as context:
        context.add_cookies([{"name": "c_user", "value": "1", "url": "http://127.0.0.1/"}])  # a login, kept

    reached = home / "snap" / "chromium" / "common" / "meta-optout-assist" / "browser-profiles" / "ana--facebook"
    assert (reached / "Default" / "Preferences").is_file()  # written there by the browser and the tool
    assert (reached / "Default" / "Cookies").is_file()  # written by the browser alone
    assert not usual.exists()
    for folder in (reached, reached.parent, reached.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_browser_that_is_no_snap_keeps_the_usual_profile(playwright, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    choice = browser.choose(playwright, None, headless=True)
    assert choice.snap is None  # this machine's browsers are no snaps
    usual = tmp_path / "home" / ".local" / "share" / "meta-optout-assist" / "browser-profiles" / "ana--facebook"
    with browser.open_context(playwright, choice, headless=True, user_data_dir=usual) as context:
        context.add_cookies([{"name": "c_user", "value": "1", "url": "http://127.0.0.1/"}])
    assert (usual / "Default" / "Cookies").is_file()
    assert not (tmp_path / "home" / "snap").exists()
