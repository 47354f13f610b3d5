"""A Meta help-contact form (the objection form or the third-party form): fill, review, Send.

Fills what the page shows and skips what it does not (the 2025 objection form has no country and
prefills the email). Every field is found by the strategies in selectors/, in order, so the same
code serves native widgets and Meta's custom ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.flow.widgets import fill_field
from meta_optout_assist.pages.base import Flow, Outcome, PageObject, wait_for_state
from meta_optout_assist.site import urls
from meta_optout_assist.ui.i18n import _

if TYPE_CHECKING:
    from playwright.sync_api import Locator

    from meta_optout_assist.site.schema import FieldSpec, FormEntry


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
        values = flow.request.values(flow.form, flow.locale)
        filled: dict[str, str] = {}
        for key, spec in flow.form.fields.items():
            value = values.get(key)
            if value is None:
                continue
            element = self._find(flow, spec)
            if element is None:
                continue  # "fill what the page shows": the 2025 form has no country, for one.
            filled[key] = fill_field(flow, key, spec, element, value)
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
        flow.ui.step(_("Filled the form"))

        if flow.dry_run:
            flow.ui.review(_summary(flow.form, filled), ask=False)
            flow.ui.step(_("Dry run: the form is filled but was not sent"))
            return Outcome.DRY_RUN
        if not flow.ui.review(_summary(flow.form, filled), ask=not flow.assume_yes):
            from meta_optout_assist.errors import Aborted

            raise Aborted("you chose not to send the form; nothing was sent")

        send = flow.union(flow.form.submit).first
        wait_for_state(send, "visible", flow.page_timeout_ms)
        flow.hooks.before_send(flow.page.screenshot(full_page=True), dict(filled))
        send.click()
        flow.submitted = True
        flow.hooks.submitted()
        flow.ui.step(_("Sent the form"))
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


def _summary(form: FormEntry, filled: dict[str, str]) -> list[tuple[str, str]]:
    """The review's rows: each field's label from the registry, and what the page now shows."""
    return [(form.fields[k].label, v) for k, v in filled.items()]
