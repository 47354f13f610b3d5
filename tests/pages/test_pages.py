"""Page objects against the replica in a real browser: each recognises its page and acts on it."""

from __future__ import annotations

import pytest

from meta_optout_assist.errors import PageNotUnderstood, SiteRefused
from meta_optout_assist.flow.runner import Runner
from meta_optout_assist.pages.base import Outcome
from meta_optout_assist.pages.code_step import CodeStep, _box_shown
from meta_optout_assist.pages.confirmation import Confirmation
from meta_optout_assist.pages.cookie_banner import CookieBanner
from meta_optout_assist.pages.form import ContactForm
from meta_optout_assist.pages.gate import GateQuestion
from meta_optout_assist.pages.login_wall import LoginWall
from meta_optout_assist.site import urls
from meta_optout_assist.site.urls import rewrite
from tests.support.flow_helpers import EMAIL, REASON, make_flow

FB_FORM = "https://www.facebook.com/help/contact/712876720715583"
OLD_FB_ID = "6359191084165019"


def _runner(flow) -> Runner:
    return Runner(flow, lambda f, why: None)


def test_cookie_banner_is_declined(site, page):
    flow = make_flow(page, site)
    page.goto(rewrite(FB_FORM, site.base_url))
    runner = _runner(flow)
    assert isinstance(runner.detect(), CookieBanner)
    CookieBanner().act(flow)
    assert CookieBanner().marker(flow).count() == 0
    consents = [e for e in site.events if e["type"] == "cookie_consent"]
    assert [e["choice"] for e in consents] == ["essential"]


@pytest.mark.parametrize("last", [CookieBanner, LoginWall, ContactForm])  # guesses below the banner
def test_the_likely_next_guess_never_changes_the_answer(site, page, last):
    """Whatever the runner acted on last (its guess of what comes next), the state it detects is
    the highest-priority one visible: the banner over the login page, then the login page."""
    flow = make_flow(page, site)
    page.goto(rewrite(FB_FORM, site.base_url))
    runner = _runner(flow)
    runner.last_state = last
    assert isinstance(runner.detect(), CookieBanner)
    CookieBanner().act(flow)
    runner.last_state = last
    assert isinstance(runner.detect(), LoginWall)


def _record_waits(monkeypatch, before_wait=None) -> list[float]:
    """The timeouts of every Locator.wait_for from now on (each wait still runs in the browser);
    `before_wait(waits)` runs as each wait begins (the person acting when the tool waits)."""
    from playwright.sync_api import Locator

    waits: list[float] = []
    real_wait_for = Locator.wait_for

    def recorded(self, *args, **kwargs):
        waits.append(kwargs["timeout"])
        if before_wait is not None:
            before_wait(waits)
        return real_wait_for(self, *args, **kwargs)

    monkeypatch.setattr(Locator, "wait_for", recorded)
    return waits


def test_login_wall_waits_for_the_person(site, page, monkeypatch):
    """The tool waits while the person logs in: quick polling for a second, then patient (Playwright
    looks every 500 ms in a wait of 2.5 s or more), so a big page stays responsive while they type."""
    site.configure(simulate_person=False, cookie_banner="none")
    flow = make_flow(page, site)
    page.goto(rewrite(FB_FORM, site.base_url))
    state = _runner(flow).detect()
    assert isinstance(state, LoginWall)
    # The person logs in once the tool's quick wait is over and its patient one has begun (an
    # event, not a delay: a busy machine cannot make the test race the tool).
    log_in = """() => {
        document.querySelector('input[name=email]').value = 'person@example.com';
        document.querySelector('input[name=pass]').value = 'not-a-real-password';
        document.querySelector('input[name=pass]').form.submit();
    }"""
    waits = _record_waits(monkeypatch, lambda waits: len(waits) == 2 and page.evaluate(log_in))
    state.act(flow)  # returns only once the person has logged in
    assert [e["type"] for e in site.events if e["type"] == "login"] == ["login"]
    assert len(waits) == 2 and waits[0] == 1000 and waits[1] >= 2500, waits
    monkeypatch.undo()
    assert isinstance(_runner(flow).detect(), ContactForm)


def test_a_security_check_is_waited_for_as_long_as_the_person_needs(site, page, monkeypatch):
    """A security-check page after login shows nothing the tool knows. It waits there for the
    person (their timeout, not a page's), says what to do once, and looks about three times a
    second after that; when the person is through, the form is recognised."""
    site.configure(require_login=False, cookie_banner="none")
    flow = make_flow(page, site, page_timeout_ms=800)
    form = rewrite(FB_FORM, site.base_url)
    told: list[str] = []

    def tell(text: str) -> None:  # the person gets through the check once told to (not on a timer)
        told.append(text)
        page.evaluate("url => setTimeout(() => location.href = url, 100)", form)

    monkeypatch.setattr(flow.ui, "info", tell)
    page.route("**/checkpoint/", lambda route: route.fulfill(content_type="text/html", body=(
        "<html lang=en><body><h1>Confirm it's you</h1><p>Approve the login on another device.</p>"
        "</body></html>")))
    page.goto(site.base_url + "/checkpoint/")
    waits = _record_waits(monkeypatch)
    assert isinstance(_runner(flow).detect(), ContactForm)
    assert len(told) == 1 and "Finish logging in" in told[0], told
    assert waits[0] <= 800 and max(waits) >= 2500, waits


def test_every_field_is_filled_and_sent(site, page):
    site.configure(simulate_person=True, person_delay_ms=100, cookie_banner="none")
    flow = make_flow(page, site)
    page.goto(rewrite(FB_FORM, site.base_url))
    LoginWall().act(flow)
    form = _runner(flow).detect()
    assert isinstance(form, ContactForm)
    form.act(flow)
    assert flow.submitted
    assert flow.hooks.events == ["before_send", "submitted"]
    assert flow.hooks.sent["email"] == EMAIL and flow.hooks.sent["reason"] == REASON
    assert flow.hooks.sent["country"] == "Germany"


def _on_the_form_dry_run(site, page):
    """A flow on the form, logged in by the replica's person, for a dry run (nothing is sent)."""
    site.configure(simulate_person=True, person_delay_ms=0, cookie_banner="none")
    flow = make_flow(page, site)
    flow.dry_run = True
    page.goto(rewrite(FB_FORM, site.base_url))
    LoginWall().act(flow)
    assert isinstance(_runner(flow).detect(), ContactForm)
    return flow


def test_a_rich_text_box_is_typed_into_and_read_back(site, page):
    """A reason box that is a contenteditable element (as Meta's rich text editors are), not a
    <textarea>: found by its role and name, filled, and read back from its text."""
    flow = _on_the_form_dry_run(site, page)
    page.evaluate("""() => {
        const area = document.querySelector('textarea[name=objection_reason]');
        const box = document.createElement('div');
        box.contentEditable = 'true';
        box.setAttribute('role', 'textbox');
        box.setAttribute('aria-label', 'Please tell us how this processing impacts you');
        area.replaceWith(box);
    }""")
    assert ContactForm().act(flow) == Outcome.DRY_RUN
    assert flow.fields_sent["reason"] == REASON
    assert page.get_by_role("textbox", name="how this processing impacts you").inner_text() == REASON
    assert site.submissions == [], "a dry run sends nothing"


# Native country lists as other pages may build them: (options HTML, a script run on the list,
# what the person's country DE should be chosen as, or the error that stops the run).
_LISTS = {
    "grouped, with padding": (
        '<option value="">Select a country</option><optgroup label="Europe"><option value="AT"> Austria '
        '</option><option value="DE">\n  Germany\n</option></optgroup><optgroup label="Other">'
        '<option value="BR">Brazil</option></optgroup>', "", "Germany"),
    "numbered, hidden entries": (
        '<option value="0">Select a country</option><option value="1" hidden>Germany (old)</option>'
        '<option value="17">Germany</option><option value="18">Ghana</option>', "", "Germany"),
    "names unknown, ISO codes as values": (
        '<option value="">--</option><option value="at">Ö</option><option value="de">D</option>', "", "D"),
    "a page that undoes the choice": (
        '<option value="">Select a country</option><option value="DE">Germany</option>',
        "list.addEventListener('change', () => { list.value = ''; })", "did not stick"),
    "no entries": ("", "", "has no entry for DE"),
}
_STOPS = ("did not stick", "has no entry for DE")


@pytest.mark.parametrize("kind", list(_LISTS))
def test_a_native_country_list_is_read_and_chosen_from(site, page, kind):
    """The country is chosen by its name in the list (whatever the values are), by an ISO code value
    when no name matches, and read back after the page's own change handlers: a list that undoes
    the choice stops the run, as does a list without the country (here, without any entry)."""
    options, script, expected = _LISTS[kind]
    flow = _on_the_form_dry_run(site, page)
    page.evaluate("""([options, script]) => {
        const list = document.querySelector('select[name=country]');
        list.innerHTML = options;
        new Function('list', script)(list);
    }""", [options, script])
    if expected in _STOPS:
        with pytest.raises(PageNotUnderstood, match=expected):
            ContactForm().act(flow)
        return
    assert ContactForm().act(flow) == Outcome.DRY_RUN
    assert flow.fields_sent["country"] == expected
    chosen = page.locator("select[name=country]").evaluate("s => s.options[s.selectedIndex].text")
    assert chosen.strip() == expected


def test_a_page_that_moves_on_while_it_is_looked_at_is_looked_at_again(site, page):
    """Pages that navigate by themselves while the tool looks at them (as Meta's do after Send and
    after the code): the runner's look and the code step's "is the box back?" are taken again on
    the new page, never an internal error. Playwright 1.51, the lowest release supported, raises
    "Execution context was destroyed" from such a look (scripts/check-lowest.sh runs this test)."""
    last = 20

    def serve(route) -> None:
        n = int(route.request.url.rsplit("/", 1)[1])
        onward = f"<script>setTimeout(() => location.replace('{n + 1}'), 100)</script>" if n < last else ""
        route.fulfill(content_type="text/html", body='<html lang="en"><body><input type="email" name="email">'
                      f'<input autocomplete="one-time-code">{onward}</body></html>')

    page.route("**/moving/*", serve)
    flow = make_flow(page, site)
    runner, code_box = _runner(flow), CodeStep().marker(flow)
    page.goto(site.base_url + "/moving/0")
    for _ in range(5000):
        assert type(runner.detect()) in (CodeStep, ContactForm)
        _box_shown(code_box)  # raises nothing (None if the page moved on, False if caught half-built)
        if page.url.endswith(f"/moving/{last}"):
            break
    assert page.url.endswith(f"/moving/{last}")


def test_code_step_waits_then_confirmation_is_detected(site, page):
    site.configure(require_login=False, cookie_banner="none")  # no simulated person: the test is it
    flow = make_flow(page, site)
    page.goto(rewrite(FB_FORM, site.base_url))
    ContactForm().act(flow)
    runner = _runner(flow)
    code = runner.detect()
    assert isinstance(code, CodeStep)
    # The person types the emailed code into the pop-up; the tool only waits for it to go.
    box = page.locator('input[autocomplete="one-time-code"]')
    box.fill(site.issued_codes[-1])
    box.press("Enter")
    code.act(flow)
    confirmation = runner.detect()
    assert isinstance(confirmation, Confirmation)
    assert confirmation.act(flow).value == "confirmed"
    # The whole message is kept, heading and body, whichever phrase of it was found.
    text = " ".join(flow.hooks.confirmation_text.split())
    assert "Thanks for your request" in text and "You'll receive an email with the details" in text, text
    [sub] = site.submissions
    assert sub["status"] == "confirmed"
    assert [e["ok"] for e in site.events if e["type"] == "code_entered"] == [True]


def test_gate_question_is_answered_and_not_mistaken_for_the_form(site, page):
    """German: the form's own title says "KI bei Meta" too; only the question is the gate."""
    site.configure(locale="de", widgets="custom", gate_first=True, require_login=False, cookie_banner="none")
    flow = make_flow(page, site)
    page.goto(rewrite(FB_FORM, site.base_url))  # → the gate question first
    runner = _runner(flow)
    gate = runner.detect()
    assert isinstance(gate, GateQuestion)
    gate.act(flow)
    assert isinstance(runner.detect(), ContactForm)
    assert GateQuestion().marker(flow).count() == 0
    assert [e for e in site.events if e["type"] == "gate_answer"] == [{"type": "gate_answer", "answer": "yes"}]


def test_every_address_gone_ends_clearly_after_the_privacy_centre(site, page):
    """Both form ids dead and the Privacy Centre's link leads to a dead one too: exit 5, no loop."""
    site.configure(dead_form_ids=("712876720715583", "6359191084165019"), require_login=False,
                   cookie_banner="none")
    flow = make_flow(page, site)
    with pytest.raises(SiteRefused, match="every known address"):
        _runner(flow).run()
    visited = [e["path"] for e in site.events if e["type"] == "page"]
    assert "/privacy/genai" in visited and "/privacy/guide/genai" in visited
    assert site.submissions == []


def test_privacy_centre_route_leads_to_the_objection_form(site, page):
    """The selectors know only a retired id; Meta's Privacy Centre links to the current form."""
    site.configure(dead_form_ids=(OLD_FB_ID,), require_login=False, cookie_banner="none", code_step=False)
    flow = make_flow(page, site)
    moved = flow.sel.form.model_copy(
        update={"addresses": [f"https://www.facebook.com/help/contact/{OLD_FB_ID}"]})
    flow.sel = flow.sel.model_copy(update={"form": moved})
    assert _runner(flow).run().value == "confirmed"
    [sub] = site.submissions
    assert (sub["form_id"], sub["status"]) == (FB_FORM.rsplit("/", 1)[1], "confirmed")
    assert sub["fields"] == {"country": "DE", "email": EMAIL, "reason": REASON}
    visited = [e["path"] for e in site.events if e["type"] == "page"]
    assert visited[:3] == [f"/help/contact/{OLD_FB_ID}", "/privacy/genai", urls.path_of(FB_FORM)]


def test_a_country_missing_from_the_list_stops_with_diagnostics(site, page, tmp_path):
    """Norway was reported missing from the 2024 list: nothing is sent, the page is kept."""
    site.configure(require_login=False, cookie_banner="none")
    flow = make_flow(page, site, country="NO")
    saved = []
    runner = Runner(flow, lambda f, why: saved.append(why) or tmp_path)
    with pytest.raises(PageNotUnderstood, match="no entry for NO") as err:
        runner.run()
    assert err.value.diagnostics == tmp_path and saved
    assert site.submissions == []


def test_server_error_dialog_after_send_is_a_failure_never_a_confirmation(site, page):
    """Custom widgets show Meta's "Sorry, something went wrong" as a dialog over the form."""
    site.configure(widgets="custom", submit_outcome="server_error", require_login=False,
                   cookie_banner="none")
    flow = make_flow(page, site)
    with pytest.raises(SiteRefused, match="something went wrong"):
        _runner(flow).run()
    assert flow.hooks.events == ["before_send", "submitted"]  # sent, never confirmed
    [sub] = site.submissions
    assert sub["status"] == "server-error"


def test_the_tool_never_types_the_code_or_password(site, page):
    """Without the simulated person, the login wall simply waits (and times out)."""
    from meta_optout_assist.errors import TimedOut

    site.configure(simulate_person=False, cookie_banner="none")
    flow = make_flow(page, site, wait_timeout_ms=1500)
    page.goto(rewrite(FB_FORM, site.base_url))
    with pytest.raises(TimedOut):
        LoginWall().act(flow)
    assert not [e for e in site.events if e["type"] == "login"]


def test_a_click_that_runs_out_of_time_is_a_page_not_understood(site, page, tmp_path):
    """Meta's cookie dialog by its attributes, whose essential-only answer never goes through (its
    request fails): the wait for the dialog to close runs out, and that is a page the tool does not
    understand (exit 3, with diagnostics), never an internal error; nothing is sent."""
    site.configure(cookie_banner="attributes", require_login=False)
    page.route("**/cookie/consent/**", lambda route: route.abort())
    flow = make_flow(page, site, page_timeout_ms=2_000)
    saved = []
    with pytest.raises(PageNotUnderstood, match="cookie banner did not respond") as err:
        Runner(flow, lambda f, why: saved.append(why) or tmp_path).run()
    assert err.value.diagnostics == tmp_path and saved
    assert site.submissions == []


def test_a_cookie_dialog_without_an_essential_only_answer_is_never_accepted(site, page):
    """A cookie dialog known by its attributes whose only visible answer accepts optional cookies:
    the tool stops (a page not understood) rather than press it."""
    site.configure(cookie_banner="attributes", require_login=False)
    page.goto(rewrite(FB_FORM, site.base_url))
    page.locator('[data-cookiebanner="accept_only_essential_button"]').evaluate("b => b.remove()")
    with pytest.raises(PageNotUnderstood, match="never accepts optional cookies"):
        CookieBanner().act(make_flow(page, site))
    assert [e for e in site.events if e["type"] == "cookie_consent"] == []
