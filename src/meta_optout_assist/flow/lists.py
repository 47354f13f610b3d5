"""Choosing an entry in a list on Meta's form: a native <select>, or Meta's own combobox (a div or a
typeahead input with role="combobox" that opens a listbox of role="option" items, usually in a
popover elsewhere in the document; aria-controls points at it). The caller says which entry it
wants by a `pick` function over the entries' labels (and, for a native list, their values); the
entry is chosen, then read back from the page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.pages.base import Flow, wait_for_state
from meta_optout_assist.site.lenient import normalise

if TYPE_CHECKING:
    from playwright.sync_api import Locator

# (labels, values) → the index to choose, or None. Values are a native list's option values (read
# only when asked for); a combobox has none.
Pick = Callable[[list[str], Callable[[], list[str]]], "int | None"]

_TYPEABLE = "e => e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.isContentEditable"


def choose(flow: Flow, element: Locator, *, what: str, typed: Sequence[str], pick: Pick,
           missing: Callable[[], PageNotUnderstood]) -> str:
    """Choose the entry `pick` names in the list `element` and return its label as shown.
    `typed`: what to type into a typeahead to find it, best first; `missing`: the error when the
    list has no such entry; `what`: the list's name in messages ("country list")."""
    options = element.locator("xpath=self::select//option")  # none unless it is a native list
    count = options.count()
    if not count:
        if element.locator("xpath=self::select").count():  # a native list with no entries
            raise missing()
        return _choose_in_combobox(flow, element, what=what, typed=typed, pick=pick, missing=missing)
    labels = _option_labels(element, options, count)
    index = pick(labels, lambda: options.evaluate_all("os => os.map(o => o.value)"))
    if index is None:
        raise missing()
    chosen = element.select_option(index=index)
    # Read back after the page's own change handlers have run: the list shows what was chosen.
    if not chosen or element.input_value() != chosen[0]:
        raise PageNotUnderstood(f"chose {labels[index].strip()!r} in the {what} but it did not stick")
    return labels[index].strip()


def _option_labels(select: Locator, options: Locator, count: int) -> list[str]:
    """The texts of a native list's options, in order. A <select>'s innerText is its options' texts,
    one per line (Chromium): one quick round trip for some 250 entries, read in Playwright's own
    script world. A browser that answers otherwise gets the options read one by one in the page's."""
    lines = select.inner_text().split("\n")
    if len(lines) == count:
        return lines
    return options.all_inner_texts()


def _choose_in_combobox(flow: Flow, element: Locator, *, what: str, typed: Sequence[str], pick: Pick,
                        missing: Callable[[], PageNotUnderstood]) -> str:
    typeable = element.evaluate(_TYPEABLE)
    for attempt in (typed if typeable else typed[:1]):
        if element.get_attribute("aria-expanded") != "true":
            element.click()
        if typeable:  # a typeahead: typing filters the list
            element.fill(attempt)
        options = _options_of(flow, element)
        labels = options.all_inner_texts()
        index = pick(labels, list)
        if index is None:
            continue
        chosen = " ".join(labels[index].split())
        options.nth(index).click()
        shown = normalise(element.evaluate("e => ('value' in e && e.tagName === 'INPUT') ? e.value : e.innerText"))
        if not shown or (normalise(chosen) not in shown and shown not in normalise(chosen)):
            raise PageNotUnderstood(f"chose {chosen!r} in the {what} but the field shows {shown!r}")
        return chosen
    element.press("Escape")
    raise missing()


def _options_of(flow: Flow, combobox: Locator) -> Locator:
    """The visible options of this combobox's own listbox (aria-controls / aria-owns), once shown."""
    anywhere = flow.page.get_by_role("option").filter(visible=True)
    wait_for_state(anywhere.first, "visible", flow.page_timeout_ms)
    owned = combobox.get_attribute("aria-controls") or combobox.get_attribute("aria-owns")
    if owned:
        mine = flow.page.locator(", ".join(f'[id="{i}"]' for i in owned.split()))
        mine = mine.get_by_role("option").filter(visible=True)
        if mine.count() > 0:
            return mine
    return anywhere


def best_option(labels: list[str], wanted: list[str]) -> int | None:
    """Exact (folded) match in preference order, then an option that starts with a wanted name."""
    folded = [normalise(label) for label in labels]
    for name in wanted:
        if name in folded:
            return folded.index(name)
    for name in wanted:
        for i, label in enumerate(folded):
            if label.startswith(name) and len(name) >= 4:
                return i
    return None
