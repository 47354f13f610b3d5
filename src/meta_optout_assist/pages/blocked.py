"""Meta's temporary block: "You're Temporarily Blocked … misusing this feature by going too fast",
"You can't use this feature right now". Meta refuses, for now: the run ends with Meta's words
(exit 5) and the advice to come back later. The tool never retries by itself: sending again is what
the block is about."""

from __future__ import annotations

from meta_optout_assist.errors import SiteRefused
from meta_optout_assist.pages.base import Flow, PageObject, visible_text


class Blocked(PageObject):
    name = "temporarily blocked"
    ends_the_run = True

    def marker(self, flow: Flow):
        return flow.find("blocked")

    def act(self, flow: Flow) -> None:
        # The whole message: the dialog (or alert) around the words when there is one.
        found = flow.first_visible(flow.locators("blocked"))
        words = visible_text(found) if found is not None else ""
        sent = "; the form had been sent, and Meta did not take it" if flow.submitted else "; nothing was sent"
        raise SiteRefused(
            f"{flow.sel.display_name} blocked this for now{sent}: {words!r}",
            hint="Meta limits how often a form may be sent. Wait a few hours (or until tomorrow), then run "
            "the command again; the tool does not retry by itself",
        )
