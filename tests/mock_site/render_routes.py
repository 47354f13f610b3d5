"""HTML of the newer routes: the block dialog, the dialog no tool knows, the emailed-link notice,
WhatsApp's code step and result pages, and cookie dialogs known only by their attributes.

Native pages get this markup from the server; custom pages draw the same dialogs in
templates/site.js from `block_content` and the texts in the page's config.
"""

from __future__ import annotations

from .render import Page, e, hidden_inputs, message_page
from .texts_routes import straight_apostrophes

# Instagram's cookie dialog as DuckDuckGo's autoconsent rules find it (generated class names).
IG_DIALOG_CLASSES = "x1qjc9v5 x9f619 x78zum5 xdt5ytf x1iyjqo2 xl56j7k"
IG_OPT_OUT_CLASSES = "_a9-- _ap36 _a9_1"
IG_OPT_IN_CLASSES = "_a9-- _ap36 _a9_0"
FB_DIALOG_TESTID = "cookie-policy-manage-dialog"
APPEAL_HREF = "/help/"


def block_content(page: Page) -> dict:
    """Title, body, the appeal sentence split around its link, and the button, per block_text."""
    rt = page.rt
    cant_use = page.variant.block_text == "cant_use"
    before, _, after = rt["block_appeal"].partition("{link}")
    content = {
        "title": rt["cant_use_title" if cant_use else "block_title"],
        "body": rt["cant_use_body" if cant_use else "block_body"],
        "appeal": [before, rt["block_appeal_link"], after],
        "href": APPEAL_HREF,
        "ok": rt["ok"],
    }
    if page.variant.block_text == "blocked_straight":
        content = {k: ([straight_apostrophes(p) for p in v] if isinstance(v, list)
                       else straight_apostrophes(v)) for k, v in content.items()}
    return content


def _ok_button(page: Page, label: str) -> str:
    return (
        f'<div class="{page.c("actions")}"><button type="button" value="1" '
        f'class="{page.c("button_primary", "dismiss")}">{e(label)}</button></div>'
    )


def block_dialog_native(page: Page) -> str:
    b = block_content(page)
    before, link, after = b["appeal"]
    body = (
        f'<p>{e(b["body"])}</p><p>{e(before)}<a href="{b["href"]}" class="{page.c("link")}">'
        f"{e(link)}</a>{e(after)}</p>{_ok_button(page, b['ok'])}"
    )
    return page.dialog(b["title"], body, layer="block_layer")


def surprise_dialog_native(page: Page) -> str:
    rt = page.rt
    body = (
        f'<p>{e(rt["surprise_text"])}</p><p><a href="/help/" class="{page.c("link")}">'
        f'{e(rt["surprise_link"])}</a></p>'
    )
    return page.dialog(rt["surprise_title"], body, layer="surprise_layer")


def link_dialog_native(page: Page, pending: dict) -> str:
    rt = page.rt
    body = f'<p>{e(rt["link_text"].format(email=pending["email"]))}</p>{_ok_button(page, rt["ok"])}'
    return page.dialog(rt["link_title"], body, layer="link_layer")


def pending_section_native(page: Page, form_id: str, pending: dict, endpoint: dict) -> str:
    """WhatsApp: what appears below the sent form, the code field (with Confirm) or the notice
    that a link was emailed."""
    rt = page.rt
    heading = f'<h3 class="{page.c("subtitle")}">{{}}</h3>'
    if pending.get("via") == "link":
        return (
            f'<div role="status" class="{page.c("code_section")}">'
            f'{heading.format(e(rt["link_title"]))}'
            f'<p>{e(rt["link_text"].format(email=pending["email"]))}</p></div>'
        )
    fid = page.new_id()
    error = {"wrong": rt["wa_code_wrong"], "expired": rt["wa_code_expired"]}.get(pending.get("error"))
    invalid = ' aria-invalid="true"' if error else ""
    error_html = f'<div role="alert" class="{page.c("error")}">{e(error)}</div>' if error else ""
    return (
        f'<div class="{page.c("code_section")}">{heading.format(e(rt["wa_code_heading"]))}'
        f'<form method="post" action="{endpoint["code_native"]}" novalidate class="{page.c("form")}">'
        f"{page.hidden_tokens()}"
        f'<input type="hidden" name="support_form_id" value="{e(form_id)}">'
        f'{hidden_inputs(endpoint["hidden"])}'
        f'<div class="{page.c("field")}"><label for="{fid}" class="{page.c("label")}">'
        f'{e(rt["wa_code_label"].format(email=pending["email"]))}</label>'
        f'<input type="text" name="code" id="{fid}" inputmode="numeric" '
        f'autocomplete="one-time-code" maxlength="6" aria-required="true"{invalid} '
        f'class="{page.c("control")}">{error_html}</div>'
        f'<div class="{page.c("actions")}"><button type="submit" value="1" '
        f'class="{page.c("button_primary")}">{e(rt["wa_code_confirm"])}</button></div>'
        f"</form></div>"
    )


def attribute_banner(page: Page) -> str:
    """Meta's cookie dialog as consent rules see it: Facebook's data-testid/data-cookiebanner,
    Instagram's generated class names; new words on its buttons."""
    rt = page.rt
    instagram = page.platform == "instagram"
    suffix = "ig" if instagram else "fb"
    opt_out, opt_in = rt[f"attr_essential_{suffix}"], rt[f"attr_all_{suffix}"]
    title_id = page.new_id()
    if instagram:
        dialog_attrs = f'class="{IG_DIALOG_CLASSES} {page.c("dialog")}"'
        out_attrs = f'class="{IG_OPT_OUT_CLASSES} {page.c("button_secondary")}" tabindex="0"'
        in_attrs = f'class="{IG_OPT_IN_CLASSES} {page.c("button_primary")}" tabindex="0"'
    else:
        dialog_attrs = f'data-testid="{FB_DIALOG_TESTID}" class="{page.c("dialog")}"'
        out_attrs = (f'data-cookiebanner="accept_only_essential_button" '
                     f'class="{page.c("button_secondary")}"')
        in_attrs = f'data-cookiebanner="accept_button" class="{page.c("button_primary")}"'
    # The opt-out first: the page script binds the layer's buttons in the order essential, all.
    return (
        f'<div class="{page.c("layer", "cookie_layer")}"><div class="{page.c("backdrop")}"></div>'
        f'<div role="dialog" aria-modal="true" aria-labelledby="{title_id}" {dialog_attrs}>'
        f'<h2 id="{title_id}" class="{page.c("dialog_title")}">'
        f'{e(rt["attr_title"].format(brand="Instagram" if instagram else "Facebook"))}</h2>'
        f'<div class="{page.c("dialog_body")}"><p>{e(rt["attr_body"])}</p>'
        f'<p><a href="/privacy/policies/cookies/?entry_point=cookie_consent_dialog" '
        f'class="{page.c("link")}">{e(page.t["banner_learn_more"])}</a></p></div>'
        f'<div class="{page.c("banner_buttons")}">'
        f'<button type="button" {out_attrs}>{e(opt_out)}</button>'
        f'<button type="button" {in_attrs}>{e(opt_in)}</button></div></div></div>'
    )


# -- pages --------------------------------------------------------------------------------------


def link_error(page: Page) -> str:
    rt = page.rt
    links = [] if page.platform == "whatsapp" else [("/help/", page.t["visit_help"])]
    return message_page(page, "link-error", rt["link_error_title"], rt["link_error_text"], links)


def whatsapp_result(page: Page, confirmed: bool) -> str:
    rt = page.rt
    if confirmed:
        return message_page(page, "confirmation", rt["wa_confirm_title"], rt["wa_confirm_text"], [])
    return message_page(page, "refused", rt["wa_refused_title"], rt["wa_refused_text"], [])


def whatsapp_not_found(page: Page) -> str:
    t = page.t
    return message_page(page, "not-found", t["notfound_title"], t["notfound_text"],
                        [("javascript:history.back()", t["go_back"])])

