"""Failures a person understands (issue 21, part 3): no display is said before the browser starts
and differs from a missing browser; Meta unreachable is exit 5 with the cause in one line."""

from __future__ import annotations

import pytest

from meta_optout_assist.browser import display
from meta_optout_assist.browser.unreachable import cause_of, unreachable
from meta_optout_assist.errors import ExitCode, NoDisplay, SiteUnreachable


@pytest.mark.parametrize("text, code, words", [
    ("Page.goto: net::ERR_NAME_NOT_RESOLVED at https://www.facebook.com/help/contact/1\nCall log:",
     "ERR_NAME_NOT_RESOLVED", "DNS"),
    ("Page.goto: net::ERR_INTERNET_DISCONNECTED at https://help.instagram.com/contact/1",
     "ERR_INTERNET_DISCONNECTED", "not connected to the internet"),
    ("Page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:4000/x", "ERR_CONNECTION_REFUSED", "refused"),
    ("Page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://www.facebook.com/", "ERR_CERT_AUTHORITY_INVALID",
     "certificate"),
    ("Page.goto: net::ERR_SSL_PROTOCOL_ERROR at https://www.facebook.com/", "ERR_SSL_PROTOCOL_ERROR", "TLS"),
    ("Page.goto: net::ERR_PROXY_CONNECTION_FAILED at https://www.facebook.com/", "ERR_PROXY_CONNECTION_FAILED",
     "proxy"),
])
def test_network_failures_in_words(text, code, words):
    assert cause_of(text)[0] == code
    err = unreachable(text)
    assert isinstance(err, SiteUnreachable) and err.exit_code == ExitCode.SITE_REFUSED == 5
    assert err.message.startswith("could not reach ") and words in err.message and code in err.message
    assert "\n" not in err.message  # the cause in one line
    assert "bug" not in err.message + (err.hint or "")
    assert "nothing was sent" in err.hint


def test_the_host_named_is_the_one_being_opened():
    err = unreachable("Page.goto: net::ERR_NAME_NOT_RESOLVED at https://help.instagram.com/contact/767264225370182")
    assert err.message.startswith("could not reach help.instagram.com: ")
    sent = unreachable("net::ERR_CONNECTION_RESET", "https://www.facebook.com/help/contact/1", sent=True)
    assert sent.message.startswith("could not reach www.facebook.com: the connection was reset")
    assert "had been sent" in sent.hint and "nothing was sent" not in sent.hint


@pytest.mark.parametrize("text", [
    "Timeout 20000ms exceeded.", "Target page, context or browser has been closed",
    "Page.goto: net::ERR_BLOCKED_BY_CLIENT at https://example.org/", "ERR_FAILED somewhere", "",
])
def test_other_errors_are_not_called_unreachable(text):
    assert cause_of(text) is None and unreachable(text) is None


@pytest.mark.parametrize("platform", ["linux", "freebsd14"])
def test_no_display_on_linux_and_bsd_is_said_with_the_ways_out(platform):
    with pytest.raises(NoDisplay) as caught:
        display.require_display(headless=False, env={}, platform=platform)
    err = caught.value
    assert err.exit_code == ExitCode.BAD_INPUT
    assert err.message.startswith("no display")
    assert "install" not in err.message  # the browser is there; only the screen is missing
    for way in ("--headless", "xvfb-run -a", "log in"):
        assert way in err.hint
    # A display (X11 or Wayland), or a run without a window, needs nothing more.
    display.require_display(headless=False, env={"DISPLAY": ":0"}, platform=platform)
    display.require_display(headless=False, env={"WAYLAND_DISPLAY": "wayland-0"}, platform=platform)
    display.require_display(headless=True, env={}, platform=platform)


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_macos_and_windows_always_have_a_display(platform):
    display.require_display(headless=False, env={}, platform=platform)


def test_xvfb_install_is_named_only_when_it_is_missing():
    assert "apt-get install xvfb" in display.what_to_do(have_xvfb=False)
    assert "apt-get install xvfb" not in display.what_to_do(have_xvfb=True)
