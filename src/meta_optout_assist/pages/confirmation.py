"""Meta's confirmation that the objection was received (a page or a dialog)."""

from __future__ import annotations

from meta_optout_assist.pages.base import Flow, Outcome, PageObject


class Confirmation(PageObject):
    name = "confirmation"

    def applies(self, flow: Flow) -> bool:
        return flow.submitted  # never mistake the form's intro text for a confirmation

    def marker(self, flow: Flow):
        return flow.find("confirmation")

    def act(self, flow: Flow) -> Outcome:
        # Keep the whole message (heading and body), not only the phrase that matched.
        text = self.marker(flow).first.evaluate(
            "e => (e.closest('[role=dialog], [role=main], main, article, section') || e.parentElement"
            " || e).innerText"
        )
        flow.hooks.confirmed(flow.page.screenshot(full_page=True), flow.page.content(), text)
        flow.ui.step("Confirmed by Meta")
        return Outcome.CONFIRMED
