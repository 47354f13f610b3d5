"""The replica's page script in a real browser, on the newer routes: WhatsApp's custom widgets and
its code field, the simulated person typing the code or opening the emailed link, the block
dialog and the cookie dialogs over a backdrop that takes the clicks, the dialog that stays.

Locators here are the ones a tool would use (role, label, the attributes the reference names), so
these tests also pin the markup the tool's selectors are written against."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

WA_EU = "382532939919295"
WA_FORM = f"/contact/forms/{WA_EU}/"
FB_FORM = "/help/contact/712876720715583"
EMAIL = "me@example.com"


def _covered(page, locator) -> bool:
    """Whether something else (a backdrop) is on top of the element's centre: a click there
    would land on it."""
    return locator.evaluate(
        """el => { const r = el.getBoundingClientRect();
                   const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                   return !(top === el || el.contains(top)); }""")


def _code_entered(site) -> list[bool]:
    return [e["ok"] for e in site.events if e["type"] == "code_entered"]


def test_whatsapp_custom_widgets_code_wrong_then_right(site, page):
    site.configure(widgets="custom")
    page.goto(site.base_url + WA_FORM + "?lang=de_DE")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    picker = page.get_by_role("combobox", name="Ländervorwahl")
    picker.click()
    page.get_by_role("option", name="+49 Deutschland", exact=True).click()
    expect(picker).to_have_text("+49 Deutschland")
    page.get_by_role("textbox", name="Telefonnummer").fill("015112345678")
    page.get_by_role("textbox", name="E-Mail-Adresse").fill(EMAIL)
    page.get_by_role("textbox", name="Wie wirkt sich diese Verarbeitung auf dich aus?").fill("Privat.")
    expect(page.get_by_role("textbox", name="Telefonnummer")).to_have_attribute("type", "tel")
    page.get_by_role("button", name="Senden", exact=True).click()

    code = page.get_by_label(f"Gib den 6-stelligen Code ein, den wir an {EMAIL} gesendet haben")
    expect(code).to_have_attribute("autocomplete", "one-time-code")
    expect(page.get_by_role("dialog")).to_have_count(0)  # a field on the page, not a modal
    expect(page.get_by_role("button", name="Senden", exact=True)).to_have_attribute("aria-disabled", "true")
    code.fill("000000")
    page.get_by_role("button", name="Bestätigen").click()
    expect(page.get_by_role("alert")).to_have_text(re.compile("Der eingegebene Code ist nicht korrekt"))
    expect(code).to_be_visible()
    code.fill(site.issued_codes[0])
    page.get_by_role("button", name="Bestätigen").click()
    expect(page.get_by_text("Wir haben deine Anfrage erhalten und werden sie prüfen.")).to_be_visible()
    assert "/contact/forms/confirmation/" in page.url
    [sub] = site.submissions
    assert sub["fields"] == {"phone": "+4915112345678", "email": EMAIL, "reason": "Privat."}
    assert sub["status"] == "confirmed" and _code_entered(site) == [False, True]


@pytest.mark.parametrize("widgets", ["native", "custom"])
def test_whatsapp_errors_then_simulated_person_types_the_code(site, page, widgets):
    site.configure(widgets=widgets, simulate_person=True, person_delay_ms=0, wrong_code_first=True)
    page.goto(site.base_url + WA_FORM + "?lang=pt_BR")
    picker = page.get_by_label("Código do país")
    if widgets == "native":
        picker.select_option("BR")
        expect(picker.locator("option:checked")).to_have_text("Brasil (+55)")
    else:
        picker.click()
        page.get_by_role("option", name="+55 Brasil", exact=True).click()
    page.get_by_label("Número de telefone").fill("11 9 8765-4321")
    page.get_by_label("Endereço de email").fill(EMAIL)
    send = page.get_by_role("button", name="Enviar", exact=True)
    send.click()
    expect(page.get_by_role("alert")).to_have_text("Digite um número de telefone válido, usando apenas números.")
    page.get_by_label("Número de telefone").fill("11 98765 4321")
    send.click()
    # The person types a wrong code first, then the right one: the confirmation page follows.
    expect(page.get_by_text("Agradecemos seu contato")).to_be_visible()
    statuses = [s["status"] for s in site.submissions]
    assert statuses == ["refused", "confirmed"]
    assert site.submissions[1]["fields"] == {"phone": "+5511987654321", "email": EMAIL}
    assert _code_entered(site) == [False, True]


@pytest.mark.parametrize("widgets", ["native", "custom"])
def test_whatsapp_full_number_field(site, page, widgets):
    site.configure(widgets=widgets, whatsapp_phone="full", verification="none")
    page.goto(site.base_url + WA_FORM)
    expect(page.get_by_label("Country code")).to_have_count(0)
    page.get_by_label("Phone number").fill("+4915112345678")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_role("heading", name="Thanks for contacting us")).to_be_visible()
    assert site.submissions[0]["fields"]["phone"] == "+4915112345678"


@pytest.mark.parametrize("widgets", ["native", "custom"])
def test_link_notice_then_person_opens_the_link(site, page, widgets):
    site.configure(widgets=widgets, verification="link", require_login=False, cookie_banner="none",
                   field_set="2025", simulate_person=True, person_delay_ms=0)
    page.goto(site.base_url + FB_FORM)
    page.get_by_role("textbox", name="Email address").fill(EMAIL)
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text(re.compile("This means your request will be applied"))).to_be_visible()
    [sent] = [e for e in site.events if e["type"] == "link_sent"]
    assert page.url == site.base_url + sent["url"]
    assert [e["ok"] for e in site.events if e["type"] == "link_opened"] == [True]
    assert site.submissions[0]["status"] == "confirmed"


def test_link_notice_stays_without_a_person(site, page):
    site.configure(widgets="custom", verification="link", cookie_banner="none")
    page.goto(site.base_url + WA_FORM + "?lang=en")
    page.get_by_label("Country code").click()
    page.get_by_role("option", name="+49 Germany", exact=True).click()
    page.get_by_label("Phone number").fill("15112345678")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(
        f"We've sent a link to {EMAIL}. Open it to confirm your request.")
    assert site.submissions[0]["status"] == "pending-link"


@pytest.mark.parametrize("widgets, locale, title, send, ok", [
    ("custom", "de", "Du wurdest vorübergehend blockiert", "Senden", "OK"),
    ("native", "en", "You’re Temporarily Blocked", "Send", "OK"),
])
def test_block_on_load_covers_the_form_until_ok_and_returns_on_send(site, page, widgets, locale, title,
                                                                      send, ok):
    site.configure(widgets=widgets, locale=locale, block="on_load", require_login=False,
                   cookie_banner="none", field_set="2025")
    page.goto(site.base_url + FB_FORM)
    dialog = page.get_by_role("dialog", name=title)
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    send_button = page.get_by_role("button", name=send, exact=True)
    assert _covered(page, send_button)
    dialog.get_by_role("button", name=ok).click()
    expect(dialog).to_have_count(0)
    assert not _covered(page, send_button)
    page.get_by_role("textbox").first.fill(EMAIL)
    send_button.click()
    expect(page.get_by_role("dialog", name=title)).to_be_visible()
    assert [s["status"] for s in site.submissions] == ["blocked"]
    # (a native Send reloads the form: blocked on that load too)
    expected = ["load", "send"] + (["load"] if widgets == "native" else [])
    assert [e["when"] for e in site.events if e["type"] == "blocked"] == expected


def test_block_on_send_again_and_again_custom(site, page):
    site.configure(widgets="custom", block="on_send", block_text="cant_use", cookie_banner="none")
    page.goto(site.base_url + WA_FORM)
    expect(page.get_by_role("dialog")).to_have_count(0)
    for attempt in (1, 2):
        page.get_by_role("button", name="Send", exact=True).click()
        dialog = page.get_by_role("dialog", name="You can't use this feature right now")
        expect(dialog).to_be_visible()
        dialog.get_by_role("button", name="OK").click()
        expect(dialog).to_have_count(0)
        assert len(site.submissions) == attempt
    assert {s["status"] for s in site.submissions} == {"blocked"}


@pytest.mark.parametrize("widgets", ["native", "custom"])
def test_surprise_dialog_stays(site, page, widgets):
    site.configure(widgets=widgets, surprise_dialog=True, require_login=False, cookie_banner="none",
                   field_set="2025")
    page.goto(site.base_url + FB_FORM)
    page.get_by_role("textbox", name="Email address").fill(EMAIL)
    page.get_by_role("button", name="Send", exact=True).click()
    dialog = page.get_by_role("dialog", name="We need a few more details")
    expect(dialog).to_contain_text("Please contact us through the Help Centre.")
    expect(dialog.get_by_role("button")).to_have_count(0)
    assert _covered(page, page.get_by_role("button", name="Send", exact=True))
    assert site.submissions[0]["status"] == "pending-review"


@pytest.mark.parametrize("widgets, path, dialog_css, button_css, choice", [
    ("native", FB_FORM, 'div[data-testid="cookie-policy-manage-dialog"]',
     'button[data-cookiebanner="accept_only_essential_button"]', "essential"),
    ("custom", "/privacy/genai", 'div[data-testid="cookie-policy-manage-dialog"]',
     'button[data-cookiebanner="accept_button"]', "all"),
    ("custom", "/contact/767264225370182", ".x1qjc9v5.x9f619.x78zum5.xdt5ytf.x1iyjqo2.xl56j7k",
     "._a9--._a9_1", "essential"),
    ("native", "/accounts/login/", ".x1qjc9v5.x9f619.x78zum5.xdt5ytf.x1iyjqo2.xl56j7k",
     "._a9--._a9_0", "all"),
])
def test_attribute_cookie_dialogs_answered_by_their_attributes(site, page, widgets, path, dialog_css,
                                                               button_css, choice):
    site.configure(widgets=widgets, cookie_banner="attributes")
    page.goto(site.base_url + path)
    dialog = page.locator(dialog_css)
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("role", "dialog")
    assert _covered(page, page.get_by_role("banner").get_by_role("link").first)
    dialog.locator(button_css).click()
    expect(dialog).to_have_count(0)
    platform = "instagram" if "x1qjc9v5" in dialog_css else "facebook"
    consents = [e for e in site.events if e["type"] == "cookie_consent"]
    assert consents == [{"type": "cookie_consent", "choice": choice, "platform": platform}]
