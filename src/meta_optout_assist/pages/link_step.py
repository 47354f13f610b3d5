"""A link Meta emailed instead of a code: the person's own step, like the code.

The person opens the link in the browser window the tool opened (pasting it into the address bar,
or into a new tab there), or pastes it into the terminal and the tool opens it there (Meta's
addresses only). Either way the tool then sees Meta's confirmation and keeps it. A person who
opened it in another browser says so ("done"): the run ends confirmed by them, not by Meta, and
the record says so.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from meta_optout_assist.errors import TimedOut
from meta_optout_assist.pages.base import Flow, Outcome, PageObject, wait_for_state
from meta_optout_assist.site import urls
from meta_optout_assist.ui.i18n import _, pgettext

# How often the wait looks at the terminal for a pasted link (it waits on the page in between).
LINE_POLL_MS = 500
DONE_WORDS = frozenset({"done", "opened", "ok", "okay", "yes", "y"})


class LinkStep(PageObject):
    name = "emailed link"

    def applies(self, flow: Flow) -> bool:
        return flow.submitted

    def marker(self, flow: Flow):
        return flow.find("link_sent")

    def act(self, flow: Flow) -> Outcome | None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        flow.verification = "link"
        email = flow.fields_sent.get("email") or flow.request.email
        deadline = time.monotonic() + flow.wait_timeout_ms / 1000
        lines = flow.ui.typed_lines()
        with flow.ui.waiting_for_person(
            _("Meta emailed a link to {email}. Open it in the browser window I opened: copy the link from "
              "the email into that window's address bar. Or paste it here and press Enter, and I'll open it "
              "there. (Opened it in another browser already? Type {done}.)").format(email=email, done=_done_word()),
            step=_("Waiting for you to open the link from your email"),
        ):
            while True:
                left_ms = (deadline - time.monotonic()) * 1000
                if left_ms <= 0:
                    raise TimedOut(
                        f"the emailed link was not opened within {flow.wait_timeout_ms // 1000} s",
                        hint="open the link from Meta's email in the browser window, or run the command "
                        "again and raise --wait-timeout",
                    )
                line = lines.poll()
                if line is not None and line.strip():
                    answer = self._answer(flow, line.strip())
                    if answer is not None:
                        return None if answer == "opened" else answer
                newer = _newer_page(flow)
                if newer is not None:  # opened in a new tab of this window: carry on there
                    flow.page = newer
                    return None
                try:
                    wait_for_state(self.marker(flow).first, "hidden", min(LINE_POLL_MS, left_ms))
                    return None  # the page moved on (the link was opened here): look again
                except PlaywrightTimeout:
                    continue

    def _answer(self, flow: Flow, line: str) -> Outcome | str | None:
        """Act on a typed line: a link is opened ("opened"), "done" ends the run confirmed by the
        person, anything else is explained and the wait goes on (None)."""
        if line.lower() in DONE_WORDS or line.lower() == _done_word().lower():
            flow.confirmed_by = "you"
            flow.hooks.confirmed(flow.page.screenshot(full_page=True), flow.page.content(),
                                 "You said you opened the link from Meta's email in another browser.")
            flow.ui.step(_("Confirmed by you (the link was opened in another browser; the tool did not see "
                           "Meta's confirmation)"))
            return Outcome.CONFIRMED
        if not _is_meta_link(flow, line):
            flow.ui.warn(_("That is not a link to Meta's site, so I did not open it. Paste the link from "
                           "Meta's email (it starts with https://www.facebook.com/, instagram.com/ or "
                           "whatsapp.com/), or open it in the browser window yourself."))
            return None
        flow.page.goto(urls.rewrite(line, flow.base_url), wait_until="domcontentloaded",
                       timeout=flow.page_timeout_ms)
        flow.ui.step(_("Opened the link from your email in the browser window"))
        return "opened"


def _done_word() -> str:
    """What the person types to say the link was opened elsewhere, in the terminal's language."""
    # TRANSLATORS: the one word a person types into the terminal to say they opened the emailed link
    # in another browser; keep it short and lower-case.
    return pgettext("typed word", "done")


def _is_meta_link(flow: Flow, text: str) -> bool:
    """A link on Meta's own hosts (https), or on the --base-url origin: the only ones the tool opens."""
    if not urlsplit(text).scheme or " " in text:
        return False
    return urls.is_platform_page(text, flow.sel.allowed_hosts, None) or bool(
        flow.base_url and urls.is_platform_page(text, [], flow.base_url))


def _newer_page(flow: Flow):
    """A tab the person opened in the tool's window since (on a page that has loaded an address)."""
    for page in reversed(flow.page.context.pages):
        if page is flow.page:
            return None
        if page.url not in ("", "about:blank"):
            return page
    return None
