"""Putting a value into one field of a form, whatever widget Meta drew for it: a text box (or a
contenteditable rich text area), the country in a list (flow/lists.py), a phone number (a
country-code list beside the number, or one field for all of it), a radio group, a file upload.
Each returns what the field shows afterwards, read back from the page, which is what the receipt
keeps as sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.flow.lists import best_option, choose
from meta_optout_assist.inputs import line_ends
from meta_optout_assist.pages.base import Flow
from meta_optout_assist.site.lenient import normalise, pattern

if TYPE_CHECKING:
    from playwright.sync_api import Locator

    from meta_optout_assist.site.schema import FieldSpec


def fill_field(flow: Flow, key: str, spec: FieldSpec, element: Locator, value: object) -> str:
    """Put one value into one field and return what the field now shows (for the receipt)."""
    if spec.kind == "choice":
        return _choose_country(flow, element, str(value))
    if spec.kind == "phone":
        return _fill_phone(flow, spec, element, str(value))
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
    if line_ends(shown).strip() != line_ends(text).strip():
        raise PageNotUnderstood(f"typed into the {key} field but it shows something else ({_difference(shown, text)})")
    return shown


def _difference(shown: str, typed: str) -> str:
    """Where a field's text differs from what was typed, without quoting either: the message reaches
    the terminal, the journal and the diagnostics bundle, and the text is the person's."""
    shown, typed = line_ends(shown).strip(), line_ends(typed).strip()
    at = next((i for i, (a, b) in enumerate(zip(shown, typed, strict=False)) if a != b), min(len(shown), len(typed)))
    return f"{len(shown)} characters instead of {len(typed)}, first different at character {at + 1}"


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

    def pick(labels: list[str], values: Callable[[], list[str]]) -> int | None:
        index = best_option(labels, wanted)
        if index is None:
            index = next((i for i, v in enumerate(values()) if v.upper() == code), None)
        return index

    return choose(flow, element, what="country list", typed=names, pick=pick,
                  missing=lambda: _no_country(code, names))


def _no_country(code: str, names: list[str]) -> PageNotUnderstood:
    return PageNotUnderstood(
        f"the country list has no entry for {code} ({names[0]})",
        hint="if your country is missing from Meta's list, see `assist forms --country "
        f"{code}`; Norway was reported missing in 2024",
    )


def _fill_phone(flow: Flow, spec: FieldSpec, element: Locator, e164: str) -> str:
    """A phone number: the country code chosen in the picker beside the field and the national
    number typed into it, or, where the form has no picker, the whole number typed (+CC included)."""
    from meta_optout_assist.validators import phone_parts

    picker = flow.first_visible(spec.picker) if spec.picker else None
    if picker is None:
        return _type_digits(element, e164, "phone number")
    calling, national, region = phone_parts(e164)
    chosen = _choose_calling_code(flow, picker, calling, region)
    return f"{chosen} {_type_digits(element, national, 'phone number')}"


def _type_digits(element: Locator, number: str, what: str) -> str:
    element.fill(number)
    shown = _shown_value(element)
    if re.sub(r"\D", "", shown) != re.sub(r"\D", "", number):
        digits = len(re.sub(r"\D", "", shown)), len(re.sub(r"\D", "", number))
        raise PageNotUnderstood(f"typed the {what} but the field shows other digits "
                                f"({digits[0]} instead of {digits[1]})")
    return shown


def _choose_calling_code(flow: Flow, picker: Locator, calling: str, region: str | None) -> str:
    """The picker's entry for `calling` ("+49"): among the entries showing that code, the one that
    also names the number's country (several countries share +1, +7, +44…)."""
    from meta_optout_assist.legal.countries import country_names

    names = country_names(region, flow.locale) if region else []
    code = re.compile(r"(?<![\d+])\+?\s?" + re.escape(calling.lstrip("+")) + r"(?!\d)")
    digits = calling.lstrip("+")

    def pick(labels: list[str], values: Callable[[], list[str]]) -> int | None:
        with_code = [i for i, label in enumerate(labels) if code.search(label) and "+" in label]
        named = [i for i in with_code if any(normalise(n) in normalise(labels[i]) for n in names)]
        if named or with_code:
            return (named or with_code)[0]
        listed = [v.upper().lstrip("+") for v in values()]
        for want in (region or "", digits):
            if want and want in listed:
                return listed.index(want)
        return None

    return choose(flow, picker, what="country code list", typed=[*names, calling], pick=pick,
                  missing=lambda: PageNotUnderstood(
                      f"the country code list has no entry for {calling}"
                      + (f" ({names[0]})" if names else ""),
                      hint="check the number you gave with --phone (+, the country code, then the number)"))


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
