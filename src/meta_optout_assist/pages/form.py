"""A Meta help-contact form (the objection form or the third-party form): fill, review, Send.

Fills what the page shows and skips what it does not (the 2025 objection form has no country and
prefills the email). Every field is found by the strategies in selectors/, in order, so the same
code serves native widgets and Meta's custom ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.pages.base import Flow, Outcome, PageObject, wait_for_state
from meta_optout_assist.site import urls
from meta_optout_assist.site.lenient import normalise, pattern

if TYPE_CHECKING:
    from playwright.sync_api import Locator

    from meta_optout_assist.site.selectors import FieldSpec

FIELD_LABELS = {
    "request": "Request", "country": "Country", "first_name": "First name", "last_name": "Surname",
    "email": "Email", "reason": "Reason", "prompts": "Prompts", "evidence": "Evidence",
    "details": "Details",
}


class ContactForm(PageObject):
    name = "form"

    def applies(self, flow: Flow) -> bool:
        return not flow.submitted

    def marker(self, flow: Flow):
        spec = flow.form.fields[flow.form.detect_by]
        return flow.union(spec.locators)

    def act(self, flow: Flow) -> Outcome | None:
        if not urls.is_platform_page(flow.page.url, flow.sel.hosts, flow.base_url):
            raise PageNotUnderstood(
                f"the form is on {flow.page.url}, which is not a {flow.sel.display_name} address; "
                "the tool types your details only into Meta's own pages",
                hint="check the address you were sent to; report it if Meta moved the form",
            )
        values = flow.request.values(flow.locale)
        filled: dict[str, str] = {}
        for key, spec in flow.form.fields.items():
            value = values.get(key)
            if value is None:
                continue
            element = self._find(flow, spec)
            if element is None:
                continue  # "fill what the page shows": the 2025 form has no country, for one.
            filled[key] = _fill(flow, key, spec, element, value)
            if key == flow.form.detect_by and spec.kind == "radio":
                # The choice reveals the rest of the form: wait for it, not for a fixed time.
                email = flow.form.fields["email"].locators
                wait_for_state(flow.union(email).first, "visible", flow.page_timeout_ms)
        if "email" not in filled:
            raise PageNotUnderstood(
                f"the {flow.sel.display_name} form's email field could not be filled",
                hint="Meta may have changed the form; update selectors/ or report it",
            )
        unknown = _unfilled_required(flow)
        if unknown:
            raise PageNotUnderstood(
                f"the {flow.sel.display_name} form asks for something the tool does not know how to "
                f"answer: {', '.join(repr(u) for u in unknown)}; nothing was sent",
                hint="Meta may have changed the form: send the report in the diagnostics folder, or "
                "fill the form by hand in the browser",
            )
        flow.fields_sent = filled
        flow.ui.step("Filled the form")

        if flow.dry_run:
            flow.ui.review(_summary(filled), ask=False)
            flow.ui.step("Dry run: the form is filled but was not sent")
            return Outcome.DRY_RUN
        if not flow.ui.review(_summary(filled), ask=not flow.assume_yes):
            from meta_optout_assist.errors import Aborted

            raise Aborted("you chose not to send the form; nothing was sent")

        send = flow.union(flow.form.submit).first
        wait_for_state(send, "visible", flow.page_timeout_ms)
        flow.hooks.before_send(flow.page.screenshot(full_page=True), dict(filled))
        send.click()
        flow.submitted = True
        flow.hooks.submitted()
        flow.ui.step("Sent the form")
        return None

    def _find(self, flow: Flow, spec: FieldSpec) -> Locator | None:
        return flow.first_visible(spec.locators)


# Visible native fields marked required that are still empty after filling (custom widgets keep
# their state in script, so they are judged by the site's own answer after Send instead).
_UNFILLED_REQUIRED = """() => {
  const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
    && getComputedStyle(e).visibility !== 'hidden';
  const name = e => (e.labels && e.labels[0] && e.labels[0].innerText)
    || e.getAttribute('aria-label') || e.name || e.type;
  const out = [];
  for (const e of document.querySelectorAll('input, textarea, select')) {
    if (!(e.required || e.getAttribute('aria-required') === 'true') || !visible(e)) continue;
    if (['hidden', 'file', 'submit', 'button'].includes(e.type)) continue;
    let empty;
    if (e.type === 'checkbox') empty = !e.checked;
    else if (e.type === 'radio')
      empty = !(e.form || document).querySelector(`input[type=radio][name="${CSS.escape(e.name)}"]:checked`);
    else empty = !String(e.value || '').trim();
    if (empty) out.push(String(name(e)).trim().slice(0, 80));
  }
  return [...new Set(out)];
}"""


def _unfilled_required(flow: Flow) -> list[str]:
    return flow.page.evaluate(_UNFILLED_REQUIRED)


def _summary(filled: dict[str, str]) -> list[tuple[str, str]]:
    return [(FIELD_LABELS.get(k, k), v) for k, v in filled.items()]


def _fill(flow: Flow, key: str, spec: FieldSpec, element: Locator, value: object) -> str:
    """Put one value into one field and return what the field now shows (for the receipt)."""
    if spec.kind == "choice":
        return _choose_country(flow, element, str(value))
    if spec.kind == "radio":
        return _pick_radio(flow, spec, element, str(value))
    if spec.kind == "file":
        return _attach(flow, element, Path(str(value)))
    if spec.kind == "check":
        element.check()
        return "checked"
    text = str(value)
    if not element.is_editable():
        shown = _shown_value(element)
        flow.ui.warn(f"The {FIELD_LABELS.get(key, key).lower()} field is fixed by Meta to {shown!r}")
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


def _pick_radio(flow: Flow, spec: FieldSpec, element: Locator, value: str) -> str:
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
