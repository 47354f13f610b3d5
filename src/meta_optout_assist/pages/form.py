"""A Meta help-contact form (the objection form or the third-party form): fill, review, Send.

Fills what the page shows and skips what it does not (the 2025 objection form has no country and
prefills the email). Every field is found by the strategies in selectors/, in order, so the same
code serves native widgets and Meta's custom ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist import locate, urls
from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.lenient import normalise, pattern
from meta_optout_assist.pages.base import Flow, Outcome, PageObject

if TYPE_CHECKING:
    from playwright.sync_api import Locator

    from meta_optout_assist.selector_data import FieldSpec

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
        return locate.union(flow.page, spec.locators, flow.sel)

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
                locate.union(flow.page, email, flow.sel).first.wait_for(
                    state="visible", timeout=flow.page_timeout_ms)
        if "email" not in filled:
            raise PageNotUnderstood(
                f"the {flow.sel.display_name} form's email field could not be filled",
                hint="Meta may have changed the form; update selectors/ or report it",
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

        send = locate.union(flow.page, flow.form.submit, flow.sel).first
        send.wait_for(state="visible", timeout=flow.page_timeout_ms)
        flow.hooks.before_send(flow.page.screenshot(full_page=True), dict(filled))
        send.click()
        flow.submitted = True
        flow.hooks.submitted()
        flow.ui.step("Sent the form")
        return None

    def _find(self, flow: Flow, spec: FieldSpec) -> Locator | None:
        return locate.first_visible(flow.page, spec.locators, flow.sel)


def _summary(filled: dict[str, str]) -> list[tuple[str, str]]:
    return [(FIELD_LABELS.get(k, k), v) for k, v in filled.items()]


def _fill(flow: Flow, key: str, spec: FieldSpec, element: Locator, value: object) -> str:
    """Put one value into one field and return what the field now shows (for the receipt)."""
    if spec.kind == "choice":
        return _choose_country(flow, element, str(value))
    if spec.kind == "radio":
        return _pick_radio(flow, spec, str(value))
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
    # Inputs have a value; contenteditable boxes (Meta's rich text areas) show their text.
    return element.evaluate("e => ('value' in e && e.tagName !== 'DIV') ? e.value : e.innerText")


def _choose_country(flow: Flow, element: Locator, code: str) -> str:
    from meta_optout_assist.countries import country_names

    names = country_names(code, flow.locale)
    wanted = [normalise(n) for n in names]
    if element.evaluate("e => e.tagName") == "SELECT":
        options = element.locator("option")
        labels = options.all_inner_texts()
        values = [options.nth(i).get_attribute("value") or "" for i in range(len(labels))]
        index = _best_option(labels, wanted)
        if index is None:
            index = next((i for i, v in enumerate(values) if v.upper() == code), None)
        if index is None:
            raise PageNotUnderstood(
                f"the country list has no entry for {code} ({names[0]})",
                hint="if your country is missing from Meta's list, see `assist forms --country "
                f"{code}`; Norway was reported missing in 2024",
            )
        element.select_option(index=index)
        return labels[index].strip()
    # A Meta-style combobox: open it, (type to filter when it takes text), click the option.
    element.click()
    if element.is_editable():
        element.fill(names[0])
    option_list = flow.page.get_by_role("option").filter(visible=True)
    option_list.first.wait_for(state="visible", timeout=flow.page_timeout_ms)
    labels = option_list.all_inner_texts()
    index = _best_option(labels, wanted)
    if index is None:
        raise PageNotUnderstood(f"the country list has no entry for {code} ({names[0]})")
    option_list.nth(index).click()
    return labels[index].strip()


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


def _pick_radio(flow: Flow, spec: FieldSpec, value: str) -> str:
    key = spec.options.get(value)
    if key is None:
        raise PageNotUnderstood(f"no option {value!r} is described in selectors/")
    rx = pattern(locate.texts_for(flow.sel, key))
    radio = flow.page.get_by_role("radio", name=rx).filter(visible=True)
    if radio.count() == 0:
        radio = flow.page.get_by_label(rx).filter(visible=True)
    if radio.count() == 0:
        raise PageNotUnderstood(f"the choice {value!r} is not on the form")
    radio.first.click()
    return value


def _attach(flow: Flow, element: Locator, path: Path) -> str:
    if element.evaluate("e => e.tagName === 'INPUT' && e.type === 'file'"):
        element.set_input_files(path)
    else:
        with flow.page.expect_file_chooser(timeout=flow.page_timeout_ms) as chooser:
            element.click()
        chooser.value.set_files(path)
    return path.name
