"""The gate question "Is your request about AI at Meta?": answer Yes, then Next."""

from __future__ import annotations

from meta_optout_assist import locate
from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.pages.base import Flow, PageObject


class GateQuestion(PageObject):
    name = "gate question"

    def applies(self, flow: Flow) -> bool:
        return not flow.submitted

    def marker(self, flow: Flow):
        return flow.find("gate_question")

    def act(self, flow: Flow) -> None:
        yes = locate.first_visible(flow.page, flow.locators("gate_yes"), flow.sel)
        nxt = locate.first_visible(flow.page, flow.locators("gate_next"), flow.sel)
        if yes is None or nxt is None:
            raise PageNotUnderstood(
                "found the question 'Is your request about AI at Meta?' but not its Yes/Next controls")
        yes.click()
        nxt.click()
        self.marker(flow).first.wait_for(state="hidden", timeout=flow.page_timeout_ms)
        flow.ui.step("Answered the gate question: Yes, it is about AI at Meta")
