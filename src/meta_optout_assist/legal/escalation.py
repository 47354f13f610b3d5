"""The complaint kit (`assist escalate ID`): letters a person sends when Meta's form fails, or Meta
refuses or ignores the objection.

Into `<receipt folder>/complaint-kit/` it writes, in the person's language where a template exists
(data/letters/<lang>.yaml, loaded and checked by letters.py; else English):
  1. an objection under Art. 21 GDPR to the data protection officer of the platform's controller
     (Meta Platforms Ireland; for WhatsApp, WhatsApp Ireland), the email/post route,
  2. a complaint under Art. 77 GDPR to the data protection authority of the person's country,
  3. README.txt: what to do with them.
The Portuguese letters cite Brazil's LGPD beside the GDPR (Art. 18 § 2 objection, § 1 petition to
the ANPD), as a Portuguese reader may live in Portugal or in Brazil.
Both letters list the receipt's files as evidence, with the dates from the journal. Authority and
DPO details come from `meta_optout_assist.legal.authorities` (data/authorities.yaml), country names from
`countries`.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from string import Template

from meta_optout_assist.errors import BadInput
from meta_optout_assist.legal.letters import (
    ESCALATABLE_STATES,
    LetterSet,
    available_languages,
    load_letters,
    where,
)
from meta_optout_assist.legal.letters import (
    PLACEHOLDERS as PLACEHOLDERS,  # the templates' placeholders, listed in letters.py
)
from meta_optout_assist.site.selectors import platform_name
from meta_optout_assist.store.journal import Journal, Record, utc_now
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
    "BR": "pt", "PT": "pt",
    "IE": "en", "GB": "en", "UK": "en", "MT": "en",
}


def country_language(code: str | None) -> str | None:
    """The main language of a country (COUNTRY_LANGUAGE), None when it is not listed."""
    return COUNTRY_LANGUAGE.get((code or "").upper())


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


def _sent_phone(receipt: Receipt) -> str | None:
    """The phone number the form was sent with (sent.json): +<digits> where it has its country
    code ("Deutschland (+49) 1511234567" → +491511234567), else as it was sent."""
    try:
        sent = json.loads((receipt.dir / "sent.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = sent.get("phone") if isinstance(sent, dict) else None
    if not isinstance(value, str) or not re.search(r"\d", value):
        return None
    return "+" + re.sub(r"\D", "", value) if "+" in value else value.strip()


def _timeline(record: Record, letters: LetterSet, values: dict[str, str]) -> str:
    return "\n".join(
        f"- {h.at:%Y-%m-%d %H:%M} UTC: "
        + (_fill(letters.states[h.state], values) if h.state in letters.states else h.state.value)
        for h in record.history
    )


_WIDTH = 96


def _fill(text: str, values: dict[str, str]) -> str:
    """Fill a template; a line holding only a placeholder that is empty goes."""
    kept = [line for line in text.splitlines()
            if not ((m := re.fullmatch(r"\s*\$(\w+)\s*", line)) and not values.get(m.group(1)))]
    return Template("\n".join(kept)).substitute(values).strip()


#: A template line this long was wrapped by its author: the next line of the paragraph goes on it.
_WRAPPED = 72
_LEAD = re.compile(r"\s*(?:[-*] |\d+\. )?")
_ALONE = re.compile(r"\s*\$\w+\s*")
#: Spaces a line is not broken at: before a number ("Art. 21", "Dublin 4") and after "§".
_KEEP_TOGETHER = re.compile(r"(?<=§) | (?=\d)")


def _join_paragraphs(text: str) -> str:
    """A template's hand-wrapped paragraphs as one line each, so that they are wrapped again once
    filled: a placeholder's text is longer or shorter than its name. List items, lines of a block
    (an address, "Name: …") and lines of a placeholder alone stay lines of their own."""
    out: list[str] = []
    joinable = False
    for line in text.splitlines():
        lead = _LEAD.match(line).group(0)
        if (joinable and line.strip() and lead.strip() == "" and not _ALONE.fullmatch(line)
                and len(lead) == len(_LEAD.match(out[-1]).group(0))):
            out[-1] += " " + line.strip()
        else:
            out.append(line)
        joinable = len(line) >= _WRAPPED and not _ALONE.fullmatch(line)
    return "\n".join(out)


def _render(text: str, values: dict[str, str]) -> str:
    """A whole file: filled, paragraphs wrapped (URLs kept whole), no runs of blank lines."""
    lines = []
    for line in _fill(_join_paragraphs(text), values).splitlines():
        line = line.rstrip()
        if len(line) <= _WIDTH:
            lines.append(line)
            continue
        indent = _LEAD.match(line).group(0)
        glued = _KEEP_TOGETHER.sub("\0", line[len(indent):])
        lines.extend(part.replace("\0", " ") for part in textwrap.wrap(
            glued, _WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent),
            break_long_words=False, break_on_hyphens=False))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def escalate(journal: Journal, data_dir: Path, record_id: str, *, language: str | None = None,
             now: datetime | None = None) -> Kit:
    """Write the complaint kit for a record into its receipt folder and return what was written."""
    from meta_optout_assist.legal import authorities

    record = journal.get(record_id)
    dpo = authorities.meta_dpo(record.platform)
    if record.state not in ESCALATABLE_STATES:
        raise BadInput(
            f"{dpo.short_name} honoured the objection of record {record.id}: nothing to escalate.",
            hint=f"If that changed, `assist mark {record.id} --outcome rejected` first.")
    now = now or utc_now()
    lang = choose_language(record, language)
    letters = load_letters(lang)

    if record.receipt_dir:
        receipt = Receipt.at(record.receipt_dir)
    else:
        receipt = Receipt.create(data_dir, record.id)
    kit_dir = private_dir(receipt.dir / KIT_DIR)

    authority = _authority(record.country, lang, letters)
    sent = record.submitted_at or record.confirmed_at
    # to the DPO of the company that holds the data: 1-objection-to-meta-dpo, …-whatsapp-dpo
    slug = re.sub(r"[^a-z0-9]+", "-", dpo.short_name.lower()).strip("-") or "controller"
    objection_file = f"1-objection-to-{slug}-dpo.{lang}.txt"
    complaint_file = f"2-complaint-to-data-protection-authority.{lang}.txt"
    address_lines = [line.strip() for line in dpo.address.splitlines() if line.strip()]
    meta_address = ", ".join((dpo.name, *address_lines))
    values: dict[str, str] = {
        "date": now.date().isoformat(),
        "platform": platform_name(record.platform) or record.platform.capitalize(),
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
        "controller": dpo.name,
        "company": dpo.short_name,
        **letters.company_values(dpo.short_name, where(lang)),
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
        # filled in below, from templates that may use the values above
        "timeline": "", "authority_complaint_url": "", "authority_note": "", "authority_hint": "",
        "matter": "", "situation": "", "account_line": "", "account_details": "",
        "phone": _sent_phone(receipt) or letters.no_phone,
    }
    values["timeline"] = _timeline(record, letters, values)
    account = letters.account_for(record.platform)
    values["account_line"] = _fill(account.objection, values)
    values["account_details"] = _fill(account.complaint, values)
    values["authority_complaint_url"] = authority.complaint_url or _fill(
        letters.no_complaint_form, values)
    # e.g. Germany: complaints go to the Land's authority, not the federal one
    regional = _fill(letters.regional_line, values) if authority.regional_list_url else ""
    values["authority_hint"] = f"[{regional}]" if regional else ""
    values["authority_note"] = " ".join(n for n in (regional, authority.note or "") if n)
    values["matter"] = _fill(letters.matter_for(record.platform, record.form), values)
    situation = _fill(letters.situations[record.state], values)
    if record.reason:
        situation += "\n" + _fill(letters.reason_line, values)
    values["situation"] = situation

    objection = write_private(kit_dir / objection_file, _render(letters.objection, values))
    complaint = write_private(kit_dir / complaint_file, _render(letters.complaint, values))
    readme = write_private(kit_dir / "README.txt", _render(letters.readme, values))
    journal.update(record.id, receipt_dir=str(receipt.dir), escalated_at=now)
    return Kit(journal.get(record.id), lang, kit_dir, objection, complaint, readme, authority.name)

