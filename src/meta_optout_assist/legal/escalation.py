"""The complaint kit (`assist escalate ID`): letters a person sends when Meta's form fails, or Meta
refuses or ignores the objection.

Into `<receipt folder>/complaint-kit/` it writes, in the person's language where a template exists
(data/letters/<lang>.yaml; else English):
  1. an objection under Art. 21 GDPR to Meta's data protection officer (the email/post route),
  2. a complaint under Art. 77 GDPR to the data protection authority of the person's country,
  3. README.txt: what to do with them.
Both letters list the receipt's files as evidence, with the dates from the journal. Authority and
DPO details come from `meta_optout_assist.legal.authorities` (data/authorities.yaml), country names from
`countries`.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from meta_optout_assist.errors import BadInput
from meta_optout_assist.site.yaml_text import safe_load
from meta_optout_assist.store.journal import Journal, Record, State, utc_now
from meta_optout_assist.store.layout import private_dir, write_private
from meta_optout_assist.store.receipts import Receipt
from meta_optout_assist.store.records import add_months

KIT_DIR = "complaint-kit"
DEFAULT_LANGUAGE = "en"
#: The EDPB's list of Europe's authorities, for a country the data has none for.
EDPB_MEMBERS_URL = "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en"
#: The language a letter is written in when the record does not say: the country's main one.
COUNTRY_LANGUAGE = {
    "AT": "de", "DE": "de", "LI": "de", "CH": "de",
    "FR": "fr", "LU": "fr", "MC": "fr",
    "BE": "nl", "NL": "nl",
    "ES": "es", "IT": "it", "SM": "it", "PL": "pl",
    "IE": "en", "GB": "en", "UK": "en", "MT": "en",
}


def country_language(code: str | None) -> str | None:
    """The main language of a country (COUNTRY_LANGUAGE), None when it is not listed."""
    return COUNTRY_LANGUAGE.get((code or "").upper())


#: Every placeholder a template may use.
PLACEHOLDERS = frozenset({
    "date", "platform", "account", "email", "country_name", "record_id", "form_url",
    "started_date", "submitted_date", "outcome_date", "deadline_date", "reason", "situation",
    "matter", "evidence", "timeline", "receipt_dir", "kit_dir", "meta_address", "dpo_title",
    "dpo_name", "dpo_address", "dpo_postal_line", "dpo_contact_url", "dpo_note",
    "authority_name", "authority_url", "authority_complaint_url", "authority_note",
    "authority_hint", "regional_list_url", "objection_file", "complaint_file",
})
_ESCALATABLE_STATES = tuple(s for s in State if s is not State.HONORED)


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


def available_languages() -> list[str]:
    folder = resources.files("meta_optout_assist.legal") / "data" / "letters"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


@cache
def load_letters(lang: str) -> LetterSet:
    """Load and check one language's templates; a fault names the file and the key."""
    res = resources.files("meta_optout_assist.legal") / "data" / "letters" / f"{lang}.yaml"
    where = f"letters/{lang}.yaml"
    try:
        data = safe_load(res.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"No letter templates for language '{lang}'.",
                       hint=f"Available: {', '.join(available_languages())}.") from None
    except yaml.YAMLError as err:
        raise BadInput(f"{where} is not valid YAML: {err}") from None
    try:
        letters = LetterSet.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise BadInput(f"{where}, key '{key}': {first['msg']}") from None
    for key, needed in (("situations", set(_ESCALATABLE_STATES)),
                        ("matter", {"objection", "third-party"})):
        missing = needed - set(getattr(letters, key))
        if missing:
            raise BadInput(f"{where}, key '{key}': missing {', '.join(sorted(missing))}")
    for key, text in _texts(letters):
        try:
            unknown = _identifiers(text) - PLACEHOLDERS
        except ValueError as err:
            raise BadInput(f"{where}, key '{key}': {err}") from None
        if unknown:
            names = ", ".join(f"${n}" for n in sorted(unknown))
            raise BadInput(f"{where}, key '{key}': unknown placeholder {names}")
    return letters


def _texts(letters: LetterSet) -> list[tuple[str, str]]:
    out = [(k, getattr(letters, k)) for k in ("objection", "complaint", "readme", "reason_line",
                                              "no_files", "unknown_country", "unknown_authority",
                                              "no_complaint_form", "dpo_title", "regional_line")]
    for name in ("situations", "matter", "states", "evidence"):
        out += [(f"{name}.{k}", v) for k, v in getattr(letters, name).items()]
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


def choose_language(record: Record, requested: str | None = None) -> str:
    """The person's language if a template exists for it, else English."""
    available = available_languages()
    by_country = country_language(record.country)
    for candidate in (requested, record.locale, by_country):
        if candidate:
            lang = re.split(r"[_-]", candidate)[0].lower()
            if lang in available:
                return lang
            if candidate is requested:
                raise BadInput(f"No letter templates for language '{requested}'.",
                               hint=f"Available: {', '.join(available)}.")
    return DEFAULT_LANGUAGE


# -- addresses and names: authorities.py and countries.py, imported when needed ----------------

@dataclass(frozen=True)
class _Party:
    name: str
    url: str
    complaint_url: str | None
    regional_list_url: str | None
    note: str | None


def _authority(country: str | None, lang: str, letters: LetterSet) -> _Party:
    from meta_optout_assist.legal import authorities

    try:
        auth = authorities.authority_for(country) if country else None
    except ValueError:  # not a country code the tool knows
        auth = None
    if auth is None:
        directory = getattr(authorities, "authorities_directory_url", lambda: EDPB_MEMBERS_URL)
        return _Party(letters.unknown_authority, directory(), None, None, None)
    name = getattr(auth, "display_name", None) or auth.name
    if lang == DEFAULT_LANGUAGE and auth.name_en and auth.name_en != auth.name:
        name = f"{auth.name_en}, {name}"
    return _Party(name, auth.url, auth.complaint_url, getattr(auth, "regional_list_url", None),
                  getattr(auth, "note", None))


def _country_name(code: str | None, lang: str, letters: LetterSet) -> str:
    if not code:
        return letters.unknown_country
    from meta_optout_assist.legal import countries

    try:
        return countries.country_name(code, lang) or code
    except (LookupError, ValueError):
        return code


# -- the kit ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Kit:
    record: Record
    language: str
    dir: Path
    objection: Path
    complaint: Path
    readme: Path
    authority: str

    @property
    def files(self) -> list[Path]:
        return [self.readme, self.objection, self.complaint]


def _date(when: datetime | None) -> str:
    return when.date().isoformat() if when else "—"


def _evidence_lines(receipt: Receipt, letters: LetterSet) -> str:
    lines = []
    for f in receipt.files():
        if f.name.startswith(f"{KIT_DIR}/"):
            continue
        desc = letters.evidence.get(f.name)
        lines.append(f"- {f.name}: {desc}" if desc else f"- {f.name}")
    return "\n".join(lines) or letters.no_files


def _timeline(record: Record, letters: LetterSet) -> str:
    return "\n".join(
        f"- {h.at:%Y-%m-%d %H:%M} UTC: {letters.states.get(h.state, h.state.value)}"
        for h in record.history
    )


_WIDTH = 96


def _fill(text: str, values: dict[str, str]) -> str:
    """Fill a template; a line holding only a placeholder that is empty goes."""
    kept = [line for line in text.splitlines()
            if not ((m := re.fullmatch(r"\s*\$(\w+)\s*", line)) and not values.get(m.group(1)))]
    return Template("\n".join(kept)).substitute(values).strip()


def _render(text: str, values: dict[str, str]) -> str:
    """A whole file: filled, long lines wrapped (URLs kept whole), no runs of blank lines."""
    lines = []
    for line in _fill(text, values).splitlines():
        line = line.rstrip()
        if len(line) <= _WIDTH:
            lines.append(line)
            continue
        indent = re.match(r"\s*(?:[-*] |\d+\. )?", line).group(0)
        lines.extend(textwrap.wrap(line, _WIDTH, subsequent_indent=" " * len(indent),
                                   break_long_words=False, break_on_hyphens=False))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def escalate(journal: Journal, data_dir: Path, record_id: str, *, language: str | None = None,
             now: datetime | None = None) -> Kit:
    """Write the complaint kit for a record into its receipt folder and return what was written."""
    record = journal.get(record_id)
    if record.state not in _ESCALATABLE_STATES:
        raise BadInput(f"Meta honoured the objection of record {record.id}: nothing to escalate.",
                       hint=f"If that changed, `assist mark {record.id} --outcome rejected` first.")
    now = now or utc_now()
    lang = choose_language(record, language)
    letters = load_letters(lang)

    if record.receipt_dir:
        receipt = Receipt.at(record.receipt_dir)
    else:
        receipt = Receipt.create(data_dir, record.id)
    kit_dir = private_dir(receipt.dir / KIT_DIR)

    from meta_optout_assist.legal import authorities

    dpo = authorities.meta_dpo()
    authority = _authority(record.country, lang, letters)
    sent = record.submitted_at or record.confirmed_at
    objection_file = f"1-objection-to-meta-dpo.{lang}.txt"
    complaint_file = f"2-complaint-to-data-protection-authority.{lang}.txt"
    address_lines = [line.strip() for line in dpo.address.splitlines() if line.strip()]
    meta_address = ", ".join((dpo.name, *address_lines))
    values: dict[str, str] = {
        "date": now.date().isoformat(),
        "platform": record.platform.capitalize(),
        "account": record.account,
        "email": record.email or "[your email address]",
        "country_name": _country_name(record.country, lang, letters),
        "record_id": record.id,
        "form_url": record.form_url or "—",
        "started_date": _date(record.started_at),
        "submitted_date": _date(sent),
        "outcome_date": _date(record.outcome_at),
        # unsent: the month runs from the day this letter reaches Meta, about today
        "deadline_date": _date(add_months(sent or now)),
        "reason": record.reason or "",
        "receipt_dir": str(receipt.dir),
        "kit_dir": str(kit_dir),
        "meta_address": meta_address,
        "dpo_title": letters.dpo_title,
        "dpo_name": dpo.name,
        "dpo_address": "\n".join(address_lines),
        "dpo_postal_line": f"{letters.dpo_title}, {meta_address}",
        "dpo_contact_url": dpo.contact_url,
        "dpo_note": dpo.note or "",
        "authority_name": authority.name,
        "authority_url": authority.url,
        "regional_list_url": authority.regional_list_url or "",
        "objection_file": objection_file,
        "complaint_file": complaint_file,
        "evidence": _evidence_lines(receipt, letters),
        "timeline": _timeline(record, letters),
        # filled in below, from templates that may use the values above
        "authority_complaint_url": "", "authority_note": "", "authority_hint": "", "matter": "",
        "situation": "",
    }
    values["authority_complaint_url"] = authority.complaint_url or _fill(
        letters.no_complaint_form, values)
    # e.g. Germany: complaints go to the Land's authority, not the federal one
    regional = _fill(letters.regional_line, values) if authority.regional_list_url else ""
    values["authority_hint"] = f"[{regional}]" if regional else ""
    values["authority_note"] = " ".join(n for n in (regional, authority.note or "") if n)
    matter_key = "third-party" if record.form == "third-party" else "objection"
    values["matter"] = _fill(letters.matter[matter_key], values)
    situation = _fill(letters.situations[record.state], values)
    if record.reason:
        situation += "\n" + _fill(letters.reason_line, values)
    values["situation"] = situation

    objection = write_private(kit_dir / objection_file, _render(letters.objection, values))
    complaint = write_private(kit_dir / complaint_file, _render(letters.complaint, values))
    readme = write_private(kit_dir / "README.txt", _render(letters.readme, values))
    journal.update(record.id, receipt_dir=str(receipt.dir), escalated_at=now)
    return Kit(journal.get(record.id), lang, kit_dir, objection, complaint, readme, authority.name)

