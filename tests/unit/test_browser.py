"""Starting the browser: Playwright's compiled code is cached in a private folder, and which browser
a run takes, on each platform, and why (browser/discovery.py).

The platform is faked: sys.platform, the environment (HOME, LOCALAPPDATA, PROGRAMFILES…), PATH
(shutil.which) and the files: per-user installs are real files in tmp_path; system-wide places
(/opt, /Applications, /usr/bin) are a set of paths said to exist, so nothing of this machine's own
browsers leaks in.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from meta_optout_assist.browser import discovery
from meta_optout_assist.errors import BrowserNotFound


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


# -- a faked machine -----------------------------------------------------------------------------------

WINDOWS_ENV = ("LOCALAPPDATA", "PROGRAMFILES", "PROGRAMFILES(X86)", "HOMEDRIVE")


class Machine:
    """One platform's view: what is on PATH, which system files exist, and a home in tmp_path."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
        self.tmp, self.mp = tmp_path, monkeypatch
        self.home = tmp_path / "home"
        self.home.mkdir()
        self.path: dict[str, str] = {}  # command -> where shutil.which finds it
        self.system: set[str] = set()  # system-wide files said to exist
        self.pw = SimpleNamespace(chromium=SimpleNamespace(executable_path=str(tmp_path / "not-downloaded")))
        monkeypatch.setattr(sys, "platform", platform)
        monkeypatch.setenv("HOME", str(self.home))
        for name in (discovery.BROWSER_ENV, *WINDOWS_ENV):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setattr(discovery.shutil, "which", lambda name: self.path.get(name))
        monkeypatch.setattr(discovery, "_is_file", self._is_file)
        real_on_disk = discovery._on_disk
        monkeypatch.setattr(discovery, "_on_disk",
                            lambda path: real_on_disk(path) if self._mine(path) else (Path(path).name, b""))

    def _mine(self, path) -> bool:
        return Path(path).is_relative_to(self.tmp)

    def _is_file(self, path) -> bool:
        return Path(path) in {Path(s) for s in self.system} or (self._mine(path) and Path(path).is_file())

    def file(self, path: Path | str) -> str:
        """A real (empty) executable in tmp_path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")
        return str(path)

    def choose(self, requested: str | None = None, *, headless: bool = False) -> discovery.BrowserChoice:
        return discovery.choose(self.pw, requested, headless=headless)


# A Linux or macOS machine faked on Windows would see its paths in Windows' flavour (\\opt\\...).
posix_host = pytest.mark.skipif(os.name == "nt", reason="Linux and macOS paths are faked on a POSIX host only")


@pytest.fixture
def linux(tmp_path, monkeypatch):
    return Machine(tmp_path, monkeypatch, "linux")


@pytest.fixture
def mac(tmp_path, monkeypatch):
    return Machine(tmp_path, monkeypatch, "darwin")


@pytest.fixture
def windows(tmp_path, monkeypatch):
    m = Machine(tmp_path, monkeypatch, "win32")
    m.local = tmp_path / "Users" / "ana" / "AppData" / "Local"
    m.program_files = tmp_path / "Program Files"
    m.program_files_x86 = tmp_path / "Program Files (x86)"
    monkeypatch.setenv("LOCALAPPDATA", str(m.local))
    monkeypatch.setenv("PROGRAMFILES", str(m.program_files))
    monkeypatch.setenv("PROGRAMFILES(X86)", str(m.program_files_x86))
    return m


# -- the order -----------------------------------------------------------------------------------------

@posix_host
def test_the_order_asked_for_then_playwrights_own_then_channels_then_other_places(linux):
    m = linux
    with pytest.raises(BrowserNotFound) as nothing:
        m.choose()
    assert "no Chromium-based browser found" in nothing.value.message
    assert "assist install-browser" in nothing.value.hint
    assert "python -m playwright install chromium" in nothing.value.hint

    m.path["brave-browser"] = "/usr/bin/brave-browser"
    assert m.choose().executable == "/usr/bin/brave-browser"
    m.path["chromium"] = "/usr/bin/chromium"
    choice = m.choose()
    assert choice.executable == "/usr/bin/chromium" and choice.reason == "`chromium` found on PATH (/usr/bin/chromium)"
    m.system.add("/opt/microsoft/msedge/msedge")
    assert m.choose().channel == "msedge"
    m.system.add("/opt/google/chrome/chrome")
    choice = m.choose()
    assert (choice.channel, choice.executable, choice.label) == ("chrome", None, "Google Chrome")
    assert choice.reason == "Chrome found by Playwright's chrome channel (/opt/google/chrome/chrome)"
    m.pw.chromium.executable_path = m.file(m.tmp / "ms-playwright" / "chrome")
    choice = m.choose()
    assert choice.label == "Playwright Chromium" and choice.executable is None and choice.channel is None
    assert choice.reason.startswith("Playwright's own Chromium")
    mine = m.file(m.tmp / "my-chromium")
    choice = m.choose(mine)
    assert choice.executable == mine and choice.reason == f"--browser {mine}"


@posix_host
def test_every_browser_found_is_listed_once_in_order(linux):
    m = linux
    m.system |= {"/opt/google/chrome/chrome", "/usr/bin/chromium"}
    m.path |= {"google-chrome": "/opt/google/chrome/chrome", "chromium": "/usr/bin/chromium"}
    found = list(discovery.found_browsers(m.pw))
    assert [(c.channel, c.executable) for c in found] == [("chrome", None), (None, "/usr/bin/chromium")]


@posix_host
def test_asked_for_by_flag_or_environment(linux):
    m = linux
    mine = m.file(m.tmp / "my-chrome")
    m.mp.setenv(discovery.BROWSER_ENV, mine)
    choice = m.choose(headless=True)
    assert choice.executable == mine and choice.reason == f"{discovery.BROWSER_ENV} {mine}"
    other = m.file(m.tmp / "other")
    assert m.choose(other).executable == other  # the flag wins over the environment
    with pytest.raises(BrowserNotFound) as missing:
        m.choose(str(m.tmp / "absent"))
    assert "no such browser or executable" in missing.value.message and "assist install-browser" in missing.value.hint


@posix_host
def test_a_channel_asked_for_is_left_to_playwright_and_says_where_it_is(linux):
    m = linux
    choice = m.choose("msedge", headless=True)
    assert choice.channel == "msedge" and "Playwright looks for it at launch" in choice.reason
    m.system.add("/opt/microsoft/msedge/msedge")
    assert m.choose("msedge").reason == "--browser msedge: Playwright's msedge channel (/opt/microsoft/msedge/msedge)"


@posix_host
def test_chromium_asked_for_is_playwrights_own_else_any_found_but_never_the_headless_shell(linux):
    m = linux
    m.path |= {"chromium": "/usr/bin/chromium", "chromium-headless-shell": "/usr/bin/chromium-headless-shell"}
    choice = m.choose("chromium", headless=True)
    assert choice.executable == "/usr/bin/chromium" and choice.reason.startswith("--browser chromium: ")
    m.pw.chromium.executable_path = m.file(m.tmp / "ms-playwright" / "chrome")
    assert m.choose("chromium", headless=True).label == "Playwright Chromium"


# -- a run nobody watches: Chromium's headless shell ------------------------------------------------------

@posix_host
def test_a_headless_run_takes_the_headless_shell_and_a_window_the_full_browser(linux):
    m = linux
    m.path |= {"chromium": "/usr/bin/chromium", "chromium-headless-shell": "/usr/bin/chromium-headless-shell"}
    m.system.add("/opt/google/chrome/chrome")
    choice = m.choose(headless=True)
    assert choice.executable == "/usr/bin/chromium-headless-shell" and "headless shell" in choice.reason
    assert m.choose(headless=False).channel == "chrome"
    assert m.choose().channel == "chrome"  # a window unless told otherwise


@posix_host
def test_without_a_headless_shell_a_headless_run_takes_the_full_browser(linux):
    m = linux
    m.path["chromium"] = "/usr/bin/chromium"
    assert m.choose(headless=True).executable == "/usr/bin/chromium"
    m.system.add("/usr/lib/chromium/chromium-headless-shell")  # Debian's, off PATH
    assert m.choose(headless=True).executable == "/usr/lib/chromium/chromium-headless-shell"


@posix_host
def test_playwrights_own_chromium_is_left_to_pick_its_own_shell(linux):
    m = linux
    m.path["chromium-headless-shell"] = "/usr/bin/chromium-headless-shell"
    m.pw.chromium.executable_path = m.file(m.tmp / "ms-playwright" / "chrome")
    choice = m.choose(headless=True)
    assert choice.label == "Playwright Chromium" and choice.executable is None


# -- Windows ---------------------------------------------------------------------------------------------

def test_windows_per_user_chrome_is_found_by_the_chrome_channel(windows):
    m = windows
    path = m.file(m.local / "Google" / "Chrome" / "Application" / "chrome.exe")
    choice = m.choose()
    assert choice.channel == "chrome"
    assert choice.reason == f"Chrome found by Playwright's chrome channel ({path}, a per-user install)"
    assert discovery.channel_executable("chrome") == (path, True)


def test_windows_edge_in_program_files_x86(windows):
    m = windows
    path = m.file(m.program_files_x86 / "Microsoft" / "Edge" / "Application" / "msedge.exe")
    choice = m.choose()
    assert choice.channel == "msedge" and choice.reason.endswith(f"({path})")


def test_windows_per_user_edge_and_program_files_chrome_chrome_first(windows):
    m = windows
    m.file(m.local / "Microsoft" / "Edge" / "Application" / "msedge.exe")
    m.file(m.program_files / "Google" / "Chrome" / "Application" / "chrome.exe")
    assert m.choose().channel == "chrome"


def test_windows_homedrive_when_program_files_is_not_set(windows):
    m = windows
    for name in ("PROGRAMFILES", "PROGRAMFILES(X86)"):
        m.mp.delenv(name)
    drive = str(m.tmp / "drive")  # C: on a real machine
    m.mp.setenv("HOMEDRIVE", drive)
    path = m.file(Path(drive + "\\Program Files") / "Google" / "Chrome" / "Application" / "chrome.exe")
    assert discovery.channel_executable("chrome") == (path, False)


def test_windows_per_user_chromium_and_brave(windows):
    m = windows
    brave = m.file(m.program_files / "BraveSoftware" / "Brave-Browser" / "Application" / "brave.exe")
    choice = m.choose()
    assert choice.executable == brave and choice.reason == f"installed at {brave}"
    chromium = m.file(m.local / "Chromium" / "Application" / "chrome.exe")
    choice = m.choose()
    assert choice.executable == chromium and choice.reason == f"per-user install at {chromium}"
    assert choice.snap is None


def test_windows_without_localappdata_looks_in_the_home_folder(windows):
    m = windows
    m.mp.delenv("LOCALAPPDATA")
    chromium = m.file(m.home / "AppData" / "Local" / "Chromium" / "Application" / "chrome.exe")
    assert m.choose().executable == chromium


# -- macOS -----------------------------------------------------------------------------------------------

@posix_host
def test_mac_chrome_in_applications_is_found_by_the_chrome_channel(mac):
    m = mac
    m.system.add("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
    assert m.choose().channel == "chrome"


@posix_host
def test_mac_per_user_chrome_in_the_home_applications_folder(mac):
    """Playwright's chrome channel looks in /Applications only: ~/Applications is found here."""
    m = mac
    chrome = m.file(m.home / "Applications" / "Google Chrome.app" / "Contents" / "MacOS" / "Google Chrome")
    choice = m.choose()
    assert choice.executable == chrome and choice.channel is None
    assert choice.reason == f"per-user install at {chrome}"


@posix_host
def test_mac_chromium_edge_and_brave(mac):
    m = mac
    m.system.add("/Applications/Brave Browser.app/Contents/MacOS/Brave Browser")
    assert m.choose().reason == "installed at /Applications/Brave Browser.app/Contents/MacOS/Brave Browser"
    edge = m.file(m.home / "Applications" / "Microsoft Edge.app" / "Contents" / "MacOS" / "Microsoft Edge")
    assert m.choose().executable == edge
    m.system.add("/Applications/Chromium.app/Contents/MacOS/Chromium")
    assert m.choose().executable == "/Applications/Chromium.app/Contents/MacOS/Chromium"
    m.system.add("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge")
    assert m.choose().channel == "msedge"


# -- Linux: snap-confined Chromium (Ubuntu) ---------------------------------------------------------------

@posix_host
def test_linux_snap_chromium_is_recognised_and_says_where_its_profiles_go(linux):
    m = linux
    m.path["chromium"] = "/snap/bin/chromium"
    choice = m.choose()
    assert choice.executable == "/snap/bin/chromium" and choice.snap == "chromium"
    assert "snap Chromium" in choice.reason and "~/snap/chromium/common/meta-optout-assist" in choice.reason
    assert choice.as_data() == {"browser": "/snap/bin/chromium", "executable": "/snap/bin/chromium",
                                "channel": None, "reason": choice.reason, "snap": "chromium"}


@posix_host
def test_linux_ubuntus_chromium_browser_launcher_script_is_a_snap(linux):
    m = linux
    launcher = m.tmp / "chromium-browser"
    launcher.write_text('#!/bin/sh\nif [ -x /snap/bin/chromium ]; then\n  exec /snap/bin/chromium "$@"\nfi\n')
    m.path["chromium-browser"] = str(launcher)
    assert m.choose().snap == "chromium"
    # Debian's own launcher script is no snap.
    launcher.write_text('#!/bin/sh -e\n/usr/lib/chromium/chromium "$@"\n')
    assert m.choose().snap is None


@posix_host
def test_a_snap_browser_asked_for_by_path_is_recognised(linux):
    assert discovery.snap_name("/snap/chromium/3012/usr/lib/chromium-browser/chrome") == "chromium"
    assert discovery.snap_name("/snap/bin/brave") == "brave"
    big = linux.tmp / "chrome"
    big.write_bytes(b"#!/snap/bin/chromium" + b"\0" * 70_000)  # a browser, not a launcher script
    assert discovery.snap_name(str(big)) is None
    assert discovery.snap_name("/usr/bin/chromium") is None


def test_snap_profile_kept_where_the_snap_can_reach_it(tmp_path):
    home = tmp_path / "home"
    snap = discovery.BrowserChoice(label="/snap/bin/chromium", executable="/snap/bin/chromium", snap="chromium")
    common = home / "snap" / "chromium" / "common" / "meta-optout-assist" / "browser-profiles"
    hidden = home / ".local" / "share" / "meta-optout-assist" / "browser-profiles" / "ana--facebook"
    assert discovery.snap_profile_dir(snap, hidden, home) == common / "ana--facebook"
    visible = home / "optout" / "browser-profiles" / "ana--facebook"  # --data-dir ~/optout
    assert discovery.snap_profile_dir(snap, visible, home) == visible
    deeper_dot = home / "optout" / ".hidden" / "ana--facebook"  # only dot-folders of $HOME itself are closed
    assert discovery.snap_profile_dir(snap, deeper_dot, home) == deeper_dot
    elsewhere = tmp_path / "srv" / "ana--facebook"  # outside $HOME (or /tmp, which is the snap's own)
    assert discovery.snap_profile_dir(snap, elsewhere, home) == common / "ana--facebook"
    own = home / "snap" / "chromium" / "common" / "x"
    assert discovery.snap_profile_dir(snap, own, home) == own
    other_snap = home / "snap" / "brave" / "common" / "x"
    assert discovery.snap_profile_dir(snap, other_snap, home) == common / "x"
    plain = discovery.BrowserChoice(label="/usr/bin/chromium", executable="/usr/bin/chromium")
    assert discovery.snap_profile_dir(plain, hidden, home) == hidden


# -- the suite itself --------------------------------------------------------------------------------------

def test_the_tests_run_in_what_assist_would_choose_headless(browser_type_launch_args, playwright):
    """The suite's browser is the one `assist fill --headless` takes on this machine."""
    headless = browser_type_launch_args["headless"]
    choice = discovery.choose(playwright, None, headless=headless)
    assert browser_type_launch_args.get("executable_path") == choice.executable
    assert browser_type_launch_args.get("channel") == choice.channel
    shell = discovery._first_found(discovery.HEADLESS_SHELL_CANDIDATES)
    if headless and shell and not Path(playwright.chromium.executable_path).is_file():
        assert choice.executable == shell
