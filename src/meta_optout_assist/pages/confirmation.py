"""Meta's confirmation that the objection was received (a page or a dialog)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from meta_optout_assist.pages.base import Flow, Outcome, PageObject
from meta_optout_assist.ui.i18n import _

if TYPE_CHECKING:
    from playwright.sync_api import Locator


class Confirmation(PageObject):
    name = "confirmation"

    def applies(self, flow: Flow) -> bool:
        return flow.submitted  # never mistake the form's intro text for a confirmation

    def marker(self, flow: Flow):
        return flow.find("confirmation")

    def act(self, flow: Flow) -> Outcome:
        text = _message_text(self.marker(flow).first)
        flow.hooks.confirmed(flow.page.screenshot(full_page=True), flow.page.content(), text)
        if flow.confirmed_by == "Meta":
            flow.ui.step(_("Confirmed by Meta (no code was asked for)") if flow.verification == "none"
                         else _("Confirmed by Meta"))
        else:  # a --base-url origin that is not Meta's
            flow.ui.step(f"Confirmed by {flow.confirmed_by}"
                         + (" (no code was asked for)" if flow.verification == "none" else ""))
        return Outcome.CONFIRMED


# The nearest dialog, main part, article or section around the matched phrase (XPath counts a
# reverse axis from the element outwards, so [1] is the nearest).
_MESSAGE_BOX = ("xpath=ancestor-or-self::*[@role='dialog' or @role='main' or self::main or self::article"
                " or self::section][1]")


def _message_text(phrase: Locator) -> str:
    """The whole message (heading and body), not only the phrase that matched: the text of the box
    around it, else of its parent. Read with locators, in Playwright's own script world: an
    `evaluate` would first load Playwright's selector engine into the page's world too (~20 ms)."""
    box = phrase.locator(_MESSAGE_BOX)
    return (box if box.count() else phrase.locator("xpath=..")).inner_text()
