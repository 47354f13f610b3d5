"""The complaint kit's templates (data/letters/<lang>.yaml): loading them and checking them, so a
fault names the file and the key before any letter is written.

A template names the controller with placeholders ($controller: its legal name, $company: the name
people know it by), never a company by hand: a WhatsApp record goes to WhatsApp Ireland, the others
to Meta Platforms Ireland (legal/authorities.py). A language whose grammar changes the name (an
article, a case) lists the forms it needs under `company_forms`, per company, and writes
$company_<form>. Paragraphs are wrapped again once filled (escalation.py): a template line of 72
characters or more runs on into the next.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from string import Template

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from meta_optout_assist.errors import BadInput
from meta_optout_assist.site.yaml_text import safe_load
from meta_optout_assist.store.journal import State

#: Every placeholder a template may use (and $company_<form> where the file lists that form).
PLACEHOLDERS = frozenset({
    "date", "platform", "account", "email", "country_name", "record_id", "form_url",
    "started_date", "submitted_date", "outcome_date", "deadline_date", "reason", "situation",
    "matter", "evidence", "timeline", "receipt_dir", "kit_dir", "meta_address", "dpo_title",
    "dpo_name", "dpo_address", "dpo_postal_line", "dpo_contact_url", "dpo_note",
    "authority_name", "authority_url", "authority_complaint_url", "authority_note",
    "authority_hint", "regional_list_url", "objection_file", "complaint_file",
    "controller", "company", "account_line", "account_details", "phone",
})
#: The forms every template's `matter` covers; a platform's own form may have its own text
#: (`<platform>-<form>`, e.g. whatsapp-objection: messages with AIs, not posts).
MATTER_FORMS = ("objection", "third-party")
ESCALATABLE_STATES = tuple(s for s in State if s is not State.HONORED)
_MATTER_KEY = re.compile(rf"[a-z0-9]+-(?:{'|'.join(map(re.escape, MATTER_FORMS))})")


class AccountLines(BaseModel):
    """How the letters name the account: on Facebook by its email, on WhatsApp by its number."""

    model_config = ConfigDict(extra="forbid")

    objection: str  # $account_line, in the objection
    complaint: str  # $account_details, in the complaint's "my details"


class LetterSet(BaseModel):
    """One language's templates (data/letters/<lang>.yaml)."""

    model_config = ConfigDict(extra="forbid")

    language: str
    objection: str
    complaint: str
    readme: str
    situations: dict[State, str]
    reason_line: str
    matter: dict[str, str]
    states: dict[State, str]
    evidence: dict[str, str]
    no_files: str
    unknown_country: str
    unknown_authority: str
    no_complaint_form: str
    dpo_title: str
    regional_line: str
    account: dict[str, AccountLines]  # `default`, or a platform's own
    no_phone: str  # $phone when the receipt has none
    # short name (authorities.yaml) → form → the name in that form, e.g. pt: Meta → of → "da Meta"
    company_forms: dict[str, dict[str, str]] = {}

    def matter_for(self, platform: str, form: str) -> str:
        """What the objection covers: the platform's own form's text where there is one."""
        own = self.matter.get(f"{platform}-{form}")
        return own if own is not None else self.matter[
            "third-party" if form == "third-party" else "objection"]

    def account_for(self, platform: str) -> AccountLines:
        return self.account.get(platform) or self.account["default"]

    def company_values(self, company: str, where: str) -> dict[str, str]:
        """$company_<form> for this company; a language that lists forms must list them for it."""
        if not self.company_forms:
            return {}
        forms = self.company_forms.get(company)
        if forms is None:
            raise BadInput(f"{where}, key 'company_forms': no forms for {company}",
                           hint=f"add {company} with the forms the others have: "
                                f"{', '.join(sorted(self.form_names()))}.")
        return {f"company_{name}": text for name, text in forms.items()}

    def form_names(self) -> set[str]:
        return {name for forms in self.company_forms.values() for name in forms}


def available_languages() -> list[str]:
    folder = resources.files("meta_optout_assist.legal") / "data" / "letters"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def where(lang: str) -> str:
    return f"letters/{lang}.yaml"


@cache
def load_letters(lang: str) -> LetterSet:
    """Load and check one language's templates; a fault names the file and the key."""
    res = resources.files("meta_optout_assist.legal") / "data" / "letters" / f"{lang}.yaml"
    file = where(lang)
    try:
        data = safe_load(res.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"No letter templates for language '{lang}'.",
                       hint=f"Available: {', '.join(available_languages())}.") from None
    except yaml.YAMLError as err:
        raise BadInput(f"{file} is not valid YAML: {err}") from None
    try:
        letters = LetterSet.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise BadInput(f"{file}, key '{key}': {first['msg']}") from None
    for key, needed in (("situations", set(ESCALATABLE_STATES)), ("matter", set(MATTER_FORMS)),
                        ("account", {"default"})):
        missing = needed - set(getattr(letters, key))
        if missing:
            raise BadInput(f"{file}, key '{key}': missing {', '.join(sorted(missing))}")
    for key in sorted(set(letters.matter) - set(MATTER_FORMS)):
        if not _MATTER_KEY.fullmatch(key):
            raise BadInput(f"{file}, key 'matter.{key}': not a form",
                           hint=f"keys are {', '.join(MATTER_FORMS)} or <platform>-<form>, "
                                "e.g. whatsapp-objection.")
    forms = letters.form_names()
    for company, given in letters.company_forms.items():
        if set(given) != forms:
            raise BadInput(f"{file}, key 'company_forms.{company}': missing "
                           f"{', '.join(sorted(forms - set(given)))}")
    allowed = PLACEHOLDERS | {f"company_{name}" for name in forms}
    for key, text in _texts(letters):
        try:
            unknown = _identifiers(text) - allowed
        except ValueError as err:
            raise BadInput(f"{file}, key '{key}': {err}") from None
        if unknown:
            names = ", ".join(f"${n}" for n in sorted(unknown))
            raise BadInput(f"{file}, key '{key}': unknown placeholder {names}")
    return letters


def _texts(letters: LetterSet) -> list[tuple[str, str]]:
    out = [(k, getattr(letters, k)) for k in ("objection", "complaint", "readme", "reason_line",
                                              "no_files", "unknown_country", "unknown_authority",
                                              "no_complaint_form", "dpo_title", "regional_line",
                                              "no_phone")]
    for name in ("situations", "matter", "states", "evidence"):
        out += [(f"{name}.{k}", v) for k, v in getattr(letters, name).items()]
    for platform, lines in letters.account.items():
        out += [(f"account.{platform}.{k}", v) for k, v in lines.model_dump().items()]
    return out


def _identifiers(text: str) -> set[str]:
    names = set()
    for m in Template.pattern.finditer(text):
        if m.group("invalid") is not None:
            raise ValueError(f"a stray '$' in: {text[:60]!r}")
        name = m.group("named") or m.group("braced")
        if name:
            names.add(name)
    return names
