"""The flow: a loop over page states, not a fixed script.

People land on different pages in different orders (cookie banner or not, login wall or not, the
gate question, the feed after login). So the runner waits until one of the known states is visible,
lets that page object act, and looks again, until the confirmation, an error, or a time-out.

Addresses move: a form address that answers 404 or "This content isn't available" is skipped for
the next one; when every known address is gone, the runner takes the Privacy Centre route a person
would take. A page off the route (the feed after login) sends the runner back to the form.
"""

from __future__ import annotations

import re
import time
from functools import reduce
from typing import TYPE_CHECKING

from meta_optout_assist.errors import PageNotUnderstood, SiteRefused, TimedOut
from meta_optout_assist.flow.language import page_language, text_languages
from meta_optout_assist.flow.states import LIKELY_NEXT, OFF_ROUTE, STATES
from meta_optout_assist.pages.base import Flow, Outcome, PageObject, navigated
from meta_optout_assist.pages.form import ContactForm
from meta_optout_assist.pages.site_error import AddressGone, NotAvailable
from meta_optout_assist.site import urls
from meta_optout_assist.ui.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

MAX_STEPS = 60
MAX_RETURNS_TO_FORM = 3
# How often a wait for the next page state stops to ask whether the page is off the route.
LOOK_AGAIN_MS = 750
# On a login or security-check page no known state may show for minutes: once the person has been
# told, the wait there looks about three times a second (Playwright's polling in a wait of 2.5 s),
# not ten (see pages/base.py: each look takes the page's main thread while the person types). A
# feed shown after the check is still noticed as off the route within 2.5 s.
PERSON_LOOK_MS = 2500
# Pages where the person proves who they are: never navigate away from these.
PERSON_PATHS = re.compile(
    r"/(login|checkpoint|two_step_verification|two_factor|challenge|recover|auth_platform)(/|\.php|$)"
    r"|/accounts/(login|two_factor|suspended)")


class Runner:
    """Drives one form for one account from the first address to a confirmation."""

    def __init__(self, flow: Flow, diagnostics: Callable[[Flow, str], Path | None]) -> None:
        self.flow = flow
        self.diagnostics = diagnostics
        form = flow.form
        self.addresses = [urls.rewrite(a, flow.base_url) for a in form.addresses]
        route = form.privacy_centre
        self.fallbacks = [urls.rewrite(a, flow.base_url) for a in (route.addresses if route else ())]
        self.known_paths = {urls.path_of(u) for u in (
            *self.addresses, *self.fallbacks,
            *(urls.rewrite(a, flow.base_url) for a in form.gate_addresses),
            *(urls.rewrite(a, flow.base_url) for a in (flow.sel.login.addresses if flow.sel.login else ())),
        )}
        self.current = 0
        self.fallback = -1  # index into self.fallbacks once every address is gone
        self.returns_to_form = 0
        self.last_state: type[PageObject] | None = None  # what the runner acted on last
        flow.form_address = self.addresses[0]

    # -- navigation ---------------------------------------------------------------------------
    def _goto(self, url: str) -> None:
        from playwright.sync_api import Error as PlaywrightError

        self.flow.history.append(f"goto {url}")
        try:
            response = self.flow.page.goto(url, wait_until="domcontentloaded", timeout=self.flow.page_timeout_ms)
        except PlaywrightError as err:  # network.py refused a hop: a redirect off Meta's addresses
            if "ERR_BLOCKED_BY_CLIENT" not in str(err):
                from meta_optout_assist.browser.unreachable import unreachable

                raise unreachable(str(err), url, sent=self.flow.submitted) or err from None
            raise PageNotUnderstood(
                f"{url} sent the browser to an address that is not {self.flow.sel.display_name}'s; "
                "the tool did not follow it (it opens and types into Meta's own pages only)",
                hint="nothing was sent there. If this keeps happening, Meta may have moved the form: "
                "report it, or try an updated selectors folder with --selectors DIR",
            ) from None
        if response is not None and response.status == 404:
            raise AddressGone(url)

    def _next_address(self, gone: str) -> str:
        """The address to try after `gone`: the next known one, then the Privacy Centre pages."""
        flow = self.flow
        self.returns_to_form = 0
        if not flow.on_privacy_route:
            flow.ui.info(_("That form address no longer answers ({path}); trying the next one.").format(
                path=urls.path_of(gone)))
            self.current += 1
            if self.current < len(self.addresses):
                flow.form_address = self.addresses[self.current]
                return flow.form_address
            flow.on_privacy_route = True
        self.fallback += 1
        if self.fallback < len(self.fallbacks):
            flow.ui.info(_("Every form address I know is gone: taking the Privacy Centre route to the form."))
            return self.fallbacks[self.fallback]
        raise SiteRefused(
            f"every known address of the {flow.sel.display_name} {flow.form_name} form is gone",
            hint="Meta moved the form: update selectors/ (or --selectors DIR) with its new address",
        )

    def _adopt_found_address(self) -> None:
        """The Privacy Centre's link led to the form: from now on, that is the form's address."""
        flow = self.flow
        if not flow.found_address:
            return
        address, flow.found_address = flow.found_address, None
        self.addresses.append(address)
        self.current = len(self.addresses) - 1
        self.known_paths.add(urls.path_of(address))
        flow.form_address = address
        flow.on_privacy_route = False

    # -- detection ----------------------------------------------------------------------------
    def _candidates(self) -> list[PageObject]:
        flow = self.flow
        path = urls.path_of(flow.page.url)
        # "This content isn't available" counts only where the tool went to find the form (a post
        # in the feed may say it too).
        return [s for s in STATES if s.applies(flow)
                and (not isinstance(s, NotAvailable) or path in self.known_paths)]

    def _union(self, states: list[PageObject]):
        return reduce(lambda a, b: a.or_(b), (s.marker(self.flow) for s in states))

    def _off_route(self) -> bool:
        """Before Send, on a loaded page that is neither the form nor a step towards it (the feed)."""
        flow = self.flow
        if flow.submitted or flow.page.url == "about:blank":
            return False
        path = urls.path_of(flow.page.url)
        if path in self.known_paths or PERSON_PATHS.search(path):
            return False
        from playwright.sync_api import Error as PlaywrightError

        try:
            if flow.page.evaluate("document.readyState") != "complete":
                return False
        except Exception:  # noqa: BLE001 - navigating right now: not settled, so not off route
            return False
        try:
            return self._union(self._candidates()).count() == 0
        except PlaywrightError as err:  # it started navigating since: not settled either
            if navigated(err):
                return False
            raise

    def _on_person_page(self) -> bool:
        return bool(PERSON_PATHS.search(urls.path_of(self.flow.page.url)))

    def detect(self) -> PageObject:
        """Wait until one known state is visible and return the highest-priority one.

        It looks first (after an action the next page is usually there already), then waits for any
        known state and looks again. The wait stops every LOOK_AGAIN_MS to ask whether the page is
        off the route (the feed), which has no marker of its own. On a login or security-check page
        the person may need longer than a page takes to load: there the wait lasts up to the
        person's wait timeout.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        flow = self.flow
        started = time.monotonic()
        told_person = False
        look = True  # False right after a wait that saw nothing: looking then would see nothing either
        while True:
            flow.languages = text_languages(flow)
            states = self._candidates()
            if look:
                state = self._look(states)
                if state is not None:
                    return state
            elapsed_ms = (time.monotonic() - started) * 1000
            person = self._on_person_page()
            limit_ms = flow.wait_timeout_ms if person else flow.page_timeout_ms
            slice_ms = PERSON_LOOK_MS if person and told_person else LOOK_AGAIN_MS
            try:
                self._union(states).first.wait_for(
                    state="visible", timeout=max(1, min(slice_ms, limit_ms - elapsed_ms)))
            except PlaywrightTimeout:
                if self._off_route():
                    return OFF_ROUTE
                if (time.monotonic() - started) * 1000 < limit_ms:
                    if person and not told_person:
                        told_person = True
                        flow.ui.info(_("Finish logging in in the browser window (security check or "
                                       "two-factor code) — I'll carry on when you're through."))
                    look = False
                    continue
                if person:
                    raise TimedOut(
                        f"you did not finish logging in within {flow.wait_timeout_ms // 1000} s",
                        hint="run the command again and log in in the browser window, or raise --wait-timeout",
                    ) from None
                from meta_optout_assist.browser.unreachable import on_error_page

                failed = on_error_page(flow.page)  # a navigation the page started could not reach Meta
                if failed is not None:
                    raise failed from None
                where = self.diagnostics(flow, "no known page state appeared")
                raise PageNotUnderstood(
                    f"this page is not one the tool knows ({flow.page.url})",
                    hint="Meta may have changed the page: send the report in the diagnostics folder, "
                    "or try an updated selectors folder with --selectors DIR",
                    diagnostics=where,
                ) from None
            # Something known is visible now (unless the page moved on since): look again.
            look = True

    def _look(self, states: list[PageObject]) -> PageObject | None:
        """The state visible now, or None (nothing known, or the page moved on while looked at)."""
        from playwright.sync_api import Error as PlaywrightError

        try:
            state = self._first_visible_state(states)
            if state is not None and state.ends_the_run:
                # A verdict that ends the run is taken only from a settled page: a page caught
                # half-way through a navigation can show an error whose step is already over.
                self._settle()
                state = self._first_visible_state(self._candidates())
        except PlaywrightError as err:
            if not navigated(err):
                raise
            state = None
        return state

    def _first_visible_state(self, states: list[PageObject]) -> PageObject | None:
        """The highest-priority visible state, or None. The likely next states are checked first:
        one look at the union of the states that outrank a guess, then one at the guess."""
        likely = LIKELY_NEXT.get(self.last_state, ())
        ruled_out = 0  # states[:ruled_out] are not visible
        for i, state in enumerate(states):
            if type(state) not in likely:
                continue
            above = states[ruled_out:i]
            if above and self._union(above).count() > 0:
                return self._scan(above)
            if state.marker(self.flow).count() > 0:
                return state
            ruled_out = i + 1
        return self._scan(states[ruled_out:])

    def _scan(self, states: list[PageObject]) -> PageObject | None:
        for state in states:
            if state.marker(self.flow).count() > 0:
                return state
        return None

    def _settle(self) -> None:
        from playwright.sync_api import Error as PlaywrightError

        try:
            self.flow.page.wait_for_load_state("load", timeout=self.flow.page_timeout_ms)
        except PlaywrightError:
            pass  # still loading after a page's time: judge what is there

    # -- the loop -----------------------------------------------------------------------------
    def _act(self, state: PageObject) -> Outcome | None:
        """Let the page object act. A click or a wait of its that runs out of time means the page
        did not behave as the tool expects (a dialog over the form, a button that does nothing):
        a page not understood, not a failure of the tool."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            return state.act(self.flow)
        except PlaywrightTimeout as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else "timed out"
            raise PageNotUnderstood(
                f"the {state.name} did not respond as the tool expected ({first})",
                hint="Meta may have changed the page: send the report in the diagnostics folder, or try "
                "an updated selectors folder with --selectors DIR",
            ) from None

    def run(self) -> Outcome:
        flow = self.flow
        pending: str | None = self.addresses[0]
        for _step in range(MAX_STEPS):
            try:
                if pending:
                    url, pending = pending, None
                    self._goto(url)
                state = self.detect()
                self.last_state = type(state)
                flow.history.append(f"{state.name} at {urls.path_of(flow.page.url)}")
                if state is OFF_ROUTE:
                    self.returns_to_form += 1
                    if self.returns_to_form > MAX_RETURNS_TO_FORM:
                        raise AddressGone(flow.page.url)
                    state.act(flow)
                    pending = flow.form_address
                    continue
                if isinstance(state, ContactForm):  # read the page's language before filling
                    flow.locale = page_language(flow)
                outcome = self._act(state)
                self._adopt_found_address()
            except AddressGone as gone:
                if flow.submitted:
                    raise SiteRefused(f"after Send, {flow.sel.display_name} said the page is gone") from None
                pending = self._next_address(str(gone))
                continue
            except PageNotUnderstood as err:
                if flow.on_privacy_route and self.fallback + 1 < len(self.fallbacks):
                    pending = self._next_address(flow.page.url)  # this Privacy Centre page has no link
                    continue
                if err.diagnostics is None:  # a page object gave up: keep what the page looked like
                    err.diagnostics = self.diagnostics(flow, err.message)
                raise
            if outcome is not None:
                return outcome
        where = self.diagnostics(flow, f"gave up after {MAX_STEPS} page states")
        raise PageNotUnderstood(
            "the pages kept changing without reaching the confirmation",
            hint="see the page-state history in the diagnostics folder",
            diagnostics=where,
        )
