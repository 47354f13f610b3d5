"""After Send, a dialog that is neither the code step nor the confirmation (nor an error the tool
knows): read out to the person, not waited on in silence. It is given the page's time to go away or
to turn into a page the tool knows (a "Sending…" dialog does): each look waits a little for it to
close, then lets the runner look again. If it stays, the run ends with its words and a diagnostics
folder (exit 3)."""

from __future__ import annotations

import time

from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.pages.base import Flow, PageObject, visible_text, wait_for_state

# How long one look waits for the dialog to close before the runner looks again.
SLICE_MS = 2500


class UnknownDialog(PageObject):
    name = "dialog after Send"

    def applies(self, flow: Flow) -> bool:
        return flow.submitted

    def marker(self, flow: Flow):
        return flow.find("any_dialog")

    def act(self, flow: Flow) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        dialog = self.marker(flow).first
        try:
            words = visible_text(dialog, timeout_ms=SLICE_MS)
        except PlaywrightTimeout:
            return  # it went away (or turned into the next page) since: the runner looks again
        seen = flow.unknown_dialog
        since = seen[1] if seen and seen[0] == words else time.monotonic()
        flow.unknown_dialog = (words, since)
        left_ms = flow.page_timeout_ms - (time.monotonic() - since) * 1000
        if left_ms > 0:
            try:
                wait_for_state(dialog, "hidden", min(SLICE_MS, left_ms))
                return
            except PlaywrightTimeout:
                return  # the runner looks again: the dialog may have become a page it knows
        raise PageNotUnderstood(
            f"after Send, {flow.sel.display_name} shows a message the tool does not know: {words!r}",
            hint="read it in the browser window: it may ask for something only you can do. The form "
            "was sent; `assist status` keeps this attempt. Send the report in the diagnostics folder "
            "so the tool learns this message",
        )
