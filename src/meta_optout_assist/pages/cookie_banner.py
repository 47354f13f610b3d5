"""The cookie consent dialog (Facebook's or Instagram's): always answer essential-only."""

from __future__ import annotations

from meta_optout_assist.pages.base import Flow, PageObject, wait_for_state


class CookieBanner(PageObject):
    name = "cookie banner"

    def marker(self, flow: Flow):
        return flow.find("cookie_decline")

    def act(self, flow: Flow) -> None:
        button = self.marker(flow).first
        button.click()
        # Verify: the banner goes away (its decline button is no longer visible).
        wait_for_state(self.marker(flow).first, "hidden", flow.page_timeout_ms)
        if not flow.cookies_declined:
            flow.ui.step("Declined optional cookies")
        flow.cookies_declined = True
