"""Page objects against the replica in a real browser: each recognises its page and acts on it."""

from __future__ import annotations

from meta_optout_assist.pages.code_step import CodeStep
from meta_optout_assist.pages.confirmation import Confirmation
from meta_optout_assist.pages.cookie_banner import CookieBanner
from meta_optout_assist.pages.form import ContactForm
from meta_optout_assist.pages.login_wall import LoginWall
from meta_optout_assist.runner import Runner
from meta_optout_assist.urls import rewrite
from tests.flow_helpers import EMAIL, REASON, make_flow

FB_FORM = "https://www.facebook.com/help/contact/712876720715583"


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


def test_login_wall_waits_for_the_person(site, page):
    site.configure(simulate_person=True, person_delay_ms=500, cookie_banner="none")
    flow = make_flow(page, site)
    page.goto(rewrite(FB_FORM, site.base_url))
    state = _runner(flow).detect()
    assert isinstance(state, LoginWall)
    state.act(flow)  # returns only once the (simulated) person has logged in
    assert [e["type"] for e in site.events if e["type"] == "login"] == ["login"]
    assert isinstance(_runner(flow).detect(), ContactForm)


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


def test_code_step_waits_then_confirmation_is_detected(site, page):
    site.configure(simulate_person=True, person_delay_ms=300, cookie_banner="none")
    flow = make_flow(page, site)
    page.goto(rewrite(FB_FORM, site.base_url))
    LoginWall().act(flow)
    ContactForm().act(flow)
    runner = _runner(flow)
    code = runner.detect()
    assert isinstance(code, CodeStep)
    code.act(flow)  # waits while the simulated person types the emailed code
    confirmation = runner.detect()
    assert isinstance(confirmation, Confirmation)
    assert confirmation.act(flow).value == "confirmed"
    assert "email" in flow.hooks.confirmation_text.lower()
    [sub] = site.submissions
    assert sub["status"] == "confirmed"
    assert any(e["type"] == "code_entered" and e["ok"] for e in site.events)


def test_the_tool_never_types_the_code_or_password(site, page):
    """Without the simulated person, the login wall simply waits (and times out)."""
    import pytest

    from meta_optout_assist.errors import TimedOut

    site.configure(simulate_person=False, cookie_banner="none")
    flow = make_flow(page, site, wait_timeout_ms=1500)
    page.goto(rewrite(FB_FORM, site.base_url))
    with pytest.raises(TimedOut):
        LoginWall().act(flow)
    assert not [e for e in site.events if e["type"] == "login"]
