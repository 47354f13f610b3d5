"""The flow: a loop over page states, not a fixed script.

People land on different pages in different orders (cookie banner or not, login wall or not, the
gate question, the feed after login). So the runner waits until one of the known states is visible,
lets that page object act, and looks again, until the confirmation, an error, or a time-out.
"""

from __future__ import annotations

import re
from functools import reduce
from typing import TYPE_CHECKING

from meta_optout_assist import locate, urls
from meta_optout_assist.errors import PageNotUnderstood, SiteRefused
from meta_optout_assist.pages.base import Flow, Outcome, PageObject
from meta_optout_assist.pages.code_step import CodeStep
from meta_optout_assist.pages.confirmation import Confirmation
from meta_optout_assist.pages.cookie_banner import CookieBanner
from meta_optout_assist.pages.form import ContactForm
from meta_optout_assist.pages.gate import GateQuestion
from meta_optout_assist.pages.login_wall import LoginWall
from meta_optout_assist.pages.site_error import (
    AddressGone,
    FormRejected,
    NotAvailable,
    Refusal,
    SiteError,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

# In priority order: an overlay (cookie banner, code pop-up) wins over the page beneath it.
STATES: tuple[PageObject, ...] = (
    CookieBanner(), CodeStep(), Refusal(), SiteError(), Confirmation(), NotAvailable(),
    LoginWall(), GateQuestion(), ContactForm(), FormRejected(),
)
MAX_STEPS = 60
MAX_RETURNS_TO_FORM = 3
# Pages where the person proves who they are: never navigate away from these.
PERSON_PATHS = re.compile(r"/(login|checkpoint|two_step_verification|two_factor|challenge)(/|$)|/accounts/login")

def page_language(flow: Flow) -> str:
    """The page's own language (<html lang="de-DE"> → "de"), unless --locale overrides it."""
    if flow.request.locale:
        return flow.request.locale
    lang = flow.page.evaluate("document.documentElement.lang || ''")
    primary = re.split(r"[-_]", lang.strip().lower())[0] if lang else ""
    from meta_optout_assist.countries import SUPPORTED_LOCALES

    return primary if primary in SUPPORTED_LOCALES else flow.locale


class Runner:
    """Drives one form for one account from the first address to a confirmation."""

    def __init__(self, flow: Flow, diagnostics: Callable[[Flow, str], Path | None]) -> None:
        self.flow = flow
        self.diagnostics = diagnostics
        form = flow.form
        self.addresses = [urls.rewrite(a, flow.base_url) for a in form.addresses]
        self.fallbacks = [urls.rewrite(a, flow.base_url) for a in form.privacy_centre]
        self.known_paths = {urls.path_of(u) for u in (
            *self.addresses, *self.fallbacks,
            *(urls.rewrite(a, flow.base_url) for a in form.gate_addresses),
            *(urls.rewrite(a, flow.base_url) for a in flow.sel.login.addresses),
        )}
        self.current = 0
        self.returns_to_form = 0

    # -- navigation ---------------------------------------------------------------------------
    def _goto(self, url: str) -> None:
        self.flow.history.append(f"goto {url}")
        response = self.flow.page.goto(url, wait_until="domcontentloaded")
        if response is not None and response.status == 404:
            raise AddressGone(url)

    def _next_address(self, gone: str) -> None:
        """The current address is dead: the next one, then the Privacy Centre route."""
        flow = self.flow
        flow.ui.info(f"That form address no longer answers ({urls.path_of(gone)}); trying the next one.")
        self.current += 1
        self.returns_to_form = 0
        if self.current < len(self.addresses):
            self._goto(self.addresses[self.current])
            return
        for page_url in self.fallbacks:
            flow.ui.info("Taking the Privacy Centre route to the form.")
            try:
                self._goto(page_url)
            except AddressGone:
                continue
            link = locate.union(flow.page, flow.locators("object_link"), flow.sel).first
            try:
                link.wait_for(state="visible", timeout=flow.page_timeout_ms)
            except Exception:  # noqa: BLE001 - any failure here means this route is closed
                continue
            href = link.get_attribute("href")
            if href:
                self.addresses.append(urls.rewrite(href, flow.base_url) if href.startswith("http")
                                      else href)
                self.known_paths.add(urls.path_of(href))
            link.click()
            flow.page.wait_for_load_state("domcontentloaded")
            return
        raise SiteRefused(
            f"every known address of the {flow.sel.display_name} form is gone",
            hint="Meta moved the form: update selectors/ (or --selectors DIR) with its new address",
        )

    def _off_route(self) -> bool:
        """Before Send, on a page that is neither the form nor a step towards it (the feed)."""
        flow = self.flow
        if flow.submitted:
            return False
        path = urls.path_of(flow.page.url)
        if path in self.known_paths or PERSON_PATHS.search(path) or flow.page.url == "about:blank":
            return False
        flow.page.wait_for_load_state("load")
        return self._union(self._candidates()).count() == 0

    # -- detection ----------------------------------------------------------------------------
    def _candidates(self) -> list[PageObject]:
        return [s for s in STATES if s.applies(self.flow)]

    def _union(self, states: list[PageObject]):
        return reduce(lambda a, b: a.or_(b), (s.marker(self.flow) for s in states))

    def detect(self) -> PageObject:
        """Wait until one known state is visible and return the highest-priority one."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        flow = self.flow
        states = self._candidates()
        try:
            self._union(states).first.wait_for(state="visible", timeout=flow.page_timeout_ms)
        except PlaywrightTimeout:
            where = self.diagnostics(flow, "no known page state appeared")
            raise PageNotUnderstood(
                f"this page is not one the tool knows ({flow.page.url})",
                hint="Meta may have changed the page: send the report in the diagnostics folder, "
                "or try an updated selectors folder with --selectors DIR",
                diagnostics=where,
            ) from None
        for state in states:
            if state.marker(flow).count() > 0:
                return state
        return self.detect()  # the page moved on between the wait and the check: look again

    # -- the loop -----------------------------------------------------------------------------
    def run(self) -> Outcome:
        flow = self.flow
        pending: str | None = self.addresses[0]
        for _ in range(MAX_STEPS):
            try:
                if pending:
                    url, pending = pending, None
                    self._goto(url)
                if self._off_route():
                    self.returns_to_form += 1
                    if self.returns_to_form > MAX_RETURNS_TO_FORM:
                        raise AddressGone(flow.page.url)
                    flow.ui.info("Not on the form (Meta sent you elsewhere after login); going back to it.")
                    pending = self.addresses[self.current]
                    continue
                state = self.detect()
                flow.history.append(f"{state.name} at {urls.path_of(flow.page.url)}")
                if state is STATES[-2]:  # the form: read the page's language before filling
                    flow.locale = page_language(flow)
                outcome = state.act(flow)
            except AddressGone as gone:
                if flow.submitted:
                    raise SiteRefused(f"after Send, {flow.sel.display_name} said the page is gone") from None
                self._next_address(str(gone))
                continue
            if outcome is not None:
                return outcome
        where = self.diagnostics(flow, f"gave up after {MAX_STEPS} page states")
        raise PageNotUnderstood(
            "the pages kept changing without reaching the confirmation",
            hint="see the page-state history in the diagnostics folder",
            diagnostics=where,
        )
