"""A page that is neither the form nor a step towards it, before Send: typically the news feed,
where Meta's unreliable login-then-redirect leaves people. The way back is the form's address.

It has no marker of its own (the feed changes all the time): the runner recognises it by what it
is not — a loaded page at an address that is not the form's, the gate's, the Privacy Centre's or a
login page, showing nothing the tool knows.
"""

from __future__ import annotations

from meta_optout_assist.pages.base import Flow, PageObject
from meta_optout_assist.ui.i18n import _


class OffRoute(PageObject):
    name = "off the form's route"

    def act(self, flow: Flow) -> None:
        # The runner navigates (it knows which address is current and counts the returns).
        flow.ui.info(_("Not on the form (Meta sent you elsewhere after login); going back to it."))
