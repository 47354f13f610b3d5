"""`assist install-browser`: Playwright's own Chromium, installed by the Playwright of the Python
assist runs on (sys.executable), so a pipx or venv install gets the browser its own Playwright
looks for, not one for some other Python on the PATH."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence

from meta_optout_assist.errors import BadInput

SYSTEM_BROWSER_HINT = (
    "a Chromium-based browser you install yourself works too (Debian/Ubuntu: `sudo apt-get install "
    "chromium`; or Google Chrome, Microsoft Edge): assist finds it, or pass --browser PATH"
)


class InstallFailed(BadInput):
    """Playwright's installer did not finish."""


def installer_command(*, with_deps: bool = False) -> list[str]:
    """The command that installs Chromium for the Playwright this Python imports."""
    return [sys.executable, "-m", "playwright", "install", *(["--with-deps"] if with_deps else []), "chromium"]


def install_chromium(*, with_deps: bool = False,
                     run: Callable[[Sequence[str]], int] = subprocess.call) -> list[str]:
    """Run Playwright's installer (its progress goes straight to the terminal); InstallFailed when
    it does not succeed. Returns the command that ran."""
    command = installer_command(with_deps=with_deps)
    try:
        code = run(command)
    except OSError as err:
        raise InstallFailed(f"Playwright's installer could not be started: {err.strerror or err}",
                            hint=SYSTEM_BROWSER_HINT) from None
    if code != 0:
        raise InstallFailed(
            f"Playwright's Chromium was not installed (its installer exited with code {code}; what it "
            "printed is above)",
            hint="check the network and run `assist install-browser` again"
            + ("; on Linux, `assist install-browser --with-deps` also installs the libraries Chromium needs"
               if not with_deps and sys.platform.startswith("linux") else "") + "; " + SYSTEM_BROWSER_HINT,
        )
    return command
