"""`assist doctor`: is this machine ready to fill Meta's forms, and do the forms still answer?

Each check returns a `Check` (ok / warn / fail, what was found, what to do). The checks only look:
they create no folder, change no permission, and never touch the person's browser profiles.

`live_check` opens every form address from selectors/ in a throwaway browser context and reports
what the tool recognises there, with the same page objects and selector strategies `assist fill`
uses. It never types and never presses Send: the flow it drives has nothing to type (any attempt
raises) and hooks that refuse to send. The only clicks are "decline optional cookies" and, on the
third-party form, the request choice that shows the rest of the form.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meta_optout_assist.errors import AssistError, PageNotUnderstood
from meta_optout_assist.store.layout import DataLayout

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Playwright

    from meta_optout_assist.pages.base import Flow
    from meta_optout_assist.site.selectors import Selectors

OK, WARN, FAIL = "ok", "warn", "fail"
MIN_PYTHON = (3, 10)  # pyproject.toml: requires-python
MIN_PLAYWRIGHT = (1, 44)  # pyproject.toml: playwright>=1.44
STALE_AFTER_DAYS = 180
MAX_LISTED = 8


@dataclass
class Check:
    """One line of the report."""

    check: str
    status: str  # ok | warn | fail
    detail: str
    todo: str = ""
    data: dict[str, Any] = field(default_factory=dict)  # extra facts for --json

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def worst(statuses: Iterable[str]) -> str:
    order = {OK: 0, WARN: 1, FAIL: 2}
    return max(statuses, key=order.__getitem__, default=OK)


# -- Python and Playwright --------------------------------------------------------------------------

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


def check_playwright() -> Check:
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
    if _version_tuple(found) < MIN_PLAYWRIGHT:
        need = ".".join(map(str, MIN_PLAYWRIGHT))
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
    return Check("Browser", OK, f"{choice.label}, version {version}: starts headless{sandbox}{also}",
                 data={"browser": choice.label, "version": version, "no_sandbox": bool(sandbox),
                       "headless_browser": headless})


def check_display(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Check:
    """A window needs a display: on Linux, DISPLAY (X11) or WAYLAND_DISPLAY."""
    if not platform.startswith("linux"):
        return Check("Display", OK, "a desktop session (macOS/Windows): the browser window can open")
    found = [f"{name}={env[name]}" for name in ("WAYLAND_DISPLAY", "DISPLAY") if env.get(name)]
    if found:
        return Check("Display", OK, ", ".join(found) + ": the browser window can open")
    xvfb = shutil.which("xvfb-run")
    todo = ("run under a virtual display: `xvfb-run -a assist fill …`"
            + ("" if xvfb else " (install it: `sudo apt-get install xvfb xauth`)")
            + "; or add --headless, which only works when the browser profile is already logged "
            "in (you cannot log in or type the code in a window you cannot see)")
    return Check("Display", WARN, "no display (DISPLAY and WAYLAND_DISPLAY are not set): "
                 "a visible browser window cannot open", todo, {"xvfb_run": xvfb})


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


# -- the data folder --------------------------------------------------------------------------------

_GROUP = (stat.S_IRGRP, stat.S_IWGRP, stat.S_IXGRP)
_OTHER = (stat.S_IROTH, stat.S_IWOTH, stat.S_IXOTH)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _permission_scan(data_dir: Path) -> tuple[list[str], list[str]]:
    """(exposed, loose): paths other users can read or change now (their whole way there open),
    and paths looser than 0700/0600 that a private folder above still shields.

    Inside browser profiles only exposure counts: Chromium keeps some of its own files 0644 in
    the 0700 profile folder, which is fine.
    """
    exposed: list[str] = []
    loose: list[str] = []
    # For each folder: can the group / others reach it (x on every folder from data_dir down)?
    reach: dict[Path, tuple[bool, bool]] = {}
    profiles_dir = DataLayout(data_dir).browser_profiles_dir

    def check(path: Path, is_dir: bool, parent_reach: tuple[bool, bool]) -> tuple[bool, bool]:
        mode = _mode(path)
        if mode & 0o077:
            readable = any(parent_reach[i] and mode & (bits[0] | bits[1]) for i, bits in enumerate((_GROUP, _OTHER)))
            rel = path.relative_to(data_dir).as_posix() if path != data_dir else "."
            shown = f"{rel}{'/' if is_dir else ''} ({mode:04o})"
            inside_profile = profiles_dir in path.parents and path.parent != profiles_dir
            if readable:
                exposed.append(shown)
            elif not inside_profile:
                loose.append(shown)
        if not is_dir:
            return (False, False)
        return (parent_reach[0] and bool(mode & stat.S_IXGRP), parent_reach[1] and bool(mode & stat.S_IXOTH))

    reach[data_dir] = check(data_dir, True, (True, True))
    for root, dirs, files in os.walk(data_dir, followlinks=False):
        here = Path(root)
        parent_reach = reach.get(here, (False, False))
        for name in dirs:
            path = here / name
            if not path.is_symlink():  # a link's own mode means nothing; os.walk does not follow it
                reach[path] = check(path, True, parent_reach)
        for name in files:
            if not (here / name).is_symlink():
                check(here / name, False, parent_reach)
    return exposed, loose


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    return shown + (f" and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else "")


def check_data_dir(data_dir: Path, source: str) -> Check:
    """Exists? writable? folders 0700 and files 0600 (others cannot read the journal or logins)."""
    where = f"{data_dir} ({source})"
    if not data_dir.exists():
        return Check("Data folder", OK, f"{where}: not created yet; the first run creates it private (0700)",
                     data={"path": str(data_dir), "exists": False})
    if not data_dir.is_dir():
        return Check("Data folder", FAIL, f"{where} is not a folder",
                     "move that file away, or choose another folder with --data-dir / ASSIST_DATA_DIR")
    if not os.access(data_dir, os.W_OK | os.X_OK):
        return Check("Data folder", FAIL, f"{where}: you cannot write there",
                     "fix its owner or permissions, or choose another folder with --data-dir")
    if os.name == "nt":
        return Check("Data folder", OK, f"{where}: exists (permissions on Windows are per-user ACLs; "
                     "not checked)", data={"path": str(data_dir), "exists": True})
    try:
        exposed, loose = _permission_scan(data_dir)
    except OSError as err:
        return Check("Data folder", WARN, f"{where}: could not check everything: {err}",
                     f"check its permissions: `chmod -R go-rwx '{data_dir}'`")
    data = {"path": str(data_dir), "exists": True, "exposed": exposed, "loose": loose}
    fix = f"`chmod -R go-rwx '{data_dir}'` makes it private again"
    if exposed:
        return Check("Data folder", FAIL, f"{where}: other users of this computer can read or change: "
                     f"{_listing(exposed)}", fix, data)
    if loose:
        return Check("Data folder", WARN, f"{where}: private (0700), but looser than 0700/0600 inside: "
                     f"{_listing(loose)}", fix, data)
    return Check("Data folder", OK, f"{where}: private (folders 0700, files 0600)", data=data)


def check_browser_profiles(data_dir: Path) -> Check:
    """The browser profiles kept per account and platform: they hold the person's Meta logins."""
    folder = DataLayout(data_dir).browser_profiles_dir
    try:
        found = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    except OSError as err:
        return Check("Browser profiles", WARN, f"{folder}: cannot be listed ({err.strerror})")
    if not found:
        return Check("Browser profiles", OK, "none kept yet", data={"profiles": []})
    entries = []
    for p in found:
        used = dt.datetime.fromtimestamp(p.stat().st_mtime).date().isoformat()
        account, _, platform = p.name.rpartition("--")
        entries.append({"name": p.name, "account": account or p.name, "platform": platform,
                        "mode": f"{_mode(p):04o}", "last_used": used, "path": str(p)})
    listed = "; ".join(f"{e['name']} (last used {e['last_used']})" for e in entries[:MAX_LISTED])
    more = f" and {len(entries) - MAX_LISTED} more" if len(entries) > MAX_LISTED else ""
    return Check(
        "Browser profiles", OK,
        f"{len(entries)} in {folder}, holding your Meta logins (cookies): {listed}{more}",
        "`assist forget` removes them (you log in again next time); `--fresh-session` uses none",
        {"profiles": entries},
    )


# -- the selector files ------------------------------------------------------------------------------

def selectors_source(directory: Path | None) -> str:
    from meta_optout_assist.site.selectors import SELECTORS_ENV

    if directory is not None:
        return "--selectors"
    if os.environ.get(SELECTORS_ENV):
        return SELECTORS_ENV
    return "the bundled copy"


def check_selectors(directory: Path | None, platforms: Iterable[str] = ("facebook", "instagram"),
                    today: dt.date | None = None) -> list[Check]:
    """Load and validate each platform's file (merged with common.yaml) as `fill` does; report the
    schema version, when each was last verified against Meta's pages, and its age."""
    from meta_optout_assist.errors import SelectorsError
    from meta_optout_assist.site import selectors as selector_data

    today = today or dt.date.today()
    source = selectors_source(directory)
    try:
        folder = selector_data.resolve_dir(directory)
    except SelectorsError as err:
        return [Check("Selectors", FAIL, err.message, err.hint or "")]
    checks = []
    for platform in platforms:
        name = f"Selectors ({platform})"
        try:
            sel = selector_data.load(platform, directory)
            common = _common_verified(folder)
        except SelectorsError as err:
            checks.append(Check(name, FAIL, f"{err.message} (from {source})",
                                err.hint or "fix the file, or leave out --selectors to use the bundled copy"))
            continue
        schema, _, verified_text = sel.version.partition("/")
        verified = min(dt.date.fromisoformat(verified_text), common)
        age = (today - verified).days
        forms = ", ".join(f"{n} ({len(f.addresses)} address{'es' if len(f.addresses) > 1 else ''})"
                          for n, f in sel.forms.items())
        detail = (f"{sel.source.name} + common.yaml from {source} ({folder}): schema {schema}, "
                  f"last verified {verified.isoformat()} ({age} days ago); forms: {forms}")
        data = {"source": source, "dir": str(folder), "schema_version": int(schema),
                "last_verified": verified.isoformat(), "age_days": age, "forms": list(sel.forms)}
        if age > STALE_AFTER_DAYS:
            checks.append(Check(
                name, WARN, detail + f": older than {STALE_AFTER_DAYS} days, Meta may have changed its forms since",
                "`assist doctor --live` shows whether the fields are still found; update the tool, or "
                "point --selectors (or ASSIST_SELECTORS) at an updated copy", data))
        else:
            checks.append(Check(name, OK, detail, data=data))
    return checks


def _common_verified(folder: Path) -> dt.date:
    """common.yaml's own last_verified (load() has validated the file already, so its top-level
    line is enough; the full parse is the fallback)."""
    import re

    from meta_optout_assist.site import selectors as selector_data

    path = folder / "common.yaml"
    m = re.search(r"^last_verified:\s*['\"]?(\d{4}-\d{2}-\d{2})\b", path.read_text(encoding="utf-8"), re.MULTILINE)
    if m:
        return dt.date.fromisoformat(m.group(1))
    common = selector_data._validate(selector_data.CommonFile, selector_data._read_yaml(path), path)
    return common.last_verified  # type: ignore[attr-defined]


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
    checks = [check_python(), check_playwright()]
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


# == live: open each address, type nothing, send nothing ==============================================

class _NothingToType:
    """Stands in for the person's request in a doctor's flow: there is nothing to type, and any
    attempt to read a value to type fails loudly."""

    locale = None
    account = "doctor"

    def values(self, locale: str = "en") -> dict:
        raise AssertionError("assist doctor never types into a page")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise AssertionError(f"assist doctor has no {name} to type")


class _NeverSend:
    def before_send(self, screenshot: bytes, fields: dict[str, str]) -> None:
        raise AssertionError("assist doctor never sends a form")

    def submitted(self) -> None:
        raise AssertionError("assist doctor never sends a form")

    def confirmed(self, screenshot: bytes, html: str, text: str) -> None:
        raise AssertionError("assist doctor never sends a form")


@dataclass
class AddressReport:
    """What one address showed."""

    platform: str
    form: str
    kind: str  # "form" | "gate" | "privacy centre"
    address: str
    status: str = OK
    outcome: str = ""  # form | login needed | gate question | gone | error page | not understood | …
    http_status: int | None = None
    landed_on: str | None = None
    page_language: str | None = None
    login_needed: bool = False
    fields: dict[str, dict] = field(default_factory=dict)
    link: str | None = None  # privacy centre: where its link to the form leads
    detail: str = ""
    todo: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def doctor_flow(page: Page, sel: Selectors, form_name: str, base_url: str | None, page_timeout_ms: int) -> Flow:
    """A flow for looking only: nothing to type (reading a value raises), hooks that refuse to send."""
    from rich.console import Console

    from meta_optout_assist.pages.base import Flow
    from meta_optout_assist.ui.progress import UI

    return Flow(
        page=page, sel=sel, form_name=form_name, request=_NothingToType(),  # type: ignore[arg-type]
        ui=UI(Console(file=io.StringIO()), quiet=True, interactive=False), hooks=_NeverSend(),
        base_url=base_url, page_timeout_ms=page_timeout_ms, wait_timeout_ms=page_timeout_ms,
    )


def _first_line(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    return lines[0] if lines else type(err).__name__


def _open(flow: Flow, url: str, report: AddressReport) -> bool:
    """Go to the address; False (and the report says why) if it cannot be reached or is gone."""
    from playwright.sync_api import Error as PlaywrightError

    from meta_optout_assist.site import urls

    try:
        response = flow.page.goto(url, wait_until="domcontentloaded", timeout=flow.page_timeout_ms)
    except PlaywrightError as err:
        report.status, report.outcome = FAIL, "unreachable"
        report.detail = f"could not be opened: {_first_line(err)}"
        report.todo = "check the network (and --base-url); the tool reaches only Meta's own addresses"
        return False
    report.http_status = response.status if response is not None else None
    if urls.path_of(flow.page.url) != urls.path_of(url):
        report.landed_on = urls.path_of(flow.page.url)
    if report.http_status == 404:
        _gone(report, "the server answers 404 (not found)")
        return False
    return True


def _gone(report: AddressReport, why: str) -> None:
    report.status, report.outcome = WARN, "gone"
    report.detail = f"this address no longer answers: {why}"
    report.todo = "nothing to do while another address of this form works: `assist fill` skips this one"


def _look(flow: Flow):
    """The runner's own detection (every page object's detector), declining cookies on the way.

    Returns the page object found, or None when no known state shows within the page timeout.
    """
    from meta_optout_assist.flow.runner import Runner
    from meta_optout_assist.pages.cookie_banner import CookieBanner

    runner = Runner(flow, lambda f, why: None)  # no diagnostics bundle: the doctor writes nothing
    for _ in range(3):
        try:
            state = runner.detect()
        except PageNotUnderstood:
            return None
        if not isinstance(state, CookieBanner):
            return state
        state.act(flow)  # "essential cookies only", as the fill does
    return None


def _check_form_address(flow: Flow, report: AddressReport) -> None:
    from meta_optout_assist.flow.runner import page_language
    from meta_optout_assist.pages.form import ContactForm
    from meta_optout_assist.pages.gate import GateQuestion
    from meta_optout_assist.pages.login_wall import LoginWall
    from meta_optout_assist.pages.off_route import OffRoute
    from meta_optout_assist.pages.site_error import NotAvailable, SiteError
    from meta_optout_assist.site import urls

    state = _look(flow)
    if state is None:
        report.status, report.outcome = FAIL, "not understood"
        report.detail = (f"no page the tool knows appeared within {flow.page_timeout_ms // 1000} s"
                         + (f" (HTTP {report.http_status})" if report.http_status else ""))
        report.todo = ("Meta may have changed the page: `assist fill --dry-run` saves a diagnostics bundle "
                       "to report; an updated selectors folder (--selectors DIR) may already fix it")
        return
    report.page_language = page_language(flow)
    if urls.path_of(flow.page.url) != urls.path_of(report.address):  # also a redirect by script
        report.landed_on = urls.path_of(flow.page.url)
    if isinstance(state, NotAvailable):
        _gone(report, "Meta shows \"This content isn't available\"")
    elif isinstance(state, SiteError):
        report.status, report.outcome = FAIL, "error page"
        report.detail = f"Meta shows an error page (HTTP {report.http_status})"
        report.todo = "try again later"
    elif isinstance(state, LoginWall):
        report.status, report.outcome, report.login_needed = WARN, "login needed", True
        report.detail = ("the address answers with Meta's login page; the form's fields are behind it, so "
                         "they were not checked")
        report.todo = "normal for this form: `assist fill` waits while you log in in the browser window"
    elif isinstance(state, GateQuestion):
        report.status, report.outcome = (OK if report.kind == "gate" else WARN), "gate question"
        report.detail = ("the question \"Is your request about AI at Meta?\" shows "
                         "(not answered: the doctor sends nothing)")
        if report.kind != "gate":
            report.detail += "; the form's fields are behind it, so they were not checked"
            report.todo = "normal: `assist fill` answers it (Yes) and goes on to the form"
    elif isinstance(state, ContactForm):
        report.outcome = "form"
        _check_fields(flow, report)
    elif isinstance(state, OffRoute):
        _gone(report, f"it leads to {urls.path_of(flow.page.url)}, which is not the form")
        report.todo = "`assist fill` goes back to the form address a few times, then tries the next one"
    else:
        report.status, report.outcome = FAIL, "unexpected page"
        report.detail = f"the page shows: {state.name}"
        report.todo = "open the address yourself to see what Meta shows there"


def _check_fields(flow: Flow, report: AddressReport) -> None:
    from meta_optout_assist.doctor import diagnostics
    from meta_optout_assist.pages import form as form_page
    from meta_optout_assist.site import locate

    form = flow.form
    lead = form.fields[form.detect_by]
    revealed = ""
    if lead.kind == "radio" and lead.options:
        # The request choice shows the rest of the form: choose as the fill does (a click, no typing).
        choice = next(iter(lead.options))
        element = locate.first_visible(flow.page, lead.locators, flow.sel)
        try:
            if element is not None:
                form_page._pick_radio(flow, lead, element, choice)
                email = locate.union(flow.page, form.fields["email"].locators, flow.sel).first
                email.wait_for(state="visible", timeout=flow.page_timeout_ms)
                revealed = f" (chose «{choice}» to show the rest; nothing typed, nothing sent)"
        except Exception as err:  # noqa: BLE001 - reported below as the fields not found
            revealed = f" (choosing «{choice}» did not show the rest: {_first_line(err)})"
    report.fields = diagnostics.recognised_fields(flow)
    found = [k for k, f in report.fields.items() if f["found"]]
    missing = [k for k, f in report.fields.items() if not f["found"]]
    fallback = [f"{k} ({f['way']}. way: {f['how']})" for k, f in report.fields.items()
                if f["found"] and f["way"] > 1]
    report.detail = f"form recognised; fields found: {', '.join(found) or 'none'}" + revealed
    if fallback:
        report.detail += f"; found only by a later strategy: {'; '.join(fallback)}"
    if missing:
        report.detail += f"; not found: {', '.join(missing)}"
    if "email" in missing:
        report.status = FAIL
        report.todo = "`assist fill` would stop here (no email field): update selectors/ or report it"
    elif missing:
        report.status = WARN
        report.todo = ("`assist fill` leaves out fields it cannot find (Meta's 2025 form has no country); if "
                       "the page shows them, the selectors need updating")


def _privacy_link(flow: Flow):
    """The Privacy Centre's link to this form, found as the runner's Privacy Centre page object
    finds it (older selectors: the generic "object" link)."""
    from meta_optout_assist.pages.privacy_centre import PrivacyCentreLink
    from meta_optout_assist.site import locate

    page_object = PrivacyCentreLink()
    flow.on_privacy_route = True
    try:
        if page_object.applies(flow):
            return page_object.marker(flow)
    finally:
        flow.on_privacy_route = False
    return locate.union(flow.page, flow.locators("object_link"), flow.sel)


def _check_privacy_centre(flow: Flow, report: AddressReport) -> None:
    """The Privacy Centre route (the last fallback): does its link to the form show? (Not followed.)"""
    from meta_optout_assist.pages.cookie_banner import CookieBanner
    from meta_optout_assist.site import urls

    link = _privacy_link(flow)
    banner = flow.find("cookie_decline")
    gone = flow.find("not_available")
    for _ in range(3):
        try:
            link.or_(banner).or_(gone).first.wait_for(state="visible", timeout=flow.page_timeout_ms)
        except Exception:  # noqa: BLE001
            break
        if banner.count():
            CookieBanner().act(flow)
            continue
        if gone.count():
            _gone(report, "Meta shows \"This content isn't available\"")
            return
        href = link.first.get_attribute("href") or ""
        report.outcome, report.link = "link found", urls.path_of(href) if href else None
        report.detail = f"the link to the form shows ({report.link or 'no address'})"
        return
    report.status, report.outcome = WARN, "no link"
    report.detail = "the link to the form was not found on this Privacy Centre page"
    report.todo = "only matters when every form address is gone: update selectors/ or report it"


def check_address(flow: Flow, kind: str, url: str) -> AddressReport:
    """Open one address ("form", "gate" or "privacy centre") and report what it shows."""
    from playwright.sync_api import Error as PlaywrightError

    report = AddressReport(flow.sel.platform, flow.form_name, kind, url)
    if _open(flow, url, report):
        try:
            if kind == "privacy centre":
                _check_privacy_centre(flow, report)
            else:
                _check_form_address(flow, report)
        except AssistError as err:
            report.status, report.outcome, report.detail = FAIL, "error", err.message
            report.todo = err.hint or ""
        except PlaywrightError as err:  # the page went away or stopped answering mid-check
            report.status, report.outcome, report.detail = FAIL, "error", _first_line(err)
            report.todo = "run the check again; if it repeats, open the address yourself to see what Meta shows"
    return report


def live_check(page: Page, sel: Selectors, form_name: str, *, base_url: str | None = None,
               page_timeout_ms: int = 20_000,
               progress: Callable[[AddressReport], None] | None = None) -> list[AddressReport]:
    """Open every address of one form (its addresses, gate pages and Privacy Centre pages) and
    report what each shows. Types nothing, sends nothing."""
    from meta_optout_assist.site import urls

    form = sel.form(form_name)
    flow = doctor_flow(page, sel, form_name, base_url, page_timeout_ms)
    plan = ([("form", a) for a in form.addresses] + [("gate", a) for a in form.gate_addresses]
            + [("privacy centre", a) for a in form.privacy_centre])
    reports = []
    for kind, address in plan:
        reports.append(check_address(flow, kind, urls.rewrite(address, base_url)))
        if progress:
            progress(reports[-1])
    _judge_routes(reports)
    return reports


def _judge_routes(reports: list[AddressReport]) -> None:
    """A gone address is a warning while another route to the form works, a failure otherwise;
    a Privacy Centre link to a gone address is no route."""
    from meta_optout_assist.site import urls

    gone = {urls.path_of(r.address) for r in reports if r.outcome == "gone"}
    for r in reports:
        if r.outcome == "link found" and r.link in gone:
            r.status = WARN
            r.detail += ", an address found gone above"
            r.todo = "the Privacy Centre still links to a retired address: report it"
    usable = any(r.outcome in ("form", "login needed", "gate question", "link found") and r.status != FAIL
                 and r.link not in gone for r in reports)
    if usable:
        return
    for r in reports:
        if r.outcome == "gone":
            r.status = FAIL
            r.todo = ("no address of this form works any more: update the tool, or point --selectors at "
                      "a copy with the form's new address")


def live_in_context(context: BrowserContext, *, platforms: Iterable[str], base_url: str | None,
                    selectors_dir: Path | None, page_timeout_ms: int,
                    progress: Callable[[AddressReport], None] | None = None,
                    ) -> tuple[list[AddressReport], Check | None]:
    """Every form of every platform in one throwaway browser context (no profile, no cookies kept),
    behind the same network policy as `assist fill`. Returns the reports, or a failed Check."""
    from meta_optout_assist.browser import network
    from meta_optout_assist.site import selectors as selector_data

    try:
        selectors = [selector_data.load(p, selectors_dir) for p in platforms]
    except AssistError as err:
        return [], Check("Live check", FAIL, err.message, err.hint or "")
    network.install(context, network.NetworkPolicy(tuple(selectors[0].allowed_hosts), base_url))
    page = context.new_page()
    reports: list[AddressReport] = []
    for sel in selectors:
        for form_name in sel.forms:
            reports += live_check(page, sel, form_name, base_url=base_url, page_timeout_ms=page_timeout_ms,
                                  progress=progress)
    return reports, None


def run_live(pw: Playwright, *, headless: bool, browser_name: str | None,
             **live: Any) -> tuple[list[AddressReport], Check | None]:
    """live_in_context in a browser of its own (a window unless headless)."""
    from meta_optout_assist.browser import launch as browser

    try:
        choice = browser.choose(pw, browser_name, headless=headless)
        with browser.open_context(pw, choice, headless=headless, user_data_dir=None) as context:
            return live_in_context(context, **live)
    except AssistError as err:
        return [], Check("Live check", FAIL, err.message, err.hint or "")
