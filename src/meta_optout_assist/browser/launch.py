"""Finding and launching the browser the person will see.

Playwright's own Chromium when installed, else an installed Chrome/Chromium/Edge, else a clear
message. Each account and platform gets its own persistent profile, so logins never mix and the
person stays logged in next time.

A run nobody watches (--headless: scripts, the tests, the benchmark) takes Chromium's headless
shell when the system has one, as Playwright does with its own: it starts in a third of the time
and runs the same form in about two thirds of it.
"""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist.errors import BrowserNotFound
from meta_optout_assist.store.layout import DataLayout, private_dir

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import BrowserContext, Playwright

BROWSER_ENV = "ASSIST_BROWSER"
CHANNELS = ("chrome", "msedge")

# Quiet Chromium: no background calls to Google services. The tool talks only to Meta (or
# --base-url); these flags keep the browser itself from phoning elsewhere.
QUIET_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-default-apps",
    "--metrics-recording-only",
]

_SYSTEM_CANDIDATES = {
    "linux": ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
              "microsoft-edge", "microsoft-edge-stable", "/usr/bin/chromium", "/snap/bin/chromium"],
    "darwin": ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
               "/Applications/Chromium.app/Contents/MacOS/Chromium",
               "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"],
    "win32": [r"C:\Program Files\Google\Chrome\Application\chrome.exe",
              r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
              r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
              r"C:\Program Files\Microsoft\Edge\Application\msedge.exe"],
}

INSTALL_HINT = (
    "install a browser: `assist install-browser` (Playwright's own Chromium, for the Python assist "
    "runs on), or your system's Chromium/Chrome (Debian/Ubuntu: `sudo apt-get install chromium`), "
    "or pass --browser PATH to a Chromium-based browser"
)


@dataclass(frozen=True)
class BrowserChoice:
    """How to launch: a Playwright channel, an executable path, or Playwright's bundled build."""

    label: str
    executable: str | None = None
    channel: str | None = None


# Chromium's headless shell (Debian/Ubuntu package chromium-headless-shell): the old headless mode,
# without the browser's user interface. It can only run headless.
_HEADLESS_SHELL_CANDIDATES = ["chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell"]


def _first_found(candidates: list[str]) -> str | None:
    for candidate in candidates:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    return None


def _system_browser() -> str | None:
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    return _first_found(_SYSTEM_CANDIDATES.get(platform, []))


def choose(playwright: Playwright, requested: str | None, *, headless: bool = False) -> BrowserChoice:
    """Resolve --browser / ASSIST_BROWSER (or the default order) to something launchable.

    With no browser asked for, a headless run takes a system headless shell if there is one
    (Playwright's own Chromium brings its own and picks it by itself)."""
    requested = requested or os.environ.get(BROWSER_ENV) or None
    if requested in CHANNELS:
        return BrowserChoice(label=requested, channel=requested)
    if requested and requested != "chromium":
        path = shutil.which(requested) or requested
        if not Path(path).is_file():
            raise BrowserNotFound(f"--browser {requested!r}: no such browser or executable", hint=INSTALL_HINT)
        return BrowserChoice(label=path, executable=path)
    bundled = playwright.chromium.executable_path
    if bundled and Path(bundled).is_file():
        return BrowserChoice(label="Playwright Chromium")
    shell = _first_found(_HEADLESS_SHELL_CANDIDATES) if headless and not requested else None
    if shell:
        return BrowserChoice(label=shell, executable=shell)
    system = _system_browser()
    if system:
        return BrowserChoice(label=system, executable=system)
    raise BrowserNotFound("no Chromium-based browser found on this machine", hint=INSTALL_HINT)


def launch_args() -> list[str]:
    from meta_optout_assist.browser import quiet as quiet_browser

    args = [*QUIET_ARGS, *quiet_browser.LAUNCH_ARGS]  # the browser's own services stay quiet
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox on.
    return args


def launch_options(choice: BrowserChoice, *, headless: bool) -> dict:
    """Playwright's launch options for `choice`: its executable or channel, and launch_args()."""
    options: dict = {"headless": headless, "args": launch_args()}
    if choice.executable:
        options["executable_path"] = choice.executable
    if choice.channel:
        options["channel"] = choice.channel
    return options


NODE_CACHE_ENV = "NODE_COMPILE_CACHE"


def cache_node_compilation() -> None:
    """Let Playwright's driver (a Node.js program) keep its compiled code between runs: it starts
    about a third faster. The cache holds Playwright's own code only, in the user's cache folder;
    a NODE_COMPILE_CACHE already set is left alone. Call before starting Playwright."""
    if os.environ.get(NODE_CACHE_ENV):
        return
    from platformdirs import user_cache_path

    from meta_optout_assist.store.layout import APP_NAME

    try:
        folder = private_dir(user_cache_path(APP_NAME, appauthor=False) / "node-compile-cache")
    except OSError:
        return  # no cache folder: the driver starts the slower way
    os.environ[NODE_CACHE_ENV] = str(folder)


def profile_dir(data_dir: Path, account: str, platform: str) -> Path:
    """A persistent browser profile per account and platform (holds login cookies: 0700).

    The data folder and browser-profiles/ are made 0700 too, not only the leaf: mkdir(parents=True)
    would create them with the umask's mode (often 0755).
    """
    layout = DataLayout(data_dir)
    private_dir(layout.root)
    private_dir(layout.browser_profiles_dir)
    return private_dir(layout.browser_profile_dir(account, platform))


@contextmanager
def open_context(
    playwright: Playwright,
    choice: BrowserChoice,
    *,
    headless: bool,
    user_data_dir: Path | None,
    locale: str | None = None,
) -> Iterator[BrowserContext]:
    """A browser context: persistent in `user_data_dir`, or throwaway when it is None."""
    options = launch_options(choice, headless=headless)
    context_options: dict = {"viewport": {"width": 1280, "height": 900}}
    if locale:
        context_options["locale"] = locale.replace("_", "-")
    try:
        if user_data_dir is not None:
            from meta_optout_assist.browser import quiet as quiet_browser

            quiet_browser.prepare_profile(user_data_dir)  # no password saving, no session files
            context = playwright.chromium.launch_persistent_context(
                str(user_data_dir), **options, **context_options
            )
            browser = None
        else:
            browser = playwright.chromium.launch(**options)
            context = browser.new_context(**context_options)
    except Exception as err:  # Playwright raises its generic Error for a browser that won't start
        raise BrowserNotFound(
            f"the browser ({choice.label}) did not start: {str(err).splitlines()[0]}",
            hint=INSTALL_HINT + ("" if headless or os.environ.get("DISPLAY") or sys.platform != "linux"
                                 else "; no display found: use --headless or run under `xvfb-run -a`"),
        ) from None
    try:
        yield context
    finally:
        # The person may have closed the window, or Ctrl-C stopped the browser: closing what is
        # already gone must not replace the error that brought us here.
        for close in (context.close, *((browser.close,) if browser is not None else ())):
            try:
                close()
            except Exception:  # noqa: BLE001, S110 - best effort on the way out
                pass


# -- --trace FILE ------------------------------------------------------------------------------

TRACE_WARNING = (
    "--trace: the trace records every page, screenshot and request of this run, including what "
    "was typed: your email and reason, and whatever you type into the browser yourself, which "
    "can be your password and the emailed code. Keep it to yourself, do not attach it to a bug "
    "report as it is, and delete it when you are done. It is written readable by you only (0600)."
)


def start_trace(context: BrowserContext) -> None:
    """Record a Playwright trace of this context: screenshots and DOM snapshots of every step."""
    context.tracing.start(screenshots=True, snapshots=True, sources=False)


def save_trace(context: BrowserContext, path: Path) -> bool:
    """Stop tracing and write the trace to `path`, 0600 from the moment anyone else could see it.

    Playwright writes the zip itself (with the process umask), so it goes first into a private
    0700 folder beside `path`, is made 0600 there, and is then renamed into place. Best effort: a
    trace must never hide the run's own outcome; False when nothing could be saved.
    """
    import tempfile

    path = Path(path)
    try:
        folder = Path(tempfile.mkdtemp(prefix=".assist-trace-", dir=path.parent))
    except OSError:
        return False
    try:
        staged = folder / "trace.zip"
        context.tracing.stop(path=str(staged))
        os.chmod(staged, 0o600)
        os.replace(staged, path)
        return True
    except Exception:  # noqa: BLE001 - the browser may be gone (window closed, Ctrl-C)
        return False
    finally:
        shutil.rmtree(folder, ignore_errors=True)
