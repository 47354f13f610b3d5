"""Putting a value into one field of a form, whatever widget Meta drew for it: a text box (or a
contenteditable rich text area), a native <select> or Meta's own combobox for the country, a radio
group, a file upload. Each returns what the field shows afterwards, read back from the page, which
is what the receipt keeps as sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.pages.base import Flow, wait_for_state
from meta_optout_assist.site.lenient import normalise, pattern

if TYPE_CHECKING:
    from playwright.sync_api import Locator

    from meta_optout_assist.site.schema import FieldSpec


def fill_field(flow: Flow, key: str, spec: FieldSpec, element: Locator, value: object) -> str:
    """Put one value into one field and return what the field now shows (for the receipt)."""
    if spec.kind == "choice":
        return _choose_country(flow, element, str(value))
    if spec.kind == "radio":
        return pick_radio(flow, spec, element, str(value))
    if spec.kind == "file":
        return _attach(flow, element, Path(str(value)))
    if spec.kind == "check":
        element.check()
        return "checked"
    text = str(value)
    if not element.is_editable():
        shown = _shown_value(element)
        flow.ui.warn(f"The {spec.label.lower()} field is fixed by Meta to {shown!r}")
        return shown
    element.fill(text)
    shown = _shown_value(element)
    if shown.strip() != text.strip():
        raise PageNotUnderstood(f"typed into the {key} field but it shows {shown!r}")
    return shown


def _shown_value(element: Locator) -> str:
    """What the field shows: an input's value, or a contenteditable box's text (Meta's rich text
    areas). One round trip each, where `Locator.evaluate` takes three (handle, call, release)."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        return element.input_value()
    except PlaywrightError as err:  # not an <input>, <textarea> or <select>
        if "Node is not an <input>" not in str(err):
            raise
        return element.inner_text()


def _choose_country(flow: Flow, element: Locator, code: str) -> str:
    from meta_optout_assist.legal.countries import country_names

    names = country_names(code, flow.locale)
    wanted = [normalise(n) for n in names]
    options = element.locator("xpath=self::select//option")  # none unless it is a native list
    count = options.count()
    if not count:
        if element.locator("xpath=self::select").count():  # a native list with no entries
            raise _no_country(code, names)
        return _choose_in_combobox(flow, element, code, names, wanted)  # Meta's own combobox
    labels = _option_labels(element, options, count)
    index = _best_option(labels, wanted)
    if index is None:
        values = options.evaluate_all("os => os.map(o => o.value)")
        index = next((i for i, v in enumerate(values) if v.upper() == code), None)
    if index is None:
        raise _no_country(code, names)
    chosen = element.select_option(index=index)
    # Read back after the page's own change handlers have run: the list shows what was chosen.
    if not chosen or element.input_value() != chosen[0]:
        raise PageNotUnderstood(f"chose {labels[index].strip()!r} in the country list but it did not stick")
    return labels[index].strip()


def _option_labels(select: Locator, options: Locator, count: int) -> list[str]:
    """The texts of a native list's options, in order. A <select>'s innerText is its options' texts,
    one per line (Chromium): one quick round trip for some 250 entries, read in Playwright's own
    script world. A browser that answers otherwise gets the options read one by one in the page's."""
    lines = select.inner_text().split("\n")
    if len(lines) == count:
        return lines
    return options.all_inner_texts()


def _no_country(code: str, names: list[str]) -> PageNotUnderstood:
    return PageNotUnderstood(
        f"the country list has no entry for {code} ({names[0]})",
        hint="if your country is missing from Meta's list, see `assist forms --country "
        f"{code}`; Norway was reported missing in 2024",
    )


# A Meta-style combobox: a div (or a typeahead input) with role="combobox" that opens a listbox of
# role="option" items, usually in a popover elsewhere in the document (aria-controls points at it).
_TYPEABLE = "e => e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.isContentEditable"


def _choose_in_combobox(flow: Flow, element: Locator, code: str, names: list[str],
                        wanted: list[str]) -> str:
    typeable = element.evaluate(_TYPEABLE)
    for attempt in (names if typeable else names[:1]):
        if element.get_attribute("aria-expanded") != "true":
            element.click()
        if typeable:  # a typeahead: typing filters the list
            element.fill(attempt)
        options = _options_of(flow, element)
        labels = options.all_inner_texts()
        index = _best_option(labels, wanted)
        if index is None:
            continue
        chosen = " ".join(labels[index].split())
        options.nth(index).click()
        shown = normalise(element.evaluate("e => ('value' in e && e.tagName === 'INPUT') ? e.value : e.innerText"))
        if normalise(chosen) not in shown:
            raise PageNotUnderstood(f"chose {chosen!r} in the country list but the field shows {shown!r}")
        return chosen
    element.press("Escape")
    raise _no_country(code, names)


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


def _best_option(labels: list[str], wanted: list[str]) -> int | None:
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


def pick_radio(flow: Flow, spec: FieldSpec, element: Locator, value: str) -> str:
    """Click the option whose label names `value`: exactly first, then as part of a longer label.

    The field's locators find either the group (a fieldset/radiogroup named by its question) or the
    radios themselves; options are looked for inside the group when there is one, so that "Yes"
    answers this question and not another one on the page.
    """
    key = spec.options.get(value)
    if key is None:
        raise PageNotUnderstood(f"no option {value!r} is described in selectors/")
    is_group = element.evaluate(
        "e => e.matches('fieldset, [role=radiogroup], [role=group]') && !e.matches('input, [role=radio]')")
    scope = element if is_group else flow.page
    phrases = flow.texts(key)
    for exact in (True, False):
        rx = pattern(phrases, exact=exact)
        radio = scope.get_by_role("radio", name=rx).filter(visible=True)
        if radio.count() == 0:
            radio = scope.get_by_label(rx, exact=False).filter(visible=True)
        if radio.count() > 0:
            radio.first.click()
            if radio.first.evaluate(
                    "e => e.checked === true || e.getAttribute('aria-checked') === 'true'"):
                return value
            raise PageNotUnderstood(f"clicked the choice {value!r} but it is not selected")
    raise PageNotUnderstood(f"the choice {value!r} is not on the form")


def _attach(flow: Flow, element: Locator, path: Path) -> str:
    if element.evaluate("e => e.tagName === 'INPUT' && e.type === 'file'"):
        element.set_input_files(path)
    else:
        with flow.page.expect_file_chooser(timeout=flow.page_timeout_ms) as chooser:
            element.click()
        chooser.value.set_files(path)
    return path.name
