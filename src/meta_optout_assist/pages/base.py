"""What every page object shares: the flow's context and the detect → act contract.

A page object answers "is this you?" with a locator of visible elements (`marker`), so the runner
can wait on every candidate at once, and `act`s when chosen: click, fill, or wait for the person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, ClassVar, Protocol

from meta_optout_assist import locate

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from meta_optout_assist.inputs import FillRequest
    from meta_optout_assist.selector_data import FormSpec, Selectors, Strategy
    from meta_optout_assist.ui import UI


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
    form_name: str
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

    @property
    def form(self) -> FormSpec:
        return self.sel.form(self.form_name)

    def locators(self, key: str) -> list[Strategy]:
        return self.sel.locators[key]

    def find(self, key: str) -> Locator:
        """The visible elements any strategy of locators[key] finds."""
        return locate.union(self.page, self.locators(key), self.sel)


class PageObject:
    """One kind of page (or pop-up) the person can be on."""

    name: ClassVar[str]

    def applies(self, flow: Flow) -> bool:
        """Whether this state can occur now (e.g. the confirmation only after Send)."""
        return True

    def marker(self, flow: Flow) -> Locator:
        raise NotImplementedError

    def act(self, flow: Flow) -> Outcome | None:
        """Do this page's part. Return an Outcome to stop, None to look at the page again."""
        raise NotImplementedError
