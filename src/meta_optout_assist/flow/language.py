"""The language of the page in front of the tool: read from the page itself (<html lang>), unless
--locale says otherwise. Texts are matched in it (and English), and a reason template is written in
it."""

from __future__ import annotations

import re

from meta_optout_assist.pages.base import Flow


def _html_language(flow: Flow) -> str | None:
    """The primary subtag of <html lang> ("de-DE" → "de") when the tool knows that language."""
    from meta_optout_assist.legal.countries import SUPPORTED_LOCALES

    url = flow.page.url
    if flow.language_seen and flow.language_seen[0] == url:
        return flow.language_seen[1]
    try:  # a locator, read in Playwright's own script world, where the looks that follow run too
        lang = flow.page.locator("html").get_attribute("lang", timeout=flow.page_timeout_ms)
    except Exception:  # noqa: BLE001 - the page is navigating: it says nothing yet
        return None
    primary = re.split(r"[-_]", lang.strip().lower())[0] if lang else ""
    if primary not in SUPPORTED_LOCALES:
        return None  # not remembered: a document still loading says nothing yet
    flow.language_seen = (url, primary)
    return primary


def page_language(flow: Flow) -> str:
    """The page's own language (<html lang="de-DE"> → "de"), unless --locale overrides it."""
    if flow.request.locale:
        return flow.request.locale
    return _html_language(flow) or flow.locale


def text_languages(flow: Flow) -> tuple[str, ...] | None:
    """The languages to match the page's texts in: its own (and --locale's); None (all) when the
    page does not say which language it is in."""
    own = _html_language(flow)
    if own is None:
        return None
    return tuple(dict.fromkeys(x for x in (own, flow.request.locale) if x))
