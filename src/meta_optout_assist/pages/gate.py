"""The gate question "Is your request about AI at Meta?": answer Yes, then Next."""

from __future__ import annotations

from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.pages.base import Flow, PageObject, wait_for_state
from meta_optout_assist.ui.i18n import _


class GateQuestion(PageObject):
    name = "gate question"

    def applies(self, flow: Flow) -> bool:
        return not flow.submitted

    def marker(self, flow: Flow):
        return flow.find("gate_question")

    def act(self, flow: Flow) -> None:
        question = self.marker(flow).first
        # The Yes of this question: inside its group when the marker is the group, else on the page.
        is_group = question.evaluate("e => e.matches('fieldset, [role=radiogroup], [role=group]')")
        scope = question if is_group else flow.page
        yes = flow.first_visible(flow.locators("gate_yes"), scope)
        if yes is None:
            raise PageNotUnderstood("found the question 'Is your request about AI at Meta?' but not its Yes")
        is_radio = yes.evaluate("e => e.matches('input[type=radio], [role=radio]')")
        yes.click()
        if is_radio:
            if not yes.evaluate("e => e.checked === true || e.getAttribute('aria-checked') === 'true'"):
                raise PageNotUnderstood("clicked Yes on the question 'Is your request about AI at Meta?' "
                                        "but it is not selected")
            nxt = flow.first_visible(flow.locators("gate_next"))
            if nxt is None:
                raise PageNotUnderstood("answered Yes to 'Is your request about AI at Meta?' but found no Next")
            nxt.click()
        # else: a Yes button moves on by itself.
        wait_for_state(self.marker(flow).first, "hidden", flow.page_timeout_ms)
        flow.ui.step(_("Answered the gate question: Yes, it is about AI at Meta"))
