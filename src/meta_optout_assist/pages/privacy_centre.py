"""The Privacy Centre's generative-AI page, the way a person reaches the form when every address
the tool knows is gone: follow the link the form's registry entry names ("Right to object" for the
objection form, "Learn more and submit requests here" for the third-party form)."""

from __future__ import annotations

from urllib.parse import urljoin

from meta_optout_assist.pages.base import Flow, PageObject
from meta_optout_assist.ui.i18n import _


class PrivacyCentreLink(PageObject):
    name = "privacy centre"

    def applies(self, flow: Flow) -> bool:
        return flow.on_privacy_route and not flow.submitted and flow.form.privacy_centre is not None

    def marker(self, flow: Flow):
        route = flow.form.privacy_centre
        assert route is not None  # applies() says so
        return flow.find(route.link)

    def act(self, flow: Flow) -> None:
        link = self.marker(flow).first
        href = link.get_attribute("href")
        flow.found_address = urljoin(flow.page.url, href) if href else None
        flow.ui.info(_("Following the Privacy Centre's link to the form."))
        link.click()
        flow.page.wait_for_load_state("domcontentloaded")
