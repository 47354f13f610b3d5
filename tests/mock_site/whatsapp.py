"""WhatsApp's objection form ("Your messages with AIs on WhatsApp"): language, fields and checks.

No login: the person is known by their WhatsApp number and an email address they can read now.
The server joins the picker's country and the national number (or reads the one full-number
field) into the E.164 number it records, as WhatsApp would before emailing a code.
"""

from __future__ import annotations

import re

from . import forms
from .calling_codes import CALLING_CODES
from .texts import countries
from .texts_routes import ROUTE_LOCALES

# Native pages post here; the page script of the custom widgets posts JSON to the async twins.
SUBMIT_NATIVE = "/contact/forms/submit/"
SUBMIT_JSON = "/contact/forms/submit/async/"
CODE_NATIVE = "/contact/forms/code/"
CODE_JSON = "/contact/forms/code/async/"

KIND = "whatsapp-objection"
# Italy keeps the leading 0 of its numbers in international form; elsewhere it is a trunk prefix.
KEEPS_LEADING_ZERO = frozenset({"IT", "SM", "VA"})


def page_locale(lang: str | None, fallback: str) -> str:
    """The page's language from WhatsApp Web's `?lang=` (de, pt_BR, pt-BR, en_US…), else
    `fallback` (the variant's locale), also for a language the replica does not speak."""
    if lang:
        base = re.split(r"[-_]", lang.strip(), maxsplit=1)[0].lower()
        if base in ROUTE_LOCALES:
            return base
    return fallback


def form_path(form_id: str, lang: str | None) -> str:
    """The form's address as the person reached it (the `lang` parameter kept)."""
    path = forms.form_path(form_id)
    return f"{path}?lang={lang}" if lang else path


def picker_options(locale: str, widgets: str) -> list[list[str]]:
    """[ISO code, label]: "Germany (+49)" in a <select>, "+49 Germany" in the custom listbox."""
    options = []
    for code, name in countries(locale):
        calling = CALLING_CODES.get(code)
        if calling is None:
            continue
        label = f"+{calling} {name}" if widgets == "custom" else f"{name} (+{calling})"
        options.append([code, label])
    return options


def fields(rt, locale: str, phone_mode: str, widgets: str) -> list[dict]:
    """The form's field specs (forms.py's shape) for one phone mode."""
    specs: list[dict] = []
    if phone_mode == "picker":
        specs.append({
            "key": "country_code", "type": "select", "name": "country_selector",
            "label": rt["wa_country_label"], "placeholder": rt["wa_country_placeholder"],
            "options": picker_options(locale, widgets), "required": True, "label_mode": "by",
        })
    specs += [
        {"key": "phone", "type": "tel", "name": "phone_number", "label": rt["wa_phone_label"],
         "hint": rt["wa_phone_hint" if phone_mode == "picker" else "wa_phone_full_hint"],
         "required": True, "label_mode": "by",
         "autocomplete": "tel-national" if phone_mode == "picker" else "tel"},
        {"key": "email", "type": "email", "name": "email", "label": rt["wa_email_label"],
         "hint": rt["wa_email_hint"], "required": True, "label_mode": "by",
         "autocomplete": "email"},
        {"key": "reason", "type": "textarea", "name": "your_message",
         "label": rt["wa_reason_label"], "optional_text": rt["wa_optional"], "required": False,
         "label_mode": "by"},
    ]
    return specs


def _text(values: dict, key: str) -> str:
    value = values.get(key)
    return value.strip() if isinstance(value, str) else ""


def check(values: dict, rt, phone_mode: str) -> tuple[dict[str, str], dict, str | None]:
    """(errors by field key, the fields to record, the picker's country or None).

    Recorded fields: {"phone": E.164 as understood (as typed when refused), "email", "reason"
    (only when given)}."""
    errors: dict[str, str] = {}
    typed = re.sub(r"\s+", "", _text(values, "phone"))
    country = _text(values, "country_code").upper() or None
    phone = typed
    if phone_mode == "picker":
        if country not in CALLING_CODES:
            errors["country_code"] = rt["wa_country_error"]
        if not typed:
            errors["phone"] = rt["wa_required_error"]
        elif not re.fullmatch(r"\d{4,14}", typed):
            errors["phone"] = rt["wa_phone_error"]
        elif country in CALLING_CODES:
            national = typed if country in KEEPS_LEADING_ZERO else typed.removeprefix("0")
            phone = f"+{CALLING_CODES[country]}{national}"
            if len(phone) - 1 > 15:
                errors["phone"] = rt["wa_phone_error"]
    else:
        country = None
        if not typed:
            errors["phone"] = rt["wa_required_error"]
        elif not re.fullmatch(r"\+[1-9]\d{6,14}", typed):
            errors["phone"] = rt["wa_phone_full_error"]
    email = _text(values, "email")
    if not email:
        errors["email"] = rt["wa_required_error"]
    elif not forms.EMAIL_RE.match(email):
        errors["email"] = rt["wa_email_error"]
    recorded = {"phone": phone, "email": email}
    reason = _text(values, "reason")
    if reason:
        recorded["reason"] = reason
    return errors, recorded, country
