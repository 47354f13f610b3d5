"""The replica of Meta's pages, checked with plain HTTP (no browser): login walls, dead ids,
the code step, validation, recording, the control endpoints and the command-line server; then the
newer routes: WhatsApp's form, the emailed link, the block dialog, the dialog no tool knows and the
cookie dialogs known by their attributes (their page script is checked in a browser in
test_mock_site_script.py). Over 350 lines: one short test per replica behaviour a tool relies on."""

from __future__ import annotations

import http.client
import json
import re
import signal
import subprocess
import sys
import urllib.parse
import uuid
from html import escape as html_escape
from html import unescape as html_unescape
from pathlib import Path

import pytest

from tests.mock_site import MockSite, Variant
from tests.mock_site.state import CHOICES
from tests.mock_site.texts import LOCALES, missing_keys, texts
from tests.mock_site.texts_routes import ROUTE_LOCALES, missing_route_keys, routes_texts
from tests.support.posix import only_posix

ROOT = Path(__file__).resolve().parents[2]
FB_FORM = "/help/contact/712876720715583"
FB_FORM_2024 = "/help/contact/6359191084165019"
IG_FORM = "/contact/767264225370182"
THIRD_PARTY = "/help/contact/510058597920541"
GATE = "/help/contact/367438723733209"
WA_EU, WA_FALLBACK = "382532939919295", "4363383090404717"
WA_FORM = f"/contact/forms/{WA_EU}/"
LONG_DETAILS = "Meta AI answers questions about me with my home address and my children's names. " * 2


class Client:
    """A cookie-keeping HTTP client that does not follow redirects."""

    def __init__(self, base_url: str) -> None:
        split = urllib.parse.urlsplit(base_url)
        self.host, self.port = split.hostname, split.port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        all_headers = dict(headers or {})
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        response.text = response.read().decode("utf-8")
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name] = value
        conn.close()
        return response

    def get(self, path: str):
        return self.request("GET", path)

    def post_form(self, path: str, data: dict[str, str]):
        return self.request("POST", path, urllib.parse.urlencode(data).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def post_json(self, path: str, data: dict):
        return self.request("POST", path, json.dumps(data).encode(),
                            {"Content-Type": "application/json"})

    def post_multipart(self, path: str, fields: dict[str, str],
                       files: dict[str, tuple[str, bytes]]):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                         f"{value}\r\n".encode())
        for name, (filename, content) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                         f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'.encode()
                         + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body,
                            {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def login(self, platform: str = "facebook", next_path: str = FB_FORM):
        if platform == "facebook":
            return self.post_form(f"/login/?next={next_path}", {"email": "me@example.com",
                                                                 "pass": "secret"})
        return self.post_form(f"/accounts/login/?next={next_path}",
                              {"username": "me", "password": "secret"})


@pytest.fixture
def client(site) -> Client:
    return Client(site.base_url)


def test_every_locale_is_complete():
    assert missing_keys() == {}
    sends = {loc: texts(loc)["send"] for loc in LOCALES}
    assert sends == {"en": "Send", "de": "Senden", "fr": "Envoyer", "es": "Enviar",
                     "it": "Invia", "nl": "Verzenden", "pl": "Wyślij", "pt": "Enviar"}
    assert texts("pt")["reason_label"] == "Diga-nos como esse processamento afeta você"
    assert texts("it")["confirm_text"] == (
        "Ciò significa che la tua richiesta verrà applicata d'ora in avanti allo sviluppo e al "
        "miglioramento dell'IA in Meta. Riceverai una e-mail con i dettagli.")


@pytest.mark.parametrize("path, login", [
    (FB_FORM, "/login/?next=" + FB_FORM),
    (FB_FORM_2024, "/login/?next=" + FB_FORM_2024),
    (IG_FORM, "/accounts/login/?next=" + IG_FORM),
])
def test_objection_forms_redirect_to_login_when_logged_out(client, path, login):
    response = client.get(path)
    assert response.status == 302
    assert response.headers["Location"] == login


def test_third_party_form_needs_no_login(client):
    response = client.get(THIRD_PARTY)
    assert response.status == 200
    assert "Data subject rights for third-party information used for AI at Meta" in response.text
    assert "We don&#x27;t automatically fulfil requests sent using this form." in response.text


def test_login_then_form_with_separate_platform_sessions(client):
    response = client.login("facebook", FB_FORM)
    assert response.status == 303 and response.headers["Location"] == FB_FORM
    assert "c_user" in client.cookies and "xs" in client.cookies
    page = client.get(FB_FORM)
    assert page.status == 200
    assert "Object to your information being used for AI at Meta" in page.text
    assert 'name="country"' in page.text and 'name="email"' in page.text
    assert client.get(IG_FORM).status == 302  # a Facebook login is no Instagram login
    assert "secret" not in page.text


def test_after_login_feed_lands_on_the_news_feed(site, client):
    site.configure(after_login="feed")
    assert client.login().headers["Location"] == "/"
    feed = client.get("/")
    assert feed.status == 200 and "What&#x27;s on your mind?" in feed.text


@pytest.mark.parametrize("dead", ["712876720715583", "510058597920541"])
def test_dead_form_ids_answer_404(site, client, dead):
    site.configure(dead_form_ids=(dead,), locale="de")
    response = client.get(f"/help/contact/{dead}")
    assert response.status == 404
    assert "Dieser Inhalt ist momentan nicht verfügbar" in response.text


def test_unknown_path_is_a_realistic_404(client):
    response = client.get("/no/such/page")
    assert response.status == 404
    assert "This content isn&#x27;t available right now" in response.text


def test_state_endpoint_and_configure_over_http(site, client):
    client.get("/privacy/genai")
    state = json.loads(client.get("/__mock__/state").text)
    assert set(state) == {"submissions", "events", "issued_codes", "variant"}
    assert {"type": "page", "path": "/privacy/genai"} in state["events"]
    assert state["variant"] == Variant().to_dict()

    response = client.post_json("/__mock__/configure", {"locale": "pl", "widgets": "custom",
                                                        "dead_form_ids": ["1"]})
    assert response.status == 200
    assert site.variant.locale == "pl" and site.variant.dead_form_ids == ("1",)
    assert site.events == []  # configure forgets what was recorded
    assert client.post_json("/__mock__/configure", {"no_such": 1}).status == 400
    assert client.post_json("/__mock__/configure", {"locale": "xx"}).status == 400


@pytest.mark.parametrize("locale, lang, send", [("en", "en", "Send"), ("de", "de", "Senden"),
                                                ("it", "it-IT", "Invia"), ("pt", "pt-BR", "Enviar")])
def test_pages_speak_the_variant_locale(site, client, locale, lang, send):
    site.configure(locale=locale, require_login=False)
    page = client.get(FB_FORM).text
    assert f'<html lang="{lang}"' in page
    assert f">{send}</button>" in page


def test_cookie_consent_is_recorded_and_remembered(client):
    assert 'role="dialog"' in client.get("/privacy/genai").text
    response = client.post_json("/cookie/consent/", {"choice": "essential",
                                                     "platform": "facebook"})
    assert response.status == 200
    assert 'role="dialog"' not in client.get("/privacy/genai").text


def test_native_submission_with_code_step(site, client):
    client.login()
    response = client.post_form("/ajax/help/contact/submit/page", {
        "support_form_id": "712876720715583", "country": "DE", "email": "me@example.com",
        "objection_reason": "My posts show my family."})
    assert response.status == 303 and response.headers["Location"] == FB_FORM
    [code] = site.issued_codes
    dialog = client.get(FB_FORM).text
    assert "Enter the 6-digit code we sent to me@example.com" in dialog
    assert code not in dialog  # only a simulated person's page carries the code

    wrong = client.post_form("/ajax/help/contact/code/page",
                             {"support_form_id": "712876720715583", "code": "000000"})
    assert wrong.status == 303
    assert "That code isn&#x27;t right" in client.get(FB_FORM).text
    right = client.post_form("/ajax/help/contact/code/page",
                             {"support_form_id": "712876720715583", "code": code})
    assert right.headers["Location"].startswith("/help/contact/confirmation/")
    done = client.get(right.headers["Location"]).text
    assert "This means your request will be applied going forward" in done

    [submission] = site.submissions
    assert submission["form"] == "facebook-objection"
    assert submission["fields"] == {"country": "DE", "email": "me@example.com",
                                    "reason": "My posts show my family."}
    assert submission["status"] == "confirmed" and submission["user"] == "me@example.com"
    assert [e["ok"] for e in site.events if e["type"] == "code_entered"] == [False, True]


def test_required_reason_2024_is_refused_when_empty(site, client):
    client.login()
    response = client.post_form("/ajax/help/contact/submit/page", {
        "support_form_id": "712876720715583", "country": "DE", "email": "me@example.com",
        "objection_reason": ""})
    assert response.status == 200 and "Please complete this field." in response.text
    assert [s["status"] for s in site.submissions] == ["refused"]
    assert site.issued_codes == []


def test_json_submission_2025_without_code_server_error(site, client):
    site.configure(field_set="2025", widgets="custom", submit_outcome="server_error")
    client.login()
    assert "account-owner@example.com" in client.get(FB_FORM).text  # prefilled
    response = client.post_json("/ajax/help/contact/submit/", {
        "support_form_id": "712876720715583", "fields": {"email": "a@example.com"}})
    assert response.status == 500
    [submission] = site.submissions
    assert submission["status"] == "server-error"
    assert submission["fields"] == {"email": "a@example.com"}


def test_third_party_multipart_with_evidence_and_minimum_length(site, client):
    site.configure(code_step=False, submit_outcome="refusal")
    base = {"support_form_id": "510058597920541", "request_type": "delete", "country": "US",
            "first_name": "Ada", "last_name": "Example", "email": "ada@example.com",
            "ai_knowledge": "yes", "prompts": "Who is Ada?\n\nWhere does Ada live?"}
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    short = client.post_multipart("/ajax/help/contact/submit/page",
                                  {**base, "details": "too short"}, {"evidence": ("s.png", png)})
    assert "Please enter at least 100 characters." in short.text
    ok = client.post_multipart("/ajax/help/contact/submit/page",
                               {**base, "details": LONG_DETAILS}, {"evidence": ("s.png", png)})
    assert ok.status == 303 and "/help/contact/declined/" in ok.headers["Location"]
    refused, declined = site.submissions
    assert refused["status"] == "refused" and refused["form"] == "third-party"
    assert declined["status"] == "refused"
    assert declined["fields"]["prompts"] == ["Who is Ada?", "Where does Ada live?"]
    assert declined["fields"]["evidence_filename"] == "s.png"
    assert declined["fields"]["evidence_size"] == len(png)
    assert declined["fields"]["request"] == "delete"


def test_gate_first_then_yes_leads_to_the_form(site, client):
    site.configure(gate_first=True)
    first = client.get(FB_FORM_2024)
    assert first.status == 302 and first.headers["Location"] == GATE
    gate = client.get(GATE).text
    assert "Is your request about AI at Meta?" in gate
    answer = client.post_form("/ajax/help/contact/submit/page",
                              {"support_form_id": "367438723733209", "ai_related": "yes"})
    assert answer.headers["Location"] == FB_FORM_2024
    assert client.get(FB_FORM_2024).headers["Location"].startswith("/login/")
    assert {"type": "gate_answer", "answer": "yes"} in site.events


def test_privacy_centre_links_per_platform(client):
    facebook = client.get("/privacy/genai").text
    assert f'href="{FB_FORM}"' in facebook and f'href="{THIRD_PARTY}"' in facebook
    assert "Learn more and submit requests here" in facebook
    client.get("/accounts/login/")  # an Instagram page marks the browser as Instagram's
    instagram = client.get("/privacy/genai").text
    assert f'href="{IG_FORM}"' in instagram


def test_person_secrets_only_in_simulation(site, client):
    assert site.variant.person_password not in client.get("/login/").text
    site.configure(simulate_person=True)
    login = client.get("/login/?next=" + FB_FORM)
    assert site.variant.person_password in login.text
    action = re.search(r'<form method="post" action="([^"]+)"', login.text).group(1)
    assert "CANARY" not in action


@only_posix  # on Windows SIGTERM is TerminateProcess: no handler runs, no clean exit
def test_command_line_server_prints_its_url_and_stops_on_sigterm():
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.mock_site", "--set", "locale=fr", "--simulate-person"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline().strip()
        assert re.fullmatch(r"MOCK_SITE_URL=http://127\.0\.0\.1:\d+", line)
        client = Client(line.split("=", 1)[1])
        state = json.loads(client.get("/__mock__/state").text)
        assert state["variant"]["locale"] == "fr" and state["variant"]["simulate_person"]
    finally:
        process.send_signal(signal.SIGTERM)
        out, _ = process.communicate(timeout=10)
    assert process.returncode == 0
    assert out == ""  # exactly one line was printed


def test_a_second_site_is_independent():
    other = MockSite(locale="nl").start()
    try:
        login = Client(other.base_url).get("/login/").text
        assert '<html lang="nl"' in login and ">Inloggen</button>" in login
    finally:
        other.stop()


# -- the newer routes ------------------------------------------------------------------------


def _alerts(markup: str) -> list[str]:
    return re.findall(r'role="alert"[^>]*>([^<]*)<', markup)


def _markup(page: str) -> str:
    """The page without its scripts (their texts and config are not on the page)."""
    return re.sub(r"<script\b.*?</script>", "", page, flags=re.S)


def test_route_texts_cover_every_locale():
    assert missing_route_keys() == {}
    assert set(LOCALES) <= set(ROUTE_LOCALES) and "pt" in ROUTE_LOCALES
    assert routes_texts("pt")["wa_reason_label"] == "Diga-nos como esse processamento afeta você"
    assert routes_texts("en")["block_title"] == "You’re Temporarily Blocked"
    assert routes_texts("xx")["wa_send"] == "Send"  # a locale without texts falls back to English


def test_variant_new_fields_are_validated_and_code_step_still_works():
    assert Variant(code_step=False).verification == "none"
    assert Variant(verification="none").code_step is False
    assert Variant(verification="link").code_step is True
    with pytest.raises(ValueError):
        Variant(code_step=False, verification="link")
    for name, bad in [("verification", "sms"), ("block", "always"), ("block_text", "x"),
                      ("whatsapp_phone", "e164"), ("cookie_banner", "words")]:
        with pytest.raises(ValueError, match=name):
            Variant(**{name: bad})
    assert "attributes" in CHOICES["cookie_banner"]
    assert Variant.from_strings({"surprise_dialog": "yes", "block": "on_send"}).surprise_dialog


@pytest.mark.parametrize("path", [WA_FORM, WA_FORM.rstrip("/"), f"/contact/forms/{WA_FALLBACK}",
                                  f"/contact/forms/{WA_FALLBACK}/?b=x&ref=y"])
def test_whatsapp_form_needs_no_login_and_shows_native_widgets(client, path):
    response = client.get(path)
    assert response.status == 200
    page = response.text
    assert '<html lang="en"' in page and "Your messages with AIs on WhatsApp" in page
    assert re.search(r'<select name="country_selector" id="[^"]+" aria-required="true"', page)
    assert '<option value="DE">Germany (+49)</option>' in page
    assert re.search(r'<input type="tel" name="phone_number" [^>]*autocomplete="tel-national"', page)
    assert re.search(r'<input type="email" name="email" [^>]*autocomplete="email"', page)
    assert re.search(r'<textarea name="your_message"', page)
    assert "How does this processing affect you?" in page and "(optional)" in page
    assert re.search(r'<button [^>]*type="submit">Send</button>', page)
    assert 'role="dialog"' not in page  # no cookie banner, no login on WhatsApp's pages


@pytest.mark.parametrize("query, lang, texts_seen", [
    ("?lang=de", "de", ["Deutschland (+49)", "Ländervorwahl", ">Senden</button>"]),
    ("?b=1&ref=2&lang=pt_BR", "pt-BR", ["Brasil (+55)", "Diga-nos como esse processamento afeta você",
                                        "Suas mensagens com IAs no WhatsApp", ">Enviar</button>"]),
    ("?lang=pt-BR", "pt-BR", ["Código do país"]),
    ("?lang=ja_JP", "fr-FR", ["Vos messages avec des IA sur WhatsApp"]),  # unknown: the variant's
    ("", "fr-FR", ["Allemagne (+49)"]),
])
def test_whatsapp_language_comes_from_the_lang_parameter(site, client, query, lang, texts_seen):
    site.configure(locale="fr")
    page = client.get(WA_FORM + query).text
    assert f'<html lang="{lang}"' in page
    for text in texts_seen:
        assert text in page


@pytest.mark.parametrize("form_id", [WA_EU, WA_FALLBACK])
def test_whatsapp_dead_ids_answer_404(site, client, form_id):
    site.configure(dead_form_ids=(form_id,))
    response = client.get(f"/contact/forms/{form_id}?lang=de")
    assert response.status == 404
    assert "Dieser Inhalt ist momentan nicht verfügbar" in response.text
    assert client.get("/contact/forms/123456/").status == 404
    other = WA_FALLBACK if form_id == WA_EU else WA_EU
    assert client.get(f"/contact/forms/{other}/").status == 200


def _wa_post(client, form_id=WA_EU, **fields):
    data = {"support_form_id": form_id, "country_selector": "DE", "phone_number": "0151 12345678",
            "email": "me@example.com", "your_message": "", **fields}
    return client.post_form("/contact/forms/submit/", {k: v for k, v in data.items() if v is not None})


def test_whatsapp_native_send_code_wrong_then_right(site, client):
    response = _wa_post(client, lang="pt_BR", your_message="Minhas conversas são privadas.")
    assert response.status == 303 and response.headers["Location"] == f"{WA_FORM}?lang=pt_BR"
    [code] = site.issued_codes
    page = client.get(response.headers["Location"]).text
    label = re.search(r'<label for="([^"]+)"[^>]*>Insira o código de 6 dígitos que enviamos para '
                      r'me@example.com</label>', page)
    assert label, page
    assert re.search(rf'<input type="text" name="code" id="{label.group(1)}" inputmode="numeric" '
                     r'autocomplete="one-time-code"', page)
    assert ">Confirmar</button>" in page and code not in page
    assert re.search(r'<input type="tel" name="phone_number" [^>]*disabled', page)  # sent: kept, off
    assert not _alerts(page)

    wrong = client.post_form("/contact/forms/code/", {"support_form_id": WA_EU, "code": "000000",
                                                       "lang": "pt_BR"})
    assert wrong.headers["Location"] == f"{WA_FORM}?lang=pt_BR"
    page = client.get(wrong.headers["Location"]).text
    assert _alerts(page) == ["O código inserido não está correto. Verifique seu email e tente novamente."]
    assert 'autocomplete="one-time-code"' in page  # the field stays

    right = client.post_form("/contact/forms/code/", {"support_form_id": WA_EU, "code": code})
    assert right.headers["Location"].startswith("/contact/forms/confirmation/?s=")
    done = client.get(right.headers["Location"]).text
    assert '<html lang="pt-BR"' in done
    assert "Agradecemos seu contato" in done and "Recebemos sua solicitação e vamos analisá-la." in done

    [sub] = site.submissions
    assert sub["form"] == "whatsapp-objection" and sub["form_id"] == WA_EU
    assert sub["fields"] == {"phone": "+4915112345678", "email": "me@example.com",
                             "reason": "Minhas conversas são privadas."}
    assert sub["status"] == "confirmed" and sub["phone_country"] == "DE" and sub["locale"] == "pt"
    assert sub["user"] is None
    assert [e["ok"] for e in site.events if e["type"] == "code_entered"] == [False, True]


@pytest.mark.parametrize("fields, errors", [
    ({"phone_number": "0151-1234567"}, {"phone": "Enter a valid phone number using digits only."}),
    ({"phone_number": "+4915112345678"}, {"phone": "Enter a valid phone number using digits only."}),
    ({"phone_number": ""}, {"phone": "This field is required."}),
    ({"country_selector": ""}, {"country_code": "Select a country code."}),
    ({"email": "not-an-address"}, {"email": "Enter a valid email address."}),
    ({"email": None}, {"email": "This field is required."}),
])
def test_whatsapp_validation_shows_errors_on_the_form(site, client, fields, errors):
    response = _wa_post(client, **fields)
    assert response.status == 200
    assert sorted(_alerts(response.text)) == sorted(errors.values())
    [sub] = site.submissions
    assert sub["status"] == "refused" and sub["error"] == errors
    assert site.issued_codes == []


def test_whatsapp_full_number_variant(site, client):
    site.configure(whatsapp_phone="full", verification="none")
    page = client.get(WA_FORM).text
    assert "country_selector" not in page
    assert re.search(r'<input type="tel" name="phone_number" [^>]*autocomplete="tel"', page)
    refused = _wa_post(client, phone_number="015112345678", country_selector=None)
    assert _alerts(refused.text) == ["Enter your full phone number, starting with + and the country code."]
    ok = _wa_post(client, phone_number="+49 151 12345678", country_selector=None, your_message="x")
    assert ok.headers["Location"].startswith("/contact/forms/confirmation/")
    assert [(s["status"], s["fields"]["phone"]) for s in site.submissions] == [
        ("refused", "015112345678"), ("confirmed", "+4915112345678")]
    assert site.submissions[1]["phone_country"] is None


def test_whatsapp_json_send_and_code(site, client):
    site.configure(widgets="custom", locale="de")
    sent = client.post_json("/contact/forms/submit/async/", {
        "support_form_id": WA_FALLBACK, "lang": "en_GB",
        "fields": {"country_code": "GB", "phone": "07700 900123", "email": "me@example.com"}})
    assert json.loads(sent.text) == {"code": {"email": "me@example.com", "error": None,
                                              "person_code": None}}
    wrong = client.post_json("/contact/forms/code/async/", {"support_form_id": WA_FALLBACK,
                                                             "code": "000000"})
    assert json.loads(wrong.text) == {"error": "wrong", "person_code": None}
    right = client.post_json("/contact/forms/code/async/", {"support_form_id": WA_FALLBACK,
                                                             "code": site.issued_codes[0]})
    assert json.loads(right.text)["redirect"].startswith("/contact/forms/confirmation/")
    [sub] = site.submissions
    assert sub["fields"] == {"phone": "+447700900123", "email": "me@example.com"}  # no reason given
    assert sub["locale"] == "en" and sub["status"] == "confirmed"


def _link_sent(site) -> dict:
    [event] = [e for e in site.events if e["type"] == "link_sent"]
    return event


@pytest.mark.parametrize("form, post, confirm_base", [
    ("facebook", {"support_form_id": "712876720715583", "country": "DE", "email": "me@example.com",
                  "objection_reason": "My posts."}, "/help/contact/confirm/"),
    ("instagram", {"support_form_id": "767264225370182", "country": "DE", "email": "me@example.com",
                   "objection_reason": "My posts."}, "/contact/confirm/"),
    ("third-party", {"support_form_id": "510058597920541", "request_type": "object", "country": "US",
                     "first_name": "Ada", "last_name": "Example", "email": "me@example.com",
                     "details": LONG_DETAILS}, "/help/contact/confirm/"),
])
def test_emailed_link_confirms_once(site, client, form, post, confirm_base):
    site.configure(verification="link", require_login=False, locale="de", cookie_banner="none")
    sent = client.post_form("/ajax/help/contact/submit/page", post)
    assert sent.status == 303
    notice = _markup(client.get(sent.headers["Location"]).text)
    assert ("Wir haben einen Link an me@example.com gesendet. Öffne ihn, um deine Anfrage zu "
            "bestätigen.") in notice
    assert 'role="dialog"' in notice and "one-time-code" not in notice
    link = _link_sent(site)
    assert link["email"] == "me@example.com" and link["url"].startswith(confirm_base + "?token=")
    [sub] = site.submissions
    assert sub["status"] == "pending-link" and site.issued_codes == []

    opened = client.get(link["url"])
    assert opened.status == 200
    assert texts("de")["confirm_text"] in opened.text
    assert site.submissions[0]["status"] == "confirmed"
    again = client.get(link["url"])
    assert "Dieser Link ist ungültig" in again.text
    unknown = client.get(confirm_base + "?token=nope")
    assert "Dieser Link ist ungültig" in unknown.text
    opened_events = [e for e in site.events if e["type"] == "link_opened"]
    assert [(e["ok"], e["reason"]) for e in opened_events] == [(True, None), (False, "used"),
                                                               (False, "unknown")]
    assert opened_events[0]["url"] == link["url"]
    # The form is a fresh form again: the notice is gone.
    assert "Link an me@example.com" not in client.get(sent.headers["Location"]).text


def test_emailed_link_on_whatsapp_and_refusal(site, client):
    site.configure(verification="link", submit_outcome="refusal")
    sent = _wa_post(client, lang="de")
    page = client.get(sent.headers["Location"]).text
    assert re.search(r'role="status"[^>]*><h3[^>]*>Überprüfe deine E-Mails</h3><p>Wir haben einen Link an '
                     r'me@example.com gesendet', page)
    link = _link_sent(site)
    assert link["url"].startswith("/contact/forms/confirm/?token=") and link["form_id"] == WA_EU
    done = client.get(link["url"]).text
    assert '<html lang="de"' in done and "Wir können deine Anfrage nicht bearbeiten" in done
    assert site.submissions[0]["status"] == "refused"


@pytest.mark.parametrize("locale, title, body", [
    ("en", "You’re Temporarily Blocked",
     "It looks like you were misusing this feature by going too fast. You’ve been temporarily blocked "
     "from using it."),
    ("de", "Du wurdest vorübergehend blockiert", "Es sieht so aus, als hättest du diese Funktion"),
])
def test_block_on_load_over_the_form_and_on_every_send(site, client, locale, title, body):
    site.configure(block="on_load", locale=locale, require_login=False, cookie_banner="none")
    page = client.get(FB_FORM).text
    dialog = re.search(r'<div role="dialog" aria-modal="true" aria-labelledby="([^"]+)".*?</div>\s*</div>',
                       page, re.S).group(0)
    assert title in dialog and body in dialog and 'name="email"' in page
    assert re.search(r'<button type="button" [^>]*>OK</button>', dialog)
    assert {"type": "blocked", "form_id": "712876720715583", "when": "load"} in site.events
    for _ in range(2):
        sent = client.post_form("/ajax/help/contact/submit/page", {
            "support_form_id": "712876720715583", "country": "DE", "email": "me@example.com",
            "objection_reason": "x"})
        assert sent.headers["Location"] == FB_FORM
        assert title in client.get(FB_FORM).text
    assert [s["status"] for s in site.submissions] == ["blocked", "blocked"]
    assert site.issued_codes == []


@pytest.mark.parametrize("block_text, title", [
    ("blocked", "You’re Temporarily Blocked"), ("blocked_straight", "You're Temporarily Blocked"),
    ("cant_use", "You can't use this feature right now")])
def test_block_on_send_then_again(site, client, block_text, title):
    site.configure(block="on_send", block_text=block_text)
    assert "Blocked" not in _markup(client.get(WA_FORM).text)
    for attempt in (1, 2):
        sent = _wa_post(client)
        page = client.get(sent.headers["Location"]).text
        assert html_unescape(title) in html_unescape(page)
        assert len(site.submissions) == attempt
    assert {s["status"] for s in site.submissions} == {"blocked"}
    assert site.submissions[0]["fields"]["phone"] == "+4915112345678"
    assert [e["when"] for e in site.events if e["type"] == "blocked"] == ["send", "send"]
    assert site.issued_codes == []
    assert "Blocked" not in _markup(client.get(WA_FORM).text)  # the flash is shown once


def test_block_json_answer_and_on_load_whatsapp(site, client):
    site.configure(block="on_load", widgets="custom", locale="de")
    page = client.get(WA_FORM).text
    config = json.loads(re.search(r"<script type=\"application/json\" data-sjs>(.*?)</script>", page).group(1))
    assert config["form"]["block_on_load"] is True
    assert config["block"]["title"] == "Du wurdest vorübergehend blockiert"
    answer = client.post_json("/ajax/help/contact/submit/", {
        "support_form_id": "510058597920541", "fields": {"request": "object"}})
    assert json.loads(answer.text) == {"dialog": "blocked"}


def test_surprise_dialog_stays_and_is_recorded(site, client):
    site.configure(surprise_dialog=True, require_login=False, cookie_banner="none")
    sent = client.post_form("/ajax/help/contact/submit/page", {
        "support_form_id": "712876720715583", "country": "DE", "email": "me@example.com",
        "objection_reason": "x"})
    page = client.get(sent.headers["Location"]).text
    dialog = _markup(page[page.index('role="dialog"'):])
    assert "We need a few more details before we can process this." in dialog
    assert "<button" not in dialog  # no way to close it
    [sub] = site.submissions
    assert sub["status"] == "pending-review" and site.issued_codes == []


KNOWN_BANNER_WORDS = {texts(loc)[key] for loc in LOCALES
                      for key in ("banner_essential", "banner_optional", "banner_decline", "banner_all")}


@pytest.mark.parametrize("locale", ["en", "de"])
def test_attribute_cookie_dialog_facebook(site, client, locale):
    site.configure(cookie_banner="attributes", locale=locale)
    page = client.get("/privacy/genai").text
    layer = page[page.index('data-testid="cookie-policy-manage-dialog"') - 120:]
    layer = layer[: layer.index("</div></div></div>")]
    rt = routes_texts(locale)
    assert re.search(r'<div role="dialog" aria-modal="true" aria-labelledby="[^"]+" '
                     r'data-testid="cookie-policy-manage-dialog"', layer)
    assert re.search(r'<button type="button" data-cookiebanner="accept_only_essential_button" '
                     rf'class="[^"]+">{re.escape(html_escape(rt["attr_essential_fb"]))}</button>', layer)
    assert re.search(r'<button type="button" data-cookiebanner="accept_button" '
                     rf'class="[^"]+">{re.escape(html_escape(rt["attr_all_fb"]))}</button>', layer)
    assert not any(html_escape(w) in layer for w in KNOWN_BANNER_WORDS)


def test_attribute_cookie_dialog_instagram(site, client):
    site.configure(cookie_banner="attributes")
    client.get("/accounts/login/")
    page = client.get("/privacy/genai").text
    assert re.search(r'role="dialog" aria-modal="true" aria-labelledby="[^"]+" '
                     r'class="x1qjc9v5 x9f619 x78zum5 xdt5ytf x1iyjqo2 xl56j7k ', page)
    assert re.search(r'<button type="button" class="_a9-- _ap36 _a9_1 [^"]+" tabindex="0">'
                     r'Just the necessary ones, thanks</button>', page)
    assert re.search(r'<button type="button" class="_a9-- _ap36 _a9_0 [^"]+" tabindex="0">'
                     r'Go ahead with all of them</button>', page)
    assert "cookie-policy-manage-dialog" not in page
