"""The login page (or a login pop-up, a two-factor check): the person's own step.

The tool never types here. It tells the person what to do and waits until the password field
is gone, which also covers a wrong password (the field comes back) and two-factor pages.
"""

from __future__ import annotations

from meta_optout_assist.errors import TimedOut
from meta_optout_assist.pages.base import Flow, PageObject, wait_for_state
from meta_optout_assist.ui.i18n import _


class LoginWall(PageObject):
    name = "login"

    def marker(self, flow: Flow):
        return flow.find("login_password")

    def act(self, flow: Flow) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        platform = flow.sel.display_name
        with flow.ui.waiting_for_person(
            _("Log in to {platform} in the browser window — I'll carry on when you're in.").format(platform=platform),
            step=_("Waiting for you to log in to {platform}").format(platform=platform),
        ):
            try:
                wait_for_state(self.marker(flow).first, "hidden", flow.wait_timeout_ms)
            except PlaywrightTimeout:
                raise TimedOut(
                    f"you did not log in to {platform} within {flow.wait_timeout_ms // 1000} s",
                    hint="run the command again and log in in the browser window, or raise --wait-timeout",
                ) from None
        flow.ui.step(_("Logged in to {platform}").format(platform=platform))
