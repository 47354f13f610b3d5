"""Meta's cookie consent dialog (Facebook's or Instagram's): always answered essential-only.

Known first by what lasted when Meta reworded it (the attributes DuckDuckGo's autoconsent keys
on: `data-testid="cookie-policy-manage-dialog"`, `data-cookiebanner="accept_only_essential_button"`),
then by its words, in every language. The tool never presses a button that accepts optional
cookies: a dialog whose essential-only button it cannot find is a page it does not understand.
"""

from __future__ import annotations

from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.pages.base import Flow, PageObject, wait_for_state
from meta_optout_assist.site.lenient import normalise
from meta_optout_assist.ui.i18n import _

# What a button that accepts optional cookies carries (autoconsent's opt-in attributes).
_BUTTON_FACTS = """b => [b.getAttribute('data-cookiebanner') || '', String(b.className || ''),
                        (b.innerText || b.getAttribute('aria-label') || '').trim()]"""


class CookieBanner(PageObject):
    name = "cookie banner"

    def marker(self, flow: Flow):
        return flow.find("cookie_dialog").or_(flow.find("cookie_decline"))

    def act(self, flow: Flow) -> None:
        dialog = flow.first_visible(flow.locators("cookie_dialog"))
        decline = None
        if dialog is not None:
            decline = flow.first_visible(flow.locators("cookie_decline"), dialog)
        if decline is None:
            decline = flow.first_visible(flow.locators("cookie_decline"))
        if decline is None or self._accepts(flow, decline):
            raise PageNotUnderstood(
                "a cookie dialog is shown, but not its button that allows essential cookies only "
                "(the tool never accepts optional cookies)",
                hint="answer the dialog yourself in the browser window (essential cookies only) and run "
                "the command again; report it so the tool learns the new dialog",
            )
        decline.click()
        # Verify: the dialog goes away (neither it nor its decline button shows any more).
        wait_for_state(self.marker(flow).first, "hidden", flow.page_timeout_ms)
        if not flow.cookies_declined:
            flow.ui.step(_("Declined optional cookies"))
        flow.cookies_declined = True

    @staticmethod
    def _accepts(flow: Flow, button) -> bool:
        """Whether this button would accept optional cookies (a last line of defence: the locators
        never look for one, but Meta's generated class names can change meaning)."""
        attribute, classes, label = button.evaluate(_BUTTON_FACTS)
        accepting = {normalise(p) for p in flow.texts("cookie_accept")}
        return attribute == "accept_button" or "_a9_0" in classes.split() or normalise(label) in accepting
