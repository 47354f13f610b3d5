"""HTML for every page kind, from the templates in templates/ and the field specs in forms.py.

Native widgets are rendered here as real <form> markup; custom (Meta-style) widgets are drawn by
templates/site.js from the same specs, passed in the page's JSON config. Class names are
generated: old-style "_4jy0" names for native pages, atomic "x1n2onr6" names for custom ones.
The newer routes' dialogs and pages are in render_routes.py. Over 350 lines: one renderer per page
kind, all sharing the Page context.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import secrets
import string
from pathlib import Path

from . import forms
from .state import Variant
from .texts_routes import base_texts, html_lang, meta_locale, routes_texts

TEMPLATES = Path(__file__).with_name("templates")


@functools.cache
def template(name: str) -> string.Template:
    return string.Template((TEMPLATES / name).read_text(encoding="utf-8"))


@functools.cache
def _raw(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# -- generated class names --------------------------------------------------------------------

# Texts the page script draws itself (custom widgets only).
SCRIPT_TEXTS = ("code_title", "code_body", "code_label", "code_confirm", "code_cancel",
                "code_wrong", "code_expired", "confirm_title", "confirm_text", "error_title",
                "error_text", "close")

# ... and those of texts_routes.py (link notice, block and surprise dialogs, WhatsApp's code step).
ROUTE_SCRIPT_TEXTS = ("link_title", "link_text", "ok", "surprise_title", "surprise_text",
                      "surprise_link", "wa_code_heading", "wa_code_label", "wa_code_confirm",
                      "wa_code_wrong", "wa_code_expired")

# Names the page script needs besides those the stylesheet uses.
SCRIPT_ONLY_NAMES = ("mount", "section", "cookie_layer", "code_layer", "confirm_layer", "dismiss",
                     "label_row", "block_layer", "surprise_layer", "link_layer", "code_section")

BRAND = {"facebook": "Facebook", "instagram": "Instagram", "whatsapp": "WhatsApp"}
HEADER = {"facebook": "header_facebook.html", "instagram": "header_instagram.html",
          "whatsapp": "header_whatsapp.html"}
THEME = {"facebook": "theme_fb", "instagram": "theme_ig", "whatsapp": "theme_wa"}


@functools.cache
def class_names() -> tuple[str, ...]:
    css_names = re.findall(r"\$\{([a-z_]+)\}", _raw("site.css"))
    return tuple(sorted(set(css_names) | set(SCRIPT_ONLY_NAMES)))


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


@functools.cache
def class_map(widgets: str) -> dict[str, str]:
    """semantic name -> 'tok1 tok2 tok3'; the first token is unique and carries the style."""

    def token(seed: str, length: int) -> str:
        digest = int.from_bytes(hashlib.sha1(seed.encode()).digest(), "big")
        body = _base36(digest)[:length]
        return ("x" + body) if widgets == "custom" else ("_" + body[: max(3, length - 3)])

    mapping: dict[str, str] = {}
    seen: set[str] = set()
    for name in class_names():
        salt = 0
        while True:
            first = token(f"{widgets}:{name}:{salt}", 6 + salt % 3)
            if first not in seen:
                break
            salt += 1
        seen.add(first)
        noise = [token(f"{widgets}:noise:{name}:{i}", 6 + i) for i in range(2 if widgets == "custom" else 1)]
        mapping[name] = " ".join([first, *noise])
    return mapping


@functools.cache
def stylesheet(widgets: str) -> str:
    firsts = {name: value.split()[0] for name, value in class_map(widgets).items()}
    css = string.Template(_raw("site.css")).substitute(firsts)
    return re.sub(r"\s*\n\s*", "\n", css)


# -- the page being built ---------------------------------------------------------------------


class Page:
    """Context for rendering one HTML page: variant, platform, texts, ids and script config."""

    def __init__(
        self,
        variant: Variant,
        platform: str,
        *,
        banner: bool,
        person: dict | None = None,
        locale: str | None = None,
    ) -> None:
        self.variant = variant
        self.platform = platform
        # WhatsApp's pages take their language from ?lang=, the others from the variant.
        self.locale = locale or variant.locale
        self.t = base_texts(self.locale)
        self.rt = routes_texts(self.locale)
        self.custom = variant.widgets == "custom"
        self.cls = class_map(variant.widgets)
        self.banner = banner and variant.cookie_banner != "none"
        self.person = person
        self._ids = 0
        self._id_salt = secrets.token_hex(2)
        self.config: dict = {}

    def c(self, *names: str) -> str:
        return " ".join(self.cls[name] for name in names)

    def new_id(self) -> str:
        self._ids += 1
        if self.custom:  # React-style useId values
            return f":R{self._id_salt[:2]}{_base36(self._ids)}:"
        return f"u_0_{_base36(self._ids)}_{self._id_salt}"

    # -- whole document ----------------------------------------------------------------------

    def document(self, title: str, content: str, *, kind: str, section: str = "",
                 overlays: str = "") -> str:
        header = template(HEADER[self.platform]).substitute(
            header_cls=self.c("header"), brand_cls=self.c("brand"),
            section_cls=self.c("header_section"), section=e(section),
        )
        banner_html = self._cookie_banner() if self.banner else ""
        theme = THEME[self.platform]
        config = {
            "page": kind,
            "platform": self.platform,
            "custom": self.custom,
            "cls": self.cls,
            # Only what the script itself shows (dialogs drawn by custom pages).
            "t": ({**{k: self.t[k] for k in SCRIPT_TEXTS},
                   **{k: self.rt[k] for k in ROUTE_SCRIPT_TEXTS}}
                  if self.custom and "form" in self.config else {}),
            "slow_ms": self.variant.slow_ms,
            "person": self.person,
            "banner": (
                {"platform": self.platform, "choices": ["essential", "all"]}
                if self.banner else None
            ),
            **self.config,
        }
        config_json = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
        return template("layout.html").substitute(
            lang=html_lang(self.locale),
            html_cls="",
            title=e(title),
            css=stylesheet(self.variant.widgets),
            body_cls=self.c("page", theme),
            mount_id=f"mount_0_0_{self._id_salt}",
            app_cls=self.c("app"),
            header=header,
            main_cls=self.c("main"),
            content=content,
            overlays=banner_html + overlays,
            config=config_json,
            js=_raw("site.js"),
        )

    def _cookie_banner(self) -> str:
        if self.variant.cookie_banner == "attributes":
            from .render_routes import attribute_banner

            return attribute_banner(self)
        t = self.t
        instagram = self.platform == "instagram"
        if instagram or self.variant.cookie_banner == "decline":
            labels = [t["banner_decline"], t["banner_all"]]
        else:
            labels = [t["banner_essential"], t["banner_optional"]]
        buttons = []
        for index, label in enumerate(labels):
            accept = index == 1
            extra = ' data-cookiebanner="accept_button"' if accept and not instagram else ""
            style = "button_primary" if accept else "button_secondary"
            if self.custom:
                buttons.append(
                    f'<div role="button" tabindex="0" aria-label="{e(label)}" title="{e(label)}"'
                    f'{extra} class="{self.c(style)}"><span>{e(label)}</span></div>'
                )
            else:
                buttons.append(
                    f'<button type="button" value="1" title="{e(label)}"{extra} '
                    f'class="{self.c(style)}">{e(label)}</button>'
                )
        return template("cookie_banner.html").substitute(
            layer_cls=self.c("layer", "cookie_layer"),
            backdrop_cls=self.c("backdrop"),
            dialog_cls=self.c("dialog"),
            title_id=self.new_id(),
            title_cls=self.c("dialog_title"),
            title=e(t["banner_title_ig" if instagram else "banner_title_fb"]),
            body_cls=self.c("dialog_body"),
            body=e(t["banner_body_ig" if instagram else "banner_body_fb"]),
            link_cls=self.c("link"),
            learn_more=e(t["banner_learn_more"]),
            buttons_cls=self.c("banner_buttons"),
            buttons="\n      ".join(buttons),
        )

    # -- pieces --------------------------------------------------------------------------------

    def dialog(self, title: str, body: str, *, layer: str) -> str:
        return template("dialog.html").substitute(
            layer_cls=self.c("layer", layer),
            backdrop_cls=self.c("backdrop"),
            dialog_cls=self.c("dialog"),
            title_id=self.new_id(),
            title_cls=self.c("dialog_title"),
            title=e(title),
            body=body,
            body_cls=self.c("dialog_body"),
        )

    def message(self, title: str, text: str, links: list[tuple[str, str]]) -> str:
        return template("message.html").substitute(
            card_cls=self.c("card"),
            title_cls=self.c("title"),
            title=e(title),
            text_cls=self.c("text"),
            text=e(text),
            links_cls=self.c("links"),
            links="".join(
                f'<a href="{e(href)}" class="{self.c("link")}">{e(label)}</a>' for href, label in links
            ),
        )

    def hidden_tokens(self) -> str:
        return (
            f'<input type="hidden" name="jazoest" value="2{secrets.randbelow(9000) + 1000}" '
            f'autocomplete="off">'
            f'<input type="hidden" name="lsd" value="AV{secrets.token_urlsafe(8)}" autocomplete="off">'
        )


# -- native field markup ----------------------------------------------------------------------


def _error(page: Page, message: str | None) -> str:
    if not message:
        return ""
    return f'<div role="alert" class="{page.c("error")}">{e(message)}</div>'


def _label_row(page: Page, spec: dict, for_id: str | None, *, tag: str = "label") -> str:
    attr = f' for="{for_id}"' if (for_id and tag == "label") else ""
    optional = spec.get("optional_text")
    optional_html = (
        f'<span class="{page.c("label_optional")}">({e(optional)})</span>' if optional else ""
    )
    return (
        f'<div class="{page.c("label_row")}"><{tag}{attr} class="{page.c("label")}">'
        f'{e(spec["label"])}</{tag}>{optional_html}</div>'
    )


def native_field(page: Page, spec: dict, values: dict, errors: dict, disabled: bool = False) -> str:
    kind = spec["type"]
    key = spec["key"]
    error = errors.get(key)
    value = values.get(key, spec.get("value", ""))
    if isinstance(value, dict):  # a file
        value = ""
    fid = page.new_id()
    attrs = f'name="{spec["name"]}" id="{fid}"'
    if disabled:
        attrs += " disabled"
    if spec.get("required"):
        attrs += ' aria-required="true"'
    if error:
        attrs += ' aria-invalid="true"'
    hint_html = ""
    if spec.get("hint"):
        hint_id = page.new_id()
        attrs += f' aria-describedby="{hint_id}"'
        hint_html = f'<div id="{hint_id}" class="{page.c("hint")}">{e(spec["hint"])}</div>'
    invalid = " invalid" if error else ""

    if kind == "select":
        options = [f'<option value="">{e(spec["placeholder"])}</option>']
        for code, name in spec["options"]:
            selected = " selected" if code == value else ""
            options.append(f'<option value="{e(code)}"{selected}>{e(name)}</option>')
        control = (
            f'<select {attrs} class="{page.c("control", *invalid.split())}">'
            + "".join(options) + "</select>"
        )
    elif kind in ("text", "date", "tel", "email"):
        auto = f' autocomplete="{spec["autocomplete"]}"' if spec.get("autocomplete") else ""
        if kind == "tel":
            auto += ' inputmode="tel"'
        control = (
            f'<input type="{kind}" {attrs}{auto} value="{e(value)}" '
            f'class="{page.c("control", *invalid.split())}">'
        )
    elif kind == "textarea":
        control = (
            f'<textarea {attrs} rows="5" class="{page.c("control", "textarea", *invalid.split())}">'
            f"{e(value)}</textarea>"
        )
    elif kind == "file":
        control = (
            f'<input type="file" {attrs} accept="{e(spec.get("accept", ""))}" '
            f'class="{page.c("control")}">'
        )
    elif kind == "radios":
        rows = []
        for code, text in spec["options"]:
            rid = page.new_id()
            checked = " checked" if code == value else ""
            rows.append(
                f'<div class="{page.c("radio_row")}"><input type="radio" name="{spec["name"]}" '
                f'id="{rid}" value="{e(code)}"{checked}><label for="{rid}">{e(text)}</label></div>'
            )
        return (
            f'<fieldset class="{page.c("fieldset")}"><legend class="{page.c("legend")}">'
            f'{e(spec["label"])}</legend>{"".join(rows)}{_error(page, error)}</fieldset>'
        )
    else:
        raise ValueError(f"unknown field type {kind!r}")
    return (
        f'<div class="{page.c("field")}">{_label_row(page, spec, fid)}{control}{hint_html}'
        f"{_error(page, error)}</div>"
    )


def _native_fields(page: Page, fields: list[dict], values: dict, errors: dict,
                   submit_html: str, disabled: bool = False) -> str:
    parts = []
    for spec in fields:
        if spec["type"] == "section":
            key, allowed = spec["show_when"]
            hidden = "" if values.get(key) in allowed else " hidden"
            inner = _native_fields(page, spec["fields"], values, errors, "", disabled)
            if spec.get("submit"):
                inner += submit_html
            parts.append(f'<div class="{page.c("section")}"{hidden}>{inner}</div>')
        elif spec["type"] == "info":
            key, allowed = spec["show_when"]
            hidden = "" if values.get(key) in allowed else " hidden"
            href, label = spec["link"]
            parts.append(
                f'<div class="{page.c("info")}"{hidden}>{e(spec["text"])} '
                f'<a href="{e(href)}" class="{page.c("link")}">{e(label)}</a></div>'
            )
        else:
            parts.append(native_field(page, spec, values, errors, disabled))
    return "".join(parts)


def hidden_inputs(hidden: dict[str, str]) -> str:
    return "".join(f'<input type="hidden" name="{e(k)}" value="{e(v)}">' for k, v in hidden.items())


def native_form(page: Page, form_id: str, fields: list[dict], submit_label: str, values: dict,
                errors: dict, *, multipart: bool = False, endpoint: dict | None = None,
                disabled: bool = False) -> str:
    endpoint = endpoint or help_endpoint(page)
    off = " disabled" if disabled else ""
    submit_html = (
        f'<div class="{page.c("actions")}"><button value="1" class="{page.c("button_primary")}" '
        f'type="submit"{off}>{e(submit_label)}</button></div>'
    )
    has_inner_submit = any(s["type"] == "section" and s.get("submit") for s in fields)
    body = _native_fields(page, fields, values, errors, submit_html, disabled)
    if not has_inner_submit:
        body += submit_html
    enctype = ' enctype="multipart/form-data"' if multipart else ""
    return (
        f'<form method="post" action="{endpoint["submit_native"]}"{enctype} novalidate '
        f'class="{page.c("form")}">{page.hidden_tokens()}'
        f'<input type="hidden" name="support_form_id" value="{e(form_id)}">'
        f'{hidden_inputs(endpoint["hidden"])}{body}</form>'
    )


def help_endpoint(page: Page) -> dict:
    """Where a Facebook/Instagram help-contact form posts, and what it sends besides its fields."""
    return {
        "submit_native": forms.SUBMIT_NATIVE, "submit_json": forms.SUBMIT_JSON,
        "code_native": forms.CODE_NATIVE, "code_json": forms.CODE_JSON,
        "hidden": {"support_form_locale_id": meta_locale(page.locale)}, "params": {},
        "inline": False,
    }


# -- help-contact pages (objection, third-party, gate, unknown) -------------------------------


def help_form_page(
    page: Page,
    *,
    kind: str,
    form_id: str,
    title: str,
    intro: list[str],
    fields: list[dict],
    submit_label: str,
    values: dict | None = None,
    errors: dict | None = None,
    pending: dict | None = None,
    flash: str | None = None,
    multipart: bool = False,
    section: str | None = None,
    blocked: bool = False,
    endpoint: dict | None = None,
) -> str:
    """A contact form, native or custom, with what follows Send: the code (a dialog, or a field
    that appears below the form when the endpoint says `inline`), the emailed-link notice, the
    confirmation dialog, the block dialog (also over the form as it loads: `blocked`) or the
    dialog no tool knows."""
    from . import render_routes

    values = values or {}
    errors = errors or {}
    t = page.t
    endpoint = endpoint or help_endpoint(page)
    inline = endpoint["inline"]
    page.config["form"] = {
        "kind": kind,
        "form_id": form_id,
        "fields": fields,
        "submit": submit_label,
        "values": {k: v for k, v in values.items() if not isinstance(v, dict)},
        "errors": errors,
        "pending": pending,
        "flash": flash,
        "multipart": multipart,
        "submit_url": endpoint["submit_json"],
        "code_url": endpoint["code_json"],
        "params": endpoint["params"],
        "inline": inline,
        "block_on_load": blocked,
    }
    if page.custom and page.variant.block != "none":  # drawn by the page script
        page.config["block"] = render_routes.block_content(page)
    overlays = ""
    if page.custom:
        body = f'<div class="{page.c("mount")}"></div>'  # the page script draws fields and dialogs
    else:
        form_html = native_form(page, form_id, fields, submit_label, values, errors,
                                multipart=multipart, endpoint=endpoint,
                                disabled=bool(pending) and inline)
        if pending and inline:
            form_html += render_routes.pending_section_native(page, form_id, pending, endpoint)
        if page.variant.slow_ms:
            form_html = f"<template>{form_html}</template>"
        body = f'<div class="{page.c("mount")}">{form_html}</div>'
        if pending and not inline:
            if pending.get("via") == "link":
                overlays += render_routes.link_dialog_native(page, pending)
            else:
                overlays += code_dialog_native(page, form_id, pending)
        elif flash == "confirmation":
            overlays += page.dialog(
                t["confirm_title"],
                f'<p>{e(t["confirm_text"])}</p><div class="{page.c("actions")}">'
                f'<button type="button" class="{page.c("button_primary", "dismiss")}">'
                f'{e(t["close"])}</button></div>',
                layer="confirm_layer",
            )
        elif flash == "surprise":
            overlays += render_routes.surprise_dialog_native(page)
        if blocked or flash == "blocked":
            overlays += render_routes.block_dialog_native(page)
    content = template("help_form.html").substitute(
        card_cls=page.c("card"),
        title_cls=page.c("title"),
        title=e(title),
        intro_cls=page.c("intro"),
        intro="".join(f"<p>{e(p)}</p>" for p in intro),
        body=body,
    )
    return page.document(
        f"{title} | {BRAND[page.platform]}",
        content,
        kind=kind,
        section=section or t["help_centre"],
        overlays=overlays,
    )


def code_dialog_native(page: Page, form_id: str, pending: dict) -> str:
    t = page.t
    fid = page.new_id()
    error = {"wrong": t["code_wrong"], "expired": t["code_expired"]}.get(pending.get("error"))
    body = (
        f'<p>{e(t["code_body"].format(email=pending["email"]))}</p>'
        f'<form method="post" action="{forms.CODE_NATIVE}" class="{page.c("form")}" novalidate>'
        f"{page.hidden_tokens()}"
        f'<input type="hidden" name="support_form_id" value="{e(form_id)}">'
        f'<div class="{page.c("field")}"><label for="{fid}" class="{page.c("label")}">'
        f'{e(t["code_label"])}</label><input type="text" name="code" id="{fid}" '
        f'inputmode="numeric" autocomplete="one-time-code" maxlength="6" '
        f'class="{page.c("control")}"></div>{_error(page, error)}'
        f'<div class="{page.c("actions")}">'
        f'<button type="button" class="{page.c("button_secondary", "dismiss")}">'
        f'{e(t["code_cancel"])}</button>'
        f'<button type="submit" value="1" class="{page.c("button_primary")}">'
        f'{e(t["code_confirm"])}</button></div></form>'
    )
    return page.dialog(t["code_title"], body, layer="code_layer")


# -- other pages -------------------------------------------------------------------------------


def login_facebook(page: Page, action: str, error: bool, email_value: str = "") -> str:
    t = page.t
    content = template("login_facebook.html").substitute(
        wrap_cls=page.c("login_wrap"),
        card_cls=page.c("login_card"),
        title_cls=page.c("title"),
        login_title=e(t["login_title"]),
        error=_error(page, t["login_error"] if error else None),
        notice_cls=page.c("notice"),
        login_must=e(t["login_must"]),
        action=e(action),
        form_cls=page.c("form"),
        jazoest=f"2{secrets.randbelow(9000) + 1000}",
        lsd=f"AV{secrets.token_urlsafe(8)}",
        field_cls=page.c("field"),
        input_cls=page.c("login_input"),
        email_ph=e(t["login_email"]),
        email_value=e(email_value),
        pass_ph=e(t["login_pass"]),
        button_cls=page.c("login_button"),
        login_button=e(t["login_button"]),
        links_cls=page.c("login_links"),
        link_cls=page.c("link"),
        forgot=e(t["login_forgot"]),
    )
    return page.document(f"{t['login_title']} | Facebook", content, kind="login")


def login_instagram(page: Page, action: str, error: bool, user_value: str = "") -> str:
    t = page.t
    content = template("login_instagram.html").substitute(
        wrap_cls=page.c("login_wrap"),
        card_cls=page.c("login_card"),
        logo_cls=page.c("login_logo"),
        action=e(action),
        form_cls=page.c("form"),
        lsd=secrets.token_urlsafe(16),
        field_cls=page.c("field"),
        label_cls=page.c("login_label"),
        floating_cls=page.c("login_floating"),
        input_cls=page.c("login_input"),
        user_label=e(t["ig_login_user"]),
        user_value=e(user_value),
        pass_label=e(t["ig_login_pass"]),
        button_cls=page.c("login_button"),
        button_text_cls=page.c("combo_text"),
        login_button=e(t["ig_login_button"]),
        error=_error(page, t["ig_login_error"] if error else None),
    )
    return page.document(f"{t['ig_login_button']} • Instagram", content, kind="login")


def feed(page: Page, user: str) -> str:
    t = page.t
    posts = "".join(
        f'<div role="article" class="{page.c("post")}"><div class="{page.c("post_author")}">'
        f"{e(author)}</div><div>{e(text)}</div></div>"
        for author, text in (
            ("Ada Example", "☕"),
            ("Meta", t["privacy_intro"]),
            ("Bob Example", "🌻🌻🌻"),
        )
    )
    if page.platform == "instagram":
        content = template("feed_instagram.html").substitute(
            feed_cls=page.c("feed"), sidebar_cls=page.c("sidebar"), link_cls=page.c("link"),
            home=e(t["ig_home"]), privacy_centre=e(t["privacy_centre"]),
            column_cls=page.c("column"), posts=posts,
        )
        return page.document("Instagram", content, kind="feed", section=t["ig_home"])
    content = template("feed_facebook.html").substitute(
        feed_cls=page.c("feed"), sidebar_cls=page.c("sidebar"), link_cls=page.c("link"),
        feed_title=e(t["feed_title"]), privacy_centre=e(t["privacy_centre"]),
        help_centre=e(t["help_centre"]), column_cls=page.c("column"),
        composer_cls=page.c("composer"), composer=e(t["feed_composer"]), posts=posts,
    )
    return page.document("Facebook", content, kind="feed", section=t["feed_title"])


def privacy(page: Page) -> str:
    t = page.t
    instagram = page.platform == "instagram"
    form_href = forms.IG_FORM_PATH if instagram else forms.FB_FORM_PATH
    link = f'<a href="{form_href}" class="{page.c("link")}">{e(t["privacy_object_link"])}</a>'
    sentence = e(t["privacy_object_sentence"]).replace("{link}", link)
    content = template("privacy.html").substitute(
        card_cls=page.c("card"), title_cls=page.c("title"), para_cls=page.c("para"),
        subtitle_cls=page.c("subtitle"), subsubtitle_cls=page.c("subsubtitle"),
        list_cls=page.c("list"), link_cls=page.c("link"),
        privacy_title=e(t["privacy_title"]), privacy_intro=e(t["privacy_intro"]),
        privacy_rights=e(t["privacy_rights"]), form_href=form_href,
        right_to_object=e(t["right_to_object"]), object_sentence=sentence,
        tp_heading=e(t["privacy_tp_heading"]), tp_sub=e(t["privacy_tp_sub"]),
        tp_text=e(t["privacy_tp_text"]), tp_href=forms.THIRD_PARTY_PATH,
        tp_link=e(t["privacy_tp_link"]),
    )
    return page.document(
        f"{t['privacy_centre']} | {'Instagram' if instagram else 'Facebook'}",
        content, kind="privacy", section=t["privacy_centre"],
    )


def message_page(page: Page, kind: str, title: str, text: str,
                 links: list[tuple[str, str]]) -> str:
    content = page.message(title, text, links)
    brand = BRAND[page.platform]
    section = page.rt["wa_help"] if page.platform == "whatsapp" else page.t["help_centre"]
    return page.document(f"{title} | {brand}" if kind != "not-found" else brand, content,
                         kind=kind, section=section)


def not_found(page: Page) -> str:
    t = page.t
    return message_page(page, "not-found", t["notfound_title"], t["notfound_text"],
                        [("/", t["go_to_feed"]), ("javascript:history.back()", t["go_back"]),
                         ("/help/", t["visit_help"])])


def confirmation(page: Page) -> str:
    t = page.t
    return message_page(page, "confirmation", t["confirm_title"], t["confirm_text"],
                        [("/", t["go_to_feed"] if page.platform == "facebook" else t["ig_home"])])


def refused(page: Page) -> str:
    t = page.t
    return message_page(page, "refused", t["refused_title"], t["refused_text"],
                        [("/help/", t["visit_help"])])


def server_error(page: Page, back: str) -> str:
    t = page.t
    return message_page(page, "server-error", t["error_title"], t["error_text"],
                        [(back, t["go_back"])])


def help_home(page: Page) -> str:
    t = page.t
    content = page.message(t["help_title"], "", [
        ("/privacy/genai", t["privacy_centre"]),
        ("/dyi/", t["help_access"]),
        (forms.GATE_PATH, t["gate_title"]),
    ])
    return page.document(f"{t['help_centre']} | Facebook", content, kind="help",
                         section=t["help_centre"])
