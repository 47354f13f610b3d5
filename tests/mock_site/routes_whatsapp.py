"""WhatsApp's objection form at /contact/forms/<id>/: the page in the language of `?lang=`, its
Send (native POST or the page script's JSON), and its result pages.

A mixin of server.Handler. No login and no cookie banner (none is known for these pages); after
Send the code field (or the emailed-link notice) appears below the form, not in a dialog.
"""

from __future__ import annotations

from . import forms, render, render_routes, whatsapp
from .texts_routes import routes_texts


class WhatsAppRoutes:
    """Handler methods for WhatsApp's form."""

    def wa_endpoint(self, lang: str | None) -> dict:
        params = {"lang": lang} if lang else {}
        return {
            "submit_native": whatsapp.SUBMIT_NATIVE, "submit_json": whatsapp.SUBMIT_JSON,
            "code_native": whatsapp.CODE_NATIVE, "code_json": whatsapp.CODE_JSON,
            "hidden": params, "params": params, "inline": True,
        }

    def wa_not_found(self, req, locale: str, json_mode: bool = False) -> None:
        page = self.page(req, "whatsapp", locale=locale)
        if json_mode:
            self.json_out(req, {"error": page.t["notfound_title"]}, 404)
        else:
            self.html(req, render_routes.whatsapp_not_found(page), 404)

    def wa_alive(self, form_id: str) -> bool:
        return form_id in forms.WHATSAPP_IDS and form_id not in self.variant.dead_form_ids

    def get_wa_form(self, req, form_id: str) -> None:
        lang = req.query.get("lang") or None
        locale = whatsapp.page_locale(lang, self.variant.locale)
        if not self.wa_alive(form_id):
            self.wa_not_found(req, locale)
            return
        blocked = self.blocked_on_load(form_id)
        self.html(req, self.render_whatsapp(req, form_id, lang, locale, blocked=blocked))

    def render_whatsapp(self, req, form_id: str, lang: str | None, locale: str,
                        values: dict | None = None, errors: dict | None = None,
                        blocked: bool = False) -> str:
        v = self.variant
        rt = routes_texts(locale)
        page = self.page(req, "whatsapp", self.person_config(), locale=locale)
        pending, flash = self.pending_view(req, form_id)
        stored = pending.pop("values") if pending else None
        values = stored if values is None else values
        return render.help_form_page(
            page, kind="whatsapp", form_id=form_id, title=rt["wa_title"],
            intro=[rt["wa_intro_1"], rt["wa_intro_2"]],
            fields=whatsapp.fields(rt, locale, v.whatsapp_phone, v.widgets),
            submit_label=rt["wa_send"], values=values, errors=errors, pending=pending,
            flash=flash, section=rt["wa_help"], blocked=blocked, endpoint=self.wa_endpoint(lang))

    def posted_lang(self, req, json_mode: bool) -> str | None:
        try:
            data = req.json() if json_mode else req.form()[0]
        except ValueError:
            return None
        lang = data.get("lang")
        return str(lang) if lang else None

    def post_wa_submit(self, req, async_: str | None) -> None:
        json_mode = bool(async_)
        posted, form_id, by = self.read_submission(req, json_mode)
        v = self.variant
        lang = self.posted_lang(req, json_mode)
        locale = whatsapp.page_locale(lang, v.locale)
        if not self.wa_alive(form_id):
            self.wa_not_found(req, locale, json_mode)
            return
        rt = routes_texts(locale)
        back = whatsapp.form_path(form_id, lang)
        spec = whatsapp.fields(rt, locale, v.whatsapp_phone, v.widgets)
        values = forms.raw_values(spec, posted, by=by)
        errors, recorded, country = whatsapp.check(values, rt, v.whatsapp_phone)
        extra = {"locale": locale, "phone_country": country}
        if v.block != "none":
            self.blocked_send(req, json_mode, kind=whatsapp.KIND, form_id=form_id,
                              fields=recorded, user=None, back=back, extra=extra)
            return
        if errors:
            self.site.add_submission(whatsapp.KIND, form_id, recorded, "refused", None,
                                     error=errors, **extra)
            if json_mode:
                self.json_out(req, {"errors": errors})
            else:
                self.html(req, self.render_whatsapp(req, form_id, lang, locale, values, errors))
            return
        self.after_send(req, json_mode, kind=whatsapp.KIND, form_id=form_id, fields=recorded,
                        values=values, user=None, back=back, locale=locale, extra=extra)

    def post_wa_code(self, req, async_: str | None) -> None:
        self.code_answer(req, json_mode=bool(async_))

    def get_wa_result(self, req, which: str) -> None:
        with self.site.lock:
            result = self.site.results.get(req.query.get("s", ""))
        if not result or result["platform"] != "whatsapp":
            self.wa_not_found(req, self.variant.locale)
            return
        page = self.page(req, "whatsapp", locale=result["locale"])
        self.html(req, render_routes.whatsapp_result(page, confirmed=which == "confirmation"))
