"""The replica of Meta's pages, checked with plain HTTP (no browser): login walls, dead ids,
the code step, validation, recording, the control endpoints and the command-line server."""

from __future__ import annotations

import http.client
import json
import re
import signal
import subprocess
import sys
import urllib.parse
import uuid
from pathlib import Path

import pytest

from tests.mock_site import MockSite, Variant
from tests.mock_site.texts import LOCALES, missing_keys, texts
from tests.support.posix import only_posix

ROOT = Path(__file__).resolve().parents[2]
FB_FORM = "/help/contact/712876720715583"
FB_FORM_2024 = "/help/contact/6359191084165019"
IG_FORM = "/contact/767264225370182"
THIRD_PARTY = "/help/contact/510058597920541"
GATE = "/help/contact/367438723733209"
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
                     "it": "Invia", "nl": "Verzenden", "pl": "Wyślij"}
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
                                                ("it", "it-IT", "Invia")])
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
