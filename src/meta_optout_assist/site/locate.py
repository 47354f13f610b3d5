"""Turn locator strategies from selectors/ into Playwright locators.

Strategies are tried in order (stable attributes, then role + accessible name, then label, then
text); only visible elements count, so hidden templates and off-screen twins never match.

Texts are matched in the page's own language and English when the page says which language it is
in (`languages`), in every language otherwise: the same knowledge, a fraction of the work.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce
from typing import TYPE_CHECKING

from meta_optout_assist.site.lenient import pattern
from meta_optout_assist.site.selectors import Selectors, Strategy

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

FALLBACK_LANGUAGE = "en"


def texts_for(sel: Selectors, key: str, languages: Sequence[str] | None = None) -> list[str]:
    """The phrasings of a text key: in `languages` (and English) when given, else in all locales.

    A key with no phrasing in those languages falls back to all of its phrasings.
    """
    by_locale = sel.texts[key]
    if languages:
        wanted = [*languages, FALLBACK_LANGUAGE]
        phrases = [p for loc in dict.fromkeys(wanted) for p in by_locale.get(loc, [])]
        if phrases:
            return phrases
    return [phrase for phrases in by_locale.values() for phrase in phrases]


def build(scope: Page | Locator, strategy: Strategy, sel: Selectors,
          languages: Sequence[str] | None = None) -> Locator:
    """One strategy → one locator of visible elements."""

    def rx(key: str, exact: bool = False):
        return pattern(texts_for(sel, key, languages), exact=exact)

    if strategy.css:
        loc = scope.locator(strategy.css)
    elif strategy.role:
        if strategy.name:
            loc = scope.get_by_role(strategy.role, name=rx(strategy.name, strategy.exact))  # type: ignore[arg-type]
        else:
            loc = scope.get_by_role(strategy.role)  # type: ignore[arg-type]
    elif strategy.label:
        loc = scope.get_by_label(rx(strategy.label, strategy.exact))
    elif strategy.placeholder:
        loc = scope.get_by_placeholder(rx(strategy.placeholder, strategy.exact))
    else:
        assert strategy.text
        loc = scope.get_by_text(rx(strategy.text, strategy.exact))
    if strategy.has_text:
        loc = loc.filter(has_text=rx(strategy.has_text))
    if strategy.inner_css:
        loc = loc.locator(strategy.inner_css)
    return loc.filter(visible=True) if strategy.visible else loc


def union(scope: Page | Locator, strategies: list[Strategy], sel: Selectors,
          languages: Sequence[str] | None = None) -> Locator:
    """Any of the strategies: for detecting a page state by waiting on all of them at once."""
    return reduce(lambda a, b: a.or_(b), (build(scope, s, sel, languages) for s in strategies))


def first_visible(scope: Page | Locator, strategies: list[Strategy], sel: Selectors,
                  languages: Sequence[str] | None = None) -> Locator | None:
    """The first strategy that finds a visible element now (no waiting), or None."""
    for strategy in strategies:
        loc = build(scope, strategy, sel, languages)
        if loc.count() > 0:
            return loc.first
    return None
