"""Pages that end or redirect the run: Meta's error page, a refusal, a form address that is gone,
and a form that refused what was sent."""

from __future__ import annotations

from meta_optout_assist.errors import SiteRefused
from meta_optout_assist.pages.base import Flow, PageObject


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


def _visible_text(flow: Flow, key: str) -> str:
    return " ".join(flow.find(key).first.inner_text().split())[:300]


class SiteError(PageObject):
    name = "error page"
    ends_the_run = True

    def marker(self, flow: Flow):
        return flow.find("site_error")

    def act(self, flow: Flow) -> None:
        raise SiteRefused(
            f"{flow.sel.display_name} showed an error: {_visible_text(flow, 'site_error')!r}",
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
            f"{flow.sel.display_name} refused the request: {_visible_text(flow, 'refusal')!r}",
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
            f"the form was not accepted: {_visible_text(flow, 'form_error')!r}",
            hint="check what you gave (email, country, reason) and run the command again",
        )
