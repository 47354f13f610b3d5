"""Turn locator strategies from selectors/ into Playwright locators.

Strategies are tried in order (stable attributes, then role + accessible name, then label, then
text); only visible elements count, so hidden templates and off-screen twins never match.
"""

from __future__ import annotations

from functools import reduce
from typing import TYPE_CHECKING

from meta_optout_assist.lenient import pattern
from meta_optout_assist.selector_data import Selectors, Strategy

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page


def texts_for(sel: Selectors, key: str) -> list[str]:
    """Every phrasing of a text key across all locales (the page's own language among them)."""
    return [phrase for phrases in sel.texts[key].values() for phrase in phrases]


def build(scope: Page | Locator, strategy: Strategy, sel: Selectors) -> Locator:
    """One strategy → one locator of visible elements."""

    def rx(key: str, exact: bool = False):
        return pattern(texts_for(sel, key), exact=exact)

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


def union(scope: Page | Locator, strategies: list[Strategy], sel: Selectors) -> Locator:
    """Any of the strategies: for detecting a page state by waiting on all of them at once."""
    return reduce(lambda a, b: a.or_(b), (build(scope, s, sel) for s in strategies))


def first_visible(scope: Page | Locator, strategies: list[Strategy], sel: Selectors) -> Locator | None:
    """The first strategy that finds a visible element now (no waiting), or None."""
    for strategy in strategies:
        loc = build(scope, strategy, sel)
        if loc.count() > 0:
            return loc.first
    return None
