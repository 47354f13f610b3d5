"""Where to escalate: the data protection authority of each country with an objection route (the
EU/EEA, the UK, Brazil, Switzerland), and Meta's data protection officer.

Meta refuses some objections and ignores others; the person's next step is a complaint to the
authority where they live (Art. 77 GDPR; in Brazil a petition to the ANPD, LGPD Art. 18 § 1; in
Switzerland a report to the FDPIC) or a letter to Meta's data protection officer. The addresses
live in data/authorities.yaml so they can be corrected without touching code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from meta_optout_assist.legal.countries import normalize_code, read_validated


@dataclass(frozen=True)
class Authority:
    """A national data protection authority (a supervisory authority under the GDPR or UK GDPR,
    Brazil's ANPD, Switzerland's FDPIC)."""

    country: str
    name_local: str
    name_en: str
    url: str
    abbreviation: str | None = None
    complaint_url: str | None = None
    regional_list_url: str | None = None
    note: str | None = None

    @property
    def name(self) -> str:
        """The official name in the authority's own language (what its website calls it)."""
        return self.name_local

    @property
    def display_name(self) -> str:
        """The local name people search for, e.g. "Autoriteit Persoonsgegevens (AP)"."""
        return f"{self.name_local} ({self.abbreviation})" if self.abbreviation else self.name_local


@dataclass(frozen=True)
class MetaDPO:
    """How to reach Meta's data protection officer in the EU (letters address it by these)."""

    name: str  # the controller's legal name, e.g. "WhatsApp Ireland Limited"
    short_name: str  # the name people know it by, e.g. "WhatsApp": letters' bodies use it
    address: str  # postal address below the company name, one line per line
    contact_url: str
    note: str


@functools.cache
def _schema() -> Any:
    # pydantic is imported here, not at module import: `assist --help` must stay fast.
    from pydantic import BaseModel, ConfigDict, field_validator, model_validator

    def https(value: str | None) -> str | None:
        if value is not None and not (value.startswith("https://") and "." in value[8:]):
            raise ValueError(f"{value!r} must be an https:// address")
        return value

    class Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

    class AuthorityEntry(Strict):
        name_local: str
        name_en: str
        url: str
        abbreviation: str | None = None
        complaint_url: str | None = None
        regional_list_url: str | None = None
        note: str | None = None

        @field_validator("url", "complaint_url", "regional_list_url")
        @classmethod
        def _https(cls, value: str | None) -> str | None:
            return https(value)

    class DPOEntry(Strict):
        name: str
        short_name: str
        address: tuple[str, ...]
        contact_url: str
        note: str

        @field_validator("contact_url")
        @classmethod
        def _https(cls, value: str) -> str:
            return https(value) or value

    class AuthoritiesFile(Strict):
        directory_url: str
        meta_lead: str
        authorities: dict[str, AuthorityEntry]
        meta_dpo: DPOEntry
        # A platform run by another Meta company (WhatsApp: WhatsApp Ireland) → its controller.
        controllers: dict[str, DPOEntry] = {}

        @field_validator("authorities")
        @classmethod
        def _codes(cls, value: dict[str, AuthorityEntry]) -> dict[str, AuthorityEntry]:
            for key in value:
                if not isinstance(key, str) or normalize_code(key) != key:
                    raise ValueError(f"{key!r} is not an upper-case ISO 3166-1 alpha-2 code")
            return value

        @model_validator(mode="after")
        def _lead_listed(self) -> AuthoritiesFile:
            if self.meta_lead not in self.authorities:
                raise ValueError(f"meta_lead {self.meta_lead} has no entry under authorities")
            https(self.directory_url)
            return self

    return AuthoritiesFile


@functools.cache
def _data() -> Any:
    return read_validated(_schema(), "authorities.yaml")


@functools.cache
def _authority(code: str) -> Authority | None:
    entry = _data().authorities.get(code)
    return Authority(country=code, **entry.model_dump()) if entry else None


def authority_for(code: str) -> Authority | None:
    """The authority for someone living in that country; None where none is on file (countries
    without an objection route).

    Territories such as Réunion or Åland get their country's authority (France, Finland).
    """
    from meta_optout_assist.legal.eligibility import country_for_form

    return _authority(country_for_form(normalize_code(code)))


def authorities_directory_url() -> str:
    """The EDPB's list of all EU/EEA authorities, for anything this file lacks."""
    return _data().directory_url


def meta_dpo(platform: str | None = None) -> MetaDPO:
    """The data protection officer of the company that controls the platform's data (Meta
    Platforms Ireland, or the platform's own under `controllers`); `note` says what is unverified."""
    data = _data()
    entry = data.controllers.get(platform or "", data.meta_dpo)
    return MetaDPO(
        name=entry.name,
        short_name=entry.short_name,
        address="\n".join(entry.address),
        contact_url=entry.contact_url,
        note=entry.note,
    )
