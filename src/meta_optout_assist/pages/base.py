"""What every page object shares: the flow's context and the detect → act contract.

A page object answers "is this you?" with a locator of visible elements (`marker`), so the runner
can wait on every candidate at once, and `act`s when chosen: click, fill, or wait for the person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, ClassVar, Literal, Protocol

from meta_optout_assist.site import locate

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from meta_optout_assist.inputs import FillRequest
    from meta_optout_assist.site.schema import FormEntry, Strategy
    from meta_optout_assist.site.selectors import Selectors
    from meta_optout_assist.ui.progress import UI


class Outcome(str, Enum):
    CONFIRMED = "confirmed"
    DRY_RUN = "dry-run"


class Hooks(Protocol):
    """What the flow reports as it goes (the journal and the receipt listen)."""

    def before_send(self, screenshot: bytes, fields: dict[str, str]) -> None: ...
    def submitted(self) -> None: ...
    def confirmed(self, screenshot: bytes, html: str, text: str) -> None: ...


@dataclass
class Flow:
    """Everything a page object may need, and what the run has done so far."""

    page: Page
    sel: Selectors
    request: FillRequest
    ui: UI
    hooks: Hooks
    locale: str = "en"
    base_url: str | None = None
    wait_timeout_ms: int = 600_000
    page_timeout_ms: int = 20_000
    assume_yes: bool = False
    dry_run: bool = False
    submitted: bool = False
    cookies_declined: bool = False
    history: list[str] = field(default_factory=list)
    fields_sent: dict[str, str] = field(default_factory=dict)
    # Kept up to date by the runner: the form address being tried, and whether it is following
    # the Privacy Centre route because every known address is gone.
    form_address: str | None = None
    on_privacy_route: bool = False
    # Set by the Privacy Centre page object: the form address its link led to.
    found_address: str | None = None
    # The languages texts are matched in: the page's own (read by the runner from <html lang>)
    # and English; None means every language the selectors know.
    languages: tuple[str, ...] | None = None
    # The last document's address and its <html lang>, so the runner reads it once per page.
    language_seen: tuple[str, str] | None = None
    # How Meta verified the request after Send: "code", "link", or "none" (straight to the
    # confirmation); and who saw the confirmation: Meta's page, the person (a link opened in
    # another browser), or the --base-url origin when that is not Meta (urls.site_name).
    verification: str = "none"
    confirmed_by: str = "Meta"
    # A dialog after Send the tool does not know: its words and when they were first seen.
    unknown_dialog: tuple[str, float] | None = None

    @property
    def form(self) -> FormEntry:
        return self.sel.form

    @property
    def form_name(self) -> str:
        """The --form value of the form being filled: objection, third-party…"""
        return self.sel.form.form

    def locators(self, key: str) -> list[Strategy]:
        return self.sel.locators[key]

    def find(self, key: str) -> Locator:
        """The visible elements any strategy of locators[key] finds."""
        return self.union(self.locators(key))

    def union(self, strategies: list[Strategy], scope: Page | Locator | None = None) -> Locator:
        """The visible elements any of the strategies finds (for waiting on them all at once)."""
        return locate.union(scope or self.page, strategies, self.sel, self.languages)

    def first_visible(self, strategies: list[Strategy], scope: Page | Locator | None = None) -> Locator | None:
        """The element the first strategy that finds one finds now (no waiting), or None."""
        return locate.first_visible(scope or self.page, strategies, self.sel, self.languages)

    def texts(self, key: str) -> list[str]:
        """The phrasings of a text key in the languages texts are matched in."""
        return locate.texts_for(self.sel, key, self.languages)


# Playwright polls a waiting locator at 0, 20, 70, 170 and 270 ms, then every 100 ms in a wait of
# less than 2.5 s and every 500 ms in a longer one. Each poll is a look at the whole page, on the
# page's main thread: a few ms on the replica, 100-300 ms on a page of thousands of elements (make
# bench). So a wait polls quickly for its first second, where a step taken at the machine's speed
# ends (noticed within 100 ms), then twice a second: the person's own steps, which last minutes,
# are noticed within half a second, and the page they type into stays responsive.
QUICK_WAIT_MS = 1000


def wait_for_state(locator: Locator, state: Literal["visible", "hidden"], timeout_ms: float) -> None:
    """`locator.wait_for(state=...)`: quick for a second, then patient. Raises Playwright's
    TimeoutError after `timeout_ms`."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    quick_ms = max(1, min(QUICK_WAIT_MS, timeout_ms))
    for slice_ms in (quick_ms, timeout_ms - quick_ms):
        if slice_ms < 1:
            break
        try:
            locator.wait_for(state=state, timeout=slice_ms)
            return
        except PlaywrightTimeout:
            pass
    raise PlaywrightTimeout(f"Timeout {timeout_ms:.0f}ms exceeded waiting for {locator} to be {state}")


def visible_text(element: Locator, limit: int = 300, timeout_ms: float = 5000) -> str:
    """An element's text as a person reads it: one line, white space collapsed, cut at `limit`.
    Raises Playwright's TimeoutError when the element is gone for `timeout_ms`."""
    return " ".join(element.inner_text(timeout=timeout_ms).split())[:limit]


def navigated(err: Exception) -> bool:
    """Whether a Playwright error says only that the page navigated while it was being looked at.
    Older Playwright releases (1.51 among those supported) raise it from a `count()` that meets a
    navigation, as looks right after Send or the code often do; the look is then taken again."""
    text = str(err)
    return "Execution context was destroyed" in text or "Cannot find context with specified id" in text


class PageObject:
    """One kind of page (or pop-up) the person can be on."""

    name: ClassVar[str]
    # A failure verdict (error page, refusal, form error): the runner takes it from a settled page.
    ends_the_run: ClassVar[bool] = False

    def applies(self, flow: Flow) -> bool:
        """Whether this state can occur now (e.g. the confirmation only after Send)."""
        return True

    def marker(self, flow: Flow) -> Locator:
        raise NotImplementedError

    def act(self, flow: Flow) -> Outcome | None:
        """Do this page's part. Return an Outcome to stop, None to look at the page again."""
        raise NotImplementedError
