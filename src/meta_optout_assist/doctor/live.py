"""`assist doctor --live`: open every form address from selectors/ in a throwaway browser context
and report what the tool recognises there (doctor/address.py judges each address).

It never types and never presses Send: the flow it drives has nothing to type (any attempt raises)
and hooks that refuse to send.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meta_optout_assist.doctor.address import AddressReport, check_address
from meta_optout_assist.doctor.verdict import FAIL, WARN, Check
from meta_optout_assist.errors import AssistError

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Playwright

    from meta_optout_assist.pages.base import Flow
    from meta_optout_assist.site.selectors import Selectors


class _NothingToType:
    """Stands in for the person's request in a doctor's flow: there is nothing to type, and any
    attempt to read a value to type fails loudly."""

    locale = None
    account = "doctor"

    def values(self, form: object = None, locale: str = "en") -> dict:
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


def doctor_flow(page: Page, sel: Selectors, base_url: str | None, page_timeout_ms: int) -> Flow:
    """A flow for looking only: nothing to type (reading a value raises), hooks that refuse to send."""
    from rich.console import Console

    from meta_optout_assist.pages.base import Flow
    from meta_optout_assist.ui.progress import UI

    return Flow(
        page=page, sel=sel, request=_NothingToType(),  # type: ignore[arg-type]
        ui=UI(Console(file=io.StringIO()), quiet=True, interactive=False), hooks=_NeverSend(),
        base_url=base_url, page_timeout_ms=page_timeout_ms, wait_timeout_ms=page_timeout_ms,
    )


def live_check(page: Page, sel: Selectors, *, base_url: str | None = None,
               page_timeout_ms: int = 20_000,
               progress: Callable[[AddressReport], None] | None = None) -> list[AddressReport]:
    """Open every address of one form (its addresses, gate pages and Privacy Centre pages) and
    report what each shows. Types nothing, sends nothing."""
    from meta_optout_assist.site import urls

    form = sel.form
    flow = doctor_flow(page, sel, base_url, page_timeout_ms)
    route = form.privacy_centre.addresses if form.privacy_centre else []
    plan = ([("form", a) for a in form.addresses] + [("gate", a) for a in form.gate_addresses]
            + [("privacy centre", a) for a in route])
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


def live_in_context(context: BrowserContext, *, platforms: Iterable[str] | None, base_url: str | None,
                    selectors_dir: Path | None, page_timeout_ms: int,
                    progress: Callable[[AddressReport], None] | None = None,
                    ) -> tuple[list[AddressReport], Check | None]:
    """Every form of the registry (of `platforms` when given) in one throwaway browser context (no
    profile, no cookies kept), behind the same network policy as `assist fill`. Returns the
    reports, or a failed Check."""
    from meta_optout_assist.browser import network
    from meta_optout_assist.site import registry
    from meta_optout_assist.site import selectors as selector_data

    wanted = set(platforms) if platforms else None
    try:
        selectors = [selector_data.load(f, selectors_dir) for f in registry.load(selectors_dir).forms
                     if wanted is None or wanted & set(f.platforms)]
    except AssistError as err:
        return [], Check("Live check", FAIL, err.message, err.hint or "")
    if not selectors:
        asked = ", ".join(sorted(wanted or ()))
        return [], Check("Live check", FAIL, f"no form in the registry for --platform {asked}",
                         "`assist forms --country CC` lists the forms and their platforms")
    network.install(context, network.NetworkPolicy(tuple(selectors[0].allowed_hosts), base_url))
    page = context.new_page()
    reports: list[AddressReport] = []
    for sel in selectors:
        reports += live_check(page, sel, base_url=base_url, page_timeout_ms=page_timeout_ms, progress=progress)
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
