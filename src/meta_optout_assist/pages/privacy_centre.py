"""The Privacy Centre's generative-AI page, the way a person reaches the form when every address
the tool knows is gone: follow its "Right to object" link (or, for the third-party form, "Learn
more and submit requests here")."""

from __future__ import annotations

from urllib.parse import urljoin

from meta_optout_assist.pages.base import Flow, PageObject

# The selectors' locator key of the link that leads from the Privacy Centre to each form.
ROUTE_LINKS = {"objection": "object_link", "third-party": "third_party_link"}


def route_key(form_name: str) -> str:
    return ROUTE_LINKS.get(form_name, f"{form_name}_link")


class PrivacyCentreLink(PageObject):
    name = "privacy centre"

    def applies(self, flow: Flow) -> bool:
        return flow.on_privacy_route and not flow.submitted and route_key(flow.form_name) in flow.sel.locators

    def marker(self, flow: Flow):
        return flow.find(route_key(flow.form_name))

    def act(self, flow: Flow) -> None:
        link = self.marker(flow).first
        href = link.get_attribute("href")
        flow.found_address = urljoin(flow.page.url, href) if href else None
        flow.ui.info("Following the Privacy Centre's link to the form.")
        link.click()
        flow.page.wait_for_load_state("domcontentloaded")
