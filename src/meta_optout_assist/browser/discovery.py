"""Which browser a run drives, and why: found where people actually have one.

Order: the browser asked for (--browser / ASSIST_BROWSER); else Playwright's own Chromium; else,
for a run nobody watches, Chromium's headless shell; else Chrome or Edge where Playwright's
`chrome` / `msedge` channels look for them; else the other places Chromium-based browsers are
installed, per-user installs included (Playwright's channels miss ~/Applications on macOS, and
Chromium and Brave everywhere); else a message saying how to get one.

A run nobody watches (--headless: scripts, the tests, the benchmark) takes Chromium's headless
shell when the system has one, as Playwright does with its own: it starts in a third of the time
and runs the same form in about two thirds of it.

Playwright has no call that says whether a channel's browser is installed (its maintainers leave
it out: microsoft/playwright#30158), so CHANNEL_LOCATIONS repeats its registry's locations
(playwright-core, registry `_createChromiumChannel`): on Windows each is tried under LOCALAPPDATA,
PROGRAMFILES, PROGRAMFILES(X86), then HOMEDRIVE's Program Files folders.

Ubuntu's Chromium is a snap. Snap confinement lets it reach the person's non-hidden files in
$HOME (the `home` interface) and its own ~/snap/<name>/ (SNAP_USER_DATA, SNAP_USER_COMMON), but
not a folder under a dot-folder of $HOME such as ~/.local/share, nor the host's /tmp; so its
profile is kept under ~/snap/<name>/common/ when the usual place is out of its reach
(`snap_profile_dir`).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist.errors import BrowserNotFound
from meta_optout_assist.store.layout import APP_NAME, DataLayout

if TYPE_CHECKING:
    from playwright.sync_api import Playwright

BROWSER_ENV = "ASSIST_BROWSER"
CHANNELS = ("chrome", "msedge")

INSTALL_HINT = (
    "get a browser: `assist install-browser`, or `python -m playwright install chromium` "
    "(Playwright's own Chromium); or install Google Chrome, Microsoft Edge or Chromium "
    "(Debian/Ubuntu: `sudo apt-get install chromium`); or pass --browser PATH to a Chromium-based browser"
)


@dataclass(frozen=True)
class BrowserChoice:
    """How to launch (a Playwright channel, an executable path, or Playwright's own build) and why
    this one was taken: `reason` is said to the person by `assist doctor`."""

    label: str
    executable: str | None = None
    channel: str | None = None
    reason: str = ""
    snap: str | None = None  # the snap's name when the browser runs confined as a snap

    def as_data(self) -> dict[str, str | None]:
        """For `assist doctor --json`: what was chosen and why."""
        return {"browser": self.label, "executable": self.executable, "channel": self.channel,
                "reason": self.reason, "snap": self.snap}


# -- where Playwright's channels look (its registry, per platform) -------------------------------------

CHANNEL_LABELS = {"chrome": "Google Chrome", "msedge": "Microsoft Edge"}
CHANNEL_LOCATIONS = {
    "chrome": {
        "linux": "/opt/google/chrome/chrome",
        "darwin": "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "win32": r"Google\Chrome\Application\chrome.exe",
    },
    "msedge": {
        "linux": "/opt/microsoft/msedge/msedge",
        "darwin": "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        "win32": r"Microsoft\Edge\Application\msedge.exe",
    },
}

# -- other places: on PATH, system-wide and per-user installs ----------------------------------------

LINUX_COMMANDS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                  "microsoft-edge", "microsoft-edge-stable", "brave-browser", "brave-browser-stable"]
LINUX_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium",
               "/opt/brave.com/brave/brave"]
MAC_APPS = ["Google Chrome", "Chromium", "Microsoft Edge", "Brave Browser"]  # <name>.app/Contents/MacOS/<name>
WINDOWS_APPS = [r"Google\Chrome\Application\chrome.exe", r"Chromium\Application\chrome.exe",
                r"Microsoft\Edge\Application\msedge.exe", r"BraveSoftware\Brave-Browser\Application\brave.exe"]

# Chromium's headless shell (Debian/Ubuntu package chromium-headless-shell): the old headless mode,
# without the browser's user interface. It can only run headless.
HEADLESS_SHELL_CANDIDATES = ["chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell"]


def _platform() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def _is_file(path: str | Path) -> bool:
    try:
        return Path(path).is_file()
    except OSError:
        return False


def _first_found(candidates: list[str]) -> str | None:
    for candidate in candidates:
        found = shutil.which(candidate) or (candidate if _is_file(candidate) else None)
        if found:
            return found
    return None


def _windows_path(prefix: str, relative: str) -> Path:
    return Path(prefix, *relative.split("\\"))


def _local_app_data() -> str:
    return os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")


def _windows_prefixes(*, per_user_fallback: bool = False) -> list[tuple[str, bool]]:
    """Where Windows programs are installed, as Playwright tries them: (folder, per-user?)."""
    env = os.environ
    local = env.get("LOCALAPPDATA") or (_local_app_data() if per_user_fallback else "")
    drive = env.get("HOMEDRIVE")
    prefixes = [(local, True), (env.get("PROGRAMFILES", ""), False), (env.get("PROGRAMFILES(X86)", ""), False)]
    if drive:
        prefixes += [(drive + "\\Program Files", False), (drive + "\\Program Files (x86)", False)]
    return [(p, per_user) for p, per_user in prefixes if p]


def channel_executable(channel: str) -> tuple[str, bool] | None:
    """Where Playwright's `channel` would find its browser on this machine: (path, per-user
    install?), or None when it would not find one."""
    location = CHANNEL_LOCATIONS.get(channel, {}).get(_platform())
    if not location:
        return None
    if _platform() != "win32":
        return (location, False) if _is_file(location) else None
    for prefix, per_user in _windows_prefixes():
        path = _windows_path(prefix, location)
        if _is_file(path):
            return str(path), per_user
    return None


def _known_places() -> Iterator[tuple[str, str]]:
    """(path, reason) of each Chromium-based browser found outside Playwright's channels."""
    platform = _platform()
    if platform == "linux":
        for command in LINUX_COMMANDS:
            found = shutil.which(command)
            if found:
                yield found, f"`{command}` found on PATH ({found})"
        for path in LINUX_PATHS:
            if _is_file(path):
                yield path, f"installed at {path}"
    elif platform == "darwin":
        for app in MAC_APPS:
            for folder, per_user in ((Path("/Applications"), False), (Path.home() / "Applications", True)):
                path = folder / f"{app}.app" / "Contents" / "MacOS" / app
                if _is_file(path):
                    yield str(path), f"{'per-user install' if per_user else 'installed'} at {path}"
    elif platform == "win32":
        for relative in WINDOWS_APPS:
            for prefix, per_user in _windows_prefixes(per_user_fallback=True):
                path = _windows_path(prefix, relative)
                if _is_file(path):
                    yield str(path), f"{'per-user install' if per_user else 'installed'} at {path}"


# -- snap-confined browsers ----------------------------------------------------------------------------

_SNAP_LAUNCHER = re.compile(rb"/snap/bin/([A-Za-z0-9][A-Za-z0-9-]*)")


def _on_disk(path: Path) -> tuple[str, bytes]:
    """What snap_name reads from disk: the name `path` resolves to, and its first bytes when it is
    small enough to be a launcher script (a browser itself is megabytes)."""
    try:
        resolved = path.resolve().name
        if path.stat().st_size > 64_000:
            return resolved, b""
        with open(path, "rb") as script:
            return resolved, script.read(64_000)
    except OSError:
        return "", b""


def snap_name(executable: str | None) -> str | None:
    """The snap a browser executable runs as, or None: /snap/bin/<name> (a link to /usr/bin/snap),
    a path inside /snap/<name>/, or a small launcher script that runs /snap/bin/<name> (Ubuntu's
    chromium-browser package is one)."""
    if not executable or _platform() != "linux":
        return None
    parts = executable.split("/")  # a Linux path, whatever the host's own path flavour
    if len(parts) >= 4 and parts[:3] == ["", "snap", "bin"]:
        return parts[3]
    if len(parts) >= 3 and parts[:2] == ["", "snap"]:
        return parts[2]
    resolved, head = _on_disk(Path(executable))
    if resolved == "snap":
        return parts[-1]
    found = _SNAP_LAUNCHER.search(head) if head.startswith(b"#!") else None
    return found.group(1).decode() if found else None


def snap_can_reach(path: Path, snap: str, home: Path | None = None) -> bool:
    """Whether a snap with the `home` interface can read and write `path`: its own ~/snap/<snap>/,
    or a non-hidden folder of $HOME (not one under a dot-folder of $HOME, nor ~/snap itself)."""
    home = home or Path.home()
    try:
        inside = Path(os.path.abspath(path)).relative_to(os.path.abspath(home))
    except ValueError:
        return False  # outside $HOME: /tmp is the snap's own, other folders are not connected
    parts = inside.parts
    if not parts:
        return False
    if parts[0] == "snap":
        return len(parts) >= 2 and parts[1] == snap
    return not parts[0].startswith(".")


def snap_profile_dir(choice: BrowserChoice, profile: Path, home: Path | None = None) -> Path:
    """Where `choice` keeps the browser profile usually at `profile`: the same place, unless the
    browser is a snap that cannot reach it; then ~/snap/<snap>/common/meta-optout-assist/
    browser-profiles/<same name> (SNAP_USER_COMMON: kept across the snap's updates)."""
    if not choice.snap or snap_can_reach(profile, choice.snap, home):
        return profile
    home = home or Path.home()
    return home / "snap" / choice.snap / "common" / APP_NAME / DataLayout.BROWSER_PROFILES / Path(profile).name


def _with_snap(choice: BrowserChoice) -> BrowserChoice:
    snap = snap_name(choice.executable)
    if snap is None:
        return choice
    where = f"~/snap/{snap}/common/{APP_NAME}/{DataLayout.BROWSER_PROFILES}"
    return BrowserChoice(label=choice.label, executable=choice.executable, channel=choice.channel, snap=snap,
                         reason=f"{choice.reason}; snap {snap.capitalize()}: when your data folder is out of "
                                f"the snap's reach, its profiles are kept under {where}")


# -- the order -----------------------------------------------------------------------------------------

def _requested(requested: str, source: str) -> BrowserChoice | None:
    if requested in CHANNELS:
        found = channel_executable(requested)
        where = f" ({found[0]})" if found else " (Playwright looks for it at launch)"
        return BrowserChoice(label=CHANNEL_LABELS[requested], channel=requested,
                             reason=f"{source} {requested}: Playwright's {requested} channel{where}")
    if requested == "chromium":
        return None  # Playwright's own Chromium, else any Chromium-based browser found
    path = shutil.which(requested) or requested
    if not _is_file(path):
        raise BrowserNotFound(f"{source} {requested!r}: no such browser or executable", hint=INSTALL_HINT)
    return _with_snap(BrowserChoice(label=path, executable=path, reason=f"{source} {requested}"))


def found_browsers(playwright: Playwright, *, headless: bool = False,
                   shell: bool = True) -> Iterator[BrowserChoice]:
    """Every browser found, in the order they are preferred (without one asked for); the same
    executable found twice (on PATH and at its usual place) is listed once."""
    seen: set[str] = set()
    for choice in _found(playwright, headless=headless, shell=shell):
        where = choice.executable
        if choice.channel:
            where = (channel_executable(choice.channel) or ("",))[0]
        key = os.path.realpath(where) if where else choice.label
        if key not in seen:
            seen.add(key)
            yield choice


def _found(playwright: Playwright, *, headless: bool, shell: bool) -> Iterator[BrowserChoice]:
    bundled = playwright.chromium.executable_path
    if bundled and _is_file(bundled):
        yield BrowserChoice(label="Playwright Chromium", reason=f"Playwright's own Chromium ({bundled})")
    if headless and shell:
        found = _first_found(HEADLESS_SHELL_CANDIDATES)
        if found:
            yield BrowserChoice(label=found, executable=found,
                                reason=f"Chromium's headless shell ({found}), for a run without a window")
    for channel in CHANNELS:
        found_channel = channel_executable(channel)
        if found_channel:
            path, per_user = found_channel
            name = CHANNEL_LABELS[channel]
            yield BrowserChoice(label=name, channel=channel,
                                reason=f"{name.split()[-1]} found by Playwright's {channel} channel "
                                       f"({path}{', a per-user install' if per_user else ''})")
    for path, reason in _known_places():
        yield _with_snap(BrowserChoice(label=path, executable=path, reason=reason))


def choose(playwright: Playwright, requested: str | None, *, headless: bool = False) -> BrowserChoice:
    """Resolve --browser / ASSIST_BROWSER (or the order above) to something launchable.

    With no browser asked for, a headless run takes a system headless shell if there is one
    (Playwright's own Chromium brings its own and picks it by itself)."""
    source = "--browser"
    if not requested and os.environ.get(BROWSER_ENV):
        requested, source = os.environ[BROWSER_ENV], BROWSER_ENV
    if requested:
        choice = _requested(requested, source)
        if choice is not None:
            return choice
    for choice in found_browsers(playwright, headless=headless, shell=not requested):
        if requested:
            return BrowserChoice(label=choice.label, executable=choice.executable, channel=choice.channel,
                                 snap=choice.snap, reason=f"{source} chromium: {choice.reason}")
        return choice
    raise BrowserNotFound("no Chromium-based browser found on this machine", hint=INSTALL_HINT)
