"""`assist install-browser`: thin command over browser/install.py."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from meta_optout_assist.cli import app


@app.command("install-browser")
def install_browser(
    with_deps: Annotated[bool, typer.Option("--with-deps", help="Linux: also install the system libraries Chromium needs (Playwright runs the package manager, with sudo when needed).")] = False,
) -> None:
    """Install Playwright's Chromium for the Python assist runs on (right for pipx and venv installs).

    A Chromium, Chrome or Edge you installed yourself works too: assist finds it, or pass --browser PATH.

    Example:

      \b
      assist install-browser
    """
    from meta_optout_assist.browser.install import install_chromium
    from meta_optout_assist.ui.terminal import console_err

    err = console_err()
    err.print(f"Installing Playwright's Chromium for the Python assist runs on ({sys.executable})…",
              markup=False, highlight=False)
    install_chromium(with_deps=with_deps)
    err.print("Done. `assist doctor` checks that the browser starts.", markup=False, highlight=False)
