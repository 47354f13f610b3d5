"""The emailed one-time code: the person's own step. The tool never reads or types the code.

It waits until the code box is gone; a wrong or expired code keeps the box up (or brings it back
with the reloaded page), so the person simply types it again and the tool keeps waiting.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from meta_optout_assist.errors import TimedOut
from meta_optout_assist.pages.base import Flow, PageObject, navigated, wait_for_state
from meta_optout_assist.ui.i18n import _

if TYPE_CHECKING:
    from playwright.sync_api import Locator


class CodeStep(PageObject):
    name = "email code"

    def marker(self, flow: Flow):
        return flow.find("code_input")

    def act(self, flow: Flow) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        flow.verification = "code"
        email = flow.fields_sent.get("email") or flow.request.email
        minutes = flow.wait_timeout_ms // 60_000
        deadline = time.monotonic() + flow.wait_timeout_ms / 1000
        with flow.ui.waiting_for_person(
            _("Meta emailed a code to {email}. Type it into the browser window and confirm there — I'll carry "
              "on when it's accepted (waiting up to {minutes} min; the code is valid for about an hour).")
            .format(email=email, minutes=minutes),
            step=_("Waiting for the code from your email"),
        ):
            while True:
                left_ms = (deadline - time.monotonic()) * 1000
                try:
                    wait_for_state(self.marker(flow).first, "hidden", max(1, left_ms))
                    # A form that posts the code reloads the page: is the box back (code refused)?
                    flow.page.wait_for_load_state("load", timeout=max(1, left_ms))
                except PlaywrightTimeout:
                    raise TimedOut(
                        f"the emailed code was not entered within {flow.wait_timeout_ms // 1000} s",
                        hint="the form may have been sent without confirmation: run the command again "
                        "and type the new code Meta emails you, or raise --wait-timeout",
                    ) from None
                back = _box_shown(self.marker(flow))
                if back is False:
                    break
                if back:
                    flow.ui.info(_("Meta did not accept that code (wrong or expired?): type the code "
                                   "from Meta's latest email — I'm still waiting."))
        flow.ui.step(_("Code entered"))


def _box_shown(marker: Locator) -> bool | None:
    """Is the code box shown on the settled page? None: the page moved on while it was looked at
    (to the confirmation, usually), so the loop waits and looks again."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        return marker.count() > 0
    except PlaywrightError as err:
        if navigated(err):
            return None
        raise
