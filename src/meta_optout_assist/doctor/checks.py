"""`assist doctor`: is this machine ready to fill Meta's forms? Python, Playwright, the browser,
the display, the keyring, the data folder (doctor/data_folder.py) and the selector files.

Each check returns a `Check` (ok / warn / fail, what was found, what to do). The checks only look:
they create no folder, change no permission, and never touch the person's browser profiles. The
live check of Meta's pages (`--live`) is doctor/live.py.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist.doctor.data_folder import check_browser_profiles, check_data_dir
from meta_optout_assist.doctor.verdict import FAIL, OK, WARN, Check
from meta_optout_assist.errors import AssistError

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Playwright

DISTRIBUTION = "meta-optout-assist"  # pyproject.toml: [project] name
MIN_PYTHON = (3, 10)  # pyproject.toml: requires-python
STALE_AFTER_DAYS = 180


# -- Python and Playwright --------------------------------------------------------------------------

def check_version(executable: str = sys.executable) -> Check:
    """Which assist this is, and the Python it runs on (where `assist install-browser` installs)."""
    from meta_optout_assist import __version__

    return Check("assist", OK, f"version {__version__}, running on the Python at {executable}",
                 data={"version": __version__, "python": executable})


def check_python(version_info: tuple[int, ...] = tuple(sys.version_info[:3])) -> Check:
    import platform

    shown = ".".join(map(str, version_info))
    detail = f"{platform.python_implementation()} {shown} ({sys.executable})"
    if tuple(version_info[:2]) < MIN_PYTHON:
        return Check("Python", FAIL, detail,
                     f"install Python {'.'.join(map(str, MIN_PYTHON))} or newer and reinstall the tool with it")
    return Check("Python", OK, detail)


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("."):
        digits = "".join(c for c in piece if c.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def declared_minimum(package: str, requirements: list[str] | None = None) -> tuple[int, ...] | None:
    """The lowest version of `package` this tool declares in pyproject.toml, as its installed
    metadata records it; None when that metadata cannot be read (a source tree run uninstalled).

    `requirements`: the requirement strings to read instead of the installed ones (for tests).
    """
    import re
    from importlib.metadata import PackageNotFoundError, requires

    if requirements is None:
        try:
            requirements = requires(DISTRIBUTION) or []
        except PackageNotFoundError:
            return None
    wanted = re.sub(r"[-_.]+", "-", package).lower()
    bounds = []
    for line in requirements:
        spec, _, marker = line.partition(";")
        m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?(.*)", spec)
        if not m or re.sub(r"[-_.]+", "-", m.group(1)).lower() != wanted or "extra" in marker:
            continue
        bounds += [_version_tuple(v) for v in re.findall(r"(?:>=|~=|==)\s*([0-9][0-9.]*)", m.group(2))]
    return max(bounds, default=None)


def check_playwright(minimum: tuple[int, ...] | None = None) -> Check:
    """Importable, and at least the version pyproject.toml asks for (`minimum`: that version,
    read from the installed metadata unless given)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as err:
        return Check("Playwright", FAIL, f"cannot be imported: {err}",
                     "reinstall the tool (`pip install meta-optout-assist`, or `make install` in a checkout)")
    try:
        found = version("playwright")
    except PackageNotFoundError:
        return Check("Playwright", WARN, "importable, but its version is unknown")
    minimum = minimum or declared_minimum("playwright")
    if minimum is not None and _version_tuple(found) < minimum:
        need = ".".join(map(str, minimum))
        return Check("Playwright", WARN, f"{found}: older than {need}, the oldest version tested",
                     f"pip install 'playwright>={need}'", {"version": found})
    return Check("Playwright", OK, found, data={"version": found})


# -- the browser and the display --------------------------------------------------------------------

def check_browser(pw: Playwright, requested: str | None,
                  use: Callable[[BrowserContext], None] | None = None) -> Check:
    """Which browser `assist fill` would use, and whether it starts (headless; then closed).

    `use`: something to do with the started browser before it closes (the live check, headless),
    so that one launch serves both.
    """
    from meta_optout_assist.browser import launch as browser

    try:
        choice = browser.choose(pw, requested)
    except AssistError as err:
        return Check("Browser", FAIL, err.message, err.hint or browser.INSTALL_HINT)
    flags = browser.launch_args()
    sandbox = " with --no-sandbox (running as root)" if "--no-sandbox" in flags else ""
    try:
        with browser.open_context(pw, choice, headless=True, user_data_dir=None) as context:
            owner = context.browser
            version = owner.version if owner is not None else "?"
            if use is not None:
                use(context)
    except AssistError as err:
        return Check("Browser", FAIL, err.message, err.hint or browser.INSTALL_HINT,
                     {"browser": choice.label})
    headless = browser.choose(pw, requested, headless=True).label
    also = f"; --headless runs use {headless}" if headless != choice.label else ""
    why = f" ({choice.reason})" if choice.reason else ""
    return Check("Browser", OK, f"{choice.label}{why}, version {version}: starts headless{sandbox}{also}",
                 data={**choice.as_data(), "version": version, "no_sandbox": bool(sandbox),
                       "headless_browser": headless})


def check_display(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Check:
    """A window needs a display: on Linux, DISPLAY (X11) or WAYLAND_DISPLAY (browser/display.py,
    which `assist fill` asks too before the browser starts)."""
    from meta_optout_assist.browser import display

    if not display.needs_display_variable(platform):
        return Check("Display", OK, "a desktop session (macOS/Windows): the browser window can open")
    found = [f"{name}={env[name]}" for name in display.DISPLAY_VARIABLES if env.get(name)]
    if found:
        return Check("Display", OK, ", ".join(found) + ": the browser window can open")
    xvfb = shutil.which("xvfb-run")
    return Check("Display", WARN, "no display (DISPLAY and WAYLAND_DISPLAY are not set): "
                 "a visible browser window cannot open", display.what_to_do(xvfb is not None), {"xvfb_run": xvfb})


# -- the keyring ------------------------------------------------------------------------------------

def check_keyring() -> Check:
    """Profiles need an OS keyring; without one, `fill` still works with flags (a warning, not a fail)."""
    from meta_optout_assist.errors import KeyringUnavailable
    from meta_optout_assist.store import profiles

    try:
        name = profiles.backend_name()
        recommended = profiles.backend_is_recommended()
    except KeyringUnavailable as err:
        return Check("Keyring", WARN, err.message, err.hint or "")
    except Exception as err:  # noqa: BLE001 - a broken keyring package must not stop the doctor
        return Check("Keyring", WARN, f"the keyring could not be queried ({type(err).__name__}: {err})",
                     profiles.WAYS_OUT)
    if not recommended:
        return Check("Keyring", WARN, f"{name}: a backend that `keyring` does not recommend "
                     "(it may keep your profiles in a plain file)", profiles.WAYS_OUT, {"backend": name})
    return Check("Keyring", OK, f"{name}: profiles can be saved", data={"backend": name})


# -- the selector files ------------------------------------------------------------------------------

def check_selectors(directory: Path | None, platforms: Iterable[str] | None = None,
                    today: dt.date | None = None) -> list[Check]:
    """Load and validate each form of the registry (merged with its site file and common.yaml) as
    `fill` does; report the schema version, when each was last verified against Meta's pages, and
    its age. `platforms`: only the forms of these."""
    from meta_optout_assist.errors import SelectorsError
    from meta_optout_assist.site import registry
    from meta_optout_assist.site import selectors as selector_data
    from meta_optout_assist.site.files import resolve_dir, source_of

    today = today or dt.date.today()
    source = source_of(directory)
    try:
        folder = resolve_dir(directory)
        forms = [f for f in registry.load(directory).forms
                 if platforms is None or set(f.platforms) & set(platforms)]
    except SelectorsError as err:
        return [Check("Selectors", FAIL, f"{err.message} (from {source})",
                      err.hint or "fix the file, or leave out --selectors to use the bundled copy")]
    checks = []
    for form in forms:
        name = f"Selectors ({form.id})"
        try:
            sel = selector_data.load(form, directory)
        except SelectorsError as err:
            checks.append(Check(name, FAIL, f"{err.message} (from {source})",
                                err.hint or "fix the file, or leave out --selectors to use the bundled copy"))
            continue
        schema, _, verified_text = sel.version.partition("/")
        verified = dt.date.fromisoformat(verified_text)
        age = (today - verified).days
        count = len(form.addresses)
        detail = (f"forms/{form.id}.yaml + {form.site}.yaml + common.yaml from {source} ({folder}): "
                  f"schema {schema}, last verified {verified.isoformat()} ({age} days ago); "
                  f"{count} address{'es' if count > 1 else ''}")
        data = {"source": source, "dir": str(folder), "schema_version": int(schema), "form": form.id,
                "last_verified": verified.isoformat(), "age_days": age, "platforms": form.platforms}
        if age > STALE_AFTER_DAYS:
            checks.append(Check(
                name, WARN, detail + f": older than {STALE_AFTER_DAYS} days, Meta may have changed its forms since",
                "`assist doctor --live` shows whether the fields are still found; update the tool, or "
                "point --selectors (or ASSIST_SELECTORS) at an updated copy", data))
        else:
            checks.append(Check(name, OK, detail, data=data))
    return checks


# -- all static checks -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Options:
    data_dir: Path
    data_dir_source: str
    selectors_dir: Path | None = None
    browser: str | None = None


def run_checks(options: Options, pw: Playwright | None = None,
               use_browser: Callable[[BrowserContext], None] | None = None) -> list[Check]:
    """Every check but the live one. `pw`: a started Playwright for the browser check (None:
    Playwright is not importable, which check_playwright reports); `use_browser`: see check_browser."""
    checks = [check_version(), check_python(), check_playwright()]
    if pw is not None:
        checks.append(check_browser(pw, options.browser, use_browser))
    else:
        checks.append(Check("Browser", FAIL, "not checked: Playwright is missing", "fix Playwright first"))
    checks += [
        check_display(),
        check_keyring(),
        check_data_dir(options.data_dir, options.data_dir_source),
        check_browser_profiles(options.data_dir),
        *check_selectors(options.selectors_dir),
    ]
    return checks
