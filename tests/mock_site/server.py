"""HTTP server and routing of the replica: Meta's paths, its login walls, forms and dialogs.

One ThreadingHTTPServer serves every platform (facebook.com, help.instagram.com, instagram.com,
privacycenter.instagram.com, whatsapp.com all become this one host once a tool rewrites scheme
and host), so the platform of an ambiguous path ("/", "/privacy/genai") is read from a cookie that
Instagram's pages set. What follows an accepted Send lives in routes_verify.py, WhatsApp's form in
routes_whatsapp.py (mixins of the one handler). Over 350 lines: the routing of every page kind.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import os
import re
import secrets
import sys
import threading
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import forms, render
from .routes_verify import AfterSend
from .routes_whatsapp import WhatsAppRoutes
from .state import PendingCode, SiteState, Variant
from .texts import texts

PERSON_USER = "person@example.com"

# cookie names
BROWSER = "datr"  # Meta's browser id cookie; keys the pending email codes
FB_USER, FB_SESSION = "c_user", "xs"
IG_USER, IG_SESSION = "ds_user_id", "sessionid"
CONSENT = {"facebook": "fb_cookie_consent", "instagram": "ig_cookie_consent"}
PLATFORM_HINT = "mock_platform"  # set by Instagram's pages and Facebook's help/login pages
GATE_PASSED = "mock_gate"
GATE_NEXT = "mock_gate_next"

SESSION_COOKIE = {"facebook": FB_SESSION, "instagram": IG_SESSION}
LOGIN_PATH = {"facebook": "/login/", "instagram": "/accounts/login/"}


class Request:
    """What one HTTP request carries, and the cookies its answer will set."""

    def __init__(self, handler: BaseHTTPRequestHandler) -> None:
        self.handler = handler
        split = urllib.parse.urlsplit(handler.path)
        self.path = split.path or "/"
        self.query = {k: v[0] for k, v in urllib.parse.parse_qs(split.query).items()}
        self.cookies: dict[str, str] = {}
        for part in (handler.headers.get("Cookie") or "").split(";"):
            name, sep, value = part.strip().partition("=")
            if sep:
                self.cookies[name] = urllib.parse.unquote(value)
        self.set_cookies: list[str] = []
        self._body: bytes | None = None
        new_browser = BROWSER not in self.cookies
        self.browser = self.cookies.get(BROWSER) or secrets.token_urlsafe(18)
        if new_browser:
            self.set_cookie(BROWSER, self.browser, max_age=2 * 365 * 24 * 3600, http_only=True)

    def set_cookie(self, name: str, value: str, *, max_age: int | None = None,
                   http_only: bool = False) -> None:
        parts = [f"{name}={urllib.parse.quote(value, safe='')}", "Path=/", "SameSite=Lax"]
        if max_age is not None:
            parts.append(f"Max-Age={max_age}")
        if http_only:
            parts.append("HttpOnly")
        self.set_cookies.append("; ".join(parts))

    def body(self) -> bytes:
        if self._body is None:
            length = int(self.handler.headers.get("Content-Length") or 0)
            self._body = self.handler.rfile.read(length) if length else b""
        return self._body

    def content_type(self) -> str:
        return (self.handler.headers.get("Content-Type") or "").lower()

    def json(self) -> dict:
        data = json.loads(self.body() or b"{}")
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return data

    def form(self) -> tuple[dict[str, str], dict[str, dict]]:
        """(text fields, files as {"filename", "size"}) from urlencoded or multipart bodies."""
        if self.content_type().startswith("multipart/form-data"):
            return _parse_multipart(self.handler.headers.get("Content-Type", ""), self.body())
        pairs = urllib.parse.parse_qs(self.body().decode("utf-8", "replace"),
                                      keep_blank_values=True)
        return {k: v[0] for k, v in pairs.items()}, {}


def _parse_multipart(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, dict]]:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    fields: dict[str, str] = {}
    files: dict[str, dict] = {}
    if not message.is_multipart():
        return fields, files
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is not None:
            if filename or payload:  # an empty file input sends filename="" and no bytes
                files[name] = {"filename": filename, "size": len(payload)}
        else:
            fields[name] = payload.decode(part.get_content_charset() or "utf-8", "replace")
    return fields, files


def _safe_next(value: str | None) -> str | None:
    if value and value.startswith("/") and not value.startswith("//"):
        return value
    return None


class Handler(AfterSend, WhatsAppRoutes, BaseHTTPRequestHandler):
    server_version = "proxygen-bolt"
    sys_version = ""
    site: SiteState  # set on the subclass made per server

    # -- plumbing ------------------------------------------------------------------------------

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if os.environ.get("MOCK_SITE_LOG"):
            sys.stderr.write("mock_site: " + (format % args) + "\n")

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        req = Request(self)
        self._variant = self.site.variant  # one variant for the whole request
        try:
            routes = GET_ROUTES if method == "GET" else POST_ROUTES
            if method == "GET" and not req.path.startswith("/__mock__/") \
                    and req.path != "/favicon.ico":
                self.site.record_event("page", path=req.path)
            for pattern, name in routes:
                match = pattern.fullmatch(req.path)
                if match:
                    getattr(self, name)(req, *match.groups())
                    return
            self.not_found(req)
        except Exception:  # pragma: no cover - a bug in the replica: show it, answer 500
            traceback.print_exc()
            try:
                self.send(req, 500, b"internal error in mock site", "text/plain")
            except Exception:
                pass

    def send(self, req: Request, status: int, body: bytes, content_type: str,
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "private, no-cache, no-store, must-revalidate")
        for cookie in req.set_cookies:
            self.send_header("Set-Cookie", cookie)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def html(self, req: Request, markup: str, status: int = 200) -> None:
        self.send(req, status, markup.encode("utf-8"), "text/html; charset=utf-8")

    def json_out(self, req: Request, data: object, status: int = 200) -> None:
        self.send(req, status, json.dumps(data).encode(), "application/json")

    def redirect(self, req: Request, location: str, status: int = 302) -> None:
        self.send(req, status, b"", "text/html; charset=utf-8", {"Location": location})

    # -- helpers -------------------------------------------------------------------------------

    @property
    def variant(self) -> Variant:
        return getattr(self, "_variant", None) or self.site.variant

    def platform_hint(self, req: Request) -> str:
        return "instagram" if req.cookies.get(PLATFORM_HINT) == "instagram" else "facebook"

    def mark_platform(self, req: Request, platform: str) -> None:
        if req.cookies.get(PLATFORM_HINT) != platform:
            req.set_cookie(PLATFORM_HINT, platform)

    def needs_banner(self, req: Request, platform: str) -> bool:
        if self.variant.cookie_banner == "none" or platform not in CONSENT:
            return False
        value = req.cookies.get(CONSENT[platform], "")
        return not value.endswith("." + self.site.epoch)

    def session(self, req: Request, platform: str):
        return self.site.session(platform, req.cookies.get(SESSION_COOKIE[platform]))

    def page(self, req: Request, platform: str, person: dict | None = None,
             locale: str | None = None) -> render.Page:
        return render.Page(self.variant, platform, banner=self.needs_banner(req, platform),
                           person=person, locale=locale)

    def blocked_on_load(self, form_id: str) -> bool:
        """block=on_load: the form page opens under the block dialog (recorded per page)."""
        if self.variant.block != "on_load":
            return False
        self.site.record_event("blocked", form_id=form_id, when="load")
        return True

    def person_config(self, *, login: bool = False) -> dict | None:
        v = self.variant
        if not v.simulate_person:
            return None
        config = {"delay": v.person_delay_ms, "cue": v.person_waits_for_cue}
        if login:  # only the login pages ever carry the password, and only in this mode
            config.update(user=PERSON_USER, password=v.person_password)
        return config

    def login_wall(self, req: Request, platform: str) -> None:
        target = urllib.parse.quote(req.path, safe="/")
        self.redirect(req, f"{LOGIN_PATH[platform]}?next={target}")

    def not_found(self, req: Request, platform: str | None = None) -> None:
        platform = platform or self.platform_hint(req)
        self.html(req, render.not_found(self.page(req, platform)), 404)

    # -- GET routes ----------------------------------------------------------------------------

    def get_state(self, req: Request) -> None:
        self.json_out(req, self.site.snapshot())

    def get_home(self, req: Request) -> None:
        platform = self.platform_hint(req)
        session = self.session(req, platform)
        if session:
            self.html(req, render.feed(self.page(req, platform), session.user))
        elif platform == "instagram":
            self.html(req, render.login_instagram(
                self.page(req, platform, self.person_config(login=True)), "/accounts/login/", False))
        else:
            self.html(req, render.login_facebook(
                self.page(req, platform, self.person_config(login=True)), "/login/", False))

    def get_fb_login(self, req: Request) -> None:
        self.mark_platform(req, "facebook")
        next_path = _safe_next(req.query.get("next"))
        if self.session(req, "facebook"):
            self.redirect(req, next_path or "/")
            return
        action = "/login/" + (f"?next={urllib.parse.quote(next_path, safe='/')}" if next_path else "")
        page = self.page(req, "facebook", self.person_config(login=True))
        self.html(req, render.login_facebook(page, action, False))

    def get_ig_login(self, req: Request) -> None:
        self.mark_platform(req, "instagram")
        next_path = _safe_next(req.query.get("next"))
        if self.session(req, "instagram"):
            self.redirect(req, next_path or "/")
            return
        action = "/accounts/login/" + (
            f"?next={urllib.parse.quote(next_path, safe='/')}" if next_path else "")
        page = self.page(req, "instagram", self.person_config(login=True))
        self.html(req, render.login_instagram(page, action, False))

    def get_fb_contact(self, req: Request, form_id: str) -> None:
        self.mark_platform(req, "facebook")
        v = self.variant
        kind = forms.form_kind(form_id)
        if form_id in v.dead_form_ids or kind not in ("facebook-objection", "third-party", "gate"):
            self.not_found(req, "facebook")
        elif kind == "gate":
            self.html(req, self.render_gate(req))
        elif kind == "third-party":
            self.html(req, self.render_third_party(req, blocked=self.blocked_on_load(form_id)))
        else:
            if v.gate_first and req.cookies.get(GATE_PASSED) != self.site.epoch:
                req.set_cookie(GATE_NEXT, req.path)
                self.redirect(req, forms.GATE_PATH)
                return
            self.objection(req, form_id, "facebook")

    def get_ig_contact(self, req: Request, form_id: str) -> None:
        self.mark_platform(req, "instagram")
        if form_id in self.variant.dead_form_ids or forms.form_kind(form_id) != "instagram-objection":
            self.not_found(req, "instagram")
        else:
            self.objection(req, form_id, "instagram")

    def objection(self, req: Request, form_id: str, platform: str) -> None:
        v = self.variant
        session = self.session(req, platform)
        if v.require_login and not session:
            self.login_wall(req, platform)
            return
        self.html(req, self.render_objection(req, form_id, platform, session,
                                             blocked=self.blocked_on_load(form_id)))

    def get_result(self, req: Request, which: str) -> None:
        with self.site.lock:
            result = self.site.results.get(req.query.get("s", ""))
        if not result or result["platform"] == "whatsapp":
            self.not_found(req)
            return
        page = self.page(req, result["platform"], locale=result.get("locale"))
        if which == "confirmation":
            self.html(req, render.confirmation(page))
        else:
            self.html(req, render.refused(page))

    def get_privacy(self, req: Request) -> None:
        self.html(req, render.privacy(self.page(req, self.platform_hint(req))))

    def get_help(self, req: Request) -> None:
        self.mark_platform(req, "facebook")
        self.html(req, render.help_home(self.page(req, "facebook")))

    # -- rendering of the forms ----------------------------------------------------------------

    def render_objection(self, req: Request, form_id: str, platform: str, session,
                         values: dict | None = None, errors: dict | None = None,
                         blocked: bool = False) -> str:
        v = self.variant
        t = texts(v.locale)
        page = self.page(req, platform, self.person_config())
        if v.field_set == "unknown":
            return render.help_form_page(
                page, kind="unknown", form_id=form_id, title=t["unk_title"], intro=[],
                fields=forms.unknown_fields(t), submit_label=t["unk_continue"])
        prefill = v.account_email if session else ""
        fields = forms.objection_fields(t, v.locale, v.field_set, prefill)
        pending, flash = self.pending_view(req, form_id)
        stored = pending.pop("values") if pending else None
        values = stored if values is None else values
        return render.help_form_page(
            page, kind="objection", form_id=form_id, title=t["form_title"],
            intro=[t["form_intro_1"], t["form_intro_2"]], fields=fields, submit_label=t["send"],
            values=values, errors=errors, pending=pending, flash=flash, blocked=blocked)

    def render_third_party(self, req: Request, values: dict | None = None,
                           errors: dict | None = None, blocked: bool = False) -> str:
        v = self.variant
        t = texts(v.locale)
        page = self.page(req, "facebook", self.person_config())
        pending, flash = self.pending_view(req, forms.THIRD_PARTY_ID)
        stored = pending.pop("values") if pending else None
        values = stored if values is None else values
        return render.help_form_page(
            page, kind="third_party", form_id=forms.THIRD_PARTY_ID, title=t["tp_title"],
            intro=[t["tp_intro_1"], t["tp_intro_2"]], fields=forms.third_party_fields(t, v.locale),
            submit_label=t["send"], values=values, errors=errors, pending=pending, flash=flash,
            multipart=True, blocked=blocked)

    def render_gate(self, req: Request, errors: dict | None = None) -> str:
        t = texts(self.variant.locale)
        page = self.page(req, "facebook")
        return render.help_form_page(
            page, kind="gate", form_id=forms.GATE_ID, title=t["gate_title"], intro=[],
            fields=forms.gate_fields(t), submit_label=t["next"], errors=errors)

    def pending_view(self, req: Request, form_id: str) -> tuple[dict | None, str | None]:
        """The code step or link notice to show (with what the simulated person types or opens
        next) and a one-shot flash ("confirmation", "blocked", "surprise")."""
        key = (req.browser, form_id)
        with self.site.lock:
            flash = self.site.flash.pop(key, None)
            pending = self.site.pending.get(key)
            if not pending:
                return None, flash
            return {
                "via": pending.via,
                "email": pending.email,
                "error": pending.error,
                "person_code": self.person_code(pending) if pending.via == "code" else None,
                "person_link": self.person_link(pending),
                "values": dict(pending.fields),
            }, flash

    def person_code(self, pending: PendingCode) -> str | None:
        """What the simulated person types next (None when nobody is simulated)."""
        v = self.variant
        if not v.simulate_person:
            return None
        if v.wrong_code_first and pending.attempts == 0:
            return f"{(int(pending.code) + 111111) % 1000000:06d}"
        return pending.code

    # -- POST routes ---------------------------------------------------------------------------

    def post_configure(self, req: Request) -> None:
        try:
            variant = Variant.from_json(req.json())
        except (ValueError, TypeError) as exc:
            self.json_out(req, {"ok": False, "error": str(exc)}, 400)
            return
        self.site.configure(variant)
        self.json_out(req, {"ok": True, "variant": variant.to_dict()})

    def post_person_cue(self, req: Request) -> None:
        """The simulated person asks whether the test has cued them (each cue is taken once)."""
        self.json_out(req, {"go": self.site.take_person_cue()})

    def post_consent(self, req: Request) -> None:
        try:
            data = req.json()
        except ValueError:
            data = {}
        choice = data.get("choice")
        platform = data.get("platform")
        if choice not in ("essential", "all") or platform not in CONSENT:
            self.json_out(req, {"ok": False}, 400)
            return
        req.set_cookie(CONSENT[platform], f"{choice}.{self.site.epoch}", max_age=180 * 24 * 3600)
        self.site.record_event("cookie_consent", choice=choice, platform=platform)
        self.json_out(req, {"ok": True})

    def post_fb_login(self, req: Request) -> None:
        data, _ = req.form()
        self.login(req, "facebook", data.get("email", ""), data.get("pass", ""))

    def post_ig_login(self, req: Request) -> None:
        data, _ = req.form()
        self.login(req, "instagram", data.get("username", ""), data.get("password", ""))

    def login(self, req: Request, platform: str, user: str, password: str) -> None:
        self.mark_platform(req, platform)
        next_path = _safe_next(req.query.get("next"))
        user = user.strip()
        if not user or not password:
            page = self.page(req, platform, self.person_config(login=True))
            action = req.handler.path
            markup = (render.login_instagram(page, action, True, user) if platform == "instagram"
                      else render.login_facebook(page, action, True, user))
            self.html(req, markup)
            return
        token, session = self.site.create_session(platform, user)
        if platform == "facebook":
            req.set_cookie(FB_USER, session.uid, max_age=365 * 24 * 3600)
            req.set_cookie(FB_SESSION, token, max_age=365 * 24 * 3600, http_only=True)
        else:
            req.set_cookie(IG_USER, session.uid, max_age=365 * 24 * 3600)
            req.set_cookie(IG_SESSION, token, max_age=365 * 24 * 3600, http_only=True)
        self.site.record_event("login", platform=platform, user=user)
        target = next_path if (next_path and self.variant.after_login == "next") else "/"
        self.redirect(req, target, 303)

    def post_submit(self, req: Request, mode: str) -> None:
        json_mode = mode != "page"
        posted, form_id, by = self.read_submission(req, json_mode)
        v = self.variant
        t = texts(v.locale)
        kind = forms.form_kind(form_id)
        if kind is None or form_id in v.dead_form_ids:
            if json_mode:
                self.json_out(req, {"error": t["notfound_title"]}, 404)
            else:
                self.not_found(req)
            return
        if kind == "gate":
            self.gate_answer(req, posted, by, json_mode)
            return
        platform = forms.platform_of(form_id)
        session = self.session(req, platform)
        user = session.user if session else None
        path = forms.form_path(form_id)

        if kind == "third-party":
            spec = forms.third_party_fields(t, v.locale)
        elif v.field_set == "unknown":
            spec = forms.unknown_fields(t)
        else:
            spec = forms.objection_fields(t, v.locale, v.field_set, "")
        values = forms.raw_values(spec, posted, by=by)
        record_kind = "unknown" if (kind != "third-party" and v.field_set == "unknown") else kind

        if kind != "third-party" and v.require_login and not session:
            self.site.add_submission(record_kind, form_id, forms.normalise(kind, values),
                                     "refused", None, error="not logged in")
            self.go(req, json_mode, f"{LOGIN_PATH[platform]}?next={urllib.parse.quote(path)}")
            return
        if record_kind == "unknown":  # the tool should never send this one
            self.site.add_submission("unknown", form_id, forms.normalise("unknown", values),
                                     "refused", user)
            self.go(req, json_mode, path)
            return

        fields = forms.normalise(kind, values)
        if v.block != "none":  # Meta's rate limit answers before it reads the form
            self.blocked_send(req, json_mode, kind=kind, form_id=form_id, fields=fields, user=user,
                              back=path)
            return
        errors = forms.validate(spec, values, t)
        if errors:
            self.site.add_submission(kind, form_id, fields, "refused", user, error=errors)
            if json_mode:
                self.json_out(req, {"errors": errors})
            elif kind == "third-party":
                self.html(req, self.render_third_party(req, values, errors))
            else:
                self.html(req, self.render_objection(req, form_id, platform, session, values,
                                                     errors))
            return
        self.after_send(req, json_mode, kind=kind, form_id=form_id, fields=fields, values=values,
                        user=user, back=path)

    def read_submission(self, req: Request, json_mode: bool) -> tuple[dict, str, str]:
        """(posted values, form id, 'name'|'key'): native forms post by name, scripts by key."""
        if not json_mode:
            data, files = req.form()
            return {**data, **files}, data.get("support_form_id", ""), "name"
        if req.content_type().startswith("multipart/form-data"):
            data, files = req.form()
            try:
                fields = json.loads(data.get("fields") or "{}")
            except ValueError:
                fields = {}
            return {**fields, **files}, data.get("support_form_id", ""), "key"
        try:
            data = req.json()
        except ValueError:
            data = {}
        fields = data.get("fields") if isinstance(data.get("fields"), dict) else {}
        return fields, str(data.get("support_form_id", "")), "key"

    def go(self, req: Request, json_mode: bool, location: str) -> None:
        if json_mode:
            self.json_out(req, {"redirect": location})
        else:
            self.redirect(req, location, 303)

    def post_code(self, req: Request, mode: str) -> None:
        self.code_answer(req, json_mode=mode != "page")

    def gate_answer(self, req: Request, posted: dict, by: str, json_mode: bool) -> None:
        t = texts(self.variant.locale)
        spec = forms.gate_fields(t)
        answer = forms.raw_values(spec, posted, by=by).get("answer", "")
        if answer not in ("yes", "no"):
            errors = {"answer": t["choose_error"]}
            if json_mode:
                self.json_out(req, {"errors": errors})
            else:
                self.html(req, self.render_gate(req, errors))
            return
        self.site.record_event("gate_answer", answer=answer)
        if answer == "yes":
            req.set_cookie(GATE_PASSED, self.site.epoch)
            target = _safe_next(req.cookies.get(GATE_NEXT)) or forms.FB_FORM_PATH
        else:
            target = "/help/"
        self.go(req, json_mode, target)


GET_ROUTES = [
    (re.compile(r"/__mock__/state"), "get_state"),
    (re.compile(r"/"), "get_home"),
    (re.compile(r"/(?:login/?|login\.php)"), "get_fb_login"),
    (re.compile(r"/accounts/login/?"), "get_ig_login"),
    (re.compile(r"/help/contact/(\d+)/?"), "get_fb_contact"),
    (re.compile(r"/contact/(\d+)/?"), "get_ig_contact"),
    (re.compile(r"/(?:help/)?contact/(confirmation|declined)/?"), "get_result"),
    (re.compile(r"/(?:help/contact|contact|contact/forms)/confirm/?"), "get_link"),
    (re.compile(r"/contact/forms/(confirmation|declined)/?"), "get_wa_result"),
    (re.compile(r"/contact/forms/(\d+)/?"), "get_wa_form"),
    (re.compile(r"/privacy/(?:guide/)?genai/?"), "get_privacy"),
    (re.compile(r"/help/?"), "get_help"),
]

POST_ROUTES = [
    (re.compile(r"/__mock__/configure"), "post_configure"),
    (re.compile(r"/__mock__/person-cue"), "post_person_cue"),
    (re.compile(r"/cookie/consent/?"), "post_consent"),
    (re.compile(r"/(?:login/?|login\.php)"), "post_fb_login"),
    (re.compile(r"/accounts/login/?"), "post_ig_login"),
    (re.compile(r"/ajax/help/contact/submit/(page)?"), "post_submit"),
    (re.compile(r"/ajax/help/contact/code/(page)?"), "post_code"),
    (re.compile(r"/contact/forms/submit/(async/)?"), "post_wa_submit"),
    (re.compile(r"/contact/forms/code/(async/)?"), "post_wa_code"),
]


# -- the public object --------------------------------------------------------------------------


class MockSite:
    """A local replica of Meta's AI-objection pages, served on 127.0.0.1 in a daemon thread."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0,
                 variant: Variant | None = None, **variant_fields) -> None:
        self.host = host
        self.port = port
        self.state = SiteState(variant or Variant(**variant_fields))
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> MockSite:
        handler = type("MockSiteHandler", (Handler,), {"site": self.state})
        server = ThreadingHTTPServer((self.host, self.port), handler)
        server.daemon_threads = True
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(target=server.serve_forever, name="mock-site",
                                        kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def variant(self) -> Variant:
        return self.state.variant

    def configure(self, **fields) -> MockSite:
        """Replace the variant (unnamed fields take defaults) and forget everything recorded."""
        self.state.configure(Variant(**fields))
        return self

    def reset(self) -> MockSite:
        return self.configure()

    def cue_person(self) -> MockSite:
        """Let the simulated person take their next step (with person_waits_for_cue)."""
        self.state.cue_person()
        return self

    @property
    def submissions(self) -> list[dict]:
        return self.state.snapshot()["submissions"]

    @property
    def events(self) -> list[dict]:
        return self.state.snapshot()["events"]

    @property
    def issued_codes(self) -> list[str]:
        return self.state.snapshot()["issued_codes"]

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> MockSite:
        return self.start() if self._server is None else self

    def __exit__(self, *exc) -> None:
        self.stop()
