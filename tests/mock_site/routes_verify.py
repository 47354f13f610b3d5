"""What follows a Send: Meta's block dialog, a server error, the dialog no tool knows, then the
verification the variant asks for (an emailed code, an emailed link, or none) and the outcome;
the code's answer and the emailed link's page.

A mixin of server.Handler (it uses the handler's variant, recorded state, pages and replies), so
every form — Facebook's, Instagram's, the third-party one and WhatsApp's — goes the same way.
"""

from __future__ import annotations

import re

from . import forms, render, render_routes, whatsapp
from .state import PendingCode
from .texts_routes import base_texts


class AfterSend:
    """Handler methods for everything after Send."""

    # -- Send --------------------------------------------------------------------------------

    def flash_or_json(self, req, json_mode: bool, form_id: str, name: str, back: str) -> None:
        """Show dialog `name` after Send: a JSON answer the page script draws, or a one-shot
        flash the reloaded native page renders."""
        if json_mode:
            self.json_out(req, {"dialog": name})
            return
        with self.site.lock:
            self.site.flash[(req.browser, form_id)] = name
        self.redirect(req, back, 303)

    def blocked_send(self, req, json_mode: bool, *, kind: str, form_id: str, fields: dict,
                     user: str | None, back: str, extra: dict | None = None) -> None:
        self.site.add_submission(kind, form_id, fields, "blocked", user, **(extra or {}))
        self.site.record_event("blocked", form_id=form_id, when="send")
        self.flash_or_json(req, json_mode, form_id, "blocked", back)

    def after_send(self, req, json_mode: bool, *, kind: str, form_id: str, fields: dict,
                   values: dict, user: str | None, back: str, locale: str | None = None,
                   extra: dict | None = None) -> None:
        """A Send that passed validation: record it and answer as the variant says."""
        v = self.variant
        extra = extra or {}
        platform = forms.platform_of(form_id)
        if v.submit_outcome == "server_error":
            self.site.add_submission(kind, form_id, fields, "server-error", user, **extra)
            t = base_texts(locale or v.locale)
            if json_mode:
                self.json_out(req, {"error": t["error_title"]}, 500)
            else:
                page = self.page(req, platform, locale=locale)
                self.html(req, render.server_error(page, back), 500)
            return
        if v.surprise_dialog:
            self.site.add_submission(kind, form_id, fields, "pending-review", user, **extra)
            self.flash_or_json(req, json_mode, form_id, "surprise", back)
            return
        if v.verification == "none":
            index = self.site.add_submission(kind, form_id, fields, "pending-code", user, **extra)
            self.complete(req, json_mode, index, form_id, back, locale)
            return
        stored = {k: val for k, val in values.items() if not isinstance(val, dict)}
        email = fields.get("email", "")
        if v.verification == "link":
            index = self.site.add_submission(kind, form_id, fields, "pending-link", user, **extra)
            url = self.site.issue_link(f"{forms.RESULT_BASE[platform]}/confirm/", submission=index,
                                       form_id=form_id, platform=platform, email=email,
                                       locale=locale, browser=req.browser)
            pending = PendingCode(submission=index, form_id=form_id, email=email, code="",
                                  fields=stored, via="link", link=url, back=back, locale=locale)
            answer = {"link": {"email": email, "person_link": self.person_link(pending)}}
        else:
            index = self.site.add_submission(kind, form_id, fields, "pending-code", user, **extra)
            pending = PendingCode(submission=index, form_id=form_id, email=email,
                                  code=self.site.issue_code(), expire_next=v.code_expired_first,
                                  fields=stored, back=back, locale=locale)
            answer = {"code": {"email": email, "error": None,
                               "person_code": self.person_code(pending)}}
        with self.site.lock:
            self.site.pending[(req.browser, form_id)] = pending
        if json_mode:
            self.json_out(req, answer)
        else:
            self.redirect(req, back, 303)

    def person_link(self, pending: PendingCode) -> str | None:
        """The emailed link the simulated person opens (None when nobody is simulated)."""
        return pending.link if (self.variant.simulate_person and pending.via == "link") else None

    def complete(self, req, json_mode: bool, index: int, form_id: str, back: str | None = None,
                 locale: str | None = None) -> None:
        """A submission is through (code right or no verification): confirm or refuse it."""
        v = self.variant
        platform = forms.platform_of(form_id)
        base = forms.RESULT_BASE[platform]
        if v.submit_outcome == "refusal":
            self.site.set_status(index, "refused")
            token = self.site.add_result(form_id, "refused", platform, locale)
            self.go(req, json_mode, f"{base}/declined/?s={token}")
            return
        self.site.set_status(index, "confirmed")
        if v.confirmation_style == "page" or platform == "whatsapp":
            token = self.site.add_result(form_id, "confirmed", platform, locale)
            self.go(req, json_mode, f"{base}/confirmation/?s={token}")
        elif json_mode:
            self.json_out(req, {"dialog": "confirmation"})
        else:
            with self.site.lock:
                self.site.flash[(req.browser, form_id)] = "confirmation"
            self.redirect(req, back or forms.form_path(form_id), 303)

    # -- the code ----------------------------------------------------------------------------

    def code_answer(self, req, json_mode: bool) -> None:
        if json_mode:
            try:
                data = req.json()
            except ValueError:
                data = {}
        else:
            data, _ = req.form()
        form_id = str(data.get("support_form_id", ""))
        code = re.sub(r"\s+", "", str(data.get("code", "")))
        key = (req.browser, form_id)
        with self.site.lock:
            pending = self.site.pending.get(key)
            if pending is None or pending.via != "code":
                if form_id in forms.WHATSAPP_IDS:
                    back = whatsapp.form_path(form_id, data.get("lang") or None)
                else:
                    back = forms.form_path(form_id)
                self.go(req, json_mode, back)
                return
            if code != pending.code:
                reason = "wrong"
            elif pending.expire_next:
                reason = "expired"
            else:
                reason = None
            self.site.record_event("code_entered", code=code, ok=reason is None, reason=reason)
            if reason is None:
                del self.site.pending[key]
            else:
                pending.attempts += 1
                pending.error = reason
                if reason == "expired":
                    pending.expire_next = False
                    pending.code = self.site.issue_code()
        back = pending.back or forms.form_path(form_id)
        if reason is None:
            self.complete(req, json_mode, pending.submission, form_id, back, pending.locale)
        elif json_mode:
            self.json_out(req, {"error": reason, "person_code": self.person_code(pending)})
        else:
            self.redirect(req, back, 303)

    # -- the emailed link --------------------------------------------------------------------

    def get_link(self, req) -> None:
        """GET <base>/confirm/?token=…: a one-time link confirms its submission."""
        token = req.query.get("token", "")
        with self.site.lock:
            link = self.site.links.get(token)
            if link is None:
                reason = "unknown"
            elif link["used"]:
                reason = "used"
            else:
                reason = None
                link["used"] = True
                key = (link["browser"], link["form_id"])
                pending = self.site.pending.get(key)
                if pending is not None and pending.link == link["url"]:
                    del self.site.pending[key]
            url = link["url"] if link else req.handler.path
            self.site.record_event("link_opened", url=url, ok=reason is None, reason=reason,
                                   form_id=link["form_id"] if link else None)
        if link:
            platform, locale = link["platform"], link["locale"]
        else:
            platform = ("whatsapp" if req.path.startswith("/contact/forms/")
                        else "instagram" if req.path.startswith("/contact/") else "facebook")
            locale = None
        page = self.page(req, platform, locale=locale)
        if reason is not None:
            self.html(req, render_routes.link_error(page))
            return
        refused = self.variant.submit_outcome == "refusal"
        self.site.set_status(link["submission"], "refused" if refused else "confirmed")
        if platform == "whatsapp":
            self.html(req, render_routes.whatsapp_result(page, confirmed=not refused))
        else:
            self.html(req, render.refused(page) if refused else render.confirmation(page))
