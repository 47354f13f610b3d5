"""What one of Meta's addresses shows, for `assist doctor --live`: the form (and which fields are
found, by which strategy), a login wall, the gate question, a Privacy Centre page with its link to
the form, or a page that is gone, broken or not understood.

It looks with the runner's own detection and the page objects `assist fill` uses, in a flow that
has nothing to type (doctor/live.py builds it). The only clicks: "decline optional cookies" and, on
the third-party form, the request choice that shows the rest of the form.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from meta_optout_assist.doctor.verdict import FAIL, OK, WARN
from meta_optout_assist.errors import AssistError, PageNotUnderstood

if TYPE_CHECKING:
    from meta_optout_assist.pages.base import Flow


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
        from meta_optout_assist.browser.unreachable import cause_of

        cause = cause_of(str(err))
        report.detail = f"could not be opened: {cause[1]} ({cause[0]})" if cause else \
            f"could not be opened: {_first_line(err)}"
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
    from meta_optout_assist.flow.language import page_language
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
    from meta_optout_assist.doctor.survey import recognised_fields
    from meta_optout_assist.flow.widgets import pick_radio
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
                pick_radio(flow, lead, element, choice)
                email = locate.union(flow.page, form.fields["email"].locators, flow.sel).first
                email.wait_for(state="visible", timeout=flow.page_timeout_ms)
                revealed = f" (chose «{choice}» to show the rest; nothing typed, nothing sent)"
        except Exception as err:  # noqa: BLE001 - reported below as the fields not found
            revealed = f" (choosing «{choice}» did not show the rest: {_first_line(err)})"
    report.fields = recognised_fields(flow)
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
