"""Is there a display for the browser's window? Asked before the browser starts, so a server, an SSH
session or a container hears "no display" and what to do, not "install a browser" (the browser is
there: only the screen is missing).

Linux and the BSDs need an X11 or Wayland display; macOS and Windows always have their desktop.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping

from meta_optout_assist.errors import NoDisplay

DISPLAY_VARIABLES = ("WAYLAND_DISPLAY", "DISPLAY")


def needs_display_variable(platform: str = sys.platform) -> bool:
    """Systems whose windows need an X11 or Wayland display (not macOS, not Windows)."""
    return not platform.startswith(("darwin", "win32", "cygwin", "msys"))


def has_display(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    return not needs_display_variable(platform) or any(env.get(name) for name in DISPLAY_VARIABLES)


def what_to_do(have_xvfb: bool | None = None) -> str:
    """The ways out, best first."""
    if have_xvfb is None:
        have_xvfb = shutil.which("xvfb-run") is not None
    return (
        "run assist on a computer with a screen (your own), where you can log in and type the emailed code "
        "in its window. Logged in once there, later runs may use --headless (no window), as long as Meta "
        "asks for no code. On this machine: run it under a virtual display, `xvfb-run -a assist fill …`"
        + ("" if have_xvfb else " (install it first: `sudo apt-get install xvfb xauth`)")
        + ", which you can only act in if you can view that display (e.g. through x11vnc)"
    )


def require_display(*, headless: bool, env: Mapping[str, str] = os.environ,
                    platform: str = sys.platform) -> None:
    """Raise NoDisplay when a visible window is asked for and there is no display to show it."""
    if headless or has_display(env, platform):
        return
    raise NoDisplay(
        "no display: the browser window cannot open here (neither DISPLAY nor WAYLAND_DISPLAY is set: "
        "a server, an SSH session or a container?)",
        hint=what_to_do(),
    )
