"""Which forms live at which address, what fields they show, and how a POST is checked.

A form is described once, as a list of field specs (plain dicts, sent as JSON to the page
script too). The native renderer turns a spec into <select>/<input>/<textarea> with `name`
attributes; the custom renderer (page script) turns the same spec into Meta-style widgets.
The server normalises what came back to the keys the brief names (country, email, reason, ...).
"""

from __future__ import annotations

import re

from .texts import MISSING_FROM_2024, countries

# -- addresses -------------------------------------------------------------------------------

FB_OBJECTION_IDS = ("712876720715583", "6359191084165019")  # 2025 id first (the current one)
IG_OBJECTION_IDS = ("767264225370182", "233964459562201")
THIRD_PARTY_ID = "510058597920541"
GATE_ID = "367438723733209"
# WhatsApp's "Your messages with AIs on WhatsApp": the EU form, then the reported fallback (UK too).
WHATSAPP_IDS = ("382532939919295", "4363383090404717")

FB_FORM_PATH = f"/help/contact/{FB_OBJECTION_IDS[0]}"
IG_FORM_PATH = f"/contact/{IG_OBJECTION_IDS[0]}"
THIRD_PARTY_PATH = f"/help/contact/{THIRD_PARTY_ID}"
GATE_PATH = f"/help/contact/{GATE_ID}"

# Native help-contact forms post here (as Meta's older help forms do); the page script of the
# custom widgets posts JSON to the AJAX twin.
SUBMIT_NATIVE = "/ajax/help/contact/submit/page"
SUBMIT_JSON = "/ajax/help/contact/submit/"
CODE_NATIVE = "/ajax/help/contact/code/page"
CODE_JSON = "/ajax/help/contact/code/"


def form_kind(form_id: str) -> str | None:
    """'facebook-objection' | 'instagram-objection' | 'third-party' | 'gate' | None."""
    if form_id in FB_OBJECTION_IDS:
        return "facebook-objection"
    if form_id in IG_OBJECTION_IDS:
        return "instagram-objection"
    if form_id == THIRD_PARTY_ID:
        return "third-party"
    if form_id == GATE_ID:
        return "gate"
    return None


def platform_of(form_id: str) -> str:
    if form_id in WHATSAPP_IDS:
        return "whatsapp"
    return "instagram" if form_id in IG_OBJECTION_IDS else "facebook"


def form_path(form_id: str) -> str:
    if form_id in WHATSAPP_IDS:
        return f"/contact/forms/{form_id}/"
    return f"/contact/{form_id}" if form_id in IG_OBJECTION_IDS else f"/help/contact/{form_id}"


# Where each platform's results and emailed links live (the confirmation link: BASE + /confirm/).
RESULT_BASE = {"facebook": "/help/contact", "instagram": "/contact", "whatsapp": "/contact/forms"}


# -- field specs -------------------------------------------------------------------------------


def _country_field(t: dict, locale: str, *, exclude=frozenset(), label_mode="by") -> dict:
    return {
        "key": "country",
        "type": "select",
        "name": "country",
        "label": t["country_label"],
        "placeholder": t["country_placeholder"],
        "options": [[code, name] for code, name in countries(locale) if code not in exclude],
        "required": True,
        "label_mode": label_mode,
    }


def objection_fields(t: dict, locale: str, field_set: str, prefill_email: str) -> list[dict]:
    """The user objection form (Facebook and Instagram) for one field set."""
    fields: list[dict] = []
    if field_set in ("2024", "2025-country"):
        exclude = MISSING_FROM_2024 if field_set == "2024" else frozenset()
        fields.append(_country_field(t, locale, exclude=exclude))
    fields.append(
        {
            "key": "email",
            "type": "text",
            "name": "email",
            "label": t["email_label"],
            "required": True,
            "label_mode": "aria",
            "autocomplete": "email",
            "value": prefill_email if field_set != "2024" else "",
        }
    )
    required_reason = field_set == "2024"
    fields.append(
        {
            "key": "reason",
            "type": "textarea",
            "name": "objection_reason",
            "label": t["reason_label"],
            "required": required_reason,
            "optional_text": None if required_reason else t["optional"],
            "label_mode": "by",
        }
    )
    return fields


def third_party_fields(t: dict, locale: str) -> list[dict]:
    details = [
        _country_field(t, locale, label_mode="aria"),
        {"key": "first_name", "type": "text", "name": "first_name", "label": t["first_name"],
         "required": True, "label_mode": "aria", "autocomplete": "given-name"},
        {"key": "last_name", "type": "text", "name": "last_name", "label": t["last_name"],
         "required": True, "label_mode": "aria", "autocomplete": "family-name"},
        {"key": "email", "type": "text", "name": "email", "label": t["email_label"],
         "required": True, "label_mode": "by", "autocomplete": "email"},
        {"key": "knowledge", "type": "radios", "name": "ai_knowledge", "label": t["tp_knowledge"],
         "options": [["yes", t["yes"]], ["no", t["no"]]], "required": False, "label_mode": "by"},
        {"key": "prompts", "type": "textarea", "name": "prompts", "label": t["tp_prompts"],
         "hint": t["tp_prompts_hint"], "required": False, "label_mode": "aria"},
        {"key": "evidence", "type": "file", "name": "evidence", "label": t["tp_evidence"],
         "button": t["tp_evidence_button"], "no_file": t["tp_no_file"], "accept": "image/*",
         "required": False, "label_mode": "aria"},
        {"key": "details", "type": "textarea", "name": "details", "label": t["tp_details"],
         "hint": t["tp_details_hint"], "required": True, "min_length": 100, "label_mode": "by"},
    ]
    return [
        {"key": "request", "type": "radios", "name": "request_type", "label": t["tp_choice_label"],
         "options": [["object", t["tp_object"]], ["delete", t["tp_delete"]],
                     ["other", t["tp_other"]]],
         "required": True, "label_mode": "by"},
        {"type": "info", "show_when": ["request", ["other"]], "text": t["tp_other_info"],
         "link": ["/privacy/genai", t["privacy_centre"]]},
        {"type": "section", "show_when": ["request", ["object", "delete"]], "fields": details,
         "submit": True},
    ]


def gate_fields(t: dict) -> list[dict]:
    return [
        {"key": "answer", "type": "radios", "name": "ai_related", "label": t["gate_question"],
         "options": [["yes", t["yes"]], ["no", t["no"]]], "required": True, "label_mode": "by"},
    ]


def unknown_fields(t: dict) -> list[dict]:
    return [
        {"key": "purchase_date", "type": "date", "name": "purchase_date", "label": t["unk_date"],
         "required": False, "label_mode": "aria"},
        {"key": "product", "type": "textarea", "name": "product_description",
         "label": t["unk_describe"], "required": False, "label_mode": "by"},
    ]


def walk(fields: list[dict]):
    """Every input field of a spec, sections flattened."""
    for spec in fields:
        if spec["type"] == "section":
            yield from walk(spec["fields"])
        elif spec["type"] != "info":
            yield spec


def visible(fields: list[dict], values: dict):
    """The input fields a person can see given the current values (sections opened)."""
    for spec in fields:
        if spec["type"] == "section":
            key, allowed = spec["show_when"]
            if values.get(key) in allowed:
                yield from visible(spec["fields"], values)
        elif spec["type"] != "info":
            yield spec


# -- reading a POST ---------------------------------------------------------------------------

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def raw_values(fields: list[dict], posted: dict, *, by: str) -> dict:
    """Map what the browser sent (by native `name` or by spec `key`) to spec keys."""
    values: dict = {}
    for spec in walk(fields):
        source = spec["name"] if by == "name" else spec["key"]
        if source in posted:
            values[spec["key"]] = posted[source]
    return values


def validate(fields: list[dict], values: dict, t: dict) -> dict[str, str]:
    """Field errors (spec key -> message in the page's language) for the visible fields."""
    errors: dict[str, str] = {}
    for spec in visible(fields, values):
        key = spec["key"]
        value = values.get(key)
        if spec["type"] == "file":
            continue
        text = value.strip() if isinstance(value, str) else ""
        if spec["type"] == "select":
            allowed = {code for code, _ in spec["options"]}
            if text not in allowed:
                errors[key] = t["required_error"]
            continue
        if spec["type"] == "radios":
            allowed = {code for code, _ in spec["options"]}
            if spec.get("required") and text not in allowed:
                errors[key] = t["choose_error"]
            continue
        if spec.get("required") and not text:
            errors[key] = t["required_error"]
        elif key == "email" and text and not EMAIL_RE.match(text):
            errors[key] = t["email_error"]
        elif spec.get("min_length") and len(text) < spec["min_length"]:
            errors[key] = t["tp_details_error"]
    # The "other concerns / access" choice has no form: nothing to send.
    if values.get("request") == "other":
        errors["request"] = t["choose_error"]
    return errors


def normalise(kind: str, values: dict) -> dict:
    """The `fields` recorded for a submission (keys named in the brief)."""

    def text(key: str) -> str:
        value = values.get(key)
        return value.strip() if isinstance(value, str) else ""

    if kind in ("facebook-objection", "instagram-objection"):
        out = {}
        for key in ("country", "email", "reason"):
            if key in values:
                out[key] = text(key).upper() if key == "country" else text(key)
        return out
    if kind == "third-party":
        evidence = values.get("evidence") or {}
        prompts = values.get("prompts", "")
        if isinstance(prompts, list):
            prompt_list = [str(p).strip() for p in prompts if str(p).strip()]
        else:
            prompt_list = [line.strip() for line in str(prompts).splitlines() if line.strip()]
        return {
            "request": text("request"),
            "country": text("country").upper(),
            "first_name": text("first_name"),
            "last_name": text("last_name"),
            "email": text("email"),
            "knowledge": text("knowledge"),
            "prompts": prompt_list,
            "details": text("details"),
            "evidence_filename": evidence.get("filename"),
            "evidence_size": evidence.get("size", 0),
        }
    return {key: (value if not isinstance(value, dict) else value.get("filename"))
            for key, value in values.items()}
