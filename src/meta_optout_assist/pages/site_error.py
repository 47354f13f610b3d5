"""Pages that end or redirect the run: Meta's error page, a refusal, a form address that is gone,
and a form that refused what was sent."""

from __future__ import annotations

from meta_optout_assist.errors import SiteRefused
from meta_optout_assist.pages.base import Flow, PageObject, visible_text


class AddressGone(Exception):
    """This form address answers "This content isn't available": try the next one."""


class NotAvailable(PageObject):
    name = "content not available"

    def applies(self, flow: Flow) -> bool:
        return not flow.submitted

    def marker(self, flow: Flow):
        return flow.find("not_available")

    def act(self, flow: Flow) -> None:
        raise AddressGone(flow.page.url)


class SiteError(PageObject):
    name = "error page"
    ends_the_run = True

    def marker(self, flow: Flow):
        return flow.find("site_error")

    def act(self, flow: Flow) -> None:
        raise SiteRefused(
            f"{flow.sel.display_name} showed an error: {visible_text(flow.find('site_error').first)!r}",
            hint="nothing is confirmed; try again later (`assist status` shows this attempt as failed)",
        )


class Refusal(PageObject):
    name = "refusal"
    ends_the_run = True

    def applies(self, flow: Flow) -> bool:
        return flow.submitted  # Meta answers a request it received; before Send nothing is refused

    def marker(self, flow: Flow):
        return flow.find("refusal")

    def act(self, flow: Flow) -> None:
        raise SiteRefused(
            f"{flow.sel.display_name} refused the request: {visible_text(flow.find('refusal').first)!r}",
            hint="keep the receipt; `assist escalate ID` prepares an objection letter and a complaint",
        )


class FormRejected(PageObject):
    """After Send, the form is still there with an error message on it."""

    name = "form error"
    ends_the_run = True

    def applies(self, flow: Flow) -> bool:
        return flow.submitted

    def marker(self, flow: Flow):
        return flow.find("form_error")

    def act(self, flow: Flow) -> None:
        raise SiteRefused(
            f"the form was not accepted: {visible_text(flow.find('form_error').first)!r}",
            hint="check what you gave (email, country, reason) and run the command again",
        )
